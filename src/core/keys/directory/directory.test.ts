import { randomUUID } from 'node:crypto';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../shared/errors';
import { openCaseVault, type CaseVault } from '../../cases/testkit';
import { AppError } from '../../errors';
import { fingerprint } from '../../stats/package/minisign';
import {
  addDirectorySigner,
  addRecipient,
  assertSendable,
  decodeAgeRecipient,
  getRecipient,
  importDirectory,
  installedDirectory,
  listRecipients,
  recipientFingerprint,
  verifyRecipient,
  writeDirectory,
  type DirectoryEntry,
} from './index';
import { directorySigner, fileEntry, recipientKeys, type RecipientKeys } from './testkit';

let clock = new Date('2026-06-01T10:00:00.000Z');
let v: CaseVault;

beforeEach(async () => {
  clock = new Date('2026-06-01T10:00:00.000Z');
  v = await openCaseVault(() => clock);
});
afterEach(() => v.close());

const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return undefined;
};

const manual = (keys: RecipientKeys, over: Record<string, unknown> = {}) => ({
  institution: 'Kauno apygardos prokuratūra',
  category: 'PROSECUTOR' as const,
  person: 'Prokuroras Tomas Kazlauskas',
  ageRecipient: keys.ageRecipient,
  ed25519PublicKey: keys.ed25519PublicKey,
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  ...over,
});

describe('recipientFingerprint', () => {
  it('decodes the X25519 key age-encryption encoded, and only that spelling', async () => {
    const recipient = await identityToRecipient(await generateX25519Identity());
    const raw = decodeAgeRecipient(recipient);
    expect(raw?.length).toBe(32);
    expect(decodeAgeRecipient(recipient.toUpperCase())).toBeNull();
    const last = recipient.at(-1) === 'q' ? 'p' : 'q';
    expect(decodeAgeRecipient(`${recipient.slice(0, -1)}${last}`)).toBeNull();
    expect(decodeAgeRecipient(`age1pq1${recipient.slice(4)}`)).toBeNull();
  });

  it('is SHA-256 over the documented encoding, as 8 groups of 5 digits', async () => {
    const k = await recipientKeys();
    const raw = decodeAgeRecipient(k.ageRecipient) as Buffer;
    const expected = fingerprint(
      Buffer.concat([Buffer.from('sauga recipient fingerprint v1\u0000', 'ascii'), raw, k.ed25519PublicKey]),
    );
    expect(recipientFingerprint(k.ageRecipient, k.ed25519PublicKey)).toBe(expected);
    expect(expected).toMatch(/^\d{5}( \d{5}){7}$/u);
    const other = await recipientKeys();
    expect(recipientFingerprint(k.ageRecipient, other.ed25519PublicKey)).not.toBe(expected);
    expect(() => recipientFingerprint('age1nope', k.ed25519PublicKey)).toThrow(AppError);
  });
});

