import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../shared/errors';
import { CaseService } from '../core/cases/service';
import { DEMO_SUPERVISOR } from '../core/demo';
import { tempDir } from '../core/testing/fixtures';
import { unlockVault } from '../core/vault/vault';
import { run } from './index';
import { captureIo } from './testing';

const PASS = 'lilac kettle mountain, spring 2026';
const READER_PASS = 'quiet harbour lamp, autumn 1998';
const PROSECUTOR_ADMIN = 'Admin Prokuratūra';
const READER = 'Prokurorė Jūratė';
const INSTITUTION = 'Vilniaus apygardos prokuratūra';

let dir: string;
let cleanup: () => void;
let pass: string;
let readerPass: string;
let ngo: string;
let rv: string;
/** Everything printed in these tests, to check that no value outside the consent ever shows. */
let printed = '';

async function sauga(args: string[], lang = 'en_GB.UTF-8'): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo({ lang, onPrint: (s) => (printed += s) });
  const code = await run(args, io);
  return { code, out: io.out, err: io.err };
}

const asNgo = (): string[] => ['--vault', ngo, '--user', DEMO_SUPERVISOR, '--passphrase-file', pass];
const asRecipientAdmin = (): string[] => ['--vault', rv, '--user', PROSECUTOR_ADMIN, '--passphrase-file', pass];
const asReader = (): string[] => ['--vault', rv, '--user', READER, '--passphrase-file', readerPass];

const SECRET_NOTE = 'Qzsecretnoteq';
let caseCode: string;
let caseId: string;
let recipientId: string;

const localDay = (d: Date): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('sauga-cli-summary-'));
  pass = join(dir, 'pass.txt');
  readerPass = join(dir, 'reader.txt');
  writeFileSync(pass, `${PASS}\n`);
  writeFileSync(readerPass, `${READER_PASS}\n`);
  ngo = join(dir, 'ngo');
  rv = join(dir, 'prosecutor');

  // The NGO: a demo vault, with one case whose person consented to a summary for the prosecutor.
  expect((await sauga(['demo', '--vault', ngo, '--cases', '2', '--passphrase-file', pass])).code).toBe(0);
  const s = await unlockVault(ngo, DEMO_SUPERVISOR, PASS);
  try {
    const cases = new CaseService(s);
    const today = localDay(new Date());
    const c = cases.createCase({ openedOn: today, status: { victimStatus: 'PRESUMED' } });
    cases.updateSection(c.id, 'management', { openedOn: today, note: SECRET_NOTE } as never, c.version);
    cases.addItem(c.id, 'consents', {
      giver: 'PERSON',
      recipient: 'PROSECUTOR',
      purpose: 'CRIMINAL_PROCEEDINGS',
      dataCategories: ['STATUS'],
      givenOn: today,
    } as never);
    caseCode = c.code;
    caseId = c.id;
  } finally {
    s.lock();
  }

  // The prosecutor's office: a recipient vault with its keys and a user who reads summaries.
  expect(
    (
      await sauga([
        'vault',
        'init',
        '--vault',
        rv,
        '--org',
        INSTITUTION,
        '--user',
        PROSECUTOR_ADMIN,
        '--passphrase-file',
        pass,
      ])
    ).code,
  ).toBe(0);
  expect(
    (await sauga(['keys', 'init', ...asRecipientAdmin(), '--institution', INSTITUTION, '--category', 'PROSECUTOR']))
      .code,
  ).toBe(0);
  expect(
    (
      await sauga([
        'vault',
        'add-user',
        ...asRecipientAdmin(),
        '--new-user',
        READER,
        '--roles',
        'caseworker',
        '--new-passphrase-file',
        readerPass,
      ])
    ).code,
  ).toBe(0);
  const pub = await sauga(['keys', 'export-public', ...asRecipientAdmin(), '--json']);
  const keys = (JSON.parse(pub.out) as { recipient: Record<string, string> }).recipient;

  // The NGO adds the prosecutor to its directory and verifies the fingerprint.
  const added = await sauga([
    'directory',
    'add',
    ...asNgo(),
    '--institution',
    INSTITUTION,
    '--category',
    'PROSECUTOR',
    '--age-recipient',
    keys.ageRecipient ?? '',
    '--ed25519-key',
    keys.ed25519PublicKey ?? '',
    '--valid-from',
    '2026-01-01',
    '--json',
  ]);
  expect(added.code).toBe(0);
  recipientId = (JSON.parse(added.out) as { entry: { id: string } }).entry.id;
  expect(
    (await sauga(['directory', 'verify', ...asNgo(), '--id', recipientId, '--fingerprint', keys.fingerprint ?? '']))
      .code,
  ).toBe(0);

  // The prosecutor pins the NGO's signing key, as `keys export-public` prints it.
  const ngoKey = JSON.parse((await sauga(['keys', 'export-public', ...asNgo(), '--json'])).out) as Record<
    string,
    string
  >;
  const keyFile = join(dir, 'ngo.pub');
  // Saved whole, as `sauga keys export-public > ngo.pub` saves it: the key, its fingerprint, a note.
  writeFileSync(keyFile, (await sauga(['keys', 'export-public', ...asNgo()])).out);
  expect(readFileSync(keyFile, 'utf8')).toContain(ngoKey.minisignPublicKey);
  const trusted = await sauga([
    'summary',
    'trust-sender',
    ...asRecipientAdmin(),
    '--organisation',
    ngoKey.organisation ?? '',
    '--key',
    keyFile,
  ]);
  expect(trusted.code, trusted.err).toBe(0);
  expect(trusted.out).toMatch(/Fingerprint \d/u);
}, 180_000);
afterAll(() => cleanup());

