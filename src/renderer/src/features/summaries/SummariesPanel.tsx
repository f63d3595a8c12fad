import { useCallback, useEffect, useState } from 'react';
import { CONSENT_PURPOSES, DATA_CATEGORIES } from '../../../../shared/cases/codes';
import type { CaseId, CaseView, ItemId } from '../../../../shared/cases/schemas';
import type { ErrorCode } from '../../../../shared/errors';
import type {
  ComposeInput,
  DisclosureView,
  DraftView,
  RecipientView,
  SummaryPreview,
} from '../../../../shared/summary/views';
import { sauga } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { WithdrawalPanel } from '../governance/WithdrawalPanel';
import { Alert, Button, ChoiceField, MultiChoiceField } from '../../components';
import { codeOptions } from '../cases/form/FieldView';
import { today } from '../cases/format';
import { DraftCard } from './DraftCard';
import { SummaryPreviewView } from './SummaryPreviewView';
import { groupHex, useSummaryText } from './text';

export interface SummariesPanelProps {
  caseId: CaseId;
  consents: CaseView['items']['consents'];
  isSupervisor: boolean;
  userName: string;
  closed: boolean;
}

/**
 * The case's summaries for prosecutors and other recipients: compose and preview, the drafts
 * with their approval, the disclosure log, and what withdrawing a consent would affect.
 */
