import { useState } from 'react';
import { DEADLINE_UNITS, DUTY_TRIGGERS, INSTITUTION_TYPES, VICTIM_RECIPIENT } from '../../../../shared/duties/codes';
import { RuleSetDocument, type Rule, type RuleRecipient } from '../../../../shared/duties/schemas';
import type { ActiveRulesView } from '../../../../shared/duties/views';
import type { ErrorCode } from '../../../../shared/errors';
import { sauga } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Alert, Button, ChoiceField, TextAreaField, TextField } from '../../components';
import { codeOptions } from '../cases/form/FieldView';
import { useTx } from '../cases/form/tx';
import { currentLanguage } from '../../i18n';
import { bi, label } from './text';

const recipientKey = (r: RuleRecipient): string => (r.kind === 'VICTIM' ? VICTIM_RECIPIENT.code : r.type);
const toRecipient = (key: string): RuleRecipient =>
  key === VICTIM_RECIPIENT.code
    ? { kind: 'VICTIM' }
    : { kind: 'INSTITUTION', type: key as Extract<RuleRecipient, { kind: 'INSTITUTION' }>['type'] };

function newRule(n: number): Rule {
  return {
    id: `LOC.RULE${n}`,
    title: { lt: '', en: '' },
    trigger: 'PRESUMED_VICTIM_IDENTIFIED',
    recipient: { kind: 'INSTITUTION', type: 'POLICE' },
    information: { lt: '', en: '' },
    deadline: { amount: 3, unit: 'working_days' },
    authority: { kind: 'LEGAL_BASIS', text: { lt: '', en: '' } },
  };
}

/**
 * A basic editor for a local rule set: starts from the active rules and saves a new version.
 * Kinds of duty toward the victim and consent conditions are kept as they are; the rest is
 * editable, and everything is checked by the same schema core checks with.
 */
