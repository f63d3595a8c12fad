import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  type ImportBatch,
  MappingProfile,
  type DryRunReport,
  type ImportResult,
  type MappingProfileInput,
} from '../../shared/import/schemas';
import { ErrorCode } from '../../shared/errors';
import { parseInput } from '../cases/errors';
import { CaseService } from '../cases/service';
import { fold } from '../cases/text';
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import { recomputeCase } from '../duties/tasks';
import { AppError } from '../errors';
import { CASE_TABLES, compactVault, referencingTables } from '../retention/purge';
import type { VaultSession } from '../vault/vault';
import { checkProfile, prepareRows, type PrepareContext, type Prepared } from './convert';
import type { SourceFile } from './read';
import type { Table } from './table';

const BatchId = z.uuid();
const ProfileName = z.string().trim().min(1).max(100);

interface BatchRow {
  id: string;
  imported_at: string;
  imported_by: string;
  file_name_hash: string;
  file_kind: 'xlsx' | 'csv';
  profile_name: string;
  cases: number;
  undone_at: string | null;
  undone_by: string | null;
}

const toBatch = (r: BatchRow): ImportBatch => ({
  id: r.id,
  importedAt: r.imported_at,
  importedBy: r.imported_by,
  fileNameHash: r.file_name_hash,
  fileKind: r.file_kind,
  profileName: r.profile_name,
  cases: r.cases,
  undoneAt: r.undone_at,
  undoneBy: r.undone_by,
});

/**
 * Importing case records from a spreadsheet, for supervisors only (they see every case, so
 * duplicate warnings may name case codes). A dry run writes nothing but its audit entry; an
 * import writes every row through CaseService in one transaction (history, search index,
 * duties and audit as if typed in), or nothing at all; an undo removes a whole batch while
 * none of its cases has changed since.
 */
export class ImportService {
  constructor(private readonly session: VaultSession) {}

  private requireSupervisor(action: string): void {
    if (this.session.hasRole('supervisor')) return;
    this.session.audit({ action: 'import.access_denied', subject: 'import', detail: { attempt: action } });
    throw new AppError(ErrorCode.Forbidden, 'only a supervisor imports cases');
  }

  private context(db: Db): PrepareContext {
    const workers = new Map<string, string>();
    const users = stmt(db, 'SELECT id, name, roles FROM users WHERE disabled_at IS NULL').all() as {
      id: string;
      name: string;
      roles: string;
    }[];
    for (const u of users) {
      const roles = JSON.parse(u.roles) as string[];
      if (roles.includes('caseworker') || roles.includes('supervisor'))
        workers.set(fold(u.name.normalize('NFC')), u.id);
    }
    // The same test as CaseService's duplicate warning: folded name key and birth year.
    const byName = stmt(
      db,
      'SELECT code FROM cases WHERE name_key = ? AND birth_year BETWEEN ? AND ? ORDER BY code LIMIT 10',
    );
    return {
      workers,
      existing: (key, year, estimated) =>
        (byName.all(key, year - (estimated ? 1 : 0), year + (estimated ? 1 : 0)) as { code: string }[]).map(
          (r) => r.code,
        ),
    };
  }

  private prepare(db: Db, table: Table, rawProfile: unknown): { prepared: Prepared; profile: MappingProfile } {
    const profile = checkProfile(rawProfile, table.headers);
    return { prepared: prepareRows(table, profile, this.context(db)), profile };
  }

  /** What an import would do, row by row; writes nothing but the fact (counts) to the audit log. */
  dryRun(table: Table, rawProfile: unknown): DryRunReport {
    this.requireSupervisor('import.dry_run');
    const { prepared } = this.prepare(this.session.db, table, rawProfile);
    const r = prepared.report;
    this.session.audit({
      action: 'import.dry_run',
      subject: 'import',
      detail: { rows: r.rows, blocked: r.blocked, warnings: r.warnings },
    });
    return r;
  }

