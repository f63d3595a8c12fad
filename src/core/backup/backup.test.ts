import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../shared/errors';
import { run } from '../../../tests/faults/child';
import { verifyAudit } from '../audit/chain';
import { CaseService } from '../cases/service';
import { ADMIN, ORG, tempDir } from '../testing/fixtures';
import { checkVault } from '../vault/check';
import { entropyToWords } from '../vault/recovery';
import { addUser, createVault, unlockVault, type VaultSession } from '../vault/vault';
import { backupDue, backupStatus, createBackup, restoreBackup, setBackupIntervalDays, verifyBackup } from './backup';
import { TRAILER_BYTES } from './format';

const CANARY = 'Kanarėlė-7f3a9c-ŽĄSIS';
const BOTH = { name: 'Rūta Vadovė', passphrase: 'violet harbour lantern 2026' } as const;

let dir: string;
let cleanup: () => void;
let session: VaultSession;
let words: string[];
let clock = new Date('2026-05-01T10:00:00Z');
const caseIds: string[] = [];

/** Every file under `root`, for the plaintext scan. */
function filesUnder(root: string): string[] {
  return readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

function containsCanary(file: string): boolean {
  const b = readFileSync(file);
  return b.includes(Buffer.from(CANARY, 'utf8')) || b.includes(Buffer.from(CANARY, 'utf16le'));
}

function caseDump(s: VaultSession): unknown[] {
  const svc = new CaseService(s);
  return caseIds.map((id) => {
    const v = svc.getCase(id, { revealIdentity: true });
    return { code: v.code, version: v.version, sections: v.sections, items: v.items };
  });
}

/** Rewrite the backup with an edited manifest; sizes in the trailer are kept consistent. */
function editManifest(file: string, out: string, edit: (m: { public: string; sealed: unknown }) => void): void {
  const b = readFileSync(file);
  const t = b.subarray(b.length - TRAILER_BYTES);
  const dbBytes = Number(t.readBigUInt64BE(0));
  const slotBytes = t.readUInt32BE(8);
  const mBytes = t.readUInt32BE(12);
  const m = JSON.parse(b.subarray(dbBytes + slotBytes, dbBytes + slotBytes + mBytes).toString('utf8')) as {
    public: string;
    sealed: unknown;
  };
  edit(m);
  const raw = Buffer.from(JSON.stringify(m), 'utf8');
  const trailer = Buffer.from(t);
  trailer.writeUInt32BE(raw.length, 12);
  writeFileSync(out, Buffer.concat([b.subarray(0, dbBytes + slotBytes), raw, trailer]));
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('sauga-backup-'));
  const created = await createVault(
    { dir: join(dir, 'vault'), orgName: ORG, userName: ADMIN.name, passphrase: ADMIN.passphrase },
    { now: () => clock },
  );
  words = created.recoveryWords;
  // Cases need a supervisor; backups need an administrator: one user who is both.
  await addUser(created.session, {
    userName: BOTH.name,
    roles: ['administrator', 'supervisor'],
    passphrase: BOTH.passphrase,
  });
  created.session.lock();
  session = await unlockVault(join(dir, 'vault'), BOTH.name, BOTH.passphrase, { now: () => clock });
  const svc = new CaseService(session);
  for (let i = 0; i < 12; i++) {
    const c = svc.createCase({ openedOn: '2026-04-01', identity: { givenNames: `Ona${i}`, familyNames: CANARY } });
    svc.addItem(c.id, 'notes', { date: '2026-04-02', text: `${CANARY} pastaba ${i}` });
    caseIds.push(c.id);
  }
});

afterAll(() => {
  if (!session.isLocked) session.lock();
  cleanup();
});

