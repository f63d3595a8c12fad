import { z } from 'zod';
import { ConsentPurpose, RecipientCategory, REFLECTION_MIN_DAYS, RightsItem } from '../cases/codes';
import { IsoDate, line, LIMITS, requiredLine, text, V } from '../cases/schemas';
import {
  ConsentState,
  DeadlineUnit,
  DeliveryMethod,
  DutyTrigger,
  InstitutionType,
  NotApplicableReason,
  TaskState,
  UserNotApplicableReason,
  VictimDutyKind,
} from './codes';

const obj = <S extends z.ZodRawShape>(shape: S) =>
  z.strictObject(shape, { error: (iss) => (iss.code === 'unrecognized_keys' ? V.unknownField : V.invalid) });

const int = (min: number, max: number) =>
  z
    .number({ error: V.invalid })
    .int({ error: V.notInteger })
    .min(min, { error: V.tooSmall })
    .max(max, { error: V.tooLarge });

/** An instant with its offset, e.g. 2026-03-29T10:00:00.000Z. */
export const Instant = z.iso.datetime({ offset: true, error: V.dateInvalid });
export type Instant = z.infer<typeof Instant>;

// ---------------------------------------------------------------------------------------------
// Institution registry

export const InstitutionId = z.uuid({ error: V.idInvalid }).brand<'InstitutionId'>();
export type InstitutionId = z.infer<typeof InstitutionId>;

export const InstitutionInput = obj({
  name: requiredLine(),
  type: InstitutionType,
  municipality: line().nullish(),
  contact: text(LIMITS.shortText).nullish(),
  note: text(LIMITS.shortText).nullish(),
});
export type InstitutionInput = z.infer<typeof InstitutionInput>;