describe('sauga summary', () => {
  it('create writes the package; open stores it in the recipient vault; the disclosure is logged', async () => {
    const pkg = join(dir, 'summary.age');
    const created = await sauga([
      'summary',
      'create',
      ...asNgo(),
      '--case',
      caseCode,
      '--recipient',
      recipientId,
      '--purpose',
      'CRIMINAL_PROCEEDINGS',
      '--out',
      pkg,
    ]);
    expect(created.code, created.err).toBe(0);
    expect(created.out).toMatch(/sauga-summary-[0-9a-f]{12}\.age\)\. SHA-256 [0-9a-f]{64}\./u);
    expect(created.out).toContain('Left out (fields): ');
    expect(created.out).toContain('management.note (NOT_CONSENTED)');
    expect(Buffer.from(readFileSync(pkg).subarray(0, 21)).toString('latin1')).toBe('age-encryption.org/v1');

    const again = await sauga([
      'summary',
      'create',
      ...asNgo(),
      '--case',
      caseCode,
      '--recipient',
      recipientId,
      '--purpose',
      'CRIMINAL_PROCEEDINGS',
      '--out',
      pkg,
      '--json',
    ]);
    expect(again.code).toBe(2);
    expect(JSON.parse(again.out)).toMatchObject({ error: { code: ErrorCode.OutputExists } });

    const pdf = join(dir, 'summary.pdf');
    const opened = await sauga(['summary', 'open', pkg, ...asReader(), '--pdf-out', pdf]);
    expect(opened.code, opened.err).toBe(0);
    expect(opened.out).toContain(`Case ${caseCode}`);
    expect(opened.out).toContain('Disclosed under consent');
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const replay = await sauga(['summary', 'open', pkg, ...asReader()], 'lt_LT.UTF-8');
    expect(replay.code).toBe(1);
    expect(replay.err).toContain('ATMESTA');
    expect(replay.err).toContain(ErrorCode.SummaryPackageReplayed);

    const list = await sauga(['summary', 'list', ...asReader()]);
    expect(list.code).toBe(0);
    expect(list.out).toContain(`case ${caseCode}`);

    const s = await unlockVault(ngo, DEMO_SUPERVISOR, PASS);
    try {
      const rows = s.db
        .prepare('SELECT d.sha256 FROM case_disclosures d JOIN cases c ON c.n = d.case_n WHERE c.id = ?')
        .all(caseId) as { sha256: string }[];
      expect(rows).toHaveLength(1);
      expect(created.out).toContain(rows[0]?.sha256);
    } finally {
      s.lock();
    }
    expect(printed).not.toContain(SECRET_NOTE);
  });

  it('refuses to open a package in the NGO vault, and an unknown command shape', async () => {
    const pkg = join(dir, 'other.age');
    writeFileSync(pkg, 'not a package');
    const r = await sauga(['summary', 'open', pkg, ...asNgo(), '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toMatchObject({ error: { code: ErrorCode.RecipientKeysMissing } });
    const bad = await sauga(['summary', 'create', ...asNgo(), '--case', caseCode, '--recipient', 'x', '--json']);
    expect(bad.code).toBe(2);
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });
});