export function SummariesPanel({ caseId, consents, isSupervisor, userName, closed }: SummariesPanelProps) {
  const { tx } = useSummaryText();
  const [drafts, setDrafts] = useState<DraftView[] | null>(null);
  const [log, setLog] = useState<DisclosureView[] | null>(null);
  const [approvalRequired, setApprovalRequired] = useState<boolean | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);

  const load = useCallback(async (): Promise<void> => {
    const api = sauga().summary;
    const [d, l, s] = await Promise.all([api.drafts({ caseId }), api.disclosures({ caseId }), api.settings({})]);
    if (!d.ok) return setError(d.error.code);
    if (!l.ok) return setError(l.error.code);
    if (!s.ok) return setError(s.error.code);
    setError(null);
    setDrafts(d.value);
    setLog(l.value);
    setApprovalRequired(s.value.approvalRequired);
  }, [caseId]);

  useEffect(() => {
    // load() sets state when core answers.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  return (
    <div className="summaries">
      <p className="lead">{tx('summaries.intro')}</p>
      <ErrorAlert code={error} />
      {closed ? null : <ComposeForm caseId={caseId} isSupervisor={isSupervisor} onSaved={() => void load()} />}
      <section className="items" aria-labelledby="summary-drafts-title">
        <h2 id="summary-drafts-title" className="section-title">
          {tx('summaries.drafts.title')}
        </h2>
        {approvalRequired !== null ? (
          <p className="muted">
            {tx(approvalRequired ? 'summaries.drafts.approvalRequired' : 'summaries.drafts.approvalNotRequired')}
          </p>
        ) : null}
        {drafts === null && error === null ? (
          <p className="muted" role="status">
            {tx('summaries.loading')}
          </p>
        ) : null}
        {drafts && drafts.length === 0 ? <p className="muted">{tx('summaries.drafts.none')}</p> : null}
        {drafts && drafts.length > 0 ? (
          <ul className="plain-list summary-drafts">
            {drafts.map((d) => (
              <li key={d.id}>
                <DraftCard
                  draft={d}
                  isSupervisor={isSupervisor}
                  userName={userName}
                  approvalRequired={approvalRequired ?? true}
                  onChanged={() => void load()}
                />
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <DisclosureLog log={log} />
      <WithdrawalImpact caseId={caseId} consents={consents} />
    </div>
  );
}

interface ComposeDraft {
  recipientId: string;
  purpose: string;
  basis: 'consent' | 'override';
  categories: string[];
}

function ComposeForm({
  caseId,
  isSupervisor,
  onSaved,
}: {
  caseId: CaseId;
  isSupervisor: boolean;
  onSaved: () => void;
}) {
  const text = useSummaryText();
  const { tx } = text;
  const [recipients, setRecipients] = useState<RecipientView[] | null>(null);
  const [form, setForm] = useState<ComposeDraft>({
    recipientId: '',
    purpose: 'CRIMINAL_PROCEEDINGS',
    basis: 'consent',
    categories: [],
  });
  const [showErrors, setShowErrors] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [preview, setPreview] = useState<{ value: SummaryPreview; input: string } | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void sauga()
      .directory.list({})
      .then((r) => {
        if (!r.ok) return setError(r.error.code);
        setRecipients(r.value.recipients.filter((e) => e.blockedBy === null));
      });
  }, []);

  const input = (): ComposeInput | null => {
    if (!form.recipientId || !form.purpose) return null;
    if (form.basis === 'override' && form.categories.length === 0) return null;
    return {
      caseId,
      recipientId: form.recipientId,
      purpose: form.purpose as ComposeInput['purpose'],
      today: today(),
      categories: form.categories.length > 0 ? (form.categories as ComposeInput['categories']) : null,
      ...(form.basis === 'override' ? { withoutConsent: true as const } : {}),
    };
  };
  const current = input();
  const stale = preview !== null && JSON.stringify(current) !== preview.input;

  const update = (patch: Partial<ComposeDraft>) => {
    setSaved(false);
    setForm((f) => ({ ...f, ...patch }));
  };

  async function run(kind: 'preview' | 'save'): Promise<void> {
    setShowErrors(true);
    if (!current || busy) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      if (kind === 'preview') {
        const r = await sauga().summary.compose(current);
        if (!r.ok) {
          setPreview(null);
          return setError(r.error.code);
        }
        setPreview({ value: r.value, input: JSON.stringify(current) });
      } else {
        const r = await sauga().summary.createDraft(current);
        if (!r.ok) return setError(r.error.code);
        setPreview(null);
        setSaved(true);
        onSaved();
      }
    } finally {
      setBusy(false);
    }
  }

  const recipientOptions = (recipients ?? []).map((r) => ({
    id: r.id,
    label: `${r.institution}${r.person ? `, ${r.person}` : ''} (${text.recipientKind(r.category)})`,
  }));

  return (
    <section className="items" aria-labelledby="summary-compose-title">
      <h2 id="summary-compose-title" className="section-title">
        {tx('summaries.compose.title')}
      </h2>
      {recipients && recipients.length === 0 ? <Alert tone="info">{tx('summaries.compose.noRecipients')}</Alert> : null}
      <div className="form-grid summary-compose">
        <ChoiceField
          label={tx('summaries.compose.recipient')}
          description={tx('summaries.compose.recipientHelp')}
          options={recipientOptions}
          value={form.recipientId}
          onChange={(v) => update({ recipientId: v })}
          errorMessage={showErrors && !form.recipientId ? tx('common.required') : undefined}
        />
        <ChoiceField
          label={tx('summaries.compose.purpose')}
          options={codeOptions(CONSENT_PURPOSES)}
          value={form.purpose}
          onChange={(v) => update({ purpose: v })}
          errorMessage={showErrors && !form.purpose ? tx('common.required') : undefined}
        />
        {isSupervisor ? (
          <ChoiceField
            label={tx('summaries.compose.basis')}
            options={[
              { id: 'consent', label: tx('summaries.compose.basisConsent') },
              { id: 'override', label: tx('summaries.compose.basisOverride') },
            ]}
            value={form.basis}
            onChange={(v) => update({ basis: v === 'override' ? 'override' : 'consent' })}
          />
        ) : null}
        <MultiChoiceField
          label={tx('summaries.compose.categories')}
          description={tx('summaries.compose.categoriesHelp')}
          options={codeOptions(DATA_CATEGORIES)}
          value={form.categories}
          onChange={(v) => update({ categories: [...v] })}
          errorMessage={
            showErrors && form.basis === 'override' && form.categories.length === 0
              ? tx('summaries.compose.categoriesRequired')
              : undefined
          }
        />
      </div>
      <div className="actions">
        <Button variant="secondary" isBusy={busy} onPress={() => void run('preview')}>
          {tx('summaries.compose.preview')}
        </Button>
        <Button variant="primary" isBusy={busy} isDisabled={!preview || stale} onPress={() => void run('save')}>
          {tx('summaries.compose.saveDraft')}
        </Button>
      </div>
      <ErrorAlert code={error} />
      {saved ? <Alert tone="success">{tx('summaries.compose.saved')}</Alert> : null}
      {preview ? (
        <div className="summary-preview-wrap" data-stale={stale || undefined}>
          {stale ? (
            <p className="stat-blocked" role="status">
              {tx('summaries.compose.stale')}
            </p>
          ) : null}
          <SummaryPreviewView preview={preview.value} headingId="summary-preview-title" />
        </div>
      ) : null}
    </section>
  );
}

function DisclosureLog({ log }: { log: DisclosureView[] | null }) {
  const text = useSummaryText();
  const { tx } = text;
  return (
    <section className="items" aria-labelledby="summary-log-title">
      <h2 id="summary-log-title" className="section-title">
        {tx('summaries.log.title')}
      </h2>
      <p className="muted">{tx('summaries.log.intro')}</p>
      {log && log.length === 0 ? <p className="muted">{tx('summaries.log.none')}</p> : null}
      {log && log.length > 0 ? (
        <div className="table-wrap">
          <table className="table summary-log" aria-labelledby="summary-log-title">
            <thead>
              <tr>
                <th scope="col">{tx('summaries.log.sentAt')}</th>
                <th scope="col">{tx('summaries.log.recipient')}</th>
                <th scope="col">{tx('summaries.log.purpose')}</th>
                <th scope="col">{tx('summaries.log.content')}</th>
                <th scope="col">{tx('summaries.log.basis')}</th>
                <th scope="col">{tx('summaries.log.sha')}</th>
              </tr>
            </thead>
            <tbody>
              {log.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    {text.timestamp(d.sentAt)}
                    <span className="muted">{d.sentBy}</span>
                  </th>
                  <td>{d.recipient.institution}</td>
                  <td>{text.purpose(d.purpose)}</td>
                  <td>{tx('summaries.log.contentValue', { categories: d.categories.length, fields: d.fieldCount })}</td>
                  <td>
                    {d.consentId
                      ? tx('summaries.log.byConsent')
                      : tx('summaries.log.byOverride', { basis: d.legalBasis ?? '' })}
                  </td>
                  <td>
                    <code className="stat-sha">{groupHex(d.sha256.slice(0, 8))}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function WithdrawalImpact({ caseId, consents }: { caseId: CaseId; consents: CaseView['items']['consents'] }) {
  const { tx } = useSummaryText();
  return (
    <section className="items" aria-labelledby="summary-withdrawal-title">
      <h2 id="summary-withdrawal-title" className="section-title">
        {tx('summaries.withdrawal.title')}
      </h2>
      <p className="muted">{tx('summaries.withdrawal.intro')}</p>
      {consents.length === 0 ? <p className="muted">{tx('summaries.withdrawal.none')}</p> : null}
      <ul className="plain-list summary-consents">
        {consents.map((c) => (
          <li key={c.id}>
            <ConsentImpact caseId={caseId} consent={c} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One consent and, on request, the disclosures made under it. */
function ConsentImpact({ caseId, consent }: { caseId: CaseId; consent: CaseView['items']['consents'][number] }) {
  const text = useSummaryText();
  const { tx } = text;
  const [affected, setAffected] = useState<DisclosureView[] | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);

  async function show(): Promise<void> {
    const r = await sauga().summary.withdrawalImpact({ caseId, consentId: consent.id });
    if (!r.ok) return setError(r.error.code);
    setError(null);
    setAffected(r.value);
  }

  const label = tx('summaries.withdrawal.consent', {
    givenOn: consent.givenOn,
    recipient: text.recipientKind(consent.recipient),
    purpose: text.purpose(consent.purpose),
  });
  return (
    <div className="summary-consent">
      <p>
        <strong>{label}</strong>
        {consent.withdrawnOn ? ` (${tx('summaries.withdrawal.withdrawn', { date: consent.withdrawnOn })})` : null}
      </p>
      {affected === null ? (
        <Button
          variant="secondary"
          onPress={() => void show()}
          aria-label={`${tx('summaries.withdrawal.show')} ${label}`}
        >
          {tx('summaries.withdrawal.show')}
        </Button>
      ) : (
        <div role="status">
          {affected.length === 0 ? (
            <p>{tx('summaries.withdrawal.noneAffected')}</p>
          ) : (
            <>
              <p className="summary-omitted-head">{tx('summaries.withdrawal.affected')}</p>
              <ul className="plain-list">
                {affected.map((d) => (
                  <li key={d.id}>
                    {tx('summaries.withdrawal.affectedItem', {
                      sentAt: text.timestamp(d.sentAt),
                      institution: d.recipient.institution,
                      purpose: text.purpose(d.purpose),
                      sentBy: d.sentBy,
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <ErrorAlert code={error} />
      <WithdrawalPanel caseId={caseId} consentId={consent.id} label={label} />
    </div>
  );
}

/**
 * Shown while a consent is being withdrawn: the summaries already sent under it, so the user
 * knows whom to tell. Says nothing when nothing was sent.
 */
export function WithdrawalImpactNotice({ caseId, consentId }: { caseId: CaseId; consentId: string }) {
  const text = useSummaryText();
  const { tx } = text;
  const [affected, setAffected] = useState<DisclosureView[]>([]);
  const [error, setError] = useState<ErrorCode | null>(null);

  useEffect(() => {
    void sauga()
      .summary.withdrawalImpact({ caseId, consentId: consentId as ItemId })
      .then((r) => (r.ok ? setAffected(r.value) : setError(r.error.code)));
  }, [caseId, consentId]);

  if (error) return <ErrorAlert code={error} />;
  if (affected.length === 0) return null;
  return (
    <Alert tone="warning" className="summary-withdrawal-impact">
      {tx('summaries.withdrawal.editHint')}
      <ul className="plain-list">
        {affected.map((d) => (
          <li key={d.id}>
            {tx('summaries.withdrawal.affectedItem', {
              sentAt: text.timestamp(d.sentAt),
              institution: d.recipient.institution,
              purpose: text.purpose(d.purpose),
              sentBy: d.sentBy,
            })}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
