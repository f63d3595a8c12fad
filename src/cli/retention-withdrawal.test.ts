import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseService } from '../core/cases/service';
import { unlockVault } from '../core/vault/vault';
import { ErrorCode } from '../shared/errors';
import { run } from './index';
import { captureIo, cliTestVault } from './testing';

const WORKER = { name: 'Rūta Caseworker', passphrase: 'another correct horse battery' };
const OTHER = { name: 'Jonas Caseworker', passphrase: 'yet another correct horse battery' };
const CONSENT = {
  giver: 'PERSON',
  recipient: 'PROSECUTOR',
  purpose: 'CRIMINAL_PROCEEDINGS',
  dataCategories: ['IDENTITY_BASIC', 'EXPLOITATION'],
  givenOn: '2026-01-05',
};
let cleanup: () => void;
let vault: string;
let as: (file: string) => string[];
let code: string;
let caseId: string;
let consentId: string;
let version: number;

beforeAll(async () => {
  ({ vault, cleanup, as } = await cliTestVault('sauga-cli-withdrawal-', [
    { file: 'worker', ...WORKER, roles: ['caseworker'] },
    { file: 'other', ...OTHER, roles: ['caseworker'] },
  ]));
  const worker = await unlockVault(vault, WORKER.name, WORKER.passphrase);
  const cases = new CaseService(worker);
  const c = cases.createCase({ openedOn: '2026-01-01' });
  ({ id: caseId, code } = c);
  const added = cases.addItem(c.id, 'consents', CONSENT as never);
  consentId = added.id;
  version = added.version;
  worker.lock();
}, 60_000);

afterAll(() => cleanup());

describe('sauga retention withdrawal', () => {
  it('shows the plan, refuses to record before the withdrawal, then records the handling', async () => {
    let io = captureIo();
    expect(
      await run(['retention', 'withdrawal', 'plan', ...as('worker'), '--case', code, '--consent', consentId], io),
    ).toBe(0);
    expect(io.out).toContain(`Case ${code}`);
    expect(io.out).toContain('Never send again: IDENTITY_BASIC, EXPLOITATION.');
    expect(io.out).toContain('CONSENT_RECORD (GDPR_7_1_PROOF_OF_CONSENT)');

    io = captureIo();
    const args = ['retention', 'withdrawal', 'record', ...as('worker'), '--case', code, '--consent', consentId];
    expect(await run([...args, '--json'], io)).toBe(2);
    expect(JSON.parse(io.out).error.code).toBe(ErrorCode.ConsentNotWithdrawn);

    const worker = await unlockVault(vault, WORKER.name, WORKER.passphrase);
    new CaseService(worker).updateItem(
      caseId,
      'consents',
      consentId,
      { ...CONSENT, withdrawnOn: '2026-02-20' } as never,
      version,
    );
    worker.lock();

    io = captureIo();
    expect(await run([...args, '--keep-drafts', '--note', 'Told by phone', '--json'], io)).toBe(0);
    const out = JSON.parse(io.out) as { plan: { handled: { by: string; draftsCancelled: number }[] } };
    expect(out.plan.handled).toEqual([expect.objectContaining({ by: WORKER.name, draftsCancelled: 0 })]);

    io = captureIo();
    expect(
      await run(
        ['retention', 'withdrawal', 'plan', ...as('worker'), '--case', code, '--consent', consentId, '--lang', 'lt'],
        io,
      ),
    ).toBe(0);
    expect(io.out).toContain('Sutvarkyta');
  });

  it('refuses a caseworker without the case, and a bad action', async () => {
    let io = captureIo();
    expect(
      await run(
        ['retention', 'withdrawal', 'plan', ...as('other'), '--case', code, '--consent', consentId, '--json'],
        io,
      ),
    ).toBe(2);
    expect(JSON.parse(io.out).error.code).toBe(ErrorCode.Forbidden);
    io = captureIo();
    expect(
      await run(['retention', 'withdrawal', 'erase', ...as('worker'), '--case', code, '--consent', consentId], io),
    ).toBe(2);
  });
});