describe('backups', () => {
  let file: string;

  it('round trip: create, verify, restore with the recovery words on a new folder; same cases, audit intact', async () => {
    expect(backupDue(session)).toBe(true);
    file = join(dir, 'first.sauga');
    const made = await createBackup(session, file);
    expect(made.cases).toBe(12);
    expect(backupStatus(session)).toMatchObject({ lastBackupAt: clock.toISOString(), due: false, intervalDays: 7 });

    const quick = await verifyBackup(file);
    expect(quick).toMatchObject({ backupId: made.backupId, authenticated: false, createdAt: made.createdAt });
    expect(quick.contents).toBeUndefined();
    const full = await verifyBackup(file, { recoveryWords: words });
    expect(full).toMatchObject({ authenticated: true, contents: { orgName: ORG, cases: 12, createdBy: BOTH.name } });

    const target = join(dir, 'restored');
    const report = await restoreBackup(file, target, { recoveryWords: words });
    expect(report).toMatchObject({
      vaultId: session.vaultId,
      cases: 12,
      orgName: ORG,
      backupCreatedAt: made.createdAt,
    });
    expect(readdirSync(target).sort()).toEqual(['keyslots.json', 'vault.db']);

    const restored = await unlockVault(target, BOTH.name, BOTH.passphrase);
    try {
      expect(checkVault(restored).ok).toBe(true);
      expect(caseDump(restored)).toEqual(caseDump(session));
      const status = backupStatus(restored);
      expect(status.restoredFrom).toMatchObject({ backupId: made.backupId, backupCreatedAt: made.createdAt });
      expect(status.lastBackupAt).toBe(made.createdAt);
      const actions = restored.db.prepare('SELECT action FROM audit_log ORDER BY seq').pluck().all() as string[];
      expect(actions.at(-1)).toBe('case.identity_revealed');
      expect(actions).toContain('backup.restored');
    } finally {
      restored.lock();
    }
    const own = session.db.prepare(`SELECT action, detail FROM audit_log WHERE action = 'backup.created'`).all();
    expect(own).toHaveLength(1);
    expect(verifyAudit(session.db, session.auditKeyForVerification()).ok).toBe(true);
  });

  it('a restore with a passphrase works too, and the reminder follows the policy', async () => {
    const target = join(dir, 'restored-pass');
    const report = await restoreBackup(file, target, { userName: BOTH.name, passphrase: BOTH.passphrase });
    expect(report.cases).toBe(12);
    clock = new Date(clock.getTime() + 8 * 86_400_000);
    expect(backupDue(session)).toBe(true);
    setBackupIntervalDays(session, 30);
    expect(backupStatus(session)).toMatchObject({ due: false, intervalDays: 30 });
    expect(() => setBackupIntervalDays(session, 0)).toThrow(expect.objectContaining({ code: ErrorCode.InvalidInput }));
  });

  it('holds no plaintext: no canary in the backup, the restored vault or any temp folder', async () => {
    const tmp = join(dir, 'tmp');
    mkdirSync(tmp);
    const before = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      await verifyBackup(file, { recoveryWords: words });
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
    expect(readdirSync(tmp)).toEqual([]);
    const files = filesUnder(dir);
    expect(files.length).toBeGreaterThan(6);
    expect(files.filter(containsCanary)).toEqual([]);
    // The canary is there for whoever holds the key: the scan would have found plaintext.
    expect(JSON.stringify(caseDump(session))).toContain(CANARY);
  });

  it('refuses a truncated backup, a flipped byte and an edited manifest, naming the reason', async () => {
    const b = readFileSync(file);
    const cut = join(dir, 'cut.sauga');
    writeFileSync(cut, b);
    truncateSync(cut, b.length - 1000);
    await expect(verifyBackup(cut)).rejects.toMatchObject({ code: ErrorCode.BackupDamaged, message: /cut short/u });

    const flipped = join(dir, 'flipped.sauga');
    const f = Buffer.from(b);
    f[Math.floor(f.length / 3)] = (f[Math.floor(f.length / 3)] as number) ^ 0x10;
    writeFileSync(flipped, f);
    await expect(verifyBackup(flipped)).rejects.toMatchObject({ code: ErrorCode.BackupDamaged, message: /hash/u });
    await expect(restoreBackup(flipped, join(dir, 'r-flipped'), { recoveryWords: words })).rejects.toMatchObject({
      code: ErrorCode.BackupDamaged,
    });

    // A forger who edits the public part (a later date) is caught by the seal, with a secret.
    const redated = join(dir, 'redated.sauga');
    editManifest(file, redated, (m) => {
      m.public = m.public.replace(/"createdAt":"[^"]+"/u, '"createdAt":"2030-01-01T00:00:00.000Z"');
    });
    expect((await verifyBackup(redated)).createdAt).toBe('2030-01-01T00:00:00.000Z');
    await expect(verifyBackup(redated, { recoveryWords: words })).rejects.toMatchObject({
      code: ErrorCode.BackupAltered,
    });
    await expect(restoreBackup(redated, join(dir, 'r-redated'), { recoveryWords: words })).rejects.toMatchObject({
      code: ErrorCode.BackupAltered,
    });
    const notBackup = join(dir, 'not.sauga');
    writeFileSync(notBackup, randomBytes(4096));
    await expect(verifyBackup(notBackup)).rejects.toMatchObject({ code: ErrorCode.BackupDamaged });
    expect(readdirSync(dir).filter((n) => n.startsWith('r-') || n.includes('restoring'))).toEqual([]);
  });

  it('refuses wrong recovery words, a wrong passphrase and a non-empty target, creating nothing', async () => {
    await expect(
      restoreBackup(file, join(dir, 'r-words'), { recoveryWords: entropyToWords(randomBytes(32)) }),
    ).rejects.toMatchObject({ code: ErrorCode.RecoveryWordsInvalid });
    const typo = [...words];
    typo[3] = typo[3] === 'abandon' ? 'ability' : 'abandon';
    await expect(restoreBackup(file, join(dir, 'r-typo'), { recoveryWords: typo })).rejects.toMatchObject({
      code: ErrorCode.RecoveryWordsInvalid,
    });
    await expect(
      restoreBackup(file, join(dir, 'r-pass'), { userName: BOTH.name, passphrase: 'not the passphrase at all' }),
    ).rejects.toMatchObject({ code: ErrorCode.WrongPassphrase });
    const full = join(dir, 'occupied');
    mkdirSync(full);
    writeFileSync(join(full, 'something.txt'), 'x');
    await expect(restoreBackup(file, full, { recoveryWords: words })).rejects.toMatchObject({
      code: ErrorCode.RestoreTargetNotEmpty,
    });
    expect(readdirSync(full)).toEqual(['something.txt']);
    expect(readdirSync(dir).filter((n) => n.startsWith('r-') || n.includes('restoring'))).toEqual([]);
    // An existing empty folder is accepted.
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    await restoreBackup(file, empty, { recoveryWords: words });
    expect(readdirSync(empty).sort()).toEqual(['keyslots.json', 'vault.db']);
  });

  it('never overwrites: an existing output file is refused', async () => {
    await expect(createBackup(session, file)).rejects.toMatchObject({ code: ErrorCode.OutputExists });
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('is a consistent snapshot while another process writes and checkpoints', async () => {
    const dek = session.withDek((d) => Buffer.from(d).toString('hex'));
    const writer = run('tests/faults/writer.ts', ['raw'], {
      SAUGA_FAULT_VAULT: session.paths.dir,
      SAUGA_FAULT_DEK: dek,
      SAUGA_FAULT_START: '1000',
    });
    try {
      expect(await writer.waitFor(/^ack note .* 1005$/u)).toBe(true);
      const counts: number[] = [];
      for (let i = 0; i < 3; i++) {
        const f = join(dir, `busy-${i}.sauga`);
        const made = await createBackup(session, f);
        const r = await restoreBackup(f, join(dir, `busy-restored-${i}`), { recoveryWords: words });
        counts.push(r.cases);
        expect(r.cases).toBe(made.cases);
        const s = await unlockVault(r.dir, BOTH.name, BOTH.passphrase);
        try {
          const check = checkVault(s);
          expect(check.integrity).toEqual(['ok']);
          expect(check.audit.ok).toBe(true);
          // Each case and its audit entry were written in one transaction: a torn snapshot
          // would show one without the other.
          const created = s.db.prepare(`SELECT count(*) FROM audit_log WHERE action = 'case.created'`).pluck().get();
          expect(created).toBe(r.cases);
        } finally {
          s.lock();
        }
      }
      expect(counts[2]).toBeGreaterThan(counts[0] as number);
    } finally {
      writer.child.kill('SIGKILL');
      await writer.exited;
    }
  });
});