export function RulesEditor({
  active,
  onSaved,
}: {
  active: ActiveRulesView | null;
  /** The editor starts afresh from the new version, so the parent keeps the message. */
  onSaved: (message: string) => void;
}) {
  const tx = useTx();
  const start = active?.document ?? null;
  const [doc, setDoc] = useState(() =>
    start ? { ...start, version: start.version + 1, rules: start.rules.map((r) => ({ ...r })) } : null,
  );
  const [versionText, setVersionText] = useState(String(doc?.version ?? 1));
  const [amounts, setAmounts] = useState<string[]>(() => doc?.rules.map((r) => String(r.deadline.amount)) ?? []);
  const [fresh, setFresh] = useState<Set<number>>(new Set());
  const [showErrors, setShowErrors] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);

  if (!active) return null;
  if (!doc) return <p className="muted">{tx('duties.admin.editorNoDocument')}</p>;

  const candidate = {
    ...doc,
    version: Number(versionText),
    rules: doc.rules.map((r, i) => ({ ...r, deadline: { ...r.deadline, amount: Number(amounts[i]) } })),
  };
  const parsed = RuleSetDocument.safeParse(candidate);
  const issues = parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
  const bad = (path: string): string | undefined =>
    showErrors && issues.some((p) => p === path || p.startsWith(`${path}.`)) ? tx('validation.invalid') : undefined;

  const setRule = (i: number, patch: Partial<Rule>) =>
    setDoc((d) => (d ? { ...d, rules: d.rules.map((r, k) => (k === i ? { ...r, ...patch } : r)) } : d));

  async function save(): Promise<void> {
    setShowErrors(true);
    if (!parsed.success || busy) return;
    setBusy(true);
    setError(null);
    try {
      const r = await sauga().rules.save({ document: { ...parsed.data, issuedAt: new Date().toISOString() } });
      if (!r.ok) return setError(r.error.code);
      onSaved(tx('duties.admin.rulesSaved', { ...r.value, version: r.value.installed.version }));
    } finally {
      setBusy(false);
    }
  }

  const lang = currentLanguage();
  const recipientOptions = [
    { id: VICTIM_RECIPIENT.code, label: VICTIM_RECIPIENT[lang] },
    ...codeOptions(INSTITUTION_TYPES),
  ];

  return (
    <div className="duty-editor">
      <h2 className="section-title">{tx('duties.admin.editorTitle')}</h2>
      <p className="muted">{tx('duties.admin.editorIntro')}</p>
      <div className="form-grid">
        <TextField
          label={tx('duties.admin.docTitleLt')}
          value={doc.title.lt}
          onChange={(v) => setDoc({ ...doc, title: { ...doc.title, lt: v } })}
          errorMessage={bad('title.lt')}
        />
        <TextField
          label={tx('duties.admin.docTitleEn')}
          value={doc.title.en}
          onChange={(v) => setDoc({ ...doc, title: { ...doc.title, en: v } })}
          errorMessage={bad('title.en')}
        />
        <TextField
          label={tx('duties.admin.newVersion')}
          value={versionText}
          onChange={setVersionText}
          inputMode="numeric"
          errorMessage={bad('version')}
        />
        <TextField
          label={tx('duties.admin.effectiveFrom')}
          description={tx('duties.report.dateHelp')}
          value={doc.effectiveFrom}
          onChange={(v) => setDoc({ ...doc, effectiveFrom: v })}
          errorMessage={bad('effectiveFrom')}
        />
      </div>
      <label className="duty-checkbox">
        <input type="checkbox" checked={doc.example} onChange={(e) => setDoc({ ...doc, example: e.target.checked })} />
        {tx('duties.admin.markExample')}
      </label>

      <h3 className="block-title">{tx('duties.admin.rulesTitle')}</h3>
      {doc.rules.map((r, i) => (
        <fieldset key={i} className="fieldset duty-rule">
          <legend className="fieldset-legend">
            {tx('duties.admin.rule', { id: r.id })}
            {r.title[lang] ? ` – ${bi(r.title)}` : ''}
          </legend>
          <div className="form-grid">
            {fresh.has(i) ? (
              <TextField
                label={tx('duties.admin.ruleId')}
                description={tx('duties.admin.ruleIdHelp')}
                value={r.id}
                onChange={(v) => setRule(i, { id: v })}
                errorMessage={bad(`rules.${i}.id`)}
              />
            ) : null}
            <TextField
              label={tx('duties.admin.titleLt')}
              value={r.title.lt}
              onChange={(v) => setRule(i, { title: { ...r.title, lt: v } })}
              errorMessage={bad(`rules.${i}.title.lt`)}
            />
            <TextField
              label={tx('duties.admin.titleEn')}
              value={r.title.en}
              onChange={(v) => setRule(i, { title: { ...r.title, en: v } })}
              errorMessage={bad(`rules.${i}.title.en`)}
            />
            <ChoiceField
              label={tx('duties.admin.trigger')}
              options={codeOptions(DUTY_TRIGGERS)}
              value={r.trigger}
              onChange={(v) => setRule(i, { trigger: v as Rule['trigger'] })}
              errorMessage={bad(`rules.${i}.trigger`) ?? bad(`rules.${i}.requires`)}
            />
            {r.victimDuty ? null : (
              <ChoiceField
                label={tx('duties.admin.recipient')}
                options={recipientOptions}
                value={recipientKey(r.recipient)}
                onChange={(v) => setRule(i, { recipient: toRecipient(v) })}
                errorMessage={bad(`rules.${i}.recipient`)}
              />
            )}
            <TextField
              label={tx('duties.admin.deadlineAmount')}
              value={amounts[i] ?? ''}
              onChange={(v) => setAmounts((a) => a.map((x, k) => (k === i ? v : x)))}
              inputMode="numeric"
              errorMessage={bad(`rules.${i}.deadline.amount`)}
            />
            <ChoiceField
              label={tx('duties.admin.deadlineUnit')}
              options={codeOptions(DEADLINE_UNITS)}
              value={r.deadline.unit}
              onChange={(v) => setRule(i, { deadline: { ...r.deadline, unit: v as Rule['deadline']['unit'] } })}
            />
          </div>
          <TextAreaField
            label={tx('duties.admin.informationLt')}
            value={r.information.lt}
            onChange={(v) => setRule(i, { information: { ...r.information, lt: v } })}
            errorMessage={bad(`rules.${i}.information.lt`)}
          />
          <TextAreaField
            label={tx('duties.admin.informationEn')}
            value={r.information.en}
            onChange={(v) => setRule(i, { information: { ...r.information, en: v } })}
            errorMessage={bad(`rules.${i}.information.en`)}
          />
          {r.authority.kind === 'LEGAL_BASIS' ? (
            <div className="form-grid">
              <TextField
                label={tx('duties.admin.legalBasisLt')}
                value={r.authority.text.lt}
                onChange={(v) =>
                  r.authority.kind === 'LEGAL_BASIS' &&
                  setRule(i, { authority: { kind: 'LEGAL_BASIS', text: { ...r.authority.text, lt: v } } })
                }
                errorMessage={bad(`rules.${i}.authority.text.lt`)}
              />
              <TextField
                label={tx('duties.admin.legalBasisEn')}
                value={r.authority.text.en}
                onChange={(v) =>
                  r.authority.kind === 'LEGAL_BASIS' &&
                  setRule(i, { authority: { kind: 'LEGAL_BASIS', text: { ...r.authority.text, en: v } } })
                }
                errorMessage={bad(`rules.${i}.authority.text.en`)}
              />
            </div>
          ) : (
            <p className="muted">
              {tx('duties.admin.authorityConsent', {
                recipient: label.consentRecipient(r.authority.recipient),
                purpose: label.purpose(r.authority.purpose),
              })}
            </p>
          )}
          <div className="actions">
            <Button
              variant="quiet"
              onPress={() => {
                setDoc({ ...doc, rules: doc.rules.filter((_, k) => k !== i) });
                setAmounts((a) => a.filter((_, k) => k !== i));
                setFresh((f) => new Set([...f].filter((k) => k !== i).map((k) => (k > i ? k - 1 : k))));
              }}
            >
              {tx('duties.admin.removeRule', { id: r.id })}
            </Button>
          </div>
        </fieldset>
      ))}
      <div className="actions">
        <Button
          variant="secondary"
          onPress={() => {
            const rule = newRule(doc.rules.length + 1);
            setFresh((f) => new Set([...f, doc.rules.length]));
            setDoc({ ...doc, rules: [...doc.rules, rule] });
            setAmounts((a) => [...a, String(rule.deadline.amount)]);
          }}
        >
          {tx('duties.admin.addRule')}
        </Button>
        <Button variant="primary" isBusy={busy} onPress={() => void save()}>
          {tx('duties.admin.saveRules')}
        </Button>
      </div>
      {showErrors && !parsed.success ? <Alert tone="error">{tx('duties.admin.editorInvalid')}</Alert> : null}
      <ErrorAlert code={error} />
    </div>
  );
}
