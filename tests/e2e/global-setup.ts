import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

export const SHOTS_DIR = process.env.SAUGA_SHOTS_DIR ?? '/tmp/shots';

/** Builds the renderer once per run, so the tests never look at a stale bundle. */
export default function globalSetup(): void {
  mkdirSync(SHOTS_DIR, { recursive: true });
  if (process.env.SAUGA_E2E_SKIP_BUILD === '1') return;
  const root = resolve(__dirname, '../..');
  execFileSync(process.execPath, [resolve(__dirname, 'build-renderer.mjs')], { cwd: root, stdio: 'inherit' });
}
