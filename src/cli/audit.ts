import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { AuditReceipt, macGroups, type AuditReport } from '../shared/audit';
import { ErrorCode } from '../shared/errors';
import { UserName, type Language } from '../shared/vault';
import { ANCHOR_ENV, defaultAnchorFile, recordAnchorQuietly } from '../core/audit/anchor';
import { extendsHead, type HeadCheck } from '../core/audit/chain';
import { auditReceipt, auditReport } from '../core/audit/report';
import { AppError } from '../core/errors';
import { unlockVault } from '../core/vault/vault';
import { FilePath, readBounded, readSecret, type CliIo } from './io';
import { tr } from './i18n';
import { parseOptions, type CommandContext, type CommandResult } from './vault';

const RECEIPT_MAX = 16 * 1024;

/** The runner's parseArgs table entries for this group. */
export const AUDIT_OPTIONS = {
  anchors: { type: 'string' },
  against: { type: 'string' },
  head: { type: 'string' },
} as const;

const Common = {
  vault: FilePath,
  user: UserName,
  'passphrase-file': FilePath,
  /** Where the app keeps the heads it recorded; default: beside the vault folder, as the app does. */
  anchors: FilePath.optional(),
};

/** SEQ:MAC as `--head` takes it. */
const HeadArg = z
  .string()
  .max(100)
  .regex(/^\d{1,15}:[0-9a-fA-F]{64}$/)
  .transform((s) => {
    const [seq, mac] = s.split(':') as [string, string];
    return { seq: Number(seq), mac: mac.toLowerCase() };
  });

const VerifyOptions = z
  .object({ ...Common, against: FilePath.optional(), head: HeadArg.optional() })
  .refine((o) => !(o.against && o.head), { message: 'give --against or --head, not both', path: ['head'] });

const HeadOptions = z.object({ ...Common, out: FilePath.optional() });

/** --anchors, else SAUGA_AUDIT_ANCHORS, else beside the vault folder (the app's own place for its vault). */
export function anchorFileOf(o: { vault: string; anchors?: string | undefined }, io: CliIo): string {
  const fromEnv = io.env[ANCHOR_ENV];
  return o.anchors ?? (fromEnv && fromEnv.length > 0 ? fromEnv : defaultAnchorFile(o.vault));
}

/** A receipt as `audit head --out` saves it, or the whole `audit head --json` answer. */
function readReceipt(path: string): AuditReceipt {
  const raw = readBounded(path, RECEIPT_MAX, ErrorCode.InvalidInput, 'receipt');
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new AppError(ErrorCode.InvalidInput, 'the receipt is not JSON');
  }
  if (json && typeof json === 'object' && 'format' in json && 'ok' in json) {
    const { ok: _, ...rest } = json as Record<string, unknown>;
    json = rest;
  }
  const parsed = AuditReceipt.safeParse(json);
  if (!parsed.success) throw new AppError(ErrorCode.InvalidInput, 'the receipt is not a Sauga audit receipt');
  return parsed.data;
}

const reasonText = (lang: Language, reason: 'missing' | 'mac' | 'chain'): string =>
  tr(lang, reason === 'missing' ? 'auditReasonMissing' : reason === 'mac' ? 'auditReasonMac' : 'auditReasonChain');

function reportLines(lang: Language, r: AuditReport, anchorFile: string): string[] {
  const lines = [
    r.ok
      ? tr(lang, 'auditOk', { n: r.entries, head: r.head.mac.slice(0, 16) })
      : tr(lang, 'auditBad', { seq: r.firstBadSeq ?? 0, reason: r.reason ?? '' }),
  ];
  const a = r.anchor;
  if (a.state === 'none') lines.push(tr(lang, 'auditAnchorNone', { file: anchorFile }));
  else if (a.state === 'extends') lines.push(tr(lang, 'auditAnchorExtends', { seq: a.recordedSeq, at: a.recordedAt }));
  else
    lines.push(
      tr(lang, 'auditAnchorRollback', {
        seq: a.recordedSeq,
        at: a.recordedAt,
        why: reasonText(lang, a.reason),
        first: a.firstBadSeq,
      }),
    );
  if (r.rollbacksRecorded > 0)
    lines.push(tr(lang, 'auditRollbacksRecorded', { n: r.rollbacksRecorded, at: r.lastRollbackAt ?? '' }));
  return lines;
}

