import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ErrorCode } from '../../shared/errors';
import type {
  AuditFinding,
  ExportedReturn,
  ExportInput,
  PreviewCell,
  PreviewInput,
  ReturnPreview,
  SigningKeyInfo,
  SuppressionReason,
} from '../../shared/stats/dto';
import {
  DEFAULT_DISCLOSURE,
  periodCode,
  periodRange,
  type CellDims,
  type DisclosureParams,
  type Period,
  type PublishedCell,
  type TableId,
} from '../../shared/stats/model';
import { auditHead } from '../audit/chain';
import { AppError } from '../errors';
import type { VaultSession } from '../vault/vault';
import {
  ensureSigningKey,
  listExports,
  nextSequence,
  priorReleases,
  registerExport,
  vaultSigner,
  writeStatsPackage,
} from './package';
import { cellByKey } from './package/cells';
import { tableRelations } from './relations';
import { renderReturnReport } from './report/html';
import { protect } from './sdc';
import type { SdcResult } from './sdc/types';
import { buildTables } from './tables';

/** The organisation's country, for the CITIZENSHIP dimension (NAT). */
const ORG_COUNTRY = 'LT';

interface Computed {
  period: Period;
  params: DisclosureParams;
  cases: number;
  cells: { table: TableId; dims: CellDims; key: string; value: number }[];
  sdc: SdcResult;
  overlapping: { sequence: number; period: Period }[];
}

/**
 * Statistics returns for one session: build the tables for a period from the case records,
 * protect them (primary and secondary suppression, audited against everything published
 * before), preview, write the signed package, and keep the register of what was published.
 */
export class StatsService {
  constructor(
    readonly session: VaultSession,
    private readonly softwareVersion: string,
  ) {}

  private async compute(input: PreviewInput): Promise<Computed> {
    const params = input.params ?? DEFAULT_DISCLOSURE;
    const range = periodRange(input.period);
    const db = this.session.db;
    const built = buildTables(db, range, {
      consentedOnly: params.consentedOnly,
      orgCountry: ORG_COUNTRY,
      asOf: this.session.now().toISOString().slice(0, 10),
    });
    const prior = priorReleases(db, input.period);
    const sdc = await protect({
      cells: built.cells,
      relations: tableRelations(),
      k: params.k,
      from: range.from,
      to: range.to,
      prior,
    });
    const bySequence = new Map(listExports(db).map((e) => [e.sequence, e.period]));
    return {
      period: input.period,
      params,
      cases: built.cases,
      cells: built.cells.map((c) => ({ ...cellByKey(c.key), key: c.key, value: c.value })),
      sdc,
      overlapping: prior.flatMap((p) => {
        const period = bySequence.get(p.sequence);
        return period ? [{ sequence: p.sequence, period }] : [];
      }),
    };
  }

  /** The return as it would be exported, with the true values beside each cell's fate. */
  async preview(input: PreviewInput): Promise<ReturnPreview> {
    return this.previewOf(await this.compute(input));
  }

  /**
   * The preview and the export from one computation, for the CLI, which reports what was
   * withheld: building and protecting the tables twice would double the work.
   */
  async previewAndExport(
    input: ExportInput,
    path: string,
  ): Promise<{ preview: ReturnPreview; exported: ExportedReturn }> {
    const c = await this.compute(input);
    const preview = this.previewOf(c);
    return { preview, exported: await this.write(c, path) };
  }

  private previewOf(c: Computed): ReturnPreview {
    const fate = new Map(c.sdc.cells.map((r) => [r.key, r]));
    const cells: PreviewCell[] = c.cells.map((cell) => {
      const r = fate.get(cell.key);
      return {
        table: cell.table,
        dims: cell.dims,
        value: cell.value,
        status: r?.status ?? 'published',
        reason: (r?.reason ?? null) as SuppressionReason | null,
      };
    });
    const findings: AuditFinding[] = c.sdc.audit.findings.map((f) => ({
      ...cellByKey(f.key),
      attacker: f.attacker,
      low: f.low,
      high: f.high,
    }));
    this.session.audit({
      action: 'stats.previewed',
      subject: 'organisation',
      detail: { period: periodCode(c.period), k: c.params.k, consentedOnly: c.params.consentedOnly },
    });
    return {
      period: c.period,
      params: c.params,
      cases: c.cases,
      cells,
      audit: { ok: c.sdc.audit.ok, findings, programmes: c.sdc.audit.programmes },
      overlapping: c.overlapping,
    };
  }