describe('manual recipients', () => {
  it('starts unverified; a wrong fingerprint is refused and logged; the right one verifies', async () => {
    const k = await recipientKeys();
    const e = addRecipient(v.admin, manual(k));
    expect(e).toMatchObject({ state: 'unverified', source: 'manual', keyChanged: false });
    expect(e.fingerprint).toBe(recipientFingerprint(k.ageRecipient, k.ed25519PublicKey));
    expect(code(() => assertSendable(v.admin.db, e.id, clock))).toBe(ErrorCode.DirectoryEntryUnverified);

    const wrong = `${e.fingerprint.slice(0, -1)}${e.fingerprint.endsWith('0') ? '1' : '0'}`;
    expect(code(() => verifyRecipient(v.admin, e.id, wrong))).toBe(ErrorCode.DirectoryFingerprintMismatch);
    expect(code(() => verifyRecipient(v.admin, e.id, ''))).toBe(ErrorCode.DirectoryFingerprintMismatch);
    expect(getRecipient(v.admin.db, e.id)?.state).toBe('unverified');

    const typed = e.fingerprint.replace(/ /gu, '');
    const ok = verifyRecipient(v.admin, e.id, ` ${typed.slice(0, 20)}\n${typed.slice(20)} `);
    expect(ok).toMatchObject({ state: 'verified', verifiedHow: 'fingerprint', verifiedBy: v.admin.user.name });
    expect(assertSendable(v.admin.db, e.id, clock).revisionId).toBe(e.revisionId);
    expect(assertSendable(v.admin.db, e.revisionId, clock, e.fingerprint).id).toBe(e.id);

    expect(v.auditActions(e.id).map((a) => a.action)).toEqual([
      'directory.recipient_added',
      'directory.verify_failed',
      'directory.verify_failed',
      'directory.recipient_verified',
    ]);
    expect(v.auditIntact()).toBe(true);
  });

  it('refuses bad input and lets only supervisors and administrators change the directory', async () => {
    const k = await recipientKeys();
    const bad = [
      manual(k, { category: 'PROSECUTORS' }),
      manual(k, { ageRecipient: 'age1qqqq' }),
      manual(k, { ed25519PublicKey: Buffer.alloc(31) }),
      manual(k, { institution: '' }),
      manual(k, { institution: 'a\u0000b' }),
      manual(k, { validTo: '2025-12-31' }),
      manual(k, { extra: 1 }),
    ];
    for (const input of bad) expect(code(() => addRecipient(v.admin, input as never))).toBe(ErrorCode.InvalidInput);
    const worker = v.as(v.addUser('Jonas', ['caseworker']));
    expect(code(() => addRecipient(worker, manual(k)))).toBe(ErrorCode.Forbidden);
    const boss = v.as(v.addUser('Rasa', ['supervisor']));
    const e = addRecipient(boss, manual(k));
    expect(code(() => verifyRecipient(worker, e.id, e.fingerprint))).toBe(ErrorCode.Forbidden);
    expect(listRecipients(worker.db).map((r) => r.id)).toEqual([e.id]);
  });

  it('refuses sending outside the validity period', async () => {
    const e = addRecipient(v.admin, manual(await recipientKeys()));
    verifyRecipient(v.admin, e.id, e.fingerprint);
    expect(code(() => assertSendable(v.admin.db, e.id, new Date('2026-12-31T23:59:59.000Z')))).toBeUndefined();
    expect(code(() => assertSendable(v.admin.db, e.id, new Date('2027-01-01T00:00:00.000Z')))).toBe(
      ErrorCode.DirectoryEntryExpired,
    );
    expect(code(() => assertSendable(v.admin.db, e.id, new Date('2025-12-31T23:59:59.000Z')))).toBe(
      ErrorCode.DirectoryEntryExpired,
    );
  });

  it('notices keys edited in place after verification', async () => {
    const e = addRecipient(v.admin, manual(await recipientKeys()));
    verifyRecipient(v.admin, e.id, e.fingerprint);
    const other = await recipientKeys();
    v.admin.db
      .prepare('UPDATE directory_entries SET ed25519_public_key = ? WHERE revision_id = ?')
      .run(other.ed25519PublicKey, e.revisionId);
    expect(code(() => assertSendable(v.admin.db, e.id, clock))).toBe(ErrorCode.DirectoryKeyChanged);
    v.admin.db
      .prepare('UPDATE directory_entries SET fingerprint = ? WHERE revision_id = ?')
      .run(recipientFingerprint(e.ageRecipient, other.ed25519PublicKey), e.revisionId);
    expect(code(() => assertSendable(v.admin.db, e.id, clock))).toBe(ErrorCode.DirectoryKeyChanged);
  });

  it('refuses an unknown id', () => {
    expect(code(() => assertSendable(v.admin.db, randomUUID(), clock))).toBe(ErrorCode.NotFound);
    expect(code(() => assertSendable(v.admin.db, 'not-a-uuid', clock))).toBe(ErrorCode.InvalidInput);
    expect(getRecipient(v.admin.db, randomUUID())).toBeNull();
  });
});

