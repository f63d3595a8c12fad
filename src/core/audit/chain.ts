import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';

export interface AuditEvent {
  actor: string;
  action: string;
  /** What the event is about (a case id, a user name, "vault"); never case content. */
  subject: string;
  detail?: Record<string, string | number | boolean | null>;
}

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  detail: string;
  mac: Buffer;
}

const GENESIS = Buffer.alloc(32);

/** K_audit = HKDF-SHA256(DEK, salt = vault id, info = "sauga audit v1"). */
export function deriveAuditKey(dek: Buffer, vaultId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dek, Buffer.from(vaultId, 'utf8'), Buffer.from('sauga audit v1', 'utf8'), 32));
}

function seqBytes(seq: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(seq));
  return b;
}

/** The event's bytes: a JSON array, so field order is fixed without a canonicaliser. */
function eventBytes(r: Omit<AuditRow, 'seq' | 'mac'>): Buffer {
  return Buffer.from(JSON.stringify([r.at, r.actor, r.action, r.subject, r.detail]), 'utf8');
}

function macOf(key: Buffer, prev: Buffer, seq: number, r: Omit<AuditRow, 'seq' | 'mac'>): Buffer {
  return createHmac('sha256', key).update(prev).update(seqBytes(seq)).update(eventBytes(r)).digest();
}

export interface AuditHead {
  seq: number;
  mac: string;
}

export function auditHead(db: Db): AuditHead {
  const row = db.prepare('SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; mac: Buffer } | undefined;
  return row ? { seq: row.seq, mac: row.mac.toString('hex') } : { seq: 0, mac: GENESIS.toString('hex') };
}

/** Append one entry; call inside the transaction that makes the change it records. */
export function appendAudit(db: Db, key: Buffer, e: AuditEvent, now: Date = new Date()): AuditHead {
  const prev = stmt(db, 'SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; mac: Buffer } | undefined;
  const seq = (prev?.seq ?? 0) + 1;
  const row = {
    at: now.toISOString(),
    actor: e.actor,
    action: e.action,
    subject: e.subject,
    detail: JSON.stringify(e.detail ?? {}),
  };
  const mac = macOf(key, prev?.mac ?? GENESIS, seq, row);
  // The head is kept beside the chain so that entries cut off the end are noticed too.
  stmt(
    db,
    `INSERT INTO meta (key, value) VALUES ('audit_head', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
  ).run(`${seq}:${mac.toString('hex')}`);
  stmt(db, 'INSERT INTO audit_log (seq, at, actor, action, subject, detail, mac) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    seq,
    row.at,
    row.actor,
    row.action,
    row.subject,
    row.detail,
    mac,
  );
  return { seq, mac: mac.toString('hex') };
}

export type AuditVerdict =
  | { ok: true; entries: number; head: AuditHead }
  | { ok: false; entries: number; firstBadSeq: number; reason: 'mac' | 'gap' | 'truncated' };

/** Walk the whole chain; the first entry whose MAC or sequence does not follow is named. */
export function verifyAudit(db: Db, key: Buffer): AuditVerdict {
  let prev: Buffer = GENESIS;
  let expected = 1;
  let count = 0;
  for (const r of db
    .prepare('SELECT seq, at, actor, action, subject, detail, mac FROM audit_log ORDER BY seq')
    .iterate() as IterableIterator<AuditRow>) {
    if (r.seq !== expected) return { ok: false, entries: count, firstBadSeq: expected, reason: 'gap' };
    const mac = macOf(key, prev, r.seq, r);
    if (r.mac.length !== mac.length || !timingSafeEqual(r.mac, mac)) {
      return { ok: false, entries: count, firstBadSeq: r.seq, reason: 'mac' };
    }
    prev = r.mac;
    expected++;
    count++;
  }
  const recorded = (
    db.prepare(`SELECT value FROM meta WHERE key = 'audit_head'`).get() as { value: string } | undefined
  )?.value;
  if (recorded !== undefined && recorded !== `${count}:${prev.toString('hex')}`) {
    return { ok: false, entries: count, firstBadSeq: count + 1, reason: 'truncated' };
  }
  return { ok: true, entries: count, head: { seq: count, mac: prev.toString('hex') } };
}

export type HeadCheck =
  | { extends: true }
  /** missing: no entry with that seq (an older copy or a cut chain); mac: a different entry there; chain: broken before it. */
  | { extends: false; reason: 'missing' | 'mac' | 'chain'; firstBadSeq: number };

/**
 * Whether the chain in db still extends a head recorded earlier (in the anchor file, on a
 * receipt, in a statistics return): the entry with that seq exists, carries that MAC, and
 * every entry up to it verifies. One function for the app, the CLI and the receipt check.
 *
 * 'entry' checks only that entry and its link to the one before: constant time, for every
 * unlock, and enough to catch an older copy or a rewritten tail. 'full' walks the chain up to
 * it (about 1.2 s per 100,000 entries), for explicit checks.
 */
export function extendsHead(db: Db, key: Buffer, head: AuditHead, mode: 'full' | 'entry' = 'full'): HeadCheck {
  if (head.seq === 0) return { extends: true };
  const want = Buffer.from(head.mac, 'hex');
  if (mode === 'entry') return entryExtends(db, key, head.seq, want);
  let prev: Buffer = GENESIS;
  let expected = 1;
  for (const r of db
    .prepare('SELECT seq, at, actor, action, subject, detail, mac FROM audit_log WHERE seq <= ? ORDER BY seq')
    .iterate(head.seq) as IterableIterator<AuditRow>) {
    if (r.seq !== expected) return { extends: false, reason: 'chain', firstBadSeq: expected };
    const mac = macOf(key, prev, r.seq, r);
    if (r.mac.length !== mac.length || !timingSafeEqual(r.mac, mac))
      return { extends: false, reason: 'chain', firstBadSeq: r.seq };
    prev = r.mac;
    expected++;
  }
  if (expected <= head.seq) return { extends: false, reason: 'missing', firstBadSeq: expected };
  if (want.length !== prev.length || !timingSafeEqual(want, prev))
    return { extends: false, reason: 'mac', firstBadSeq: head.seq };
  return { extends: true };
}

function entryExtends(db: Db, key: Buffer, seq: number, want: Buffer): HeadCheck {
  const rows = db
    .prepare('SELECT seq, at, actor, action, subject, detail, mac FROM audit_log WHERE seq IN (?, ?) ORDER BY seq')
    .all(seq - 1, seq) as AuditRow[];
  const row = rows.find((r) => r.seq === seq);
  if (!row) {
    const last = (db.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number | null }).n ?? 0;
    return { extends: false, reason: 'missing', firstBadSeq: Math.min(last, seq - 1) + 1 };
  }
  if (row.mac.length !== want.length || !timingSafeEqual(row.mac, want))
    return { extends: false, reason: 'mac', firstBadSeq: seq };
  const prev = seq === 1 ? GENESIS : rows.find((r) => r.seq === seq - 1)?.mac;
  const mac = prev ? macOf(key, prev, seq, row) : undefined;
  if (!mac || !timingSafeEqual(mac, row.mac)) return { extends: false, reason: 'chain', firstBadSeq: seq };
  return { extends: true };
}
