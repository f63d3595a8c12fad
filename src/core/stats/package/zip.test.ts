import { describe, expect, it } from 'vitest';
import { rawZip } from './testkit';
import { inflateEntry, readZipDirectory, writeCanonicalZip } from './zip';

const limits = { maxEntries: 10, maxEntrySize: () => 1 << 20, maxTotalSize: 1 << 22, maxRatio: 200 };

describe('canonical zip', () => {
  it('reads back what it writes, stored and deflated', () => {
    const z = writeCanonicalZip([
      { path: 'a', data: Buffer.from('stored'), stored: true },
      { path: 'b/c.txt', data: Buffer.from('deflated '.repeat(50)) },
    ]);
    const d = readZipDirectory(z, limits);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.entries.map((e) => [e.name, e.method])).toEqual([
      ['a', 0],
      ['b/c.txt', 8],
    ]);
    const r = inflateEntry(z, d.entries[1] as (typeof d.entries)[number]);
    expect(r.ok && Buffer.from(r.data).toString()).toBe('deflated '.repeat(50));
  });

  it('caps inflation at the declared size', () => {
    const z = rawZip([{ name: 'x', data: new Uint8Array(5_000_000), declaredSize: 1000 }]);
    const d = readZipDirectory(z, limits);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    const r = inflateEntry(z, d.entries[0] as (typeof d.entries)[number]);
    expect(r).toMatchObject({ ok: false, reason: 'zip-bomb' });
  });

  it('refuses unsafe names when writing', () => {
    expect(() => writeCanonicalZip([{ path: '../x', data: new Uint8Array() }])).toThrow(/unsafe/);
    expect(() =>
      writeCanonicalZip([
        { path: 'a', data: new Uint8Array() },
        { path: 'a', data: new Uint8Array() },
      ]),
    ).toThrow(/duplicate/);
  });
});
