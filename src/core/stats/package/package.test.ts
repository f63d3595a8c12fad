import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/fixtures';
import { dataValueSet, parseObservationsCsv } from './formats';
import { PACKAGE_MIMETYPE, PATHS } from './manifest';
import { parseSignature, verifyMinisign, parsePublicKey } from './minisign';
import { packageInput, rawZip, resign, syntheticCells, testOrg, unpack, type RawEntry } from './testkit';
import type { ReceivedPackage } from './trust';
import { verifyStatsPackage, type VerifyResult } from './verify';
import { writeStatsPackage } from './writer';

const viltis = testOrg('Paramos centras „Viltis“', 1);
const other = testOrg('Kita organizacija', 2);
const stranger = testOrg('Paramos centras „Viltis“', 3);
const trust = { trustedKeys: [viltis.trusted, other.trusted], received: [] as ReceivedPackage[] };

let pkg: Uint8Array;
let dir: string;
let cleanup: () => void;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  pkg = (await writeStatsPackage(packageInput(viltis))).bytes;
});
afterAll(() => cleanup());

const reason = (r: VerifyResult): string => (r.ok ? 'ok' : r.reason);
const files = (): { name: string; data: Uint8Array }[] => unpack(pkg);
const rezip = (entries: { name: string; data: Uint8Array }[], over: (e: RawEntry[]) => RawEntry[] = (e) => e) =>
  rawZip(over(entries.map((e) => ({ name: e.name, data: e.data, stored: true }))));

