import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Decrypter, Encrypter } from 'age-encryption';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../shared/errors';
import { ADMIN, ORG, tempDir } from '../testing/fixtures';
import { addRecipient } from './directory/store';
import { addUser, createVault, unlockVault, type VaultSession } from '../vault/vault';
import {
  exportIdentity,
  initRecipientKeys,
  isRecipientVault,
  recipientDirectoryEntry,
  recipientInputFromEntry,
  recipientPublicInfo,
  verifyDirectoryEntry,
  withAgeIdentities,
} from './recipient';

const AGE = '/usr/bin/age';
const SCRIPT = '/usr/bin/script';

/**
 * `age -d` of a passphrase file. age reads a passphrase only from a terminal, so script(1)
 * gives it one and the passphrase is typed into it. Null when script(1) is not installed.
 */
function ageDecryptWithPassphrase(file: string, out: string, passphrase: string): boolean | null {
  if (!existsSync(SCRIPT) || !existsSync(AGE)) return null;
  try {
    execFileSync(SCRIPT, ['-q', '-e', '-c', `${AGE} -d -o '${out}' '${file}'`, '/dev/null'], {
      input: `${passphrase}\n`,
      stdio: ['pipe', 'ignore', 'ignore'],
      timeout: 30_000,
    });
    return existsSync(out);
  } catch {
    return false;
  }
}
const IDENTITY_PASSPHRASE = 'lantern orbit velvet quarry moss tundra';
const PROSECUTOR = { institution: 'Generalinė prokuratūra', category: 'PROSECUTOR' } as const;

let dir: string;
let cleanup: () => void;
let vault: string;
let session: VaultSession;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  vault = join(dir, 'vault');
  ({ session } = await createVault({ dir: vault, orgName: ORG, userName: ADMIN.name, passphrase: ADMIN.passphrase }));
});
afterEach(() => {
  session.lock();
  cleanup();
});

const secrets = (s: VaultSession): Promise<string[]> => withAgeIdentities(s, (ids) => ids.map((i) => i.identity));

const auditRows = (s: VaultSession): { action: string; subject: string; detail: string }[] =>
  s.db.prepare('SELECT action, subject, detail FROM audit_log ORDER BY seq').all() as {
    action: string;
    subject: string;
    detail: string;
  }[];

async function otherUser(roles: ('caseworker' | 'supervisor' | 'administrator')[]): Promise<VaultSession> {
  const name = 'Jonas Kazlauskas';
  const passphrase = 'quiet river marble falcon';
  await addUser(session, { userName: name, roles, passphrase });
  return unlockVault(vault, name, passphrase);
}

describe('recipient keys: initialisation', () => {
  it('makes the vault a recipient installation once, with an audit entry naming only public values', async () => {
    expect(isRecipientVault(session)).toBe(false);
    const info = await initRecipientKeys(session, PROSECUTOR);
    expect(info).toMatchObject({ ...PROSECUTOR, generation: 1 });
    expect(info.ageRecipient).toMatch(/^age1[a-z0-9]{58}$/u);
    expect(Buffer.from(info.ed25519PublicKey, 'base64')).toHaveLength(32);
    expect(info.fingerprint).toMatch(/^\d{5}( \d{5}){7}$/u);
    expect(isRecipientVault(session)).toBe(true);

    const [secret] = await secrets(session);
    expect(secret).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/u);
    const entry = auditRows(session).find((r) => r.action === 'recipient.keys_initialised');
    expect(entry).toMatchObject({ subject: 'installation' });
    expect(JSON.parse(entry?.detail ?? '{}')).toMatchObject({
      category: 'PROSECUTOR',
      ageRecipient: info.ageRecipient,
      fingerprint: info.fingerprint,
    });
    expect(JSON.stringify(auditRows(session))).not.toContain(secret?.slice(16));

    await expect(initRecipientKeys(session, PROSECUTOR)).rejects.toMatchObject({
      code: ErrorCode.RecipientKeysExist,
    });
    expect(recipientPublicInfo(session)).toEqual(info);
  });

  it('is refused to anyone but an administrator, and for bad input', async () => {
    const supervisor = await otherUser(['supervisor', 'caseworker']);
    try {
      await expect(initRecipientKeys(supervisor, PROSECUTOR)).rejects.toMatchObject({ code: ErrorCode.Forbidden });
      expect(isRecipientVault(supervisor)).toBe(false);
    } finally {
      supervisor.lock();
    }
    await expect(initRecipientKeys(session, { institution: '  ', category: 'PROSECUTOR' })).rejects.toMatchObject({
      code: ErrorCode.InvalidInput,
    });
    await expect(
      initRecipientKeys(session, { institution: 'X', category: 'FAMILY' as 'PROSECUTOR' }),
    ).rejects.toMatchObject({ code: ErrorCode.InvalidInput });
    expect(() => recipientPublicInfo(session)).toThrow(
      expect.objectContaining({ code: ErrorCode.RecipientKeysMissing }),
    );
  });

  it('gives the same public keys after locking and unlocking, to any user, and never stores the secret in the clear', async () => {
    const info = await initRecipientKeys(session, PROSECUTOR);
    const [secret] = await secrets(session);
    session.lock();
    session = await unlockVault(vault, ADMIN.name, ADMIN.passphrase);
    expect(recipientPublicInfo(session)).toEqual(info);
    expect(await secrets(session)).toEqual([secret]);
    const caseworker = await otherUser(['caseworker']);
    try {
      expect(recipientPublicInfo(caseworker)).toEqual(info);
    } finally {
      caseworker.lock();
    }
    for (const f of readdirSync(vault)) {
      const bytes = readFileSync(join(vault, f));
      expect(bytes.includes('AGE-SECRET-KEY')).toBe(false);
      expect(bytes.includes(info.ageRecipient)).toBe(false);
    }
  });
});

