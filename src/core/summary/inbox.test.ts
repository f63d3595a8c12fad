import { randomBytes } from 'node:crypto';
import { Decrypter, Encrypter } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../shared/errors';
import { ReceivedSummary, ReceivedSummaryItem, TrustedSender } from '../../shared/summary/dto';
import { openCaseVault, type CaseVault } from '../cases/testkit';
import { AppError } from '../errors';
import { initRecipientKeys, withAgeIdentities } from '../keys/recipient';
import { generateRawKeyPair, keyIdBytes, KEY_ID_BYTES } from '../stats/package/minisign';
import { rawSigner, type PackageSigner } from '../stats/package/signingKey';
import { rawZip, unpack } from '../stats/package/testkit';
import { ORG } from '../testing/fixtures';
import { createDraft } from './compose';
import { addTrustedSender, getReceived, listReceived, listTrustedSenders, receivedPdf, receiveSummary } from './inbox';
import { buildSummaryPackage } from './package';
import { sampleSummary } from './package/testkit';
import { renderSummaryPdf } from './pdf';
import { exportDraft } from './send';
import { openExchange, TODAY, type Exchange } from './testkit';

let x: Exchange;
/** A second prosecutor's office, trusting the same NGO. */
let other: CaseVault;
let otherReader: ReturnType<CaseVault['as']>;
let pkg: Uint8Array;

async function freshPackage(): Promise<Uint8Array> {
  const caseId = x.cw.createCase({ openedOn: '2026-01-02', status: { victimStatus: 'PRESUMED' } }).id;
  x.cw.addItem(caseId, 'consents', {
    giver: 'PERSON',
    recipient: 'PROSECUTOR',
    purpose: 'CRIMINAL_PROCEEDINGS',
    dataCategories: ['STATUS'],
    givenOn: '2026-02-01',
  } as never);
  const d = createDraft(x.cwS, caseId, {
    recipient: x.recipient,
    purpose: 'CRIMINAL_PROCEEDINGS',
    today: TODAY,
  });
  return (await exportDraft(x.cwS, d.draftId)).bytes;
}

beforeAll(async () => {
  x = await openExchange();
  other = await openCaseVault(() => new Date(`${TODAY}T12:00:00.000Z`));
  await initRecipientKeys(other.admin, { institution: 'Kauno apygardos prokuratūra', category: 'PROSECUTOR' });
  addTrustedSender(other.admin, { organisation: ORG, minisignPublicKey: x.ngoPublicKey });
  otherReader = other.as(other.addUser('Prokuroras Tomas', ['caseworker']));
  pkg = await freshPackage();
});
afterAll(() => {
  x.close();
  other.close();
});

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('not refused');
}

const stored = (): number =>
  (x.rv.admin.db.prepare('SELECT count(*) AS n FROM summary_received').get() as { n: number }).n;

async function plainOf(bytes: Uint8Array): Promise<Uint8Array> {
  return withAgeIdentities(x.rv.admin, async (ids) => {
    const d = new Decrypter();
    for (const i of ids) d.addIdentity(i.identity);
    return d.decrypt(bytes);
  });
}

async function encryptTo(plain: Uint8Array, ageRecipient: string): Promise<Uint8Array> {
  const e = new Encrypter();
  e.addRecipient(ageRecipient);
  return e.encrypt(plain);
}

const ownAgeRecipient = (): string =>
  (x.rv.admin.db.prepare('SELECT age_recipient FROM recipient_keys').get() as { age_recipient: string }).age_recipient;

/** A package for this prosecutor, built outside the NGO vault with any signer. */
async function forged(signer: PackageSigner): Promise<Uint8Array> {
  const summary = sampleSummary({
    organisation: { name: ORG },
    recipient: {
      institution: 'Vilniaus apygardos prokuratūra',
      category: 'PROSECUTOR',
      fingerprint: x.recipient.fingerprint,
    },
  });
  const pdf = await renderSummaryPdf(summary, 'lt');
  return (
    await buildSummaryPackage({
      summary,
      pdf,
      recipient: { ageRecipient: ownAgeRecipient(), fingerprint: x.recipient.fingerprint },
      signer,
    })
  ).bytes;
}