describe('directory files', () => {
  const signerOrg = 'Teisingumo ministerija';

  function trusted(): ReturnType<typeof directorySigner> {
    const s = directorySigner();
    addDirectorySigner(v.admin, signerOrg, s.publicKeyLine);
    return s;
  }

  const sendable = (id: string): string | undefined => code(() => assertSendable(v.admin.db, id, clock));

  it('installs a signed directory: entries verified by its signature, recorded and audited', async () => {
    const s = trusted();
    const [a, b] = [randomUUID(), randomUUID()];
    const file = writeDirectory(
      [fileEntry(a, await recipientKeys()), fileEntry(b, await recipientKeys())],
      1,
      s.signer,
      {
        issuer: signerOrg,
      },
    );
    const r = importDirectory(v.admin, file);
    expect(r).toMatchObject({ version: 1, added: [a, b], keyChanged: [], withdrawn: [], signerKeyId: s.signer.keyId });
    expect(installedDirectory(v.admin.db)).toMatchObject({ version: 1, issuer: signerOrg, entryCount: 2 });
    const e = getRecipient(v.admin.db, a) as DirectoryEntry;
    expect(e).toMatchObject({ state: 'verified', verifiedHow: 'directory', source: 'directory', sourceVersion: 1 });
    expect(sendable(a)).toBeUndefined();
    const actions = v.auditActions().map((x) => x.action);
    expect(actions.filter((x) => x.startsWith('directory.'))).toEqual([
      'directory.signer_trusted',
      'directory.recipient_added',
      'directory.recipient_added',
      'directory.imported',
    ]);
    expect(v.auditActions('directory v1')[0]?.detail).toMatchObject({ version: 1, added: 2, keyChanged: 0 });
    expect(v.auditIntact()).toBe(true);
  });

  it('blocks a changed key until a person verifies it again, keeping the old revision', async () => {
    const s = trusted();
    const id = randomUUID();
    const old = await recipientKeys();
    importDirectory(v.admin, writeDirectory([fileEntry(id, old)], 1, s.signer));
    const before = getRecipient(v.admin.db, id) as DirectoryEntry;

    const fresh = await recipientKeys();
    const r = importDirectory(v.admin, writeDirectory([fileEntry(id, fresh)], 2, s.signer));
    expect(r.keyChanged).toEqual([id]);
    const after = getRecipient(v.admin.db, id) as DirectoryEntry;
    expect(after).toMatchObject({ state: 'unverified', keyChanged: true, sourceVersion: 2 });
    expect(after.revisionId).not.toBe(before.revisionId);
    expect(getRecipient(v.admin.db, before.revisionId)).toMatchObject({
      replacedBy: after.revisionId,
      ed25519PublicKey: old.ed25519PublicKey,
    });
    expect(sendable(id)).toBe(ErrorCode.DirectoryKeyChanged);
    expect(sendable(before.revisionId)).toBe(ErrorCode.DirectoryEntryReplaced);
    expect(code(() => assertSendable(v.admin.db, id, clock, before.fingerprint))).toBe(ErrorCode.DirectoryKeyChanged);

    // Repeating the new key in a later directory does not verify it.
    importDirectory(
      v.admin,
      writeDirectory([fileEntry(id, fresh, { institution: 'Naujas pavadinimas' })], 3, s.signer),
    );
    expect(getRecipient(v.admin.db, id)).toMatchObject({ state: 'unverified', institution: 'Naujas pavadinimas' });
    expect(sendable(id)).toBe(ErrorCode.DirectoryKeyChanged);

    verifyRecipient(v.admin, id, after.fingerprint);
    expect(sendable(id)).toBeUndefined();
    expect(listRecipients(v.admin.db, { history: true }).filter((e) => e.id === id)).toHaveLength(3);
    expect(v.auditActions(id).map((a) => a.action)).toEqual([
      'directory.recipient_added',
      'directory.recipient_key_changed',
      'directory.recipient_key_changed',
      'directory.recipient_verified',
    ]);
  });

  it('keeps details-only changes verified and withdraws entries a newer directory drops', async () => {
    const s = trusted();
    const [a, b] = [randomUUID(), randomUUID()];
    const ka = await recipientKeys();
    importDirectory(v.admin, writeDirectory([fileEntry(a, ka), fileEntry(b, await recipientKeys())], 1, s.signer));
    const manualEntry = addRecipient(v.admin, manual(await recipientKeys()));
    const r = importDirectory(v.admin, writeDirectory([fileEntry(a, ka, { validTo: '2028-12-31' })], 2, s.signer));
    expect(r).toMatchObject({ updated: [a], withdrawn: [b], keyChanged: [], added: [] });
    expect(getRecipient(v.admin.db, a)).toMatchObject({ state: 'verified', validTo: '2028-12-31T23:59:59.999Z' });
    expect(sendable(b)).toBe(ErrorCode.DirectoryEntryReplaced);
    expect(getRecipient(v.admin.db, manualEntry.id)?.withdrawnAt).toBeNull();
    const again = importDirectory(v.admin, writeDirectory([fileEntry(a, ka, { validTo: '2028-12-31' })], 3, s.signer));
    expect(again).toMatchObject({ unchanged: 1, updated: [], withdrawn: [] });
  });

  it('refuses an unknown signer, an older or the same version, and writes nothing', async () => {
    const s = trusted();
    const k = await recipientKeys();
    const stranger = directorySigner();
    expect(code(() => importDirectory(v.admin, writeDirectory([fileEntry(randomUUID(), k)], 1, stranger.signer)))).toBe(
      ErrorCode.DirectoryFileRejected,
    );
    importDirectory(v.admin, writeDirectory([fileEntry(randomUUID(), k)], 5, s.signer));
    const auditBefore = v.auditActions().length;
    for (const version of [5, 4, 1])
      expect(code(() => importDirectory(v.admin, writeDirectory([], version, s.signer)))).toBe(
        ErrorCode.DirectoryVersionOld,
      );
    expect(installedDirectory(v.admin.db)?.version).toBe(5);
    expect(v.auditActions()).toHaveLength(auditBefore);
    expect(listRecipients(v.admin.db)).toHaveLength(1);
  });

  it('refuses every single flipped byte', async () => {
    const s = trusted();
    const file = writeDirectory([fileEntry(randomUUID(), await recipientKeys())], 1, s.signer);
    for (let i = 0; i < file.length; i++) {
      const bad = Uint8Array.from(file);
      bad[i] = (bad[i] as number) ^ 0x01;
      const c = code(() => importDirectory(v.admin, bad));
      if (c !== ErrorCode.DirectoryFileRejected) throw new Error(`byte ${i} flipped was not refused (${c})`);
    }
    expect(installedDirectory(v.admin.db)).toBeNull();
    expect(importDirectory(v.admin, file).version).toBe(1);
  });

  it('refuses malformed content even when properly signed', async () => {
    const s = trusted();
    const k = await recipientKeys();
    const { writeCanonicalZip } = await import('../../stats/package/zip');
    const signedZip = (doc: unknown, version = 1): Uint8Array => {
      const json = Buffer.from(JSON.stringify(doc), 'utf8');
      return writeCanonicalZip([
        { path: 'directory.json', data: json, stored: true },
        {
          path: 'directory.json.minisig',
          data: Buffer.from(s.signer.sign(json, `sauga institution directory version ${version}`)),
          stored: true,
        },
      ]);
    };
    const doc = (entries: unknown[], over: Record<string, unknown> = {}) => ({
      format: 'sauga-institution-directory/1',
      version: 1,
      issuedAt: '2026-05-01T00:00:00.000Z',
      issuer: signerOrg,
      entries,
      ...over,
    });
    const id = randomUUID();
    const good = fileEntry(id, k);
    expect(code(() => importDirectory(v.admin, signedZip(doc([good]))))).toBeUndefined();
    const cases: unknown[] = [
      doc([{ ...good, ageRecipient: 'age1xyz' }], { version: 2 }),
      doc([{ ...good, ed25519PublicKey: 'AAAA' }], { version: 2 }),
      doc([{ ...good, category: 'JUDGE' }], { version: 2 }),
      doc([{ ...good, extra: true }], { version: 2 }),
      doc([good, good], { version: 2 }),
      doc([{ ...good, id: 'x' }], { version: 2 }),
      doc([good], { version: 2, format: 'other' }),
      doc([good], { version: 2.5 }),
      doc([good], { version: 2, more: 1 }),
    ];
    for (const [i, d] of cases.entries()) {
      const ver = (d as { version: number }).version;
      const c = code(() => importDirectory(v.admin, signedZip(d, Math.floor(ver))));
      if (c !== ErrorCode.DirectoryFileRejected) throw new Error(`case ${i} was not refused (${c})`);
    }
    // The signed version must be the document's: a signature cannot be replayed onto another version.
    expect(code(() => importDirectory(v.admin, signedZip(doc([good], { version: 3 }), 2)))).toBe(
      ErrorCode.DirectoryFileRejected,
    );
    expect(installedDirectory(v.admin.db)?.version).toBe(1);
  });

  it('refuses an oversized file before reading it', async () => {
    const s = trusted();
    const k = await recipientKeys();
    const big = Array.from({ length: 5000 }, () => fileEntry(randomUUID(), k, { institution: 'x'.repeat(200) }));
    const tooMany = [...big, fileEntry(randomUUID(), k)];
    expect(() => writeDirectory(tooMany, 1, s.signer)).toThrow(AppError);
    expect(code(() => importDirectory(v.admin, new Uint8Array(4 * 1024 * 1024 + 1)))).toBe(
      ErrorCode.DirectoryFileRejected,
    );
    const { writeCanonicalZip } = await import('../../stats/package/zip');
    const huge = writeCanonicalZip([
      { path: 'directory.json', data: Buffer.alloc(4 * 1024 * 1024, 0x20), stored: true },
      { path: 'directory.json.minisig', data: Buffer.from('x'), stored: true },
    ]);
    expect(code(() => importDirectory(v.admin, huge))).toBe(ErrorCode.DirectoryFileRejected);
  });

  it('pins signers idempotently and only for supervisors or administrators', () => {
    const s = directorySigner();
    const a = addDirectorySigner(v.admin, signerOrg, s.publicKeyLine);
    expect(addDirectorySigner(v.admin, signerOrg, `untrusted comment: x\n${s.publicKeyLine}\n`).keyId).toBe(a.keyId);
    expect(a.fingerprint).toMatch(/^\d{5}( \d{5}){7}$/u);
    expect(code(() => addDirectorySigner(v.admin, signerOrg, 'RWnotakey'))).toBe(ErrorCode.InvalidInput);
    const worker = v.as(v.addUser('Jonas', ['caseworker']));
    expect(code(() => addDirectorySigner(worker, signerOrg, directorySigner().publicKeyLine))).toBe(
      ErrorCode.Forbidden,
    );
    expect(v.auditActions(a.keyId).map((x) => x.action)).toEqual(['directory.signer_trusted']);
  });
});