describe('recipient keys: directory entry', () => {
  it('is signed by the institution key, carries the fingerprint, and any change breaks it', async () => {
    const info = await initRecipientKeys(session, PROSECUTOR);
    const entry = recipientDirectoryEntry(session);
    expect(entry).toMatchObject({
      format: 'sauga-recipient-entry',
      version: 1,
      ...PROSECUTOR,
      ageRecipient: info.ageRecipient,
      ed25519PublicKey: info.ed25519PublicKey,
      fingerprint: info.fingerprint,
      validFrom: info.createdAt,
    });
    expect(verifyDirectoryEntry(JSON.parse(JSON.stringify(entry)))).toEqual(entry);
    expect(verifyDirectoryEntry({ ...entry, institution: 'Kita prokuratūra' })).toBeNull();
    expect(
      verifyDirectoryEntry({ ...entry, fingerprint: '00000 00000 00000 00000 00000 00000 00000 00000' }),
    ).toBeNull();
    expect(verifyDirectoryEntry({ ...entry, extra: 1 })).toBeNull();

    // Someone else's age key paired with this institution's signing key is caught twice over.
    const other = join(dir, 'other');
    const o = await createVault({ dir: other, orgName: ORG, userName: ADMIN.name, passphrase: ADMIN.passphrase });
    try {
      const foreign = await initRecipientKeys(o.session, PROSECUTOR);
      expect(foreign.fingerprint).not.toBe(info.fingerprint);
      expect(verifyDirectoryEntry({ ...entry, ageRecipient: foreign.ageRecipient })).toBeNull();

      // The NGO's directory takes the entry and arrives at the same fingerprint.
      const verified = verifyDirectoryEntry(JSON.parse(JSON.stringify(entry)));
      if (!verified) throw new Error('entry did not verify');
      const added = addRecipient(o.session, recipientInputFromEntry(verified));
      expect(added).toMatchObject({
        fingerprint: info.fingerprint,
        ageRecipient: info.ageRecipient,
        state: 'unverified',
      });
    } finally {
      o.session.lock();
    }
  });
});