describe('writeStatsPackage', () => {
  it('writes the same bytes for the same input', async () => {
    const again = await writeStatsPackage(packageInput(viltis));
    expect(Buffer.from(again.bytes).equals(Buffer.from(pkg))).toBe(true);
  });

  it('puts mimetype first and stored, readable at offset 38 without unzipping', () => {
    expect(Buffer.from(pkg.subarray(38, 38 + PACKAGE_MIMETYPE.length)).toString('latin1')).toBe(PACKAGE_MIMETYPE);
    expect(files().map((f) => f.name)).toEqual([
      'mimetype',
      'manifest.json',
      'manifest.json.sig',
      'data/observations.csv',
      'data/datavalueset.json',
      'data/tables.xlsx',
      'report.html',
      'sdc/report.json',
    ]);
  });

  it('refuses a suppressed cell that carries a value, and a failed audit', async () => {
    const cells = syntheticCells();
    const i = cells.findIndex((c) => c.status === 'primary');
    const leaky = cells.map((c, j) => (j === i ? { ...c, value: 3 } : c));
    await expect(writeStatsPackage(packageInput(viltis, { cells: leaky }))).rejects.toThrow(/value exactly when/);
    const input = packageInput(viltis);
    await expect(
      writeStatsPackage({ ...input, sdc: { ...input.sdc, audit: { ok: false, findings: [], programmes: 1 } } }),
    ).rejects.toThrow(/audit failed/);
  });

  it('never writes a suppressed cell’s true value: no file differs when the hidden values change', async () => {
    // The writer never sees them: PublishedCell has no slot for one. Two NGOs with the same
    // published cells get the same data files whatever lies behind the suppressed ones.
    const a = files();
    const b = unpack((await writeStatsPackage(packageInput(viltis))).bytes);
    expect(b.map((f) => Buffer.from(f.data).toString('base64'))).toEqual(
      a.map((f) => Buffer.from(f.data).toString('base64')),
    );
    const csv = Buffer.from(a.find((f) => f.name === PATHS.observations)?.data ?? []).toString('utf8');
    expect(csv).toMatch(/,Q,A\r\n/u);
    expect(csv).toMatch(/,Q,D\r\n/u);
    for (const line of csv.split('\r\n').filter((l) => /,Q,[AD]$/u.test(l))) expect(line).toMatch(/,,Q,[AD]$/u);
  });

  it('writes SDMX-CSV 2.0 and a DHIS2 dataValueSet with the same published values', () => {
    const csv = Buffer.from(files().find((f) => f.name === PATHS.observations)?.data ?? []).toString('utf8');
    expect(csv.split('\r\n')[0]).toBe(
      'STRUCTURE,STRUCTURE_ID,ACTION,TABLE,MEASURE,VICTIM_STATUS,SEX,AGE,CITIZENSHIP,EXPLOIT,TRAFF_TYPE,REFERRAL,SERVICE,TIME_PERIOD,OBS_VALUE,OBS_STATUS,CONF_STATUS',
    );
    expect(csv.split('\r\n')[1]).toMatch(
      /^dataflow,SAUGA:DF_THB_ASSIST\(1\.0\.0\),I,T1,PERS,VOT_IDENT,F,_Z,_Z,_Z,_Z,_Z,_Z,2026-Q1,/u,
    );
    const cells = parseObservationsCsv(csv, '2026-Q1');
    expect(cells.ok).toBe(true);
    const dvs = JSON.parse(
      Buffer.from(files().find((f) => f.name === PATHS.dataValueSet)?.data ?? []).toString('utf8'),
    );
    expect(dvs.period).toBe('2026Q1');
    expect(dvs.dataValues).toHaveLength(syntheticCells().filter((c) => c.status === 'published').length);
    if (cells.ok)
      expect(dvs).toEqual(
        dataValueSet(cells.value, {
          period: { kind: 'quarter', year: 2026, quarter: 1 },
          organisation: viltis.name,
          completeDate: '2026-04-02',
        }),
      );
  });

  it('writes a workbook with one sheet per table and markers instead of suppressed values', () => {
    const xlsx = unzipSync(files().find((f) => f.name === PATHS.tables)?.data ?? new Uint8Array());
    expect(Object.keys(xlsx).filter((n) => n.startsWith('xl/worksheets/sheet'))).toHaveLength(7);
    const strings = Buffer.from(xlsx['xl/sharedStrings.xml'] ?? []).toString('utf8');
    expect(strings).toContain('Moterys');
    expect(strings).toContain('Women');
    expect(strings).toContain('(c)');
  });

  it('writes an sdc report with counts, never values', () => {
    const report = JSON.parse(
      Buffer.from(files().find((f) => f.name === PATHS.sdcReport)?.data ?? []).toString('utf8'),
    );
    const cells = syntheticCells();
    expect(report.cells).toEqual({
      total: cells.length,
      published: cells.filter((c) => c.status === 'published').length,
      primary: cells.filter((c) => c.status === 'primary').length,
      secondary: cells.filter((c) => c.status === 'secondary').length,
    });
    expect(JSON.stringify(report)).not.toMatch(/"value"|findings|low|high/u);
  });

  it('makes a zip that standard unzip tests clean', () => {
    if (!existsSync('/usr/bin/unzip')) return;
    const p = join(dir, 'return.zip');
    writeFileSync(p, pkg);
    const r = spawnSync('unzip', ['-t', p], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });
});

describe('minisign interoperability', () => {
  const MINISIGN = '/usr/bin/minisign';

  it.skipIf(!existsSync(MINISIGN))(
    'the real minisign tool accepts manifest.json.sig (skipped only if /usr/bin/minisign is missing)',
    () => {
      const p = join(dir, 'check');
      mkdirSync(p, { recursive: true });
      for (const f of files()) if (f.name.startsWith('manifest')) writeFileSync(join(p, f.name), f.data);
      const ok = spawnSync(
        MINISIGN,
        ['-V', '-m', join(p, 'manifest.json'), '-x', join(p, 'manifest.json.sig'), '-P', viltis.publicKeyLine],
        { encoding: 'utf8' },
      );
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stdout).toContain('Signature and comment signature verified');
      // -H: minisign insists on the prehashed algorithm, which is what Sauga writes.
      expect(
        spawnSync(MINISIGN, [
          '-VH',
          '-m',
          join(p, 'manifest.json'),
          '-x',
          join(p, 'manifest.json.sig'),
          '-P',
          viltis.publicKeyLine,
        ]).status,
      ).toBe(0);
      writeFileSync(join(p, 'manifest.json'), Buffer.concat([Buffer.from(files()[1]?.data ?? []), Buffer.from(' ')]));
      const bad = spawnSync(MINISIGN, [
        '-V',
        '-m',
        join(p, 'manifest.json'),
        '-x',
        join(p, 'manifest.json.sig'),
        '-P',
        viltis.publicKeyLine,
      ]);
      expect(bad.status).not.toBe(0);
      const wrongKey = spawnSync(MINISIGN, [
        '-V',
        '-m',
        join(p, 'manifest.json'),
        '-x',
        join(p, 'manifest.json.sig'),
        '-P',
        other.publicKeyLine,
      ]);
      expect(wrongKey.status).not.toBe(0);
    },
  );

  it.skipIf(!existsSync(MINISIGN))(
    'Sauga verifies signatures made by minisign, prehashed and legacy (skipped only if /usr/bin/minisign is missing)',
    () => {
      const p = join(dir, 'tool');
      mkdirSync(p, { recursive: true });
      expect(spawnSync(MINISIGN, ['-G', '-W', '-p', join(p, 'k.pub'), '-s', join(p, 'k.key')]).status).toBe(0);
      const pk = parsePublicKey(readFileSync(join(p, 'k.pub'), 'utf8'));
      expect(pk).not.toBeNull();
      writeFileSync(join(p, 'm'), 'manifest bytes\n');
      for (const legacy of [false, true]) {
        const args = ['-S', '-s', join(p, 'k.key'), '-m', join(p, 'm'), '-t', 'trusted one', ...(legacy ? ['-l'] : [])];
        expect(spawnSync(MINISIGN, args).status).toBe(0);
        const sig = parseSignature(readFileSync(join(p, 'm.minisig')));
        expect(sig?.prehashed).toBe(!legacy);
        expect(sig && pk && verifyMinisign(readFileSync(join(p, 'm')), sig, pk)).toBe(true);
        expect(sig && pk && verifyMinisign(Buffer.from('manifest bytes!\n'), sig, pk)).toBe(false);
        if (sig && pk)
          expect(verifyMinisign(readFileSync(join(p, 'm')), { ...sig, trustedComment: 'trusted two' }, pk)).toBe(false);
      }
    },
  );
});

