import type { z } from 'zod';
import { isIsoDate, isPartialDate } from '../../shared/cases/dates';
import {
  ExperienceSection,
  ManagementSection,
  NewCase,
  Note,
  V,
  type ExperienceSection as Experience,
  type ManagementSection as Management,
  type NewCase as NewCaseData,
} from '../../shared/cases/schemas';
import {
  IMPORT_FIELDS,
  MappingProfile,
  WARNING_PROBLEMS,
  type DryRunReport,
  type ImportField,
  type ImportProblem,
  type ImportProblemKind,
} from '../../shared/import/schemas';
import { ErrorCode } from '../../shared/errors';
import { birthYear, fold, nameKey } from '../cases/text';
import { AppError } from '../errors';
import { FIELDS, matchCode, simplify, type FieldDef } from './fields';
import type { Table } from './table';

/** One row turned into what CaseService takes, or the reasons it cannot be. */
export interface PreparedRow {
  row: number;
  newCase: NewCaseData;
  experience: Experience | null;
  management: Management | null;
  note: string | null;
  blocked: boolean;
}

export interface Prepared {
  rows: PreparedRow[];
  report: DryRunReport;
}

export interface PrepareContext {
  /** Active caseworkers and supervisors, by name folded. */
  workers: ReadonlyMap<string, string>;
  /** Codes of existing cases of this person (folded name key, birth year). */
  existing: (key: string, year: number, estimated: boolean) => string[];
}

/** At most this many problems are listed (counts stay complete). */
export const MAX_LISTED_PROBLEMS = 20_000;
const VALUE_CHARS = 200;

const mappingInvalid = (why: string): AppError => new AppError(ErrorCode.ImportMappingInvalid, `mapping: ${why}`);

/** The profile, checked against the table's headers and the code lists. */
export function checkProfile(raw: unknown, headers: readonly string[] | null): MappingProfile {
  const parsed = MappingProfile.safeParse(raw);
  if (!parsed.success) throw mappingInvalid('not a valid mapping profile');
  const p = parsed.data;
  const fields = new Set<ImportField>();
  const columns = new Set<string>();
  for (const c of p.columns) {
    if (fields.has(c.field) || columns.has(c.header)) throw mappingInvalid('a field or column is mapped twice');
    fields.add(c.field);
    columns.add(c.header);
    if (headers && !headers.includes(c.header)) throw mappingInvalid('a mapped column is not in the file');
  }
  if (!fields.has('openedOn')) throw mappingInvalid('the opening date is not mapped');
  for (const v of p.values) {
    const def = FIELDS[v.field];
    const known = (def.codes ?? []).some((e) => e.code === v.code) || (def.anyCode?.test(v.code) ?? false);
    if (!known) throw mappingInvalid('a value is mapped to an unknown code');
  }
  return p;
}

const BOOL: Record<string, boolean> = {
  taip: true,
  yra: true,
  yes: true,
  y: true,
  true: true,
  t: true,
  '1': true,
  x: true,
  ne: false,
  nera: false,
  no: false,
  n: false,
  false: false,
  f: false,
  '0': false,
};

const pad = (s: string): string => s.padStart(2, '0');

