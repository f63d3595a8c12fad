import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

type Context = {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
  packager: { executableName: string; appInfo: { productFilename: string } };
};
const hook = createRequire(import.meta.url)('./after-pack-fuses.cjs') as ((ctx: Context) => Promise<void>) & {
  FUSES: Record<string, boolean>;
  executablePath: (ctx: Context) => string;
};

// A stand-in for the Electron binary: junk, the fuse sentinel, wire version 1, wire length,
// then one byte per fuse (as in a real build). @electron/fuses edits it exactly as it would
// edit the real binary.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const INHERIT_AS_SHIPPED = [0x31, 0x30, 0x31, 0x31, 0x30, 0x30, 0x30, 0x31, 0x31]; // Electron's defaults, 9 fuses
const names = [
  'RunAsNode',
  'EnableCookieEncryption',
  'EnableNodeOptionsEnvironmentVariable',
  'EnableNodeCliInspectArguments',
  'EnableEmbeddedAsarIntegrityValidation',
  'OnlyLoadAppFromAsar',
  'LoadBrowserProcessSpecificV8Snapshot',
  'GrantFileProtocolExtraPrivileges',
];

function fakeElectron(file: string) {
  writeFileSync(
    file,
    Buffer.concat([
      Buffer.from('ELF....'),
      Buffer.from(SENTINEL),
      Buffer.from([1, INHERIT_AS_SHIPPED.length, ...INHERIT_AS_SHIPPED]),
      Buffer.from('....'),
    ]),
  );
}

function readWire(file: string): Record<string, boolean> {
  const bytes = readFileSync(file);
  const at = bytes.indexOf(SENTINEL) + SENTINEL.length + 2;
  return Object.fromEntries(names.map((n, i) => [n, bytes[at + i] === 0x31]));
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sauga-fuses-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const context = (platform: string): Context => ({
  appOutDir: dir,
  electronPlatformName: platform,
  arch: 1,
  packager: { executableName: 'sauga', appInfo: { productFilename: 'Sauga' } },
});

describe('after-pack-fuses', () => {
  it('turns off RunAsNode, NODE_OPTIONS and --inspect, and turns on asar integrity, asar-only and cookie encryption', async () => {
    const exe = join(dir, 'sauga');
    fakeElectron(exe);
    await hook(context('linux'));
    expect(readWire(exe)).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
    });
    // A fuse newer than @electron/fuses 1.8 keeps Electron's own default.
    const bytes = readFileSync(exe);
    expect(bytes[bytes.indexOf(SENTINEL) + SENTINEL.length + 2 + 8]).toBe(0x31);
  });

  it('finds the executable on each platform', () => {
    expect(hook.executablePath(context('linux'))).toBe(join(dir, 'sauga'));
    expect(hook.executablePath(context('win32'))).toBe(join(dir, 'Sauga.exe'));
    expect(hook.executablePath(context('darwin'))).toBe(join(dir, 'Sauga.app'));
  });

  it('fails the packaging when there is no fuse wire to flip', async () => {
    writeFileSync(join(dir, 'sauga'), 'not electron');
    await expect(hook(context('linux'))).rejects.toThrow(/sentinel/i);
  });

  it('sets every fuse it knows explicitly', () => {
    expect(Object.keys(hook.FUSES)).toHaveLength(names.length);
  });
});
