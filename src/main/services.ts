import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppCoreConfig } from '../core/app';

export interface ShellPaths {
  userData: string;
  appPath: string;
  resourcesPath: string;
  isPackaged: boolean;
  version: string;
}

/**
 * The Electron-ABI build of better-sqlite3-multiple-ciphers: node_modules holds the Node-ABI
 * build (tests and CLI use it), which Electron cannot load. Packaged builds carry it in
 * resources/native (electron-builder extraResources); dev builds find the one made by
 * scripts/rebuild-electron-native.mjs. Undefined means "let the library look for its own".
 */
export function nativeBindingPath(paths: ShellPaths, exists: (p: string) => boolean = existsSync): string | undefined {
  const candidate = paths.isPackaged
    ? join(paths.resourcesPath, 'native', 'better_sqlite3.node')
    : join(paths.appPath, 'native', 'electron', 'better_sqlite3.node');
  return exists(candidate) ? candidate : undefined;
}

/** Where the desktop shell keeps its vault and settings: the OS user's own app-data folder. */
export function coreConfig(paths: ShellPaths, exists?: (p: string) => boolean): AppCoreConfig {
  const nativeBinding = nativeBindingPath(paths, exists);
  return {
    vaultDir: join(paths.userData, 'vault'),
    configFile: join(paths.userData, 'config.json'),
    version: paths.version,
    ...(nativeBinding ? { nativeBinding } : {}),
  };
}
