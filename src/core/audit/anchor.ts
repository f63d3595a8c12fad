import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import type { AnchorState } from '../../shared/audit';
import type { Db } from '../db/connection';
import { writeFileAtomic } from '../fs/atomic';
import { auditHead, extendsHead, type AuditHead } from './chain';

/**
 * Heads of the audit chain kept OUTSIDE the vault folder, so that putting an older copy of the
 * vault back (or rewriting its chain with the key) is noticed on the next unlock. Not secret:
 * HMAC values only. The desktop app keeps it beside its config; the CLI next to the vault
 * folder unless told otherwise, which is the same file for the app's own vault.
 */
export const ANCHOR_FILE_NAME = 'audit-anchors.json';
export const ANCHOR_ENV = 'SAUGA_AUDIT_ANCHORS';
const KEEP_PER_VAULT = 5;
const MAX_BYTES = 256 * 1024;

const AnchorEvent = z.enum(['unlock', 'lock', 'statsExport', 'receipt', 'restore']);
export type AnchorEvent = z.infer<typeof AnchorEvent>;

const AnchorEntry = z.strictObject({
  vaultId: z.string().min(1).max(100),
  seq: z.number().int().min(0),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string().max(40),
  event: AnchorEvent,
});
export type AnchorEntry = z.infer<typeof AnchorEntry>;

const AnchorFile = z.strictObject({
  format: z.literal('sauga-audit-anchors'),
  version: z.literal(1),
  anchors: z.array(AnchorEntry).max(1000),
});

export function defaultAnchorFile(vaultDir: string): string {
  return join(dirname(resolve(vaultDir)), ANCHOR_FILE_NAME);
}

/** A missing file has no anchors; a damaged or oversized one is reported as such, never thrown. */
export function readAnchors(file: string): { anchors: AnchorEntry[]; damaged: boolean } {
  let raw: string;
  try {
    if (statSync(file).size > MAX_BYTES) return { anchors: [], damaged: true };
    raw = readFileSync(file, 'utf8');
  } catch {
    return { anchors: [], damaged: false };
  }
  try {
    const parsed = AnchorFile.safeParse(JSON.parse(raw));
    return parsed.success ? { anchors: parsed.data.anchors, damaged: false } : { anchors: [], damaged: true };
  } catch {
    return { anchors: [], damaged: true };
  }
}

export function latestAnchor(file: string, vaultId: string): AnchorEntry | undefined {
  return readAnchors(file).anchors.findLast((a) => a.vaultId === vaultId);
}

/** Appends a head, keeping the last few of each vault; written atomically. */
export function recordAnchor(
  file: string,
  vaultId: string,
  head: AuditHead,
  event: AnchorEvent,
  now: Date = new Date(),
): AnchorEntry {
  const entry: AnchorEntry = { vaultId, seq: head.seq, mac: head.mac, at: now.toISOString(), event };
  const all = [...readAnchors(file).anchors, entry];
  const kept: AnchorEntry[] = [];
  const perVault = new Map<string, number>();
  for (let i = all.length - 1; i >= 0; i--) {
    const a = all[i] as AnchorEntry;
    const n = perVault.get(a.vaultId) ?? 0;
    if (n < KEEP_PER_VAULT) kept.unshift(a);
    perVault.set(a.vaultId, n + 1);
  }
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileAtomic(
    file,
    `${JSON.stringify({ format: 'sauga-audit-anchors', version: 1, anchors: kept.slice(-200) }, null, 2)}\n`,
  );
  return entry;
}

/** Records the current head, never failing the operation it follows: the anchor is a safeguard. */
export function recordAnchorQuietly(file: string, vaultId: string, db: Db, event: AnchorEvent, now?: Date): boolean {
  try {
    recordAnchor(file, vaultId, auditHead(db), event, now);
    return true;
  } catch {
    return false;
  }
}

/** The last head recorded for this vault, checked against the database's chain (see extendsHead for the modes). */
export function checkAnchor(
  file: string,
  vaultId: string,
  db: Db,
  key: Buffer,
  mode: 'full' | 'entry' = 'full',
): AnchorState {
  const last = latestAnchor(file, vaultId);
  if (!last) return { state: 'none' };
  const check = extendsHead(db, key, { seq: last.seq, mac: last.mac }, mode);
  if (check.extends) return { state: 'extends', recordedSeq: last.seq, recordedAt: last.at };
  return {
    state: 'rollback',
    recordedSeq: last.seq,
    recordedAt: last.at,
    reason: check.reason,
    firstBadSeq: check.firstBadSeq,
  };
}
