import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLE_RULE_SET, writeRuleSetFile } from '../core/duties';
import { encodePublicKeyLine, generateRawKeyPair, KEY_ID_BYTES } from '../core/stats/package/minisign';
import { rawSigner } from '../core/stats/package/signingKey';
import { ADMIN, tempDir } from '../core/testing/fixtures';
import { run } from './index';
import { captureIo, type CapturedIo } from './testing';

let dir: string;
let cleanup: () => void;

const file = (name: string, content: string | Uint8Array): string => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

async function vault(): Promise<string[]> {
  const path = join(dir, 'vault');
  const pass = file('pass.txt', `${ADMIN.passphrase}\n`);
  expect(
    await run(
      ['vault', 'init', '--vault', path, '--org', 'Viltis', '--user', ADMIN.name, '--passphrase-file', pass],
      captureIo(),
    ),
  ).toBe(0);
  return ['--vault', path, '--user', ADMIN.name, '--passphrase-file', pass];
}

async function cli(args: string[], lang?: string): Promise<{ code: number; io: CapturedIo }> {
  const io = captureIo(lang ? { lang } : {});
  return { code: await run(args, io), io };
}

describe('sauga duties', () => {
  it('installs the example, imports institutions and a signed rule set, refuses an old one, reports', async () => {
    const unlock = await vault();
    let r = await cli(['duties', 'rules', ...unlock]);
    expect(r.code).toBe(0);
    expect(r.io.out).toContain('No rule set is installed');

    r = await cli(['duties', 'rules-example', ...unlock]);
    expect(r.code).toBe(0);
    expect(r.io.out).toContain('EXAMPLE version 1');
    r = await cli(['duties', 'rules', ...unlock, '--lang', 'lt']);
    expect(r.io.out).toContain('PAVYZDINĖ versija 1');
    expect(r.io.out).toContain('EX.POLICE');

    const csv = file('inst.csv', 'name,type,municipality\nKauno VPK,POLICE,Kaunas\nKauno VTAS,CHILD_RIGHTS,Kaunas\n');
    r = await cli(['duties', 'institutions-import', csv, ...unlock]);
    expect(r.code).toBe(0);
    expect(r.io.out).toContain('2 added');
    r = await cli(['duties', 'institutions', ...unlock, '--type', 'POLICE', '--json']);
    expect(JSON.parse(r.io.out)).toMatchObject({ ok: true, institutions: [{ name: 'Kauno VPK', type: 'POLICE' }] });
    r = await cli(['duties', 'institution-add', ...unlock, '--name', 'X', '--type', 'NOT_A_TYPE']);
    expect(r.code).toBe(2);

    const pair = generateRawKeyPair(randomBytes(KEY_ID_BYTES));
    const signed = file(
      'rules.zip',
      writeRuleSetFile({ ...EXAMPLE_RULE_SET, version: 4, example: false }, rawSigner(pair.secretKey, pair.keyId)),
    );
    r = await cli(['duties', 'rules-import', signed, ...unlock]);
    expect(r.code).toBe(1);
    expect(r.io.err).toContain('DUTY_RULE_SET_REJECTED');
    r = await cli([
      'duties',
      'trust-signer',
      ...unlock,
      '--org',
      'Ministerija',
      '--public-key',
      encodePublicKeyLine(pair),
    ]);
    expect(r.code).toBe(0);
    r = await cli(['duties', 'rules-import', signed, ...unlock]);
    expect(r.code).toBe(0);
    expect(r.io.out).toContain('version 4');
    r = await cli(['duties', 'rules-import', signed, ...unlock]);
    expect(r.code).toBe(1);
    expect(r.io.err).toContain('DUTY_RULE_SET_VERSION_OLD');

    const out = join(dir, 'report.csv');
    r = await cli(['duties', 'report', ...unlock, '--from', '2026-01-01', '--to', '2026-03-31', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.io.out).toContain('0 in all');
    expect(readFileSync(out, 'utf8')).toContain('Information duties compliance report');
    r = await cli(['duties', 'report', ...unlock, '--from', '2026-03-31', '--to', '2026-01-01']);
    expect(r.code).toBe(2);

    const exported = join(dir, 'out.zip');
    r = await cli(['duties', 'rules-export', ...unlock, '--out', exported, '--version', '5']);
    expect(r.code).toBe(0);
    expect(readFileSync(exported).length).toBeGreaterThan(100);
    // The vault's first user is an administrator only: no case work, so no dashboard.
    r = await cli(['duties', 'dashboard', ...unlock]);
    expect(r.code).toBe(2);
    expect(r.io.err).toContain('FORBIDDEN');
  });
});
