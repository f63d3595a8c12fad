import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import * as codes from '../../shared/cases/codes';
import {
  ConsentPurpose,
  DataCategory,
  GdprLegalBasis,
  labelOf,
  RecipientCategory,
  type CodeEntry,
} from '../../shared/cases/codes';
import {
  CaseId,
  ConsentItem,
  DataCategories,
  IsoDate,
  ItemId,
  ItemSchemas,
  requiredLine,
  RightsEntry,
  SectionSchemas,
  type CaseView,
  type ItemKind,
  type SectionName,
} from '../../shared/cases/schemas';
import { ErrorCode } from '../../shared/errors';
import { casesEn } from '../../shared/i18n/cases.en';
import { casesLt } from '../../shared/i18n/cases.lt';
import { locateCase, recordDenial, seesAllCases } from '../cases/access';
import { AccessDenied, parseInput } from '../cases/errors';
import { CaseService } from '../cases/service';
import { stmt } from '../db/statements';
import { AppError } from '../errors';
import type { VaultSession } from '../vault/vault';
import { assertConsent, categoryOf, NEVER_DISCLOSED, type FieldCategory, type FieldKey } from './consent';
import {
  CaseSummary,
  Fingerprint,
  SUMMARY_FORMAT,
  SUMMARY_FORMAT_VERSION,
  type FieldValue,
  type OverrideAuthority,
} from './package/schema';

// ---------------------------------------------------------------------------------------------
// Request and result

export const SummaryRecipient = z.strictObject({
  institution: requiredLine(200),
  category: RecipientCategory,
  fingerprint: Fingerprint,
});
export type SummaryRecipient = z.infer<typeof SummaryRecipient>;

export const ComposeRequest = z.strictObject({
  recipient: SummaryRecipient,
  purpose: ConsentPurpose,
  /** The day the consent must be in force on (the caller's local date). */
  today: IsoDate,
  /** Rely on this consent record; without it, the newest consent in force is used. */
  consentId: ItemId.nullish(),
  /** Send less than the consent allows: only these of its categories. */
  categories: DataCategories.nullish(),
  /**
   * No consent covers the disclosure: `categories` are what the user proposes to send, and the
   * draft cannot go until two supervisors record an override with its legal basis.
   */
  withoutConsent: z.literal(true).nullish(),
});
export type ComposeRequest = z.input<typeof ComposeRequest>;

/** Why a category or field is not in the summary (shown in the preview, never with values). */
export const OMISSION_REASONS = [
  'NOT_CONSENTED',
  'NOT_REQUESTED',
  'WITHHELD',
  'OTHER_PEOPLE',
  'NEVER_DISCLOSED',
  /** An item whose required fields fell outside the summary, so none of it goes. */
  'INCOMPLETE',
] as const;
export const OmissionReason = z.enum(OMISSION_REASONS);
export type OmissionReason = z.infer<typeof OmissionReason>;

const FieldCategorySchema = z.union([DataCategory, z.literal(NEVER_DISCLOSED)]);

export const Omissions = z.strictObject({
  categories: z.array(z.strictObject({ category: DataCategory, reason: OmissionReason })),
  fields: z.array(z.strictObject({ field: z.string(), category: FieldCategorySchema, reason: OmissionReason })),
});
export type Omissions = z.infer<typeof Omissions>;

const sectionData = Object.fromEntries(Object.entries(SectionSchemas).map(([s, schema]) => [s, schema.optional()])) as {
  [S in SectionName]: z.ZodOptional<(typeof SectionSchemas)[S]>;
};
const itemData = Object.fromEntries(
  Object.entries(ItemSchemas).map(([k, schema]) => [k, z.array(schema).min(1).optional()]),
) as { [K in ItemKind]: z.ZodOptional<z.ZodArray<(typeof ItemSchemas)[K]>> };

/** The record as it will be disclosed: only the fields that go, in the case schemas' shapes. */
export const SummaryData = z.strictObject({
  sections: z.strictObject(sectionData),
  items: z.strictObject(itemData),
});
export type SummaryData = z.infer<typeof SummaryData>;

