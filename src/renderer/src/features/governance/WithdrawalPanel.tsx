import { useState, type ReactNode } from 'react';
import { Checkbox } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { DATA_CATEGORIES } from '../../../../shared/cases/codes';
import type { CaseId, ItemId } from '../../../../shared/cases/schemas';
import type { ErrorCode } from '../../../../shared/errors';
import type { WithdrawalPlanView } from '../../../../shared/governance/schemas';
import { sauga } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Alert, Button, Form, TextField } from '../../components';
import { useTx } from '../cases/form/tx';
import { codeLabel, formatTimestamp } from '../cases/format';

function Check({
  selected,
  onChange,
  children,
}: {
  selected: boolean;
  onChange: (v: boolean) => void;
  children: ReactNode;
}) {
  return (
    <Checkbox className="stat-checkbox" isSelected={selected} onChange={onChange}>
      <span className="stat-checkbox-box" aria-hidden="true">
        <svg viewBox="0 0 16 16" focusable="false">
          <path d="M3 8.5 6.5 12 13 4.5" />
        </svg>
      </span>
      <span>{children}</span>
    </Checkbox>
  );
}

/**
 * What withdrawing one consent requires in this case (core's withdrawalPlan): what to stop
 * sending, whom to tell, what the law keeps; and, once withdrawn, a record of how it was handled.
 */
export function WithdrawalPanel({ caseId, consentId, label }: { caseId: CaseId; consentId: ItemId; label: string }) {
  const { t } = useTranslation();
  const tx = useTx();
  const [plan, setPlan] = useState<WithdrawalPlanView | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [cancelDrafts, setCancelDrafts] = useState(true);
  const [informed, setInformed] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [recorded, setRecorded] = useState(false);

  async function show(): Promise<void> {
    const r = await sauga().retention.withdrawalPlan({ caseId, consentId });
    if (!r.ok) return setError(r.error.code);
    setError(null);
    setPlan(r.value);
  }

  async function record(): Promise<void> {
    if (busy) return;
    setBusy(true);
    setError(null);
    setRecorded(false);
    try {
      const r = await sauga().retention.recordWithdrawal({
        caseId,
        consentId,
        cancelDrafts,
        informedDisclosures: informed,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      if (!r.ok) return setError(r.error.code);
      setPlan(r.value);
      setInformed([]);
      setNote('');
      setRecorded(true);
    } finally {
      setBusy(false);
    }
  }

  if (!plan) {
    return (
      <>
        <Button
          variant="secondary"
          onPress={() => void show()}
          aria-label={`${t('governance.withdrawal.show')}: ${label}`}
        >
          {t('governance.withdrawal.show')}
        </Button>
        <ErrorAlert code={error} />
      </>
    );
  }
  const none = t('governance.withdrawal.none');
  const open = plan.notify.filter((n) => !n.informed);
  return (
    <div className="withdrawal-plan" role="region" aria-label={`${t('governance.withdrawal.title')}: ${label}`}>
      <p className="withdrawal-plan-title">{t('governance.withdrawal.title')}</p>
      {plan.consent.withdrawnOn ? null : <p className="muted">{t('governance.withdrawal.notWithdrawn')}</p>}
      <dl className="facts">
        <div className="fact fact-wide">
          <dt>{t('governance.withdrawal.restrict')}</dt>
          <dd>{plan.restrict.categories.map((c) => codeLabel(DATA_CATEGORIES, c)).join(', ') || none}</dd>
        </div>
        {plan.restrict.stillCovered.length > 0 ? (
          <div className="fact fact-wide">
            <dt>{t('governance.withdrawal.stillCovered')}</dt>
            <dd>{plan.restrict.stillCovered.map((c) => codeLabel(DATA_CATEGORIES, c)).join(', ')}</dd>
          </div>
        ) : null}
      </dl>
      <p>
        {t('governance.withdrawal.drafts', { n: plan.restrict.unsentSummaries.length })}{' '}
        {t('governance.withdrawal.referrals', { n: plan.restrict.pendingReferrals.length })}
      </p>
      {plan.restrict.statistics ? <p>{t('governance.withdrawal.statistics')}</p> : null}
      {plan.erasureReview ? <Alert tone="warning">{t('governance.withdrawal.erasure')}</Alert> : null}
      <p className="summary-omitted-head">{t('governance.withdrawal.notify')}</p>
      {plan.notify.length === 0 ? <p className="muted">{t('governance.withdrawal.notifyNone')}</p> : null}
      <ul className="plain-list">
        {plan.notify.map((n) => (
          <li key={n.disclosureId}>
            {t('governance.withdrawal.notifyItem', { institution: n.institution, sentAt: formatTimestamp(n.sentAt) })}
            {n.informed ? ` – ${t('governance.withdrawal.informed')}` : null}
          </li>
        ))}
      </ul>
      <p className="summary-omitted-head">{t('governance.withdrawal.keep')}</p>
      <ul className="plain-list">
        {plan.keep.map((k) => (
          <li key={k.what}>{tx(`governance.keepReasons.${k.what}`)}</li>
        ))}
      </ul>
      {plan.handled.map((h) => (
        <p key={h.at} className="muted">
          {t('governance.withdrawal.handled', {
            at: formatTimestamp(h.at),
            by: h.by,
            drafts: h.draftsCancelled,
            informed: h.informed,
          })}
        </p>
      ))}
      {plan.consent.withdrawnOn ? (
        <Form onSubmit={() => void record()} busyMessage={busy ? t('common.working') : undefined}>
          <Check selected={cancelDrafts} onChange={setCancelDrafts}>
            {t('governance.withdrawal.cancelDrafts')}
          </Check>
          {open.map((n) => (
            <Check
              key={n.disclosureId}
              selected={informed.includes(n.disclosureId)}
              onChange={(on) =>
                setInformed((old) => (on ? [...old, n.disclosureId] : old.filter((d) => d !== n.disclosureId)))
              }
            >
              {t('governance.withdrawal.informedNow', { institution: n.institution })}
            </Check>
          ))}
          <TextField label={t('governance.withdrawal.note')} value={note} onChange={setNote} maxLength={2000} />
          <div className="actions">
            <Button type="submit" variant="secondary" isBusy={busy}>
              {t('governance.withdrawal.record')}
            </Button>
          </div>
        </Form>
      ) : null}
      {recorded ? <Alert tone="success">{t('governance.withdrawal.recorded')}</Alert> : null}
      <ErrorAlert code={error} />
    </div>
  );
}