describe('recipient keys: identity export', () => {
  it('writes an age passphrase file that opens to an identity the age tool decrypts packages with', async () => {
    const info = await initRecipientKeys(session, PROSECUTOR);
    const sealed = await exportIdentity(session, { passphrase: IDENTITY_PASSPHRASE });
    expect(Buffer.from(sealed).subarray(0, 22).toString('latin1')).toBe('age-encryption.org/v1\n');
    expect(Buffer.from(sealed).toString('latin1')).toContain('-> scrypt ');
    const [secret] = await secrets(session);
    expect(Buffer.from(sealed).includes(secret ?? '')).toBe(false);

    const d = new Decrypter();
    d.addPassphrase(IDENTITY_PASSPHRASE);
    const identityFile = await d.decrypt(sealed, 'text');
    expect(identityFile).toBe(`# created: ${info.createdAt}\n# public key: ${info.ageRecipient}\n${secret}\n`);

    const entry = auditRows(session).find((r) => r.action === 'recipient.identity_exported');
    expect(JSON.parse(entry?.detail ?? '{}')).toEqual({
      fingerprint: info.fingerprint,
      generations: 1,
      protection: 'age-scrypt',
    });
    const log = JSON.stringify(auditRows(session));
    expect(log).not.toContain(secret?.slice(16));
    expect(log).not.toContain(IDENTITY_PASSPHRASE);

    if (!existsSync(AGE)) {
      // Debian's age package is installed on CI and the development machines; without it only
      // the library half of the interoperability check can run.
      console.warn(`skipping the age CLI half: ${AGE} is not installed`);
      return;
    }
    const idPath = join(dir, 'identity.txt');
    const sealedPath = join(dir, 'identity.age');
    writeFileSync(sealedPath, sealed, { mode: 0o600 });
    const byAge = ageDecryptWithPassphrase(sealedPath, idPath, IDENTITY_PASSPHRASE);
    if (byAge === null) {
      console.warn(`age's own passphrase step skipped: ${SCRIPT} is missing, so age has no terminal to read from`);
      writeFileSync(idPath, identityFile, { mode: 0o600 });
    } else {
      expect(byAge).toBe(true);
      expect(readFileSync(idPath, 'utf8')).toBe(identityFile);
    }
    expect(execFileSync(AGE.replace(/age$/u, 'age-keygen'), ['-y', idPath], { encoding: 'utf8' }).trim()).toBe(
      info.ageRecipient,
    );
    const e = new Encrypter();
    e.addRecipient(info.ageRecipient);
    const pkg = join(dir, 'package.age');
    writeFileSync(pkg, await e.encrypt('Santrauka prokurorui: ąčęėįšųūž'));
    expect(execFileSync(AGE, ['-d', '-i', idPath, pkg], { encoding: 'utf8' })).toBe('Santrauka prokurorui: ąčęėįšųūž');
  });

  it('cannot be opened with a wrong passphrase', async () => {
    await initRecipientKeys(session, PROSECUTOR);
    const sealed = await exportIdentity(session, { passphrase: IDENTITY_PASSPHRASE });
    const d = new Decrypter();
    d.addPassphrase('lantern orbit velvet quarry moss tundrA');
    await expect(d.decrypt(sealed)).rejects.toThrow();
    const sealedPath = join(dir, 'identity.age');
    writeFileSync(sealedPath, sealed);
    const out = join(dir, 'identity.txt');
    expect(ageDecryptWithPassphrase(sealedPath, out, 'lantern orbit velvet quarry moss tundrA')).not.toBe(true);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a weak passphrase, a non-administrator and a vault without keys, and logs nothing then', async () => {
    await expect(exportIdentity(session, { passphrase: IDENTITY_PASSPHRASE })).rejects.toMatchObject({
      code: ErrorCode.RecipientKeysMissing,
    });
    await initRecipientKeys(session, PROSECUTOR);
    for (const weak of ['password123', 'Generalinė prokuratūra 2026', ''])
      await expect(exportIdentity(session, { passphrase: weak })).rejects.toMatchObject({
        code: weak === '' ? ErrorCode.InvalidInput : ErrorCode.WeakPassphrase,
      });
    const supervisor = await otherUser(['supervisor', 'caseworker']);
    try {
      await expect(exportIdentity(supervisor, { passphrase: IDENTITY_PASSPHRASE })).rejects.toMatchObject({
        code: ErrorCode.Forbidden,
      });
    } finally {
      supervisor.lock();
    }
    expect(auditRows(session).filter((r) => r.action === 'recipient.identity_exported')).toEqual([]);
  });
});

describe('recipient keys: lending identities', () => {
  it('lends the current identity, and stays usable after a callback that throws', async () => {
    await initRecipientKeys(session, PROSECUTOR);
    const seen = await withAgeIdentities(session, (ids) => ids.map((i) => ({ ...i, identity: 'x' })));
    expect(seen).toEqual([expect.objectContaining({ generation: 1, current: true })]);
    await expect(
      withAgeIdentities(session, () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await secrets(session)).toHaveLength(1);
  });
});
