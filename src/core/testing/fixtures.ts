import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ADMIN = { name: 'Ona Petraitienė', passphrase: 'correct horse battery staple' } as const;
export const ORG = 'Paramos centras „Viltis“';

/** A fresh temp folder per test; vitest removes nothing by itself. */
export function tempDir(prefix = 'sauga-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