  /** A file name that says nothing about any person: the period and the next sequence number. */
  suggestedFileName(input: ExportInput): string {
    return `sauga-statistika-${periodCode(input.period)}-${nextSequence(this.session.db)}.zip`;
  }

  /**
   * Build, protect, audit and sign the return, write it to `path`, and register it. The
   * package is refused unless the audit passes. The file is written beside its destination
   * first and moved into place inside the transaction that registers it and records the export
   * in the audit chain, so a return is never on disk unregistered, or registered but unwritten.
   */
  async exportReturn(input: ExportInput, path: string): Promise<ExportedReturn> {
    return this.write(await this.compute(input), path);
  }

  private async write(c: Computed, path: string): Promise<ExportedReturn> {
    if (!c.sdc.audit.ok) {
      throw new AppError(ErrorCode.StatsAuditFailed, 'the disclosure audit refused the return');
    }
    const session = this.session;
    const fate = new Map(c.sdc.cells.map((r) => [r.key, r]));
    // What leaves the NGO: the value of a suppressed cell never reaches the package writer.
    const published: PublishedCell[] = c.cells.map((cell) => {
      const status = fate.get(cell.key)?.status ?? 'published';
      return { table: cell.table, dims: cell.dims, value: status === 'published' ? cell.value : null, status };
    });
    const signer = vaultSigner(session);
    const organisation = session.getMeta('org_name') ?? '';
    const sequence = nextSequence(session.db);
    const packageId = randomUUID();
    const replaces =
      listExports(session.db).find((e) => periodCode(e.period) === periodCode(c.period))?.packageId ?? null;
    const created = session.now();
    const head = auditHead(session.db);
    const suppressed: Record<SuppressionReason, number> = {
      threshold: 0,
      'few-persons': 0,
      'revealing-zero': 0,
      linked: 0,
      revision: 0,
    };
    for (const r of c.sdc.cells) if (r.status !== 'published' && r.reason) suppressed[r.reason]++;
    const written = await writeStatsPackage({
      packageId,
      replaces,
      organisation,
      period: c.period,
      sequence,
      created,
      softwareVersion: this.softwareVersion,
      params: c.params,
      cells: published,
      sdc: c.sdc,
      auditChainHead: head,
      reportHtml: renderReturnReport({
        organisation,
        period: c.period,
        sequence,
        packageId,
        createdAt: created.toISOString(),
        softwareVersion: this.softwareVersion,
        params: c.params,
        audit: { ok: true, suppressed },
        auditHead: head,
        method: c.sdc.method,
        cells: published,
      }),
      signer,
    });
    const fileName = basename(path);
    const temp = join(dirname(path), `.${fileName}.${packageId}.part`);
    writeDurably(temp, written.bytes);
    try {
      session.write(
        {
          action: 'stats.exported',
          subject: 'organisation',
          detail: { packageId, sequence, period: periodCode(c.period), sha256: written.sha256 },
        },
        (db) => {
          registerExport(
            db,
            {
              manifest: written.manifest,
              sha256: written.sha256,
              fileName,
              publishedCells: c.cells.map((cell, i) => ({ key: cell.key, value: published[i]?.value ?? null })),
            },
            session.user.name,
          );
          renameSync(temp, path);
        },
      );
    } catch (e) {
      rmSync(temp, { force: true });
      throw e;
    }
    const exported = listExports(session.db).find((e) => e.packageId === packageId);
    if (!exported) throw new AppError(ErrorCode.Internal, 'the export was not registered');
    return exported;
  }

  history(): ExportedReturn[] {
    return listExports(this.session.db);
  }

  /** The organisation's signing key (created on first use), for the enrolment form. */
  signingKey(): SigningKeyInfo {
    return ensureSigningKey(this.session);
  }
}

/** Write and fsync: the package is on disk before it is registered as exported. */
function writeDurably(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
