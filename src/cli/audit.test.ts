import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditReceipt } from '../shared/audit';
import { AppCore } from '../core/app';
import { latestAnchor } from '../core/audit/anchor';
import { ADMIN, tempDir } from '../core/testing/fixtures';
import { run } from './index';
import { captureIo, type CapturedIo } from './testing';

let dir: string;
let cleanup: () => void;
let vault: string;
let pass: string;
let core: AppCore;

const io = (lang?: string): CapturedIo => captureIo(lang ? { lang } : {});
const creds = (): string[] => ['--vault', vault, '--user', ADMIN.name, '--passphrase-file', pass];

/** The desktop app's own use of the vault: its anchor file is the one the CLI finds by default. */
async function appSession(changes: number): Promise<void> {
  await core.unlock(ADMIN.name, ADMIN.passphrase);
  for (let i = 0; i < changes; i++) core.setIdleLock(5 + i);
  core.lock();
}

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  vault = join(dir, 'vault');
  pass = join(dir, 'pass.txt');
  writeFileSync(pass, `${ADMIN.passphrase}\n`);
  const i = io();
  expect(await run(['vault', 'init', '--vault', vault, '--org', 'Viltis', ...creds().slice(2), '--json'], i)).toBe(0);
  core = new AppCore({ vaultDir: vault, configFile: join(dir, 'config.json'), version: 'test' });
});
afterEach(() => {
  core.lock();
  cleanup();
});

