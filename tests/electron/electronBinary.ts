import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

/** The Electron executable the smoke test can launch, or why there is none on this machine. */
export function electronExecutable(): { path: string } | { path?: undefined; reason: string } {
  const override = process.env.ELECTRON_EXEC_PATH;
  if (override) {
    return existsSync(override) ? { path: override } : { reason: `ELECTRON_EXEC_PATH=${override} does not exist` };
  }
  const pkg = join(ROOT, 'node_modules', 'electron');
  const pathTxt = join(pkg, 'path.txt');
  const exe = existsSync(pathTxt) ? join(pkg, 'dist', readFileSync(pathTxt, 'utf8').trim()) : undefined;
  if (exe && existsSync(exe)) return { path: exe };
  return {
    reason:
      'Electron binary not installed (node_modules/electron/dist missing); cannot download on this machine. ' +
      'Run `node node_modules/electron/install.js` where there is internet, or set ELECTRON_EXEC_PATH.',
  };
}
