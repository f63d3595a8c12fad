import { existsSync } from 'node:fs';
import { z } from 'zod';
import { ErrorCode } from '../shared/errors';
import { importEn } from '../shared/i18n/import.en';
import { importLt } from '../shared/i18n/import.lt';
import type { DryRunReport } from '../shared/import/schemas';
import { UserName } from '../shared/vault';
import { AppError } from '../core/errors';
import { writeFileAtomic } from '../core/fs/atomic';
import { ImportService, localizedReportCsv, readSpreadsheet, suggestMapping } from '../core/import';
import { unlockVault, type VaultSession } from '../core/vault/vault';
import { FilePath, oneFileArg, readBounded, readSecret } from './io';
import { tr } from './i18n';
import { parseOptions, type CommandContext, type CommandResult } from './vault';

type ImportContext = CommandContext & { args?: readonly string[] };

export const IMPORT_OPTIONS = {
  mapping: { type: 'string' },
  'dry-run': { type: 'boolean' },
  report: { type: 'string' },
  batch: { type: 'string' },
  name: { type: 'string' },
} as const;

const MAPPING_MAX_BYTES = 1024 * 1024;
const Unlock = { vault: FilePath, user: UserName, 'passphrase-file': FilePath };

async function asUser<T>(ctx: CommandContext, o: z.infer<z.ZodObject<typeof Unlock>>, fn: (s: VaultSession) => T) {
  const session = await unlockVault(o.vault, o.user, readSecret(o['passphrase-file'], ctx.io, 'passphrase'));
  try {
    return fn(session);
  } finally {
    session.lock();
  }
}

const texts = (lang: CommandContext['lang']) => (lang === 'lt' ? importLt : importEn);

/** The mapping profile file: JSON, checked in core against the schema and the file's columns. */
function readMapping(path: string): unknown {
  const raw = readBounded(path, MAPPING_MAX_BYTES, ErrorCode.ImportMappingInvalid, 'mapping file');
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw new AppError(ErrorCode.ImportMappingInvalid, 'the mapping file is not JSON');
  }
}

function refuseExisting(path: string): void {
  if (existsSync(path)) throw new AppError(ErrorCode.OutputExists, 'the output file exists');
}

function writeReport(ctx: ImportContext, path: string, report: DryRunReport): void {
  writeFileAtomic(path, Buffer.from(localizedReportCsv(report, ctx.lang), 'utf8'));
}

function reportLines(ctx: CommandContext, r: DryRunReport, limit = 50): string[] {
  const t = texts(ctx.lang);
  return [
    tr(ctx.lang, 'impDryRun', { rows: r.rows, ready: r.ready, blocked: r.blocked, warnings: r.warnings }),
    ...r.problems
      .slice(0, limit)
      .map(
        (p) => `  ${p.row}\t${p.column}\t${p.value}\t${t.importProblems[p.problem]}${p.detail ? ` (${p.detail})` : ''}`,
      ),
    ...(r.problems.length > limit ? [tr(ctx.lang, 'impMore', { n: r.problems.length - limit })] : []),
  ];
}

export const importCommands: Record<string, (ctx: ImportContext) => Promise<CommandResult>> = {
  /** `sauga import FILE --mapping PROFILE.json [--dry-run] [--report OUT.csv]` */
  async ''(ctx) {
    const o = parseOptions(
      z.object({ ...Unlock, mapping: FilePath, 'dry-run': z.literal('true').optional(), report: FilePath.optional() }),
      ctx.options,
    );
    const file = oneFileArg(ctx.args, 'spreadsheet file');
    const mapping = readMapping(o.mapping);
    if (o.report) refuseExisting(o.report);
    const source = readSpreadsheet(file);
    return asUser(ctx, o, (s) => {
      const imp = new ImportService(s);
      if (o['dry-run']) {
        const r = imp.dryRun(source.table, mapping);
        if (o.report) writeReport(ctx, o.report, r);
        return {
          exitCode: r.blocked === 0 ? 0 : 1,
          json: { report: r },
          text: [...reportLines(ctx, r), ...(o.report ? [tr(ctx.lang, 'impReportWritten', { path: o.report })] : [])],
        };
      }
      try {
        const r = imp.importTable(source, mapping);
        return {
          exitCode: 0,
          json: { import: r },
          text: [
            tr(ctx.lang, 'impImported', {
              cases: r.cases,
              first: r.firstCode ?? '-',
              last: r.lastCode ?? '-',
              warnings: r.warnings,
            }),
            tr(ctx.lang, 'impBatch', { batch: r.batchId }),
          ],
        };
      } catch (e) {
        // Refused as a whole: the report says why, row by row.
        if (e instanceof AppError && e.code === ErrorCode.ImportRowsInvalid && o.report)
          writeReport(ctx, o.report, imp.dryRun(source.table, mapping));
        throw e;
      }
    });
  },

  /** A first mapping profile from the file's headers; needs no vault. */
  async suggest(ctx) {
    const o = parseOptions(
      z.object({ out: FilePath, name: z.string().trim().min(1).max(100).optional() }),
      ctx.options,
    );
    const file = oneFileArg(ctx.args, 'spreadsheet file');
    refuseExisting(o.out);
    const { table } = readSpreadsheet(file);
    const { profile, values } = suggestMapping(table, o.name ?? 'import');
    writeFileAtomic(o.out, Buffer.from(`${JSON.stringify(profile, null, 2)}\n`, 'utf8'));
    const fields = texts(ctx.lang).importFields;
    const unmatched = values.filter((v) => v.code === null);
    const unmapped = table.headers.filter((h) => !profile.columns.some((c) => c.header === h));
    return {
      exitCode: 0,
      json: { profile, values, unmappedColumns: unmapped },
      text: [
        tr(ctx.lang, 'impSuggested', { path: o.out, mapped: profile.columns.length, columns: table.headers.length }),
        ...profile.columns.map((c) => `  ${c.header} → ${fields[c.field]} (${c.field})`),
        ...(unmapped.length > 0 ? [tr(ctx.lang, 'impUnmapped', { columns: unmapped.join(', ') })] : []),
        ...(unmatched.length > 0
          ? [
              tr(ctx.lang, 'impUnmatched'),
              ...unmatched.map((v) => `  ${fields[v.field]} (${v.field}): "${v.value}" × ${v.rows}`),
            ]
          : []),
      ],
    };
  },

  async undo(ctx) {
    const o = parseOptions(z.object({ ...Unlock, batch: z.string().min(1).max(64) }), ctx.options);
    const r = await asUser(ctx, o, (s) => new ImportService(s).undo(o.batch));
    return { exitCode: 0, json: { undo: r }, text: [tr(ctx.lang, 'impUndone', { cases: r.cases, batch: r.batchId })] };
  },

  async batches(ctx) {
    const o = parseOptions(z.object(Unlock), ctx.options);
    const batches = await asUser(ctx, o, (s) => new ImportService(s).listBatches());
    return {
      exitCode: 0,
      json: { batches },
      text:
        batches.length === 0
          ? [tr(ctx.lang, 'impNoBatches')]
          : batches.map((b) =>
              tr(ctx.lang, b.undoneAt ? 'impBatchUndone' : 'impBatchLine', {
                batch: b.id,
                at: b.importedAt,
                by: b.importedBy,
                cases: b.cases,
                kind: b.fileKind,
                undone: b.undoneAt ?? '',
              }),
            ),
    };
  },
};