describe('verifyStatsPackage', () => {
  it('accepts a good package and returns its cells and the record to keep', () => {
    const r = verifyStatsPackage(pkg, trust);
    expect(reason(r)).toBe('ok');
    if (!r.ok) return;
    expect(r.cells).toEqual(syntheticCells());
    expect(r.signedBy.organisation).toBe(viltis.name);
    expect(r.received).toMatchObject({ sequence: 1, periodCode: '2026-Q1', auditSeq: 42 });
  });

  it('rejects any changed byte of any file, even when the archive is rebuilt cleanly', () => {
    const entries = files();
    for (const [i, f] of entries.entries()) {
      const whole = f.name === PATHS.manifest || f.name === PATHS.signature || f.name === PATHS.mimetype;
      const positions = whole
        ? Array.from({ length: f.data.length }, (_, k) => k)
        : [0, 1, Math.floor(f.data.length / 3), Math.floor(f.data.length / 2), f.data.length - 2, f.data.length - 1];
      for (const pos of positions) {
        const changed = Uint8Array.from(f.data);
        changed[pos] = (changed[pos] as number) ^ 0x01;
        const next = entries.map((e, j) => (j === i ? { name: e.name, data: changed } : e));
        const r = verifyStatsPackage(rezip(next), trust);
        expect(r.ok, `${f.name}@${pos}`).toBe(false);
        const expected =
          f.name === PATHS.mimetype
            ? ['mimetype']
            : f.name === PATHS.manifest
              ? ['bad-signature']
              : f.name === PATHS.signature
                ? ['bad-signature', 'signature-malformed', 'unknown-key']
                : ['hash-mismatch'];
        expect(expected, `${f.name}@${pos}: ${reason(r)}`).toContain(reason(r));
      }
    }
  });

  it('rejects any changed byte of the archive itself', () => {
    // Every byte of the first entries and the directory, and a sample of the data between.
    const step = (i: number): number => (i < 1500 || i > pkg.length - 1200 ? 1 : 17);
    for (let i = 0; i < pkg.length; i += step(i)) {
      for (const x of [0x01, 0x80]) {
        const b = Uint8Array.from(pkg);
        b[i] = (b[i] as number) ^ x;
        expect(verifyStatsPackage(b, trust).ok, `byte ${i} ^ ${x}`).toBe(false);
      }
    }
    expect(verifyStatsPackage(pkg.subarray(0, pkg.length - 1), trust).ok).toBe(false);
    expect(verifyStatsPackage(Buffer.concat([pkg, Buffer.from([0])]), trust).ok).toBe(false);
  });

  it('rejects an extra file, a missing file, a duplicate entry, unsafe paths and links', () => {
    const entries = files();
    const extra = rezip([...entries, { name: 'data/extra.csv', data: Buffer.from('x') }]);
    expect(reason(verifyStatsPackage(extra, trust))).toBe('unexpected-entry');
    expect(reason(verifyStatsPackage(rezip(entries.filter((e) => e.name !== PATHS.report)), trust))).toBe(
      'missing-entry',
    );
    expect(reason(verifyStatsPackage(rezip(entries.filter((e) => e.name !== PATHS.signature)), trust))).toBe(
      'missing-entry',
    );
    const dup = entries.find((e) => e.name === PATHS.report) as { name: string; data: Uint8Array };
    expect(reason(verifyStatsPackage(rezip([...entries, dup]), trust))).toBe('duplicate-entry');
    for (const name of [
      '../report.html',
      'data/../../etc/passwd',
      '/etc/passwd',
      'data\\x.csv',
      'C:/x',
      'data//x',
      './mimetype',
    ])
      expect(reason(verifyStatsPackage(rezip([...entries, { name, data: Buffer.from('x') }]), trust)), name).toBe(
        'unsafe-path',
      );
    const link = rezip(entries, (e) =>
      e.map((x) => (x.name === PATHS.report ? { ...x, externalAttrs: (0o120777 << 16) >>> 0 } : x)),
    );
    expect(reason(verifyStatsPackage(link, trust))).toBe('link-entry');
    const dirEntry = rezip([...entries, { name: 'data/', data: new Uint8Array() }]);
    expect(['link-entry', 'unsafe-path']).toContain(reason(verifyStatsPackage(dirEntry, trust)));
  });

  it('rejects mimetype out of place, compressed or wrong', () => {
    const entries = files();
    const moved = [...entries.slice(1), entries[0] as { name: string; data: Uint8Array }];
    expect(reason(verifyStatsPackage(rezip(moved), trust))).toBe('mimetype');
    const deflated = rezip(entries, (e) => e.map((x) => ({ ...x, stored: x.name === PATHS.mimetype })));
    expect(reason(verifyStatsPackage(deflated, trust))).toBe('malformed-archive');
    const wrong = rezip(
      entries.map((e) => (e.name === PATHS.mimetype ? { ...e, data: Buffer.from('application/zip') } : e)),
    );
    expect(reason(verifyStatsPackage(wrong, trust))).toBe('mimetype');
    const deflatedMime = rezip(entries, (e) => e.map((x) => ({ ...x, stored: x.name !== PATHS.mimetype })));
    expect(reason(verifyStatsPackage(deflatedMime, trust))).toBe('mimetype');
  });

  it('rejects an oversized archive, an oversized entry and zip bombs, before inflating', () => {
    const entries = files();
    const huge = new Uint8Array(17 * 1024 * 1024);
    expect(reason(verifyStatsPackage(huge, trust))).toBe('size-limit');
    const bigReport = rezip(
      entries.map((e) => (e.name === PATHS.report ? { ...e, data: new Uint8Array(17 * 1024 * 1024) } : e)),
    );
    expect(reason(verifyStatsPackage(bigReport, trust))).toBe('size-limit');
    const bomb = rezip(entries, (e) =>
      e.map((x) => (x.name === PATHS.report ? { ...x, data: new Uint8Array(15 * 1024 * 1024), stored: false } : x)),
    );
    expect(bomb.length).toBeLessThan(200_000);
    expect(reason(verifyStatsPackage(bomb, trust))).toBe('zip-bomb');
    const many = rezip([
      ...entries,
      ...Array.from({ length: 70 }, (_, i) => ({ name: `x${i}`, data: Buffer.from('x') })),
    ]);
    expect(reason(verifyStatsPackage(many, trust))).toBe('size-limit');
  });

  it('never inflates: a signed entry whose sizes lie (a lying zip bomb) is refused unread', () => {
    const lying = resign(
      pkg,
      viltis.signer,
      (f) => {
        f.set(PATHS.report, new Uint8Array(1000));
      },
      (e) =>
        e.map((x) =>
          x.name === PATHS.report
            ? { ...x, data: new Uint8Array(10 * 1024 * 1024), declaredSize: 1000, stored: false }
            : x,
        ),
    );
    expect(reason(verifyStatsPackage(lying, trust))).toBe('malformed-archive');
  });

  it('rejects a package signed by an unregistered key, or by another organisation’s key', () => {
    expect(reason(verifyStatsPackage(pkg, { ...trust, trustedKeys: [other.trusted] }))).toBe('unknown-key');
    const forged = resign(pkg, stranger.signer, () => undefined);
    expect(reason(verifyStatsPackage(forged, trust))).toBe('unknown-key');
    // Signed by a registered key, but claiming to be Viltis: the key belongs to another organisation.
    const impostor = resign(pkg, other.signer, (_f, m) => ({
      ...m,
      organisation: { ...m.organisation, signingKeyId: other.signer.keyId },
    }));
    expect(reason(verifyStatsPackage(impostor, trust))).toBe('wrong-organisation');
    // A key id that collides with a registered one but a different key: the signature fails.
    const clash = { ...stranger.trusted, keyId: viltis.trusted.keyId };
    expect(reason(verifyStatsPackage(pkg, { ...trust, trustedKeys: [clash] }))).toBe('bad-signature');
  });

  it('rejects a manifest that does not parse strictly, even when signed', () => {
    const extraField = resign(pkg, viltis.signer, (_f, m) => ({ ...m, extra: 1 }) as typeof m);
    expect(reason(verifyStatsPackage(extraField, trust))).toBe('manifest-invalid');
    const failedAudit = resign(
      pkg,
      viltis.signer,
      (_f, m) =>
        ({
          ...m,
          disclosureControl: { ...m.disclosureControl, audit: { ok: false, programmes: 1 } },
        }) as unknown as typeof m,
    );
    expect(reason(verifyStatsPackage(failedAudit, trust))).toBe('manifest-invalid');
  });

  it('rejects a replayed package id, an old sequence number and a regressed audit chain', () => {
    const first = verifyStatsPackage(pkg, trust);
    if (!first.ok) throw new Error(first.detail);
    const received = [first.received];
    expect(reason(verifyStatsPackage(pkg, { ...trust, received }))).toBe('replay');
    const sameSeq = resign(pkg, viltis.signer, (_f, m) => ({
      ...m,
      packageId: '11111111-2222-4333-8444-555555555555',
    }));
    expect(reason(verifyStatsPackage(sameSeq, { ...trust, received }))).toBe('replay');
    const next = resign(pkg, viltis.signer, (_f, m) => ({
      ...m,
      packageId: '11111111-2222-4333-8444-555555555555',
      sequence: 2,
    }));
    expect(reason(verifyStatsPackage(next, { ...trust, received }))).toBe('audit-chain-regressed');
    const good = resign(pkg, viltis.signer, (_f, m) => ({
      ...m,
      packageId: '11111111-2222-4333-8444-555555555555',
      sequence: 2,
      replaces: m.packageId,
      auditChainHead: { seq: 50, mac: 'cd'.repeat(32) },
    }));
    expect(reason(verifyStatsPackage(good, { ...trust, received }))).toBe('ok');
    // Sequence numbers are per organisation: another NGO's history does not block this one.
    expect(
      reason(
        verifyStatsPackage(pkg, {
          ...trust,
          received: [
            {
              ...first.received,
              packageId: '99999999-2222-4333-8444-555555555555',
              organisation: other.name,
              sequence: 9,
            },
          ],
        }),
      ),
    ).toBe('ok');
  });

  it('rejects a replacement for another period', () => {
    const first = verifyStatsPackage(pkg, trust);
    if (!first.ok) throw new Error(first.detail);
    const wrong = resign(pkg, viltis.signer, (_f, m) => ({
      ...m,
      packageId: '11111111-2222-4333-8444-555555555555',
      sequence: 2,
      replaces: m.packageId,
      auditChainHead: { seq: 50, mac: 'cd'.repeat(32) },
    }));
    expect(
      reason(verifyStatsPackage(wrong, { ...trust, received: [{ ...first.received, periodCode: '2025-Q4' }] })),
    ).toBe('bad-replacement');
  });

  it('rejects signed packages whose data files disagree with each other', () => {
    const edit = (path: string, fn: (s: string) => string) =>
      resign(pkg, viltis.signer, (f) => {
        f.set(path, Buffer.from(fn(Buffer.from(f.get(path) ?? []).toString('utf8'))));
      });
    const dvsValue = edit(PATHS.dataValueSet, (s) =>
      s.replace(/"value": "(\d+)"/u, (_m, v: string) => `"value": "${Number(v) + 1}"`),
    );
    expect(reason(verifyStatsPackage(dvsValue, trust))).toBe('inconsistent');
    const csvLeak = edit(PATHS.observations, (s) => s.replace(/,,Q,A\r\n/u, ',3,Q,A\r\n'));
    expect(reason(verifyStatsPackage(csvLeak, trust))).toBe('inconsistent');
    const csvSum = edit(PATHS.observations, (s) => {
      const lines = s.split('\r\n');
      // Raise one published leaf without its totals, and the same in DHIS2, so only additivity fails.
      const i = lines.findIndex((l) => /^[^,]+,[^,]+,I,T1,PERS,VOT_IDENT,F,.*,\d+,A,F$/u.test(l));
      lines[i] = (lines[i] as string).replace(/,(\d+),A,F$/u, (_m, v: string) => `,${Number(v) + 10},A,F`);
      return lines.join('\r\n');
    });
    expect(reason(verifyStatsPackage(csvSum, trust))).toBe('inconsistent');
    const sdc = edit(PATHS.sdcReport, (s) =>
      s.replace(/"published": (\d+)/u, (_m, v: string) => `"published": ${Number(v) - 1}`),
    );
    expect(reason(verifyStatsPackage(sdc, trust))).toBe('inconsistent');
  });

  it('never throws on random bytes or on random damage to a good package', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (b) => {
        expect(verifyStatsPackage(b, trust).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 }),
        (edits) => {
          const b = Uint8Array.from(pkg);
          let changed = false;
          for (const e of edits) {
            const i = e.at % b.length;
            changed ||= b[i] !== e.byte;
            b[i] = e.byte;
          }
          const r = verifyStatsPackage(b, trust);
          if (changed) expect(r.ok).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});
