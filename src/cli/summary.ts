import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { ConsentPurpose, DataCategory } from '../shared/cases/codes';
import { ErrorCode } from '../shared/errors';
import { UserName, type Language } from '../shared/vault';
import type { ReceivedSummary } from '../shared/summary/dto';
import { AppError, fsErrorCode } from '../core/errors';
import { approve, type ComposedSummary } from '../core/summary/compose';
import { addTrustedSender, listReceived, receivedPdf, receiveSummary } from '../core/summary/inbox';
import { LIMITS } from '../core/summary/package';
import { createAndExport, exportDraft, type ExportedSummary } from '../core/summary/send';
import { unlockVault, type VaultSession } from '../core/vault/vault';
import { errorText, tr } from './i18n';
import { FilePath, oneFileArg, readBounded, readSecret } from './io';
import { parseOptions, type CommandContext, type CommandResult } from './vault';

/**
 * `sauga summary`: the NGO sends a case summary (create, approve, export) and the recipient
 * opens it (trust-sender, open, list). Roles, consent and key checks are all in core; this
 * file reads and writes files. A package file is created next to its final name and linked
 * into place, so a crash leaves no half-written file and an existing file is never replaced.
 */

export type SummaryContext = CommandContext & { args?: readonly string[] };

/** The options `sauga summary` adds to the CLI's parser (src/cli/index.ts OPTIONS). */
export const SUMMARY_OPTIONS = {
  case: { type: 'string' },
  recipient: { type: 'string' },
  purpose: { type: 'string' },
  categories: { type: 'string' },
  draft: { type: 'string' },
  'pdf-out': { type: 'string' },
  organisation: { type: 'string' },
  key: { type: 'string' },
} as const;

const Path = FilePath;
const Unlock = { vault: Path, user: UserName, 'passphrase-file': Path };
const Categories = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean),
  )
  .pipe(z.array(DataCategory).min(1));

const KEY_FILE_MAX = 4096;

async function withSession<T>(
  ctx: SummaryContext,
  o: { vault: string; user: string; 'passphrase-file': string },
  fn: (s: VaultSession) => Promise<T>,
): Promise<T> {
  const session = await unlockVault(o.vault, o.user, readSecret(o['passphrase-file'], ctx.io, 'passphrase'));
  try {
    return await fn(session);
  } finally {
    session.lock();
  }
}

function refuseExisting(path: string): void {
  let exists = true;
  try {
    statSync(path);
  } catch {
    exists = false;
  }
  if (exists) throw new AppError(ErrorCode.OutputExists, 'the output file already exists');
}

/** Writes a new file whole or not at all, never over an existing one (link fails on EEXIST). */
function writeNewFile(path: string, bytes: Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o600);
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    linkSync(tmp, path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new AppError(ErrorCode.OutputExists, 'the output file already exists');
    throw new AppError(code === 'ENOENT' ? ErrorCode.FileUnreadable : fsErrorCode(e), 'cannot write the output file', {
      cause: e,
    });
  } finally {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
  }
}

/** What was left out, by field name and reason only: never a value. */
function omittedLines(lang: Language, c: ComposedSummary): string[] {
  const cats = c.omitted.categories.map((o) => `${o.category} (${o.reason})`);
  const fields = c.omitted.fields.map((o) => `${o.field} (${o.reason})`);
  return [
    tr(lang, 'summaryLeftOutCategories', { list: cats.length > 0 ? cats.join(', ') : '-' }),
    tr(lang, 'summaryLeftOutFields', { list: fields.length > 0 ? fields.join(', ') : '-' }),
  ];
}

function exportedResult(ctx: SummaryContext, out: ExportedSummary, file: string, extra: string[]): CommandResult {
  return {
    exitCode: 0,
    json: {
      file,
      fileName: out.fileName,
      sha256: out.sha256,
      size: out.bytes.length,
      packageId: out.disclosure.packageId,
      draftId: out.draft.id,
      disclosureId: out.disclosure.id,
      omitted: out.draft.composed.omitted,
    },
    text: [
      tr(ctx.lang, 'summaryWritten', { file, name: out.fileName, sha256: out.sha256 }),
      ...extra,
      tr(ctx.lang, 'summaryLogged', { recipient: out.disclosure.recipient.institution }),
    ],
  };
}

const OPEN_FAILURES = new Set<ErrorCode>([
  ErrorCode.SummaryPackageNotForYou,
  ErrorCode.SummaryPackageWrongRecipient,
  ErrorCode.SummaryPackageDamaged,
  ErrorCode.SummaryPackageInvalid,
  ErrorCode.SummaryPackageBadSignature,
  ErrorCode.SummaryPackageUntrustedSender,
  ErrorCode.SummaryPackageReplayed,
]);

function summaryLines(lang: Language, r: ReceivedSummary): string[] {
  const s = r.summary;
  const lines = [
    tr(lang, 'summaryReceived', { org: r.sender.organisation, keyId: r.sender.keyId, id: r.id }),
    tr(lang, 'summaryHeader', {
      code: s.caseCode,
      purpose: s.purpose,
      created: s.created,
      institution: s.recipient.institution,
    }),
    s.consent
      ? tr(lang, 'summaryUnderConsent', {
          id: s.consent.id,
          version: s.consent.version,
          givenOn: s.consent.record.givenOn,
        })
      : tr(lang, 'summaryUnderOverride', { basis: s.override?.legalBasis ?? '' }),
  ];
  for (const section of s.sections) {
    lines.push('', `## ${section.label[lang]}`);
    for (const f of section.fields) {
      const value = typeof f.value === 'string' ? f.value : f.value.map((v) => `  - ${v}`).join('\n');
      lines.push(typeof f.value === 'string' ? `${f.label[lang]}: ${value}` : `${f.label[lang]}:\n${value}`);
    }
  }
  return lines;
}