describe('receiveSummary', () => {
  it('stores a good package once and refuses it the second time', async () => {
    const before = stored();
    const got = await receiveSummary(x.reader, pkg);
    expect(ReceivedSummary.parse(got)).toEqual(got);
    expect(stored()).toBe(before + 1);
    const again = await refusal(receiveSummary(x.reader, pkg));
    expect(again.code).toBe(ErrorCode.SummaryPackageReplayed);
    expect(stored()).toBe(before + 1);
    const items = listReceived(x.reader);
    expect(items.map((i) => ReceivedSummaryItem.parse(i))).toEqual(items);
    expect(items.find((i) => i.id === got.id)).toMatchObject({ sender: { organisation: ORG }, basis: 'consent' });
    expect(getReceived(x.reader, got.id).summary.id).toBe(got.packageId);
    expect(receivedPdf(x.reader, got.id).length).toBe(got.pdfSize);
    expect(x.rv.auditActions().map((a) => a.action)).toEqual(
      expect.arrayContaining(['summary.received', 'summary.receive_refused', 'summary.inbox_viewed']),
    );
  });

  it('cannot be opened with another institution’s identity', async () => {
    const e = await refusal(receiveSummary(otherReader, await freshPackage()));
    expect(e.code).toBe(ErrorCode.SummaryPackageNotForYou);
    expect(e.message).toContain('encrypted for someone else');
  });

  it('refuses a flipped bit and a truncated file as damaged', async () => {
    const fresh = await freshPackage();
    const flipped = new Uint8Array(fresh);
    const at = flipped.length - 200;
    flipped[at] = (flipped[at] ?? 0) ^ 0x01;
    const e1 = await refusal(receiveSummary(x.reader, flipped));
    expect(e1.code).toBe(ErrorCode.SummaryPackageDamaged);
    expect(e1.message).toContain('damaged or truncated');
    const e2 = await refusal(receiveSummary(x.reader, fresh.subarray(0, fresh.length - 100)));
    expect(e2.code).toBe(ErrorCode.SummaryPackageDamaged);
  });

  it('refuses a package forwarded (re-encrypted) to another institution', async () => {
    const plain = await plainOf(await freshPackage());
    const otherRecipient = (
      other.admin.db.prepare('SELECT age_recipient FROM recipient_keys').get() as { age_recipient: string }
    ).age_recipient;
    const e = await refusal(receiveSummary(otherReader, await encryptTo(plain, otherRecipient)));
    expect(e.code).toBe(ErrorCode.SummaryPackageWrongRecipient);
    expect(e.message).toContain('for someone else');
  });

  it('refuses a package without its signature, or with a signature by another key under the trusted key id', async () => {
    const files = unpack(await plainOf(await freshPackage()));
    const unsigned = rawZip(
      files.filter((f) => f.name !== 'manifest.json.sig').map((f) => ({ name: f.name, data: f.data, stored: true })),
    );
    const e1 = await refusal(receiveSummary(x.reader, await encryptTo(unsigned, ownAgeRecipient())));
    expect(e1.code).toBe(ErrorCode.SummaryPackageBadSignature);

    const trustedKeyId = listTrustedSenders(x.rv.admin)[0]?.keyId ?? '';
    const impostor = generateRawKeyPair(randomBytes(KEY_ID_BYTES));
    const impostorSigner = rawSigner(impostor.secretKey, keyIdBytes(trustedKeyId));
    const e2 = await refusal(receiveSummary(x.reader, await forged(impostorSigner)));
    expect(e2.code).toBe(ErrorCode.SummaryPackageBadSignature);
    expect(e2.message).toContain('signature does not verify');
  });

  it('refuses a package signed by a key nobody trusted', async () => {
    const pair = generateRawKeyPair(randomBytes(KEY_ID_BYTES));
    const e = await refusal(receiveSummary(x.reader, await forged(rawSigner(pair.secretKey, pair.keyId))));
    expect(e.code).toBe(ErrorCode.SummaryPackageUntrustedSender);
    expect(e.message).toContain('sender is not trusted');
  });

  it('refuses random bytes without storing anything', async () => {
    const before = stored();
    expect((await refusal(receiveSummary(x.reader, randomBytes(500)))).code).toBe(ErrorCode.SummaryPackageInvalid);
    expect(stored()).toBe(before);
  });

  it('works only in a recipient vault, and only for case work', async () => {
    expect((await refusal(receiveSummary(x.cwS, pkg))).code).toBe(ErrorCode.RecipientKeysMissing);
    expect(() => listReceived(x.cwS)).toThrow(AppError);
    expect((await refusal(receiveSummary(x.rv.admin, pkg))).code).toBe(ErrorCode.Forbidden);
    expect(() => addTrustedSender(x.reader, { organisation: 'X', minisignPublicKey: x.ngoPublicKey })).toThrow(
      AppError,
    );
  });
});

describe('trusted senders', () => {
  it('lists the pinned key with its fingerprint; the same key again changes nothing', () => {
    const [s] = listTrustedSenders(x.rv.admin);
    expect(TrustedSender.parse(s)).toMatchObject({ organisation: ORG });
    expect(s?.fingerprint).toMatch(/\d/u);
    expect(addTrustedSender(x.rv.admin, { organisation: ORG, minisignPublicKey: x.ngoPublicKey })).toEqual(s);
    expect(() => addTrustedSender(x.rv.admin, { organisation: 'Kita', minisignPublicKey: x.ngoPublicKey })).toThrow(
      AppError,
    );
    expect(() => addTrustedSender(x.rv.admin, { organisation: ORG, minisignPublicKey: 'not a key' })).toThrow(AppError);
  });
});
