import { z } from 'zod';
import type { ExportedReturn } from '../../../shared/stats/dto';
import { DisclosureParams, Period, periodRange } from '../../../shared/stats/model';
import type { Db } from '../../db/connection';
import type { PriorRelease } from '../sdc/types';
import type { VaultSession } from '../../vault/vault';
import type { Manifest } from './manifest';
import { keyIdHex, parsePublicKey } from './minisign';
import type { ReceivedPackage, TrustedKey } from './trust';

/**
 * The register of exported returns (NGO side) and of pinned keys and received returns
 * (recipient side). Writes go through session.write so each is in the audit chain.
 */

export function nextSequence(db: Db): number {
  const row = db.prepare('SELECT max(sequence) AS n FROM stats_returns').get() as { n: number | null };
  return (row.n ?? 0) + 1;
}

export interface ExportRecord {
  manifest: Manifest;
  sha256: string;
  fileName: string;
  /** What the ministry saw: null for suppressed cells. */
  publishedCells: readonly { key: string; value: number | null }[];
}

/**
 * Records an exported return. Call it inside the same session.write as the export's audit
 * entry, so a return is never on disk unregistered or registered without its audit entry.
 */
export function registerExport(db: Db, r: ExportRecord, createdBy: string): void {
  const m = r.manifest;
  db.prepare(
    `INSERT INTO stats_returns (package_id, sequence, key_id, period_kind, period_code, period_from, period_to, params,
       created_at, created_by, replaces, sha256, file_name, audit_seq, audit_mac, published_cells)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    m.packageId,
    m.sequence,
    m.organisation.signingKeyId,
    m.period.kind,
    m.period.code,
    m.period.from,
    m.period.to,
    JSON.stringify(m.disclosureControl.params),
    m.created,
    createdBy,
    m.replaces,
    r.sha256,
    r.fileName,
    m.auditChainHead.seq,
    m.auditChainHead.mac,
    JSON.stringify(r.publishedCells.map((c) => [c.key, c.value])),
  );
}

interface ReturnRow {
  package_id: string;
  sequence: number;
  period_kind: string;
  period_code: string;
  period_from: string;
  period_to: string;
  params: string;
  created_at: string;
  created_by: string;
  replaces: string | null;
  sha256: string;
  file_name: string;
  published_cells: string;
}

/** Rebuilds a Period from the stored code; the code is what the manifest carried. */
function periodOf(kind: string, code: string): Period {
  const year = Number(code.slice(0, 4));
  if (kind === 'quarter') return Period.parse({ kind, year, quarter: Number(code.slice(6)) });
  if (kind === 'month') return Period.parse({ kind, year, month: Number(code.slice(5)) });
  return Period.parse({ kind: 'year', year });
}

export function listExports(db: Db): ExportedReturn[] {
  const rows = db.prepare('SELECT * FROM stats_returns ORDER BY sequence DESC').all() as ReturnRow[];
  return rows.map((r) => ({
    packageId: r.package_id,
    sequence: r.sequence,
    period: periodOf(r.period_kind, r.period_code),
    params: DisclosureParams.parse(JSON.parse(r.params)),
    createdAt: r.created_at,
    createdBy: r.created_by,
    replaces: r.replaces,
    sha256: r.sha256,
    fileName: r.file_name,
  }));
}

const StoredCells = z.array(z.tuple([z.string().max(200), z.number().int().min(0).nullable()])).max(10_000);

/** Returns published before, for periods that overlap [from, to]: the engine audits them together. */
export function priorReleases(db: Db, period: Period): PriorRelease[] {
  const { from, to } = periodRange(period);
  const rows = db
    .prepare('SELECT * FROM stats_returns WHERE period_from <= ? AND period_to >= ? ORDER BY sequence')
    .all(to, from) as ReturnRow[];
  // A replaced return stays in the list: what the ministry once saw can still be combined.
  return rows.map((r) => ({
    sequence: r.sequence,
    from: r.period_from,
    to: r.period_to,
    cells: StoredCells.parse(JSON.parse(r.published_cells)).map(([key, value]) => ({ key, value })),
  }));
}

/** Recipient side: pins an organisation key, recorded in the audit chain. */
export function addTrustedKey(session: VaultSession, organisation: string, publicKey: string): TrustedKey {
  const pk = parsePublicKey(publicKey);
  if (!pk) throw new Error('not a minisign Ed25519 public key');
  const keyId = keyIdHex(pk.keyId);
  session.write({ action: 'stats.trusted_key_added', subject: organisation, detail: { keyId } }, (db) => {
    db.prepare(
      'INSERT INTO stats_trusted_keys (key_id, organisation, public_key, added_at, added_by) VALUES (?, ?, ?, ?, ?)',
    ).run(
      keyId,
      organisation,
      publicKey.trim().split(/\r?\n/u).pop() ?? '',
      session.now().toISOString(),
      session.user.name,
    );
  });
  return { ...pk, organisation, keyIdHex: keyId };
}

export function listTrustedKeys(db: Db): TrustedKey[] {
  const rows = db
    .prepare('SELECT organisation, public_key FROM stats_trusted_keys WHERE revoked_at IS NULL ORDER BY organisation')
    .all() as { organisation: string; public_key: string }[];
  return rows.flatMap((r) => {
    const pk = parsePublicKey(r.public_key);
    return pk ? [{ ...pk, organisation: r.organisation, keyIdHex: keyIdHex(pk.keyId) }] : [];
  });
}

/** Remembers a verified return so the same or an older one is refused next time. */
export function recordReceived(session: VaultSession, r: ReceivedPackage, period: Manifest['period']): void {
  session.write(
    {
      action: 'stats.return_received',
      subject: r.organisation,
      detail: { packageId: r.packageId, sequence: r.sequence },
    },
    (db) => {
      db.prepare(
        `INSERT INTO stats_received (package_id, key_id, sequence, period_kind, period_code, period_from, period_to, replaces,
         sha256, audit_seq, audit_mac, received_at, received_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        r.packageId,
        r.keyId,
        r.sequence,
        period.kind,
        period.code,
        period.from,
        period.to,
        r.replaces,
        r.sha256,
        r.auditSeq,
        r.auditMac,
        r.receivedAt,
        session.user.name,
      );
    },
  );
}

export function listReceived(db: Db): ReceivedPackage[] {
  const rows = db
    .prepare(
      `SELECT r.*, k.organisation FROM stats_received r JOIN stats_trusted_keys k ON k.key_id = r.key_id ORDER BY r.sequence`,
    )
    .all() as {
    package_id: string;
    organisation: string;
    key_id: string;
    sequence: number;
    period_code: string;
    replaces: string | null;
    sha256: string;
    audit_seq: number;
    audit_mac: string;
    received_at: string;
  }[];
  return rows.map((r) => ({
    packageId: r.package_id,
    organisation: r.organisation,
    keyId: r.key_id,
    sequence: r.sequence,
    periodCode: r.period_code,
    replaces: r.replaces,
    sha256: r.sha256,
    auditSeq: r.audit_seq,
    auditMac: r.audit_mac,
    receivedAt: r.received_at,
  }));
}