describe('sauga audit head and verify', () => {
  it('prints the head as a receipt in both languages, and verify checks a later chain against it', async () => {
    await appSession(1);
    const receiptFile = join(dir, 'receipt.json');
    const en = io();
    expect(await run(['audit', 'head', ...creds(), '--out', receiptFile], en)).toBe(0);
    const receipt = AuditReceipt.parse(JSON.parse(readFileSync(receiptFile, 'utf8')));
    // Kept outside the vault as well, beside the app's own anchors.
    expect(latestAnchor(join(dir, 'audit-anchors.json'), receipt.vaultId)).toMatchObject({
      event: 'receipt',
      seq: receipt.seq,
      mac: receipt.mac,
    });
    expect(receipt.orgName).toBe('Viltis');
    expect(en.out).toContain('Sauga audit chain receipt');
    expect(en.out).toContain(`Entry:        ${receipt.seq}`);
    expect(en.out).toContain(receipt.mac.slice(0, 4) + ' ' + receipt.mac.slice(4, 8));
    const lt = io('lt_LT.UTF-8');
    expect(await run(['audit', 'head', ...creds(), '--lang', 'lt'], lt)).toBe(0);
    expect(lt.out).toContain('Sauga audito grandinės kvitas');
    const json = io();
    expect(await run(['audit', 'head', ...creds(), '--json'], json)).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({ ok: true, format: 'sauga-audit-receipt', seq: receipt.seq });
    expect(await run(['audit', 'head', ...creds(), '--out', receiptFile], io())).toBe(2);

    await appSession(3);
    const v = io();
    expect(await run(['audit', 'verify', ...creds(), '--against', receiptFile, '--json'], v)).toBe(0);
    expect(JSON.parse(v.out)).toMatchObject({
      ok: true,
      anchor: { state: 'extends' },
      against: { seq: receipt.seq, extends: true },
    });
    // The answer of `audit head --json` works as a receipt too.
    const saved = join(dir, 'head.json');
    writeFileSync(saved, json.out);
    expect(await run(['audit', 'verify', ...creds(), '--against', saved], io())).toBe(0);

    const wrong = io();
    const otherMac = receipt.mac.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    expect(await run(['audit', 'verify', ...creds(), '--head', `${receipt.seq}:${otherMac}`], wrong)).toBe(1);
    expect(wrong.err + wrong.out).toContain('does NOT extend the receipt');
  });

  it('reports a rollback: an older copy of the vault put back after the app recorded a later head', async () => {
    await appSession(1);
    const aside = join(dir, 'aside');
    mkdirSync(aside);
    for (const f of ['vault.db', 'keyslots.json']) cpSync(join(vault, f), join(aside, f));
    const receiptFile = join(dir, 'receipt.json');
    await appSession(3);
    expect(await run(['audit', 'head', ...creds(), '--out', receiptFile], io())).toBe(0);
    for (const f of ['vault.db', 'keyslots.json']) cpSync(join(aside, f), join(vault, f));

    const v = io();
    expect(await run(['audit', 'verify', ...creds(), '--json', '--against', receiptFile], v)).toBe(1);
    const out = JSON.parse(v.out) as Record<string, unknown>;
    expect(out).toMatchObject({
      ok: false,
      chainOk: true,
      entries: expect.any(Number),
      anchor: { state: 'rollback', reason: 'missing' },
      against: { extends: false, reason: 'missing' },
    });
    // The chain itself is intact: only the anchor outside the vault tells.
    expect(out.firstBadSeq).toBeNull();
    const t = io();
    expect(await run(['audit', 'verify', ...creds()], t)).toBe(1);
    expect(t.err + t.out).toContain('ROLLBACK WARNING');
    const lt = io();
    expect(await run(['audit', 'verify', ...creds(), '--lang', 'lt'], lt)).toBe(1);
    expect(lt.err + lt.out).toContain('SENESNĘ KOPIJĄ');

    // The app's next unlock records the finding in the chain; verify then reports it as history.
    await appSession(0);
    const after = io();
    expect(await run(['audit', 'verify', ...creds(), '--json'], after)).toBe(0);
    expect(JSON.parse(after.out)).toMatchObject({ anchor: { state: 'extends' }, rollbacksRecorded: 1 });
  });

  it('--anchors and SAUGA_AUDIT_ANCHORS choose the anchor file; without one there is nothing to compare', async () => {
    await appSession(1);
    const none = io();
    expect(await run(['audit', 'verify', ...creds(), '--anchors', join(dir, 'elsewhere.json'), '--json'], none)).toBe(
      0,
    );
    expect(JSON.parse(none.out)).toMatchObject({ anchor: { state: 'none' } });
    const env = io();
    env.env.SAUGA_AUDIT_ANCHORS = join(dir, 'audit-anchors.json');
    expect(await run(['audit', 'verify', ...creds(), '--json'], env)).toBe(0);
    expect(JSON.parse(env.out)).toMatchObject({ anchor: { state: 'extends' } });
  });

  it('refuses a receipt of another vault (exit 1) and a file that is not a receipt (exit 2)', async () => {
    const other: AuditReceipt = {
      format: 'sauga-audit-receipt',
      version: 1,
      vaultId: '00000000-0000-4000-8000-000000000000',
      orgName: 'Kita',
      seq: 1,
      mac: 'a'.repeat(64),
      at: new Date().toISOString(),
    };
    const f = join(dir, 'other.json');
    writeFileSync(f, JSON.stringify(other));
    const o = io();
    expect(await run(['audit', 'verify', ...creds(), '--against', f], o)).toBe(1);
    expect(o.err + o.out).toContain('another vault');
    const junk = join(dir, 'junk.json');
    writeFileSync(junk, '{"seq": 1}');
    expect(await run(['audit', 'verify', ...creds(), '--against', junk], io())).toBe(2);
    expect(await run(['audit', 'verify', ...creds(), '--head', '1:xyz'], io())).toBe(2);
  });

  it('a statistics return export records the head outside the vault, which the chain then extends', async () => {
    const demo = join(dir, 'demo');
    const demoPass = join(dir, 'demo-pass.txt');
    writeFileSync(demoPass, 'lilac kettle mountain, spring 2026\n');
    expect(await run(['demo', '--vault', demo, '--cases', '300', '--passphrase-file', demoPass], io())).toBe(0);
    const as = ['--vault', demo, '--user', 'Demo koordinatorė', '--passphrase-file', demoPass];
    const anchors = join(dir, 'anchors', 'heads.json');
    const e = io();
    const out = join(dir, 'return.zip');
    expect(
      await run(['stats', 'export', ...as, '--period', '2025', '--out', out, '--anchors', anchors, '--json'], e),
    ).toBe(0);
    const vaultId = (JSON.parse(readFileSync(join(demo, 'keyslots.json'), 'utf8')) as { vaultId: string }).vaultId;
    const anchor = latestAnchor(anchors, vaultId);
    expect(anchor).toMatchObject({ event: 'statsExport' });
    const v = io();
    expect(await run(['audit', 'verify', ...as, '--anchors', anchors, '--json'], v)).toBe(0);
    expect(JSON.parse(v.out)).toMatchObject({ anchor: { state: 'extends', recordedSeq: anchor?.seq } });
  }, 120_000);
});
