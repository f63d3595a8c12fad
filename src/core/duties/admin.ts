import { z } from 'zod';
import { RuleSetDocument, type InstalledRuleSet } from '../../shared/duties/schemas';
import { ErrorCode } from '../../shared/errors';
import { AppError } from '../errors';
import { parseInput } from '../keys/directory/store';
import { vaultSigner, type PackageSigner } from '../stats/package/signingKey';
import type { VaultSession } from '../vault/vault';
import { EXAMPLE_RULE_SET } from './example';
import {
  activeRuleSet,
  activeRuleSetInfo,
  assertCanManageRules,
  insertRuleSet,
  verifyRuleSetFile,
  writeRuleSetFile,
  type NewRuleSet,
} from './rules';
import { recomputeAll } from './tasks';

/**
 * Changing the rules: install, audit and re-plan in one transaction, so open tasks never follow
 * a rule set that is not the active one. Completed tasks are left as they were.
 */

export interface RuleSetChange {
  installed: InstalledRuleSet;
  cases: number;
  changed: number;
}

function install(session: VaultSession, n: NewRuleSet, action: string): RuleSetChange {
  assertCanManageRules(session);
  const detail: Record<string, string | number> = {
    version: n.document.version,
    source: n.source,
    rules: n.document.rules.length,
  };
  if (n.signerKeyId) detail.signerKeyId = n.signerKeyId;
  let replanned = { cases: 0, changed: 0 };
  session.write({ action, subject: `rules v${n.document.version}`, detail }, (db) => {
    insertRuleSet(db, n, session.now().toISOString(), session.user.name);
    replanned = recomputeAll(session);
  });
  return { installed: activeRuleSetInfo(session.db) as InstalledRuleSet, ...replanned };
}

/** The shipped EXAMPLE; not over a signed protocol, which an example must never replace by accident. */
export function installExampleRuleSet(session: VaultSession): RuleSetChange {
  assertCanManageRules(session);
  const signed = session.db.prepare(`SELECT 1 FROM duty_rule_sets WHERE source = 'signed' LIMIT 1`).get();
  if (signed)
    throw new AppError(ErrorCode.InvalidInput, 'a signed rule set is installed; the example does not replace it');
  return install(session, { document: EXAMPLE_RULE_SET, source: 'example', signerKeyId: null }, 'duties.rules_example');
}

/** An administrator's own edit of the rules (the editor's save). */
export function saveLocalRuleSet(session: VaultSession, document: unknown): RuleSetChange {
  assertCanManageRules(session);
  const doc = parseInput(RuleSetDocument, document, 'the rule set');
  return install(session, { document: doc, source: 'local', signerKeyId: null }, 'duties.rules_edited');
}

/** A signed rule set file: refused unless a trusted signer signed a newer version than any before. */
export function importRuleSet(session: VaultSession, bytes: Uint8Array): RuleSetChange {
  assertCanManageRules(session);
  const v = verifyRuleSetFile(session.db, bytes);
  return install(
    session,
    { document: v.document, source: 'signed', signerKeyId: v.signerKeyId, sha256: v.sha256 },
    'duties.rules_imported',
  );
}

export const ExportOptions = z.strictObject({
  version: z.number().int().min(1).max(1_000_000).optional(),
  issuer: z.string().trim().min(1).max(200).optional(),
});

/**
 * The active rule set as a signed file, with the vault's organisation key (a ministry's vault,
 * issuing its protocol), or with `signer` in tests and tools.
 */
export function exportRuleSet(session: VaultSession, options: unknown = {}, signer?: PackageSigner): Uint8Array {
  assertCanManageRules(session);
  const o = parseInput(ExportOptions, options, 'the export options');
  const active = activeRuleSet(session.db);
  if (!active) throw new AppError(ErrorCode.DutyRuleSetMissing, 'no rule set is installed');
  const doc: RuleSetDocument = {
    ...active.document,
    version: o.version ?? active.document.version,
    issuer: o.issuer ?? active.document.issuer,
    issuedAt: session.now().toISOString(),
  };
  const bytes = writeRuleSetFile(doc, signer ?? vaultSigner(session));
  session.audit({
    action: 'duties.rules_exported',
    subject: `rules v${doc.version}`,
    detail: { version: doc.version },
  });
  return bytes;
}