  /**
   * Every row as a new case (source `import`), all in one transaction: refused as a whole when
   * any row has a blocking problem, and rolled back as a whole if any write fails.
   */
  importTable(source: SourceFile, rawProfile: unknown): ImportResult {
    this.requireSupervisor('import.completed');
    const db = this.session.db;
    const batchId = randomUUID();
    const at = this.session.now().toISOString();
    const { table } = source;
    let refused: DryRunReport | undefined;
    const result = db
      .transaction((): ImportResult | undefined => {
        const { prepared, profile } = this.prepare(db, table, rawProfile);
        if (prepared.report.blocked > 0) {
          refused = prepared.report;
          return undefined;
        }
        const detail = { cases: prepared.rows.length, fileKind: table.kind, warnings: prepared.report.warnings };
        return this.session.write({ action: 'import.completed', subject: batchId, detail }, () => {
          stmt(
            db,
            `INSERT INTO import_batches (id, imported_at, imported_by, file_name_hash, file_kind, profile_name, cases)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          ).run(
            batchId,
            at,
            this.session.user.name,
            source.fileNameHash,
            table.kind,
            profile.name,
            prepared.rows.length,
          );
          // Duties are planned once per case when its rows are all written, as the demo generator does.
          const cases = new CaseService(this.session, { planDuties: false });
          const link = stmt(
            db,
            `INSERT INTO import_batch_cases (batch_id, case_n, version, last_change_id)
             SELECT ?, n, version, (SELECT max(id) FROM case_changes WHERE case_n = cases.n) FROM cases WHERE id = ?`,
          );
          const nOf = stmt(db, 'SELECT n FROM cases WHERE id = ?');
          let firstCode: string | null = null;
          let lastCode: string | null = null;
          for (const row of prepared.rows) {
            const created = cases.createCase(row.newCase, { source: 'import' });
            firstCode ??= created.code;
            lastCode = created.code;
            let v = created.version;
            if (row.experience) v = cases.updateSection(created.id, 'experience', row.experience, v).version;
            if (row.management) v = cases.updateSection(created.id, 'management', row.management, v).version;
            if (row.note) cases.addItem(created.id, 'notes', { date: row.newCase.openedOn, text: row.note });
            recomputeCase(this.session, (nOf.get(created.id) as { n: number }).n, { audit: false });
            link.run(batchId, created.id);
          }
          return {
            batchId,
            cases: prepared.rows.length,
            firstCode,
            lastCode,
            warnings: prepared.report.warnings,
          };
        });
      })
      .immediate();
    if (refused || !result) {
      this.session.audit({
        action: 'import.refused',
        subject: 'import',
        detail: { rows: refused?.rows ?? 0, blocked: refused?.blocked ?? 0 },
      });
      throw new AppError(ErrorCode.ImportRowsInvalid, 'some rows cannot be imported; nothing was imported');
    }
    return result;
  }

  /**
   * Deletes every case of the batch, for good (secure_delete, then the vault is compacted as a
   * retention purge does), only while none of them changed after the import: same version and
   * no later history row. Refused as a whole otherwise.
   */
  undo(rawBatchId: unknown): { batchId: string; cases: number; compacted: boolean } {
    this.requireSupervisor('import.undone');
    const batchId = parseInput(BatchId, rawBatchId);
    const db = this.session.db;
    let cases = 0;
    try {
      db.transaction(() => {
        const batch = stmt(db, 'SELECT * FROM import_batches WHERE id = ?').get(batchId) as BatchRow | undefined;
        if (!batch) throw new AppError(ErrorCode.NotFound, 'no such import batch');
        if (batch.undone_at) throw new AppError(ErrorCode.ImportUndoRefused, 'the batch was undone already');
        const links = stmt(
          db,
          `SELECT l.case_n AS n, l.version AS version, l.last_change_id AS last, c.version AS now,
                  (SELECT max(id) FROM case_changes WHERE case_n = l.case_n) AS nowLast
           FROM import_batch_cases l JOIN cases c ON c.n = l.case_n WHERE l.batch_id = ?`,
        ).all(batchId) as { n: number; version: number; last: number | null; now: number; nowLast: number | null }[];
        if (links.length !== batch.cases || links.some((l) => l.version !== l.now || l.last !== l.nowLast)) {
          throw new AppError(ErrorCode.ImportUndoRefused, 'a case of the batch changed since the import');
        }
        cases = links.length;
        const list = JSON.stringify(links.map((l) => l.n));
        const extra = referencingTables(db).filter((r) => !(CASE_TABLES as readonly string[]).includes(r.table));
        const steps = [
          ...CASE_TABLES.map((t) => ({ table: t, column: 'case_n' })),
          ...extra,
          { table: 'case_fts', column: 'rowid' },
          { table: 'cases', column: 'n' },
        ];
        this.session.write({ action: 'import.undone', subject: batchId, detail: { cases } }, () => {
          // Table names come from the constant list and the schema itself; the case numbers are bound.
          for (const s of steps)
            db.prepare(`DELETE FROM "${s.table}" WHERE "${s.column}" IN (SELECT value FROM json_each(?))`).run(list);
          stmt(db, 'UPDATE import_batches SET undone_at = ?, undone_by = ? WHERE id = ?').run(
            this.session.now().toISOString(),
            this.session.user.name,
            batchId,
          );
        });
      }).immediate();
    } catch (e) {
      if (e instanceof AppError && e.code === ErrorCode.ImportUndoRefused)
        this.session.audit({ action: 'import.undo_refused', subject: batchId });
      throw e;
    }
    return { batchId, cases, compacted: compactVault(db) };
  }

  listBatches(): ImportBatch[] {
    this.requireSupervisor('import.batches_listed');
    return (stmt(this.session.db, 'SELECT * FROM import_batches ORDER BY imported_at DESC').all() as BatchRow[]).map(
      toBatch,
    );
  }

  /** The codes of the cases a batch made (still there), for finding them. */
  batchCaseCodes(rawBatchId: unknown): string[] {
    this.requireSupervisor('import.batch_viewed');
    const id = parseInput(BatchId, rawBatchId);
    return (
      stmt(
        this.session.db,
        'SELECT c.code FROM import_batch_cases l JOIN cases c ON c.n = l.case_n WHERE l.batch_id = ? ORDER BY c.code',
      ).all(id) as { code: string }[]
    ).map((r) => r.code);
  }

  // -------------------------------------------------------------------------------------------
  // Mapping profiles

  saveProfile(raw: MappingProfileInput | unknown): MappingProfile {
    this.requireSupervisor('import.profile_saved');
    const profile = checkProfile(raw, null);
    this.session.write({ action: 'import.profile_saved', subject: 'import' }, (db) => {
      stmt(
        db,
        `INSERT INTO import_profiles (name, profile, updated_at, updated_by) VALUES (?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET profile = excluded.profile, updated_at = excluded.updated_at,
           updated_by = excluded.updated_by`,
      ).run(profile.name, JSON.stringify(profile), this.session.now().toISOString(), this.session.user.name);
    });
    return profile;
  }

  listProfiles(): MappingProfile[] {
    this.requireSupervisor('import.profiles_listed');
    const rows = stmt(this.session.db, 'SELECT profile FROM import_profiles ORDER BY name').all() as {
      profile: string;
    }[];
    return rows.flatMap((r) => {
      const p = MappingProfile.safeParse(JSON.parse(r.profile));
      return p.success ? [p.data] : [];
    });
  }

  getProfile(rawName: unknown): MappingProfile {
    const name = parseInput(ProfileName, rawName);
    const p = this.listProfiles().find((x) => x.name === name);
    if (!p) throw new AppError(ErrorCode.NotFound, 'no such mapping profile');
    return p;
  }

  deleteProfile(rawName: unknown): void {
    this.requireSupervisor('import.profile_deleted');
    const name = parseInput(ProfileName, rawName);
    this.session.write({ action: 'import.profile_deleted', subject: 'import' }, (db) => {
      if (stmt(db, 'DELETE FROM import_profiles WHERE name = ?').run(name).changes === 0)
        throw new AppError(ErrorCode.NotFound, 'no such mapping profile');
    });
  }
}
