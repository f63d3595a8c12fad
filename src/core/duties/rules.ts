import { createHash } from 'node:crypto';
import { RuleSetDocument, type InstalledRuleSet, type RuleSetSource } from '../../shared/duties/schemas';
import { ErrorCode } from '../../shared/errors';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import { listPinnedSigners, pinnedSigner, pinSigner, type PinnedSigner } from '../stats/package/pinnedSigners';
import { openSignedDocument, writeSignedDocument, type SignedDocumentKind } from '../stats/package/signedDocument';
import type { PackageSigner } from '../stats/package/signingKey';
import type { VaultSession } from '../vault/vault';
import type { ActiveRuleSet } from './engine';

/**
 * Rule sets: which one is active, every one installed before, and the signed file a ministry
 * issues them in (a signed document file, see stats/package/signedDocument.ts, holding
 * rules.json and rules.json.minisig with the trusted comment "sauga duty rule set version N").
 */

export const RULE_SET_PATHS = { document: 'rules.json', signature: 'rules.json.minisig' } as const;
export const RULE_SET_LIMITS = { file: 2 * 1024 * 1024, document: 2 * 1024 * 1024 - 4096, signature: 2048 };
export const ruleSetTrustedComment = (version: number): string => `sauga duty rule set version ${version}`;

const reject = (detail: string): AppError => new AppError(ErrorCode.DutyRuleSetRejected, detail);

const RULE_SET_FILE: SignedDocumentKind = {
  paths: RULE_SET_PATHS,
  limits: RULE_SET_LIMITS,
  trustedComment: ruleSetTrustedComment,
  reject,
  noun: 'the rule set',
};

/** Rules decide what every caseworker is told to do, so only an administrator changes them. */
export function assertCanManageRules(session: VaultSession): void {
  if (!session.hasRole('administrator'))
    throw new AppError(ErrorCode.Forbidden, 'only an administrator can change the information-duty rules');
}

const documentBytes = (doc: RuleSetDocument): Buffer => Buffer.from(`${JSON.stringify(doc, null, 2)}\n`, 'utf8');

/** A signed rule set file; refuses to sign what the importer would refuse to read. */
export function writeRuleSetFile(doc: RuleSetDocument, signer: PackageSigner): Uint8Array {
  const parsed = RuleSetDocument.safeParse(doc);
  if (!parsed.success) throw new AppError(ErrorCode.InvalidInput, 'the rule set is not valid');
  return writeSignedDocument(RULE_SET_FILE, documentBytes(parsed.data), parsed.data.version, signer);
}

export interface VerifiedRuleSet {
  document: RuleSetDocument;
  signerKeyId: string;
  sha256: string;
}

/**
 * Size, layout, signature by a pinned rule signer, strict schema, version bound to the
 * signature, and no replay: the version must be higher than every signed version installed.
 * Writes nothing.
 */
export function verifyRuleSetFile(db: Db, bytes: Uint8Array): VerifiedRuleSet {
  if (!(bytes instanceof Uint8Array)) throw new AppError(ErrorCode.InvalidInput, 'the rule set file must be bytes');
  const opened = openSignedDocument(RULE_SET_FILE, bytes, (keyId) => trustedRuleSigner(db, keyId)?.publicKey ?? null);
  const parsed = RuleSetDocument.safeParse(opened.json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw reject(`the rule set content is not valid${issue ? ` at ${issue.path.join('.') || 'top level'}` : ''}`);
  }
  if (opened.trustedComment !== ruleSetTrustedComment(parsed.data.version))
    throw reject('the signed version does not match the document');
  const newest = newestSignedVersion(db);
  if (newest !== null && parsed.data.version <= newest)
    throw new AppError(
      ErrorCode.DutyRuleSetVersionOld,
      `rule set version ${parsed.data.version} is not newer than the installed signed version ${newest}`,
    );
  return { document: parsed.data, signerKeyId: opened.signerKeyId, sha256: opened.sha256 };
}