export const auditCommands: Record<string, (ctx: CommandContext) => Promise<CommandResult>> = {
  /**
   * Walks the whole chain, compares it with the head recorded outside the vault, and with a
   * receipt if one is given; exit 1 names the first entry that does not follow, or the rollback.
   */
  async verify(ctx) {
    const o = parseOptions(VerifyOptions, ctx.options);
    const anchorFile = anchorFileOf(o, ctx.io);
    const receipt = o.against ? readReceipt(o.against) : undefined;
    const session = await unlockVault(o.vault, o.user, readSecret(o['passphrase-file'], ctx.io, 'passphrase'));
    try {
      const key = session.auditKeyForVerification();
      const r = auditReport(session.db, key, session.vaultId, anchorFile);
      const text = reportLines(ctx.lang, r, anchorFile);
      let failed = !r.ok || r.anchor.state === 'rollback';
      let against: { seq: number; mac: string; extends: boolean; reason?: string } | undefined;
      const head = receipt ?? o.head;
      if (head) {
        if (receipt && receipt.vaultId !== session.vaultId) {
          against = { seq: receipt.seq, mac: receipt.mac, extends: false, reason: 'otherVault' };
          text.push(tr(ctx.lang, 'auditReceiptOtherVault'));
        } else {
          const check: HeadCheck = extendsHead(session.db, key, { seq: head.seq, mac: head.mac });
          against = {
            seq: head.seq,
            mac: head.mac,
            extends: check.extends,
            ...(check.extends ? {} : { reason: check.reason }),
          };
          text.push(
            check.extends
              ? tr(ctx.lang, 'auditReceiptExtends', { seq: head.seq })
              : tr(ctx.lang, 'auditReceiptNotExtends', { seq: head.seq, why: reasonText(ctx.lang, check.reason) }),
          );
        }
        failed ||= !against.extends;
      }
      return {
        exitCode: failed ? 1 : 0,
        // ok is the whole verdict; chainOk the chain alone.
        json: { ...r, ok: !failed, chainOk: r.ok, anchorFile, ...(against ? { against } : {}) },
        text,
      };
    } finally {
      session.lock();
    }
  },

  /** The chain head as a receipt to print, keep, or hand over; --out saves it for `verify --against`. */
  async head(ctx) {
    const o = parseOptions(HeadOptions, ctx.options);
    const session = await unlockVault(o.vault, o.user, readSecret(o['passphrase-file'], ctx.io, 'passphrase'));
    let receipt: AuditReceipt;
    try {
      const org = session.getMeta('org_name') ?? '';
      receipt = auditReceipt(session.db, session.vaultId, org, session.now());
      // A head handed out is also kept here, so a later older copy is noticed even without the paper.
      recordAnchorQuietly(anchorFileOf(o, ctx.io), session.vaultId, session.db, 'receipt', session.now());
    } finally {
      session.lock();
    }
    if (o.out) {
      try {
        writeFileSync(o.out, `${JSON.stringify(receipt, null, 2)}\n`, { flag: 'wx', mode: 0o644 });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST')
          throw new AppError(ErrorCode.OutputExists, 'the output file already exists');
        throw new AppError(ErrorCode.FileUnreadable, 'cannot write the receipt file');
      }
    }
    const groups = macGroups(receipt.mac);
    return {
      exitCode: 0,
      json: { ...receipt },
      text: [
        tr(ctx.lang, 'auditReceiptTitle'),
        tr(ctx.lang, 'auditReceiptOrg', { org: receipt.orgName }),
        tr(ctx.lang, 'auditReceiptVault', { id: receipt.vaultId }),
        tr(ctx.lang, 'auditReceiptSeq', { seq: receipt.seq }),
        tr(ctx.lang, 'auditReceiptMac', { a: groups.slice(0, 8).join(' '), b: groups.slice(8).join(' ') }),
        tr(ctx.lang, 'auditReceiptAt', { at: receipt.at }),
        ...(o.out ? [tr(ctx.lang, 'auditReceiptSaved', { file: o.out })] : []),
      ],
    };
  },
};
