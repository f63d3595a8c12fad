import { generateKeyPairSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSigningKey } from '../../core/stats/package';
import { ErrorCode } from '../../shared/errors';
import { channels, contract, type Channel } from '../../shared/ipc/contract';
import { openIpcHarness, type Answer, type IpcHarness } from './testkit';

/**
 * Case summaries through the real handler table: need-to-know holds on every summary channel,
 * approval is a supervisor's, the directory is kept by supervisors, the inbox exists only in a
 * recipient vault, and a closed save or open dialog leaves no file and no trace.
 */
const USERS = {
  ona: { userName: 'Ona', roles: ['caseworker'] as const, passphrase: 'mėlynas dangus virš ežero 2031' },
  jonas: { userName: 'Jonas', roles: ['caseworker'] as const, passphrase: 'raudonas tiltas per upę 1999' },
  vida: { userName: 'Vida', roles: ['supervisor'] as const, passphrase: 'žalia giria ošia tyliai 1975' },
  aldona: { userName: 'Aldona', roles: ['supervisor'] as const, passphrase: 'šilta duona ant stalo 1863' },
};
const TODAY = '2026-11-10';

let caseId: string;
let consentId: string;
let recipientId: string;
let draftId: string;

let h: IpcHarness<keyof typeof USERS>;
const call = <T = unknown>(channel: Channel, input: unknown): Promise<Answer<T>> => h.call<T>(channel, input);
const as = (user: keyof typeof USERS | 'admin'): Promise<void> => h.as(user);