export const Institution = obj({
  id: InstitutionId,
  name: z.string(),
  type: InstitutionType,
  municipality: z.string().nullable(),
  contact: z.string().nullable(),
  note: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type Institution = z.infer<typeof Institution>;

/** One row of an import file; with an id it updates that institution, else it matches by name. */
export const InstitutionFileRow = obj({
  id: InstitutionId.nullish(),
  ...InstitutionInput.shape,
});
export type InstitutionFileRow = z.infer<typeof InstitutionFileRow>;

export const INSTITUTION_FILE_MAX_ROWS = 5000;

// ---------------------------------------------------------------------------------------------
// Rules

/** Every text a rule shows is given in both languages: the national protocol is bilingual. */
export const Bilingual = obj({ lt: requiredLine(LIMITS.text), en: requiredLine(LIMITS.text) });
export type Bilingual = z.infer<typeof Bilingual>;

export const BilingualText = obj({ lt: text(LIMITS.longText).min(1), en: text(LIMITS.longText).min(1) });
export type BilingualText = z.infer<typeof BilingualText>;

export const Deadline = obj({ amount: int(0, 3650), unit: DeadlineUnit });
export type Deadline = z.infer<typeof Deadline>;

export const RuleId = z.string().regex(/^[A-Z][A-Z0-9_.-]{0,63}$/u, { error: V.idInvalid });
export type RuleId = z.infer<typeof RuleId>;

export const RuleRecipient = z.discriminatedUnion(
  'kind',
  [obj({ kind: z.literal('INSTITUTION'), type: InstitutionType }), obj({ kind: z.literal('VICTIM') })],
  { error: V.invalidOption },
);
export type RuleRecipient = z.infer<typeof RuleRecipient>;

/** On what authority the information goes: the person's consent, or a legal duty. */
export const RuleAuthority = z.discriminatedUnion(
  'kind',
  [
    obj({ kind: z.literal('CONSENT'), recipient: RecipientCategory, purpose: ConsentPurpose }),
    obj({ kind: z.literal('LEGAL_BASIS'), text: BilingualText }),
  ],
  { error: V.invalidOption },
);
export type RuleAuthority = z.infer<typeof RuleAuthority>;

const codeSet = <T extends z.ZodType<string>>(item: T, max: number) =>
  z
    .array(item)
    .max(max, { error: V.tooMany })
    .refine((a) => new Set(a).size === a.length, { error: V.duplicate });

export const VictimDuty = z.discriminatedUnion(
  'kind',
  [
    obj({ kind: z.literal(VictimDutyKind.enum.RIGHTS_INFORMATION), items: codeSet(RightsItem, 11).min(1) }),
    obj({ kind: z.literal(VictimDutyKind.enum.REFLECTION_PERIOD), minDays: int(REFLECTION_MIN_DAYS, 365) }),
    obj({
      kind: z.literal(VictimDutyKind.enum.REVIEW),
      every: Deadline.refine((d) => d.amount >= 1, { error: V.tooSmall }),
    }),
  ],
  { error: V.invalidOption },
);
export type VictimDuty = z.infer<typeof VictimDuty>;

export const Rule = obj({
  id: RuleId,
  title: Bilingual,
  trigger: DutyTrigger,
  /** Other facts that must also hold; the task is dated from the last of them to happen. */
  requires: codeSet(DutyTrigger, 7).optional(),
  recipient: RuleRecipient,
  information: BilingualText,
  deadline: Deadline,
  authority: RuleAuthority,
  victimDuty: VictimDuty.optional(),
}).superRefine((r, ctx) => {
  if (r.victimDuty && r.recipient.kind !== 'VICTIM')
    ctx.addIssue({ code: 'custom', message: V.invalid, path: ['victimDuty'] });
  if (r.requires?.includes(r.trigger)) ctx.addIssue({ code: 'custom', message: V.duplicate, path: ['requires'] });
});
export type Rule = z.infer<typeof Rule>;

export const RULE_SET_FORMAT = 'sauga-duty-rules/1';

export const RuleSetDocument = obj({
  format: z.literal(RULE_SET_FORMAT),
  version: int(1, 1_000_000),
  issuer: requiredLine(),
  issuedAt: Instant,
  title: Bilingual,
  /** An example is shown as such everywhere: it is not anyone's protocol. */
  example: z.boolean(),
  /** The protocol is not retroactive: events before this day create no new tasks. */
  effectiveFrom: IsoDate,
  rules: z
    .array(Rule)
    .min(1)
    .max(500)
    .refine((rs) => new Set(rs.map((r) => r.id)).size === rs.length, { error: V.duplicate }),
});
export type RuleSetDocument = z.infer<typeof RuleSetDocument>;

export const RuleSetSource = z.enum(['example', 'signed', 'local']);
export type RuleSetSource = z.infer<typeof RuleSetSource>;

export const InstalledRuleSet = obj({
  id: z.number().int(),
  version: z.number().int(),
  source: RuleSetSource,
  issuer: z.string(),
  issuedAt: z.string(),
  signerKeyId: z.string().nullable(),
  sha256: z.string(),
  installedAt: z.string(),
  installedBy: z.string(),
  active: z.boolean(),
  example: z.boolean(),
  title: Bilingual,
  ruleCount: z.number().int(),
});
export type InstalledRuleSet = z.infer<typeof InstalledRuleSet>;

// ---------------------------------------------------------------------------------------------
// Tasks

export const TaskId = z.uuid({ error: V.idInvalid }).brand<'DutyTaskId'>();
export type TaskId = z.infer<typeof TaskId>;

/** When something was done: an instant, or a local date (Europe/Vilnius) meaning its start. */
export const WhenDone = z.union([Instant, IsoDate]);

/** The record of a duty done: what was sent or told, to whom, when. */
export const CompletionInput = obj({
  at: WhenDone,
  institutionId: InstitutionId.nullish(),
  /** Whom, when not an institution from the registry (or to add a person's name). */
  to: line().nullish(),
  what: text(LIMITS.longText).min(1, { error: V.required }),
  method: DeliveryMethod.nullish(),
  reference: line(LIMITS.reference).nullish(),
});
export type CompletionInput = z.infer<typeof CompletionInput>;

export const NotApplicableInput = obj({
  reason: UserNotApplicableReason,
  note: text(LIMITS.shortText).nullish(),
});
export type NotApplicableInput = z.infer<typeof NotApplicableInput>;

export const CompletionRecord = obj({
  kind: z.literal('done'),
  at: z.string(),
  to: z.string(),
  institutionId: z.string().nullable(),
  what: z.string(),
  method: DeliveryMethod.nullable(),
  reference: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string(),
  /** True when the case record itself shows the duty done (e.g. the rights checklist). */
  fromCaseRecord: z.boolean(),
});
export type CompletionRecord = z.infer<typeof CompletionRecord>;

export const NotApplicableRecord = obj({
  kind: z.literal('not_applicable'),
  reason: NotApplicableReason,
  note: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});
export type NotApplicableRecord = z.infer<typeof NotApplicableRecord>;

export const TaskRecord = z.discriminatedUnion('kind', [CompletionRecord, NotApplicableRecord]);
export type TaskRecord = z.infer<typeof TaskRecord>;

export const TaskPlan = obj({
  eventKey: z.string(),
  title: Bilingual,
  information: BilingualText,
  recipient: RuleRecipient,
  deadline: Deadline,
  authority: RuleAuthority,
  victimDuty: VictimDuty.nullable(),
  consent: ConsentState,
  ruleSetVersion: z.number().int(),
});
export type TaskPlan = z.infer<typeof TaskPlan>;

export const DutyTask = obj({
  id: TaskId,
  caseId: z.string(),
  caseCode: z.string(),
  key: z.string(),
  ruleId: z.string(),
  state: TaskState,
  overdue: z.boolean(),
  anchorAt: z.string(),
  dueAt: z.string(),
  plan: TaskPlan,
  record: TaskRecord.nullable(),
});
export type DutyTask = z.infer<typeof DutyTask>;

// ---------------------------------------------------------------------------------------------
// Dashboard and report

export const DashboardQuery = obj({
  /** Tasks due within this many days (and all overdue ones). */
  dueWithinDays: int(0, 365).optional(),
  /** Reflection periods ending within this many days. */
  reflectionWithinDays: int(0, 365).optional(),
  /** Open cases with no rights information this many days after opening. */
  rightsAfterDays: int(0, 3650).optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export const ReportQuery = obj({ from: IsoDate, to: IsoDate }).refine((q) => q.from <= q.to, {
  error: V.dateOrder,
  path: ['to'],
});
export type ReportQuery = z.infer<typeof ReportQuery>;

export const OutcomeCounts = obj({
  metInTime: z.number().int(),
  late: z.number().int(),
  missed: z.number().int(),
  pending: z.number().int(),
  notApplicable: z.number().int(),
  total: z.number().int(),
});
export type OutcomeCounts = z.infer<typeof OutcomeCounts>;

/** Counts only: no case code, name or date of any one person. */
export const ComplianceReport = obj({
  from: IsoDate,
  to: IsoDate,
  generatedAt: z.string(),
  ruleSet: obj({ version: z.number().int(), example: z.boolean(), title: Bilingual }).nullable(),
  totals: OutcomeCounts,
  byRecipient: z.array(obj({ recipient: z.string(), counts: OutcomeCounts })),
  byRule: z.array(obj({ ruleId: z.string(), title: Bilingual, recipient: z.string(), counts: OutcomeCounts })),
});
export type ComplianceReport = z.infer<typeof ComplianceReport>;