function newestSignedVersion(db: Db): number | null {
  const r = db.prepare(`SELECT max(version) AS v FROM duty_rule_sets WHERE source = 'signed'`).get() as {
    v: number | null;
  };
  return r.v;
}

interface RuleSetRow {
  id: number;
  version: number;
  source: RuleSetSource;
  issuer: string;
  issued_at: string;
  signer_key_id: string | null;
  sha256: string;
  document: string;
  installed_at: string;
  installed_by: string;
  active: number;
}

const toInstalled = (r: RuleSetRow): InstalledRuleSet => {
  const doc = JSON.parse(r.document) as RuleSetDocument;
  return {
    id: r.id,
    version: r.version,
    source: r.source,
    issuer: r.issuer,
    issuedAt: r.issued_at,
    signerKeyId: r.signer_key_id,
    sha256: r.sha256,
    installedAt: r.installed_at,
    installedBy: r.installed_by,
    active: r.active === 1,
    example: doc.example,
    title: doc.title,
    ruleCount: doc.rules.length,
  };
};

/** The active rule set, re-checked against the schema: a row edited outside Sauga is not trusted. */
export function activeRuleSet(db: Db): ActiveRuleSet | null {
  const r = db.prepare('SELECT id, document FROM duty_rule_sets WHERE active = 1').get() as
    { id: number; document: string } | undefined;
  if (!r) return null;
  const parsed = RuleSetDocument.safeParse(JSON.parse(r.document));
  if (!parsed.success) throw new AppError(ErrorCode.Internal, 'the active rule set in the vault is not valid');
  return { id: r.id, document: parsed.data };
}

export function activeRuleSetInfo(db: Db): InstalledRuleSet | null {
  const r = db.prepare('SELECT * FROM duty_rule_sets WHERE active = 1').get() as RuleSetRow | undefined;
  return r ? toInstalled(r) : null;
}

export function listRuleSets(db: Db): InstalledRuleSet[] {
  return (db.prepare('SELECT * FROM duty_rule_sets ORDER BY id').all() as RuleSetRow[]).map(toInstalled);
}

export function ruleSetById(db: Db, id: number): RuleSetDocument | null {
  const r = db.prepare('SELECT document FROM duty_rule_sets WHERE id = ?').get(id) as { document: string } | undefined;
  return r ? (JSON.parse(r.document) as RuleSetDocument) : null;
}

export interface NewRuleSet {
  document: RuleSetDocument;
  source: RuleSetSource;
  signerKeyId: string | null;
  sha256?: string;
}

/** Makes a rule set the active one; call inside session.write. */
export function insertRuleSet(db: Db, n: NewRuleSet, at: string, by: string): number {
  const json = JSON.stringify(n.document);
  db.prepare('UPDATE duty_rule_sets SET active = 0 WHERE active = 1').run();
  const r = db
    .prepare(
      `INSERT INTO duty_rule_sets (version, source, issuer, issued_at, signer_key_id, sha256, document, installed_at, installed_by, active)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    )
    .run(
      n.document.version,
      n.source,
      n.document.issuer,
      n.document.issuedAt,
      n.signerKeyId,
      n.sha256 ?? createHash('sha256').update(json).digest('hex'),
      json,
      at,
      by,
    );
  return Number(r.lastInsertRowid);
}

// ---------------------------------------------------------------------------------------------
// Signers

export type RuleSigner = PinnedSigner;

/** Pins a minisign public key as a rule set signer, after its fingerprint was compared out of band. */
export function trustRuleSigner(session: VaultSession, organisation: string, minisignPublicKey: string): RuleSigner {
  assertCanManageRules(session);
  return pinSigner(session, 'duty_rule_signers', 'duties.rule_signer_trusted', organisation, minisignPublicKey);
}

export const trustedRuleSigner = (db: Db, keyId: string): RuleSigner | null =>
  pinnedSigner(db, 'duty_rule_signers', keyId);

export const listRuleSigners = (db: Db): RuleSigner[] => listPinnedSigners(db, 'duty_rule_signers');