export const ComposedSummary = z.strictObject({
  /** Also the draft's id and the package id. */
  id: z.uuid(),
  caseId: CaseId,
  caseCode: z.string(),
  caseVersion: z.number().int().min(1),
  composedAt: z.string(),
  composedBy: z.string(),
  recipient: SummaryRecipient,
  purpose: ConsentPurpose,
  today: IsoDate,
  basis: z.enum(['consent', 'override']),
  /** The authorising consent as it stood, whole, for the disclosure log; null under an override. */
  consent: ConsentItem.nullable(),
  /** The categories that go. */
  categories: z.array(DataCategory),
  /** The `group.field` keys that go and have a value. */
  fields: z.array(z.string()),
  data: SummaryData,
  /**
   * The package's content. Null under an override: the package format requires an
   * authorising consent, so an override cannot be packaged until that format allows it.
   */
  summary: CaseSummary.nullable(),
  omitted: Omissions,
});
export type ComposedSummary = z.infer<typeof ComposedSummary>;

// ---------------------------------------------------------------------------------------------
// Composing

const IDENTITY_CATEGORIES: readonly DataCategory[] = ['IDENTITY_BASIC', 'IDENTITY_CONTACT', 'DOCUMENTS', 'FAMILY'];
const ITEM_META = new Set(['id', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy']);
const ALL_CATEGORIES = codes.DATA_CATEGORIES.map((e) => e.code);

interface Plan {
  included: Set<DataCategory>;
  reasons: Map<DataCategory, OmissionReason>;
}

function unclassified(field: string): AppError {
  // Fail closed: a field nobody classified must not travel by default.
  return new AppError(ErrorCode.Internal, `field ${field} has no data category`);
}

/**
 * Which categories go: those the basis allows (the consent's, or the override's proposal),
 * narrowed to what was asked for, minus what the case says to withhold from this kind of
 * recipient. A withholding rule written only as free text cannot be applied mechanically,
 * so it stops composing rather than being guessed at.
 */
function plan(view: CaseView, allowed: readonly DataCategory[], req: z.infer<typeof ComposeRequest>): Plan {
  const reasons = new Map<DataCategory, OmissionReason>();
  const rules = (view.sections.dataProtection.withhold ?? []).filter((r) => r.recipient === req.recipient.category);
  if (rules.some((r) => !r.dataCategories?.length)) {
    throw new AppError(
      ErrorCode.SummaryWithholdingUnclear,
      'a withholding rule for this recipient names no categories',
    );
  }
  const withheld = new Set(rules.flatMap((r) => r.dataCategories ?? []));
  const asked = req.categories ? new Set(req.categories) : undefined;
  const included = new Set<DataCategory>();
  for (const c of ALL_CATEGORIES) {
    if (!allowed.includes(c)) reasons.set(c, c === 'FAMILY' ? 'OTHER_PEOPLE' : 'NOT_CONSENTED');
    else if (asked && !asked.has(c)) reasons.set(c, 'NOT_REQUESTED');
    else if (withheld.has(c)) reasons.set(c, 'WITHHELD');
    else included.add(c);
  }
  return { included, reasons };
}

const isEmpty = (v: unknown): boolean =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

function pick(
  group: SectionName | ItemKind,
  data: Record<string, unknown>,
  p: Plan,
  omitted: Omissions['fields'],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(data)) {
    if (ITEM_META.has(field) && group in ItemSchemas) continue;
    const category = categoryOf(group, field);
    if (!category) throw unclassified(`${group}.${field}`);
    if (isEmpty(value)) continue;
    if (category !== NEVER_DISCLOSED && p.included.has(category)) out[field] = value;
    else
      omitted.push({
        field: `${group}.${field}`,
        category,
        reason: category === NEVER_DISCLOSED ? 'NEVER_DISCLOSED' : (p.reasons.get(category) ?? 'NOT_CONSENTED'),
      });
  }
  return out;
}

function filterRecord(view: CaseView, identity: Record<string, unknown> | null, p: Plan) {
  const omitted: Omissions['fields'] = [];
  const sections: Record<string, unknown> = {};
  for (const s of Object.keys(SectionSchemas) as SectionName[]) {
    const source = s === 'identity' ? identity : (view.sections[s] as Record<string, unknown>);
    if (!source) continue;
    const kept = pick(s, source, p, omitted);
    if (Object.keys(kept).length === 0) continue;
    const parsed = SectionSchemas[s].safeParse(kept);
    if (parsed.success) sections[s] = parsed.data;
    else
      for (const f of Object.keys(kept))
        omitted.push({ field: `${s}.${f}`, category: categoryOf(s, f) as FieldCategory, reason: 'INCOMPLETE' });
  }
  const items: Record<string, unknown[]> = {};
  for (const k of Object.keys(ItemSchemas) as ItemKind[]) {
    for (const item of view.items[k] as Record<string, unknown>[]) {
      const kept = pick(k, item, p, omitted);
      if (Object.keys(kept).length === 0) continue;
      const parsed = ItemSchemas[k].safeParse(kept);
      if (parsed.success) (items[k] ??= []).push(parsed.data);
      else
        for (const f of Object.keys(kept))
          omitted.push({ field: `${k}.${f}`, category: categoryOf(k, f) as FieldCategory, reason: 'INCOMPLETE' });
    }
  }
  const fieldsOut = new Set<FieldKey>();
  for (const [s, d] of Object.entries(sections)) for (const f of Object.keys(d as object)) fieldsOut.add(`${s}.${f}`);
  for (const [k, list] of Object.entries(items))
    for (const d of list) for (const f of Object.keys(d as object)) fieldsOut.add(`${k}.${f}`);
  const uniqueOmitted = [...new Map(omitted.map((o) => [`${o.field}|${o.reason}`, o])).values()].filter(
    (o) => o.reason === 'INCOMPLETE' || !fieldsOut.has(o.field),
  );
  return {
    data: SummaryData.parse({ sections, items }),
    fields: [...fieldsOut].sort(),
    omitted: uniqueOmitted.sort((a, b) => a.field.localeCompare(b.field)),
  };
}

/**
 * Compose a summary of one case for one recipient under the person's consent, for preview.
 * Reads the case through CaseService, so need-to-know is enforced and the view is logged; the
 * identity section is revealed (a logged act) only when an identity category goes. Anything
 * outside the consented categories, withheld from this recipient, or about other people
 * without FAMILY consented is absent from the result, not blanked. Nothing is stored: see
 * createDraft.
 */
export function composeSummary(session: VaultSession, caseId: unknown, request: ComposeRequest): ComposedSummary {
  const req = parseInput(ComposeRequest, request);
  const cases = new CaseService(session);
  const view = cases.getCase(caseId);
  let consent: ConsentItem | null = null;
  let allowed: readonly DataCategory[];
  if (req.withoutConsent) {
    if (!req.categories?.length)
      throw new AppError(ErrorCode.InvalidInput, 'invalid input (categories: validation.required)');
    allowed = req.categories;
  } else {
    consent = assertConsent(view, {
      recipient: req.recipient.category,
      purpose: req.purpose,
      today: req.today,
      consentId: req.consentId ?? null,
    });
    allowed = consent.dataCategories ?? [];
  }
  const p = plan(view, allowed, req);
  const needsIdentity = IDENTITY_CATEGORIES.some((c) => p.included.has(c));
  const identity = needsIdentity ? (cases.revealIdentity(view.id) as Record<string, unknown>) : null;
  const { data, fields, omitted } = filterRecord(view, identity, p);
  const id = randomUUID();
  const composedAt = session.now().toISOString();
  const categories = ALL_CATEGORIES.filter((c) => p.included.has(c));
  const summary =
    consent &&
    toCaseSummary({
      id,
      created: composedAt,
      organisation: session.getMeta('org_name') ?? '',
      caseCode: view.code,
      caseVersion: view.version,
      recipient: req.recipient,
      purpose: req.purpose,
      consent,
      family: p.included.has('FAMILY'),
      data,
    });
  return ComposedSummary.parse({
    id,
    caseId: view.id,
    caseCode: view.code,
    caseVersion: view.version,
    composedAt,
    composedBy: session.user.name,
    recipient: req.recipient,
    purpose: req.purpose,
    today: req.today,
    basis: consent ? 'consent' : 'override',
    consent,
    categories,
    fields,
    data,
    summary,
    omitted: {
      categories: ALL_CATEGORIES.flatMap((c) => {
        const reason = p.reasons.get(c);
        return reason ? [{ category: c, reason }] : [];
      }),
      fields: omitted,
    },
  });
}

// ---------------------------------------------------------------------------------------------
// The package's shape: labelled text, Lithuanian values (the recipient is a Lithuanian authority)

type Tree = Record<string, unknown>;
const codeLists: (readonly CodeEntry[])[] = Object.values(codes as Record<string, unknown>).filter(
  (x): x is readonly CodeEntry[] => Array.isArray(x) && typeof (x[0] as CodeEntry | undefined)?.code === 'string',
);

function unwrap(t: z.core.$ZodType): z.core.$ZodType {
  let cur = t;
  while (cur instanceof z.ZodOptional || cur instanceof z.ZodNullable) cur = cur.unwrap() as z.core.$ZodType;
  return cur;
}

/** The code list a field's enum was built from, found by its codes. */
function listOf(t: z.core.$ZodType | undefined): readonly CodeEntry[] | undefined {
  if (!t) return undefined;
  let inner = unwrap(t);
  if (inner instanceof z.ZodArray) inner = unwrap(inner.element as z.core.$ZodType);
  if (!(inner instanceof z.ZodEnum)) return undefined;
  const options = new Set(inner.options as string[]);
  return codeLists.find((l) => l.length === options.size && l.every((e) => options.has(e.code)));
}

const COUNTRY_FIELDS = new Set(['citizenships', 'issuingCountry', 'country']);
const LANGUAGE_FIELDS = new Set(['languages', 'language']);

function labelFor(group: string, field: string): { lt: string; en: string } {
  const lt = ((casesLt.fields as Tree)[group] as Record<string, string> | undefined)?.[field] ?? field;
  const en = ((casesEn.fields as Tree)[group] as Record<string, string> | undefined)?.[field] ?? field;
  return { lt, en };
}

function scalarText(schema: z.core.$ZodType | undefined, field: string, v: unknown): string {
  if (typeof v === 'boolean') return v ? 'Taip' : 'Ne';
  if (typeof v === 'number') return /Eur$/u.test(field) ? `${v} EUR` : String(v);
  const s = String(v);
  const list = listOf(schema);
  if (list) return labelOf(list, s, 'lt');
  if (COUNTRY_FIELDS.has(field)) return labelOf(codes.COUNTRIES, s, 'lt');
  if (LANGUAGE_FIELDS.has(field)) return labelOf(codes.LANGUAGES, s, 'lt');
  return s;
}

const shapeOf = (t: z.core.$ZodType | undefined): Record<string, z.core.$ZodType> => {
  const inner = t ? unwrap(t) : undefined;
  if (inner instanceof z.ZodArray) return shapeOf(inner.element as z.core.$ZodType);
  return inner instanceof z.ZodObject ? (inner.shape as Record<string, z.core.$ZodType>) : {};
};

/** One object (a document, a child, a service) as `Label: value` lines. */
function objectText(group: string, shape: Record<string, z.core.$ZodType>, o: Tree): string {
  return Object.entries(o)
    .filter(([, v]) => !isEmpty(v))
    .map(([f, v]) => {
      const text = Array.isArray(v) ? v.map((x) => scalarText(shape[f], f, x)).join(', ') : scalarText(shape[f], f, v);
      return `${labelFor(group, f).lt}: ${text}`;
    })
    .join('\n');
}

const NESTED_GROUP: Record<string, string> = { documents: 'documents', children: 'children', events: 'events' };

function fieldValue(section: SectionName, field: string, v: unknown): FieldValue {
  const schema = (SectionSchemas[section].shape as Record<string, z.core.$ZodType>)[field];
  if (section === 'rights' && field === 'items') {
    const entryShape = RightsEntry.shape as Record<string, z.core.$ZodType>;
    return Object.entries(v as Tree).map(
      ([item, entry]) =>
        `${labelOf(codes.RIGHTS_ITEMS, item, 'lt')}\n${objectText('rightsEntry', entryShape, entry as Tree)}`,
    );
  }
  if (Array.isArray(v)) {
    const nested = NESTED_GROUP[field];
    if (nested) return v.map((o) => objectText(nested, shapeOf(schema), o as Tree));
    return v.map((x) => scalarText(schema, field, x));
  }
  return scalarText(schema, field, v);
}

interface SummaryParts {
  id: string;
  created: string;
  organisation: string;
  caseCode: string;
  caseVersion: number;
  recipient: SummaryRecipient;
  purpose: z.infer<typeof ConsentPurpose>;
  /** Exactly one: the authorising consent, or the override recorded on the draft. */
  consent: ConsentItem | null;
  override?: OverrideAuthority;
  family: boolean;
  data: SummaryData;
}

function toCaseSummary(s: SummaryParts): CaseSummary {
  const sections: z.input<typeof CaseSummary>['sections'] = [];
  for (const [name, d] of Object.entries(s.data.sections) as [SectionName, Tree][]) {
    sections.push({
      key: name,
      label: { lt: casesLt.sections[name], en: casesEn.sections[name] },
      fields: Object.entries(d).map(([f, v]) => ({ key: f, label: labelFor(name, f), value: fieldValue(name, f, v) })),
    });
  }
  for (const [kind, list] of Object.entries(s.data.items) as [ItemKind, Tree[]][]) {
    const shape = ItemSchemas[kind].shape as Record<string, z.core.$ZodType>;
    sections.push({
      key: kind,
      label: { lt: casesLt.items[kind].title, en: casesEn.items[kind].title },
      fields: list.map((item, i) => ({
        key: `${kind}${i + 1}`,
        label: { lt: `${casesLt.items[kind].one} ${i + 1}`, en: `${casesEn.items[kind].one} ${i + 1}` },
        value: objectText(kind, shape, item),
      })),
    });
  }
  // The guardian is another person: named only where the consent covers other people.
  const record =
    s.consent &&
    Object.fromEntries(
      Object.entries(s.consent).filter(([k]) => !ITEM_META.has(k) && (k !== 'guardianName' || s.family)),
    );
  const parsed = CaseSummary.safeParse({
    format: SUMMARY_FORMAT,
    formatVersion: SUMMARY_FORMAT_VERSION,
    id: s.id,
    created: s.created,
    organisation: { name: s.organisation },
    caseCode: s.caseCode,
    purpose: s.purpose,
    recipient: s.recipient,
    sections,
    ...(s.consent && record
      ? { consent: { id: s.consent.id, version: s.caseVersion, record } }
      : { override: s.override }),
  });
  if (!parsed.success) {
    throw new AppError(
      ErrorCode.Internal,
      `composed summary does not fit the package format (${parsed.error.issues
        .slice(0, 5)
        .map((i) => i.path.join('.'))
        .join('; ')})`,
    );
  }
  return parsed.data;
}

// ---------------------------------------------------------------------------------------------
// Drafts, approval and override

export const APPROVAL_SETTING = 'summaries_require_approval';

export const DRAFT_STATUSES = ['draft', 'pending_approval', 'needs_override', 'approved', 'sent', 'cancelled'] as const;
export const DraftStatus = z.enum(DRAFT_STATUSES);
export type DraftStatus = z.infer<typeof DraftStatus>;

/** A recorded legal basis: a GDPR code, or a citation in words (e.g. a statute's article). */
export const LegalBasis = z.union([GdprLegalBasis, requiredLine(500)]);
export type LegalBasis = z.infer<typeof LegalBasis>;

export const SummaryDraft = z.strictObject({
  id: z.uuid(),
  caseN: z.number().int(),
  status: DraftStatus,
  composed: ComposedSummary,
  createdAt: z.string(),
  createdBy: z.string(),
  createdById: z.string(),
  requestedAt: z.string().nullable(),
  requestedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  legalBasis: z.string().nullable(),
  secondApprover: z.string().nullable(),
});
export type SummaryDraft = z.infer<typeof SummaryDraft>;

interface DraftRow {
  id: string;
  case_n: number;
  status: string;
  composed: string;
  created_at: string;
  created_by: string;
  created_by_id: string;
  requested_at: string | null;
  requested_by: string | null;
  approved_at: string | null;
  approved_by: string | null;
  legal_basis: string | null;
  second_approver: string | null;
}

export function readDraft(db: VaultSession['db'], draftId: string): SummaryDraft | undefined {
  const r = stmt(db, 'SELECT * FROM summary_drafts WHERE id = ?').get(draftId) as DraftRow | undefined;
  if (!r) return undefined;
  return SummaryDraft.parse({
    id: r.id,
    caseN: r.case_n,
    status: r.status,
    composed: JSON.parse(r.composed) as unknown,
    createdAt: r.created_at,
    createdBy: r.created_by,
    createdById: r.created_by_id,
    requestedAt: r.requested_at,
    requestedBy: r.requested_by,
    approvedAt: r.approved_at,
    approvedBy: r.approved_by,
    legalBasis: r.legal_basis,
    secondApprover: r.second_approver,
  });
}

export function summariesRequireApproval(session: VaultSession): boolean {
  return session.getSetting(APPROVAL_SETTING) === 'true';
}

/** The organisation's rule; an administrator's or supervisor's decision, logged. */
export function setSummariesRequireApproval(session: VaultSession, required: boolean): void {
  const on = z.boolean().parse(required);
  if (!session.hasRole('administrator') && !session.hasRole('supervisor')) {
    session.audit({ action: 'settings.access_denied', subject: 'vault', detail: { attempt: APPROVAL_SETTING } });
    throw new AppError(ErrorCode.Forbidden, 'only an administrator or supervisor changes this setting');
  }
  session.write({ action: 'settings.summary_approval_changed', subject: 'vault', detail: { required: on } }, (db) => {
    stmt(
      db,
      `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
    ).run(APPROVAL_SETTING, String(on));
  });
}

const DraftId = z.uuid({ error: 'validation.idInvalid' });

/**
 * One step on a draft: the draft is found, the user must still be allowed to see its case
 * (need-to-know is checked again at every step), and the change and its audit entry are one
 * transaction. A refused attempt is recorded after the rollback.
 */
function onDraft<T>(
  session: VaultSession,
  rawId: unknown,
  action: string,
  detail: Record<string, string | number | boolean | null>,
  fn: (d: SummaryDraft, at: string) => T,
): T {
  const id = parseInput(DraftId, rawId);
  const d = readDraft(session.db, id);
  if (!d) throw new AppError(ErrorCode.NotFound, 'no such summary draft');
  const caseId = d.composed.caseId;
  try {
    return session.write({ action, subject: caseId, detail: { draftId: id, ...detail } }, (db) => {
      locateCase(session, db, caseId);
      const fresh = readDraft(db, id) as SummaryDraft;
      return fn(fresh, session.now().toISOString());
    });
  } catch (e) {
    if (e instanceof AccessDenied || (e instanceof AppError && e.code === ErrorCode.Forbidden))
      recordDenial(session, caseId, action);
    throw e;
  }
}

const wrongState = (): AppError => new AppError(ErrorCode.SummaryDraftState, 'the draft is not at that stage');

/** Compose and keep the result as a draft: the preview the user approves is what is sent. */
export function createDraft(
  session: VaultSession,
  caseId: unknown,
  request: ComposeRequest,
): { draftId: string; status: DraftStatus; composed: ComposedSummary } {
  const composed = composeSummary(session, caseId, request);
  const status: DraftStatus = composed.basis === 'override' ? 'needs_override' : 'draft';
  session.write(
    {
      action: 'summary.draft_created',
      subject: composed.caseId,
      detail: {
        draftId: composed.id,
        recipient: composed.recipient.category,
        purpose: composed.purpose,
        basis: composed.basis,
        consentId: composed.consent?.id ?? null,
      },
    },
    (db) => {
      const c = locateCase(session, db, composed.caseId);
      stmt(
        db,
        `INSERT INTO summary_drafts (id, case_n, status, recipient, purpose, consent_id, composed, created_at, created_by, created_by_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        composed.id,
        c.n,
        status,
        JSON.stringify(composed.recipient),
        composed.purpose,
        composed.consent?.id ?? null,
        JSON.stringify(composed),
        composed.composedAt,
        session.user.name,
        session.user.id,
      );
    },
  );
  return { draftId: composed.id, status, composed };
}

/** The draft, for its preview; only to a user who may see the case (a logged view). */
export function getDraft(session: VaultSession, draftId: unknown): SummaryDraft {
  return onDraft(session, draftId, 'summary.draft_viewed', {}, (d) => d);
}

/** Ask a supervisor to approve: the draft waits, unchanged. */
export function requestApproval(session: VaultSession, draftId: unknown): SummaryDraft {
  return onDraft(session, draftId, 'summary.approval_requested', {}, (d, at) => {
    if (d.status !== 'draft') throw wrongState();
    stmt(
      session.db,
      `UPDATE summary_drafts SET status = 'pending_approval', requested_at = ?, requested_by = ? WHERE id = ?`,
    ).run(at, session.user.name, d.id);
    return readDraft(session.db, d.id) as SummaryDraft;
  });
}

/**
 * A supervisor approves a consent-based draft. Four eyes: not the supervisor who composed it,
 * since approving one's own disclosure would make the organisation's rule empty.
 */
export function approve(session: VaultSession, draftId: unknown): SummaryDraft {
  return onDraft(session, draftId, 'summary.approved', {}, (d, at) => {
    if (!seesAllCases(session)) throw new AccessDenied();
    if (d.createdById === session.user.id) throw new AccessDenied();
    if (d.status !== 'draft' && d.status !== 'pending_approval') throw wrongState();
    stmt(
      session.db,
      `UPDATE summary_drafts SET status = 'approved', approved_at = ?, approved_by = ? WHERE id = ?`,
    ).run(at, session.user.name, d.id);
    return readDraft(session.db, d.id) as SummaryDraft;
  });
}

export const OverrideInput = z.strictObject({ legalBasis: LegalBasis });

/**
 * Send without a covering consent: only with a recorded legal basis, decided by a supervisor
 * and confirmed by a second, different supervisor who has unlocked the vault themselves (their
 * own session is the proof). Both are in the audit chain: the confirmation under the second
 * supervisor's name, then the override itself under the first's.
 */
export function override(
  session: VaultSession,
  draftId: unknown,
  input: { legalBasis: unknown; secondApprover: VaultSession },
): SummaryDraft {
  const { legalBasis } = parseInput(OverrideInput, { legalBasis: input.legalBasis });
  const second = input.secondApprover;
  const coded = GdprLegalBasis.safeParse(legalBasis).success;
  const id = parseInput(DraftId, draftId);
  const draft = readDraft(session.db, id);
  if (!seesAllCases(session)) {
    if (draft) recordDenial(session, draft.composed.caseId, 'summary.override_approved');
    throw new AccessDenied();
  }
  if (
    !(second instanceof Object) ||
    typeof second.hasRole !== 'function' ||
    second.vaultId !== session.vaultId ||
    second.user.id === session.user.id ||
    !second.hasRole('supervisor')
  ) {
    throw new AppError(ErrorCode.SummaryOverrideInvalid, 'an override needs a second, different supervisor');
  }
  if (draft?.status === 'needs_override') {
    second.audit({
      action: 'summary.override_confirmed',
      subject: draft.composed.caseId,
      detail: { draftId: id, firstApprover: session.user.name },
    });
  }
  return onDraft(
    session,
    id,
    'summary.override_approved',
    { legalBasis: coded ? legalBasis : 'text', secondApprover: second.user.name },
    (d, at) => {
      if (d.status !== 'needs_override') throw wrongState();
      stmt(
        session.db,
        `UPDATE summary_drafts SET status = 'approved', approved_at = ?, approved_by = ?, legal_basis = ?, second_approver = ?
         WHERE id = ?`,
      ).run(at, session.user.name, legalBasis, second.user.name, d.id);
      return readDraft(session.db, d.id) as SummaryDraft;
    },
  );
}

/** Withdraw a draft that will not be sent. */
export function cancelDraft(session: VaultSession, draftId: unknown): SummaryDraft {
  return onDraft(session, draftId, 'summary.draft_cancelled', {}, (d) => {
    if (d.status === 'sent' || d.status === 'cancelled') throw wrongState();
    stmt(session.db, `UPDATE summary_drafts SET status = 'cancelled' WHERE id = ?`).run(d.id);
    return readDraft(session.db, d.id) as SummaryDraft;
  });
}

/** May this draft be packaged and sent now, under the organisation's current rule? */
export function isSendable(draft: SummaryDraft, approvalRequired: boolean): boolean {
  if (draft.status === 'approved') return true;
  return (
    !approvalRequired &&
    draft.composed.basis === 'consent' &&
    (draft.status === 'draft' || draft.status === 'pending_approval')
  );
}

/**
 * The package content of an override draft, made only once the override is recorded: the
 * legal basis travels in the package in place of a consent. Same id, time and data as the
 * preview the two supervisors approved.
 */
export function overrideSummary(draft: SummaryDraft, organisation: string): CaseSummary {
  const k = draft.composed;
  if (k.basis !== 'override' || draft.status !== 'approved' || !draft.legalBasis || !draft.approvedAt)
    throw new AppError(ErrorCode.SummaryOverrideInvalid, 'the override has not been recorded');
  return toCaseSummary({
    id: k.id,
    created: k.composedAt,
    organisation,
    caseCode: k.caseCode,
    caseVersion: k.caseVersion,
    recipient: k.recipient,
    purpose: k.purpose,
    consent: null,
    override: { kind: 'override', legalBasis: draft.legalBasis, decidedAt: draft.approvedAt },
    family: k.categories.includes('FAMILY'),
    data: k.data,
  });
}