export const summaryCommands: Record<string, (ctx: SummaryContext) => Promise<CommandResult>> = {
  /** Compose, keep the draft, and write the package unless a supervisor must approve first. */
  async create(ctx) {
    const o = parseOptions(
      z.object({
        ...Unlock,
        case: z.string().min(1).max(64),
        recipient: z.uuid(),
        purpose: ConsentPurpose,
        categories: Categories.optional(),
        out: Path,
      }),
      ctx.options,
    );
    refuseExisting(o.out);
    return withSession(ctx, o, async (s) => {
      const r = await createAndExport(
        s,
        o.case,
        {
          recipientId: o.recipient,
          purpose: o.purpose,
          lang: ctx.lang,
          ...(o.categories ? { categories: o.categories } : {}),
        },
        (bytes) => writeNewFile(o.out, bytes),
      );
      if (r.status === 'needs_approval')
        return {
          exitCode: 1,
          json: { status: r.status, draftId: r.draftId, omitted: r.composed.omitted },
          text: [tr(ctx.lang, 'summaryNeedsApproval', { id: r.draftId }), ...omittedLines(ctx.lang, r.composed)],
        };
      return exportedResult(ctx, r.exported, o.out, omittedLines(ctx.lang, r.composed));
    });
  },

  /** A supervisor approves a waiting draft (not one they composed). */
  async approve(ctx) {
    const o = parseOptions(z.object({ ...Unlock, draft: z.uuid() }), ctx.options);
    return withSession(ctx, o, async (s) => {
      const d = approve(s, o.draft);
      return {
        exitCode: 0,
        json: { draftId: d.id, status: d.status, approvedBy: d.approvedBy },
        text: [tr(ctx.lang, 'summaryApproved', { id: d.id })],
      };
    });
  },

  /** Writes the package of an approved draft. */
  async export(ctx) {
    const o = parseOptions(z.object({ ...Unlock, draft: z.uuid(), out: Path }), ctx.options);
    refuseExisting(o.out);
    return withSession(ctx, o, async (s) => {
      const out = await exportDraft(s, o.draft, { lang: ctx.lang, deliver: (bytes) => writeNewFile(o.out, bytes) });
      return exportedResult(ctx, out, o.out, omittedLines(ctx.lang, out.draft.composed));
    });
  },

  /** Recipient role: pin an organisation's signing key, after comparing its fingerprint. */
  async 'trust-sender'(ctx) {
    const o = parseOptions(z.object({ ...Unlock, organisation: z.string().min(1).max(400), key: Path }), ctx.options);
    const key = Buffer.from(readBounded(o.key, KEY_FILE_MAX, ErrorCode.InvalidInput, 'key file')).toString('utf8');
    return withSession(ctx, o, async (s) => {
      const t = addTrustedSender(s, { organisation: o.organisation, minisignPublicKey: key });
      return {
        exitCode: 0,
        json: { sender: t },
        text: [
          tr(ctx.lang, 'summarySenderTrusted', { org: t.organisation, keyId: t.keyId, fingerprint: t.fingerprint }),
        ],
      };
    });
  },

  /** Recipient role: decrypt, verify, store, and show a package; a refusal is exit 1. */
  async open(ctx) {
    const o = parseOptions(z.object({ ...Unlock, 'pdf-out': Path.optional() }), ctx.options);
    const file = oneFileArg(ctx.args, 'package file');
    if (o['pdf-out']) refuseExisting(o['pdf-out']);
    const bytes = readBounded(file, LIMITS.package, ErrorCode.SummaryPackageInvalid, 'package file');
    return withSession(ctx, o, async (s) => {
      let r: ReceivedSummary;
      try {
        r = await receiveSummary(s, bytes);
      } catch (e) {
        if (!(e instanceof AppError) || !OPEN_FAILURES.has(e.code)) throw e;
        return {
          exitCode: 1,
          json: { error: { code: e.code, message: e.message } },
          text: [
            tr(ctx.lang, 'summaryRefused', {
              file,
              reason: errorText(ctx.lang, e.code),
              code: e.code,
              detail: e.message,
            }),
          ],
        };
      }
      const pdfOut = o['pdf-out'];
      if (pdfOut) writeNewFile(pdfOut, receivedPdf(s, r.id));
      return {
        exitCode: 0,
        json: { received: r },
        text: [
          ...summaryLines(ctx.lang, r),
          ...(pdfOut ? ['', tr(ctx.lang, 'summaryPdfWritten', { file: pdfOut })] : []),
        ],
      };
    });
  },

  /** Recipient role: the inbox, without content. */
  async list(ctx) {
    const o = parseOptions(z.object(Unlock), ctx.options);
    return withSession(ctx, o, async (s) => {
      const items = listReceived(s);
      return {
        exitCode: 0,
        json: { received: items },
        text:
          items.length === 0
            ? [tr(ctx.lang, 'summaryInboxEmpty')]
            : items.map((i) =>
                tr(ctx.lang, 'summaryInboxItem', {
                  at: i.receivedAt.slice(0, 16).replace('T', ' '),
                  org: i.sender.organisation,
                  code: i.caseCode,
                  purpose: i.purpose,
                  basis: i.basis,
                  id: i.id,
                }),
              ),
      };
    });
  },
};