const auditCount = (): number =>
  (h.core.requireSession().db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

const compose = () => ({ caseId, recipientId, purpose: 'CRIMINAL_PROCEEDINGS', today: TODAY });

beforeAll(async () => {
  h = await openIpcHarness(USERS);
  ensureSigningKey(h.core.requireSession());

  // A prosecutor's keys, added and verified by a supervisor through the directory channels.
  const ageRecipient = await identityToRecipient(await generateX25519Identity());
  const ed = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  await as('vida');
  const added = await call<{ id: string; fingerprint: string; blockedBy: string | null }>('directory.add', {
    institution: 'Vilniaus apygardos prokuratūra',
    category: 'PROSECUTOR',
    ageRecipient,
    ed25519PublicKey: ed.toString('base64'),
    validFrom: '2026-01-01',
  });
  expect(added.value?.blockedBy).toBe(ErrorCode.DirectoryEntryUnverified);
  recipientId = added.value!.id;
  const verified = await call<{ blockedBy: string | null }>('directory.verify', {
    id: recipientId,
    fingerprint: added.value!.fingerprint.replaceAll(' ', ''),
  });
  expect(verified.value?.blockedBy).toBeNull();

  await as('ona');
  const created = await call<{ id: string }>('cases.create', {
    openedOn: '2026-11-02',
    identity: { givenNames: 'Žėrūnė', familyNames: 'Kazlauskaitė', phone: '+37060000001' },
    status: { victimStatus: 'PRESUMED' },
  });
  caseId = created.value!.id;
  const consent = await call<{ id: string }>('cases.addItem', {
    caseId,
    item: {
      kind: 'consents',
      data: {
        giver: 'PERSON',
        recipient: 'PROSECUTOR',
        purpose: 'CRIMINAL_PROCEEDINGS',
        dataCategories: ['IDENTITY_BASIC', 'STATUS'],
        givenOn: '2026-11-03',
      },
    },
  });
  consentId = consent.value!.id;
});

afterAll(() => h.close());

describe('summary channels over IPC', () => {
  it('are never public', () => {
    const ours = channels.filter((c) => /^(summary|directory|inbox|installation)\./u.test(c));
    expect(ours.length).toBeGreaterThan(15);
    for (const c of ours) expect({ c, kind: contract[c].access.kind }).not.toEqual({ c, kind: 'public' });
  });

  it('let the assigned caseworker compose: the preview leaves out what the consent does not cover', async () => {
    await as('ona');
    const preview = await call<{ fields: string[]; omitted: { fields: { field: string; reason: string }[] } }>(
      'summary.compose',
      compose(),
    );
    expect(preview.ok).toBe(true);
    expect(preview.value?.fields).toContain('identity.givenNames');
    expect(preview.value?.omitted.fields).toContainEqual(
      expect.objectContaining({ field: 'identity.phone', reason: 'NOT_CONSENTED' }),
    );
    expect(JSON.stringify(preview.value)).not.toContain('+37060000001');
    const draft = await call<{ id: string; status: string; fileName: string }>('summary.createDraft', compose());
    expect(draft.value).toMatchObject({
      status: 'draft',
      fileName: expect.stringMatching(/^sauga-summary-[0-9a-f]{12}\.age$/u),
    });
    draftId = draft.value!.id;
    expect((await call<unknown[]>('summary.drafts', { caseId })).value).toHaveLength(1);
  });

  it('refuse a caseworker every summary of a case not assigned to them, and audit each attempt', async () => {
    await as('jonas');
    const denied = (): number =>
      (
        h.core
          .requireSession()
          .db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'case.access_denied' AND subject = ?")
          .get(caseId) as { n: number }
      ).n;
    const before = denied();
    const tried: [Channel, unknown][] = [
      ['summary.compose', compose()],
      ['summary.createDraft', compose()],
      ['summary.drafts', { caseId }],
      ['summary.disclosures', { caseId }],
      ['summary.withdrawalImpact', { caseId, consentId }],
      ['summary.requestApproval', { draftId }],
      ['summary.cancel', { draftId }],
      ['summary.export', { draftId, language: 'lt' }],
    ];
    for (const [channel, input] of tried) {
      const r = await call(channel, input);
      expect({ channel, r }).toMatchObject({ channel, r: { ok: false, error: { code: ErrorCode.Forbidden } } });
    }
    expect(denied() - before).toBe(tried.length);
    expect(h.dialogs.save).toEqual([]);
  });

  it('keep approval, overrides and the directory for supervisors', async () => {
    await as('ona');
    for (const [channel, input] of [
      ['summary.approve', { draftId }],
      [
        'summary.override',
        { draftId, legalBasis: 'ART6_1_C', secondApprover: { userName: 'Vida', passphrase: USERS.vida.passphrase } },
      ],
      [
        'directory.add',
        { institution: 'X', category: 'POLICE', ageRecipient: 'a', ed25519PublicKey: 'b', validFrom: TODAY },
      ],
      ['directory.verify', { id: recipientId, fingerprint: '1' }],
      ['directory.import', {}],
    ] as [Channel, unknown][]) {
      expect({ channel, code: (await call(channel, input)).error?.code }).toEqual({
        channel,
        code: ErrorCode.Forbidden,
      });
    }
    expect(h.dialogs.open).toEqual([]);
    // Choosing a recipient is every case worker's: the list is readable.
    expect((await call('directory.list', {})).ok).toBe(true);
  });

  it('export only once approved; a closed save dialog saves and logs nothing', async () => {
    await as('vida');
    expect((await call('summary.approve', { draftId })).value).toMatchObject({ status: 'approved', sendable: true });
    await as('ona');
    h.dialogs.savePath = undefined;
    const before = auditCount();
    expect((await call('summary.export', { draftId, language: 'lt' })).value).toEqual({ saved: false });
    expect(auditCount()).toBe(before);
    expect((await call<unknown[]>('summary.disclosures', { caseId })).value).toEqual([]);
    expect(h.dialogs.save).toHaveLength(1);

    h.dialogs.savePath = join(h.dir, 'santrauka.age');
    const saved = await call<{ saved: boolean; fileName: string }>('summary.export', { draftId, language: 'en' });
    expect(saved.value).toMatchObject({ saved: true, fileName: h.dialogs.save[0] });
    expect(existsSync(h.dialogs.savePath)).toBe(true);
    const impact = await call<{ consentId: string }[]>('summary.withdrawalImpact', { caseId, consentId });
    expect(impact.value?.map((d) => d.consentId)).toEqual([consentId]);
    expect((await call('summary.export', { draftId, language: 'lt' })).error?.code).toBe(ErrorCode.SummaryDraftState);
    expect(h.dialogs.save).toHaveLength(2);
  });

  it('record an override only with a legal basis and a second supervisor who unlocks here', async () => {
    await as('vida');
    const draft = await call<{ id: string; status: string; sendable: boolean }>('summary.createDraft', {
      ...compose(),
      purpose: 'IDENTIFICATION',
      categories: ['STATUS'],
      withoutConsent: true,
    });
    expect(draft.value).toMatchObject({ status: 'needs_override', sendable: false });
    const id = draft.value!.id;
    const second = (userName: string, passphrase: string) => ({
      draftId: id,
      legalBasis: 'ART6_1_C',
      secondApprover: { userName, passphrase },
    });
    expect((await call('summary.override', second('Vida', USERS.vida.passphrase))).error?.code).toBe(
      ErrorCode.SummaryOverrideInvalid,
    );
    expect((await call('summary.override', second('Aldona', USERS.vida.passphrase))).error?.code).toBe(
      ErrorCode.WrongPassphrase,
    );
    expect((await call('summary.override', second('Ona', USERS.ona.passphrase))).error?.code).toBe(
      ErrorCode.SummaryOverrideInvalid,
    );
    const done = await call('summary.override', second('Aldona', USERS.aldona.passphrase));
    expect(done.value).toMatchObject({
      status: 'approved',
      legalBasis: 'ART6_1_C',
      approvedBy: 'Vida',
      secondApprover: 'Aldona',
      sendable: true,
    });
    // Still Vida's session: the second supervisor's was closed again at once.
    expect((await call<{ state: string; user: { name: string } }>('vault.status', {})).value?.user.name).toBe('Vida');
  });

  it('import a directory only from a file the supervisor picks; a closed dialog changes nothing', async () => {
    await as('vida');
    const before = auditCount();
    expect((await call('directory.import', {})).value).toEqual({ imported: false });
    expect(h.dialogs.open).toEqual(['directory']);
    expect(auditCount()).toBe(before);
  });

  it('refuse every inbox channel in an NGO vault, without opening a dialog', async () => {
    await as('ona');
    h.dialogs.open.length = 0;
    expect((await call('installation.info', {})).value).toEqual({ role: 'ngo' });
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [channel, input] of [
      ['inbox.list', {}],
      ['inbox.get', { id }],
      ['inbox.open', {}],
      ['inbox.pdf', { id }],
      ['inbox.trusted', {}],
      ['inbox.trust', { organisation: 'X', minisignPublicKey: 'Y' }],
    ] as [Channel, unknown][]) {
      expect({ channel, code: (await call(channel, input)).error?.code }).toEqual({
        channel,
        code: ErrorCode.RecipientKeysMissing,
      });
    }
    expect(h.dialogs.open).toEqual([]);
  });
});