/** Dates as Lithuanian and English spreadsheets write them, as Sauga's partial dates. */
export function normalizeDate(value: string): string {
  const v = value.trim();
  const about = /^(?:apie|about|~)\s*(\d{4})$/iu.exec(v);
  if (about) return `~${about[1]}`;
  const ymd = /^(\d{4})[./-](\d{1,2})[./-](\d{1,2})\.?(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/u.exec(v);
  if (ymd) return `${ymd[1]}-${pad(ymd[2] as string)}-${pad(ymd[3] as string)}`;
  const ym = /^(\d{4})[./-](\d{1,2})$/u.exec(v);
  if (ym) return `${ym[1]}-${pad(ym[2] as string)}`;
  const dmy = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/u.exec(v);
  if (dmy) return `${dmy[3]}-${pad(dmy[2] as string)}-${pad(dmy[1] as string)}`;
  return v;
}

type Value = string | number | boolean | string[];

interface Converted {
  value?: Value;
  problem?: ImportProblemKind;
}

function convert(
  def: FieldDef,
  raw: string,
  sep: string,
  explicit: ReadonlyMap<string, string> | undefined,
  ctx: PrepareContext,
): Converted {
  switch (def.kind) {
    case 'text':
      if (def.target === 'owner') {
        const id = ctx.workers.get(fold(raw.normalize('NFC')));
        return id ? { value: id } : { problem: 'unknownOwner' };
      }
      return { value: raw };
    case 'longText':
      return { value: raw };
    case 'isoDate': {
      const d = normalizeDate(raw);
      return isIsoDate(d) ? { value: d } : { problem: 'dateInvalid' };
    }
    case 'partialDate': {
      const d = normalizeDate(raw);
      return isPartialDate(d) ? { value: d } : { problem: 'dateInvalid' };
    }
    case 'int': {
      const m = /^(\d{1,3})(?:[.,]0+)?$/u.exec(raw.trim());
      return m ? { value: Number(m[1]) } : { problem: 'notNumber' };
    }
    case 'bool': {
      const b = BOOL[simplify(raw)];
      return b === undefined ? { problem: 'invalid' } : { value: b };
    }
    case 'code': {
      const c = matchCode(def, raw, explicit);
      return c === undefined ? { problem: 'unknownValue' } : { value: c };
    }
    case 'codes': {
      const out: string[] = [];
      for (const part of raw.split(sep)) {
        if (part.trim() === '') continue;
        const c = matchCode(def, part, explicit);
        if (c === undefined) return { problem: 'unknownValue' };
        if (!out.includes(c)) out.push(c);
      }
      return { value: out };
    }
    case 'list':
      return {
        value: raw
          .split(sep)
          .map((s) => s.trim())
          .filter(Boolean),
      };
  }
}

const problemOf = (message: string): ImportProblemKind =>
  message === V.tooLong
    ? 'tooLong'
    : message === V.dateInvalid || message === V.dateOrder || message === V.reflectionTooShort
      ? 'dateInvalid'
      : message === V.invalidOption || message === V.countryInvalid || message === V.languageInvalid
        ? 'unknownValue'
        : 'invalid';

/** Where a schema path (`identity.givenNames`) came from in the mapping. */
function fieldOfPath(target: string, path: readonly PropertyKey[]): ImportField | undefined {
  const [a, b] = path.map(String);
  const [t, key] = target === 'new' ? (b !== undefined && a !== 'openedOn' ? [a, b] : ['new', a]) : [target, a];
  return IMPORT_FIELDS.find((f) => FIELDS[f].target === t && FIELDS[f].key === key);
}

/**
 * Every row of the table through the mapping: values read and matched to code lists, then
 * the whole record checked with the same schemas CaseService uses, and duplicates looked for
 * in the file and among existing cases. Nothing is written.
 */
export function prepareRows(table: Table, profile: MappingProfile, ctx: PrepareContext): Prepared {
  const columns = profile.columns.map((c) => ({ ...c, index: table.headers.indexOf(c.header), def: FIELDS[c.field] }));
  const headerOf = (f: ImportField): string => profile.columns.find((c) => c.field === f)?.header ?? f;
  const explicit = new Map<ImportField, Map<string, string>>();
  for (const v of profile.values) {
    const m = explicit.get(v.field) ?? new Map<string, string>();
    m.set(simplify(v.value), v.code);
    explicit.set(v.field, m);
  }
  const problems: ImportProblem[] = [];
  let listed = 0;
  let truncated = false;
  let blockedRows = 0;
  let warnings = 0;
  const seen = new Map<string, number>();
  const rows: PreparedRow[] = [];

  for (const r of table.rows) {
    let blocked = false;
    const add = (column: string, value: string, problem: ImportProblemKind, detail: string | null = null): void => {
      if (WARNING_PROBLEMS.includes(problem)) warnings++;
      else blocked = true;
      if (listed >= MAX_LISTED_PROBLEMS) {
        truncated = true;
        return;
      }
      listed++;
      problems.push({ row: r.number, column, value: value.slice(0, VALUE_CHARS), problem, detail });
    };
    const sections: Record<string, Record<string, Value>> = {
      new: {},
      identity: {},
      status: {},
      experience: {},
      management: {},
      owner: {},
      note: {},
    };
    for (const c of columns) {
      const raw = r.cells[c.index] ?? '';
      if (r.formulas?.includes(c.index)) add(c.header, raw, 'formula');
      if (raw === '') continue;
      const out = convert(c.def, raw, profile.listSeparator, explicit.get(c.field), ctx);
      if (out.problem) add(c.header, raw, out.problem);
      else if (out.value !== undefined) (sections[c.def.target] as Record<string, Value>)[c.def.key] = out.value;
    }
    const openedOn = sections.new?.openedOn as string | undefined;
    if (openedOn === undefined) {
      const raw = r.cells[columns.find((c) => c.field === 'openedOn')?.index ?? -1] ?? '';
      if (raw === '') add(headerOf('openedOn'), '', 'required');
    }
    const newCase = {
      openedOn: openedOn ?? '',
      ...(Object.keys(sections.identity ?? {}).length > 0 ? { identity: sections.identity } : {}),
      ...(Object.keys(sections.status ?? {}).length > 0 ? { status: sections.status } : {}),
      ...(sections.owner?.ownerId ? { ownerId: sections.owner.ownerId } : {}),
    };
    const check = <T extends z.ZodType>(schema: T, value: unknown, target: string): z.output<T> | null => {
      const res = schema.safeParse(value);
      if (res.success) return res.data;
      for (const issue of res.error.issues) {
        const field = fieldOfPath(target, issue.path);
        if (field === 'openedOn' && openedOn === undefined) continue;
        const col = columns.find((c) => c.field === field);
        add(
          col?.header ?? field ?? target,
          col ? (r.cells[col.index] ?? '') : '',
          problemOf(issue.message),
          issue.message,
        );
      }
      return null;
    };
    const parsedCase = check(NewCase, newCase, 'new');
    const expData = sections.experience ?? {};
    const experience = Object.keys(expData).length > 0 ? check(ExperienceSection, expData, 'experience') : null;
    const mgmtData = sections.management ?? {};
    const management =
      Object.keys(mgmtData).length > 0 && openedOn
        ? check(ManagementSection, { openedOn, ...mgmtData }, 'management')
        : null;
    const noteText = (sections.note?.text as string | undefined) ?? null;
    if (noteText !== null && openedOn) check(Note, { date: openedOn, text: noteText }, 'note');

    if (parsedCase) {
      const identity = parsedCase.identity ?? {};
      const key = nameKey(identity.givenNames, identity.familyNames);
      const born = birthYear(identity, parsedCase.openedOn);
      if (key && born) {
        const dupKey = `${key}|${born.year}`;
        const first = seen.get(dupKey);
        const nameCol = headerOf(identity.familyNames ? 'familyNames' : 'givenNames');
        if (first !== undefined) add(nameCol, '', 'duplicateInFile', String(first));
        else seen.set(dupKey, r.number);
        const codes = ctx.existing(key, born.year, born.estimated);
        if (codes.length > 0) add(nameCol, '', 'duplicateExisting', codes.slice(0, 10).join(', '));
      }
    }
    if (blocked) blockedRows++;
    rows.push({
      row: r.number,
      newCase: (parsedCase ?? newCase) as NewCaseData,
      experience,
      management,
      note: noteText,
      blocked: blocked || parsedCase === null,
    });
  }
  return {
    rows,
    report: {
      rows: table.rows.length,
      ready: table.rows.length - blockedRows,
      blocked: blockedRows,
      warnings,
      problems,
      truncated,
    },
  };
}

const CSV_FORMULA_START = /^[=+\-@\t\r]/u;

/** A spreadsheet program must show a value as text, never run it as a formula. */
const csvCell = (s: string): string => {
  const safe = CSV_FORMULA_START.test(s) ? `'${s}` : s;
  return /[",;\n\r]/u.test(safe) ? `"${safe.replace(/"/gu, '""')}"` : safe;
};

/** The report as CSV (UTF-8 with a byte order mark, so spreadsheet programs read the letters). */
export function reportCsv(report: DryRunReport, headings: readonly [string, string, string, string, string]): string {
  const lines = [headings.map(csvCell).join(',')];
  for (const p of report.problems)
    lines.push([String(p.row), p.column, p.value, p.problem, p.detail ?? ''].map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
