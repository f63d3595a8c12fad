import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coreConfig, nativeBindingPath } from './services';

const dev = {
  userData: '/home/u/.config/Sauga',
  appPath: '/src/sauga',
  resourcesPath: '/opt/Sauga/resources',
  isPackaged: false,
  version: '0.1.0',
};
const packaged = { ...dev, isPackaged: true };

describe('nativeBindingPath', () => {
  it('uses the Electron-ABI build from scripts/rebuild-electron-native.mjs in development', () => {
    expect(nativeBindingPath(dev, () => true)).toBe(join('/src/sauga', 'native', 'electron', 'better_sqlite3.node'));
  });

  it('uses resources/native in a packaged build', () => {
    expect(nativeBindingPath(packaged, () => true)).toBe(join('/opt/Sauga/resources', 'native', 'better_sqlite3.node'));
  });

  it('falls back to the library lookup when no such build exists', () => {
    expect(nativeBindingPath(dev, () => false)).toBeUndefined();
  });
});

describe('coreConfig', () => {
  it('keeps the vault and settings in the user data folder', () => {
    expect(coreConfig(dev, () => false)).toEqual({
      vaultDir: join(dev.userData, 'vault'),
      configFile: join(dev.userData, 'config.json'),
      version: '0.1.0',
    });
    expect(coreConfig(packaged, () => true).nativeBinding).toBe(
      join('/opt/Sauga/resources', 'native', 'better_sqlite3.node'),
    );
  });
});
