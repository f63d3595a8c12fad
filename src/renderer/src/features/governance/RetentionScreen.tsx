import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  HOLD_REASONS,
  RELEASE_REASONS,
  type LegalHoldView,
  type PurgePlanView,
  type PurgeReportView,
  type RetentionRuleView,
} from '../../../../shared/governance/schemas';
import type { ErrorCode } from '../../../../shared/errors';
import { sauga } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useLoad } from '../../app/useLoad';
import { Alert, Button, ConfirmDialog, Form, NumberField, ScreenTitle, Select, TextField } from '../../components';
import { useTx } from '../cases/form/tx';
import { formatSize, formatTimestamp } from '../cases/format';

const loadPolicy = () => sauga().retention.policy({});
const loadHolds = () => sauga().retention.holds({});
const DATE = /^\d{4}-\d{2}-\d{2}$/u;

/**
 * Retention: administrators keep the policy per case type; supervisors see it, put cases on
 * legal hold, plan a purge (counts and codes only) and carry it out after a confirmation.
 */
export function RetentionScreen({ canEditPolicy, canPurge }: { canEditPolicy: boolean; canPurge: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="governance">
      <section className="card card-wide" aria-labelledby="retention-title">
        <ScreenTitle id="retention-title">{t('governance.retention.title')}</ScreenTitle>
        <p className="lead">{t('governance.retention.intro')}</p>
        <PolicyEditor canEdit={canEditPolicy} />
      </section>
      {canPurge ? <PurgePanel /> : null}
      {canPurge ? <HoldsPanel /> : null}
    </div>
  );
}

function PolicyEditor({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const tx = useTx();
  const { value: policy, error, setError, reload } = useLoad(loadPolicy);
  return (
    <>
      <h2 className="section-title" id="policy-title">
        {t('governance.retention.policyTitle')}
      </h2>
      <p className="muted">{t('governance.retention.policyHint')}</p>
      <div className="table-wrap">
        <table className="table" aria-labelledby="policy-title">
          <thead>
            <tr>
              <th scope="col">{t('governance.retention.caseType')}</th>
              <th scope="col">{t('governance.retention.years')}</th>
              <th scope="col">{t('governance.retention.changed')}</th>
            </tr>
          </thead>
          <tbody>
            {(policy ?? []).map((rule) => (
              <tr key={rule.caseType}>
                <th scope="row">
                  {tx(`governance.caseTypes.${rule.caseType}`)}
                  <br />
                  <span className="muted">{tx(`governance.caseTypeHints.${rule.caseType}`)}</span>
                </th>
                <td>
                  {canEdit ? (
                    <RuleEditor rule={rule} onSaved={() => void reload()} onError={setError} />
                  ) : rule.years === null ? (
                    t('governance.retention.noRule')
                  ) : (
                    t('governance.retention.yearsValue', { n: rule.years })
                  )}
                </td>
                <td>{rule.updatedAt ? `${formatTimestamp(rule.updatedAt)}, ${rule.updatedBy ?? ''}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ErrorAlert code={error} />
    </>
  );
}

function RuleEditor({
  rule,
  onSaved,
  onError,
}: {
  rule: RetentionRuleView;
  onSaved: () => void;
  onError: (code: ErrorCode | null) => void;
}) {
  const { t } = useTranslation();
  const tx = useTx();
  const [years, setYears] = useState<number>(rule.years ?? Number.NaN);
  const [busy, setBusy] = useState(false);
  const type = tx(`governance.caseTypes.${rule.caseType}`);

  async function save(value: number | null): Promise<void> {
    if (busy) return;
    setBusy(true);
    onError(null);
    try {
      const r = await sauga().retention.setPolicy({ caseType: rule.caseType, years: value });
      if (!r.ok) return onError(r.error.code);
      if (value === null) setYears(Number.NaN);
      onSaved();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="governance-rule">
      <NumberField
        label={t('governance.retention.yearsFor', { type })}
        minValue={1}
        maxValue={100}
        value={years}
        onChange={setYears}
      />
      <div className="actions">
        <Button
          variant="secondary"
          isBusy={busy}
          onPress={() => {
            if (!Number.isNaN(years)) void save(years);
          }}
          aria-label={t('governance.retention.saveFor', { type })}
        >
          {t('governance.retention.save')}
        </Button>
        {rule.years !== null ? (
          <Button
            variant="quiet"
            isBusy={busy}
            onPress={() => void save(null)}
            aria-label={t('governance.retention.clearFor', { type })}
          >
            {t('governance.retention.clear')}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

function PurgePanel() {
  const { t } = useTranslation();
  const tx = useTx();
  const [asOf, setAsOf] = useState('');
  const [plan, setPlan] = useState<PurgePlanView | null>(null);
  const [planning, setPlanning] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [purging, setPurging] = useState(false);
  const [report, setReport] = useState<PurgeReportView | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const dateError = asOf.trim() && !DATE.test(asOf.trim()) ? t('governance.purge.dateInvalid') : undefined;

  async function makePlan(): Promise<void> {
    if (planning || dateError) return;
    setPlanning(true);
    setError(null);
    setReport(null);
    try {
      const r = await sauga().retention.plan(asOf.trim() ? { asOf: asOf.trim() } : {});
      if (!r.ok) return setError(r.error.code);
      setPlan(r.value);
    } finally {
      setPlanning(false);
    }
  }

  async function purge(): Promise<void> {
    if (!plan || purging) return;
    setConfirming(false);
    setPurging(true);
    setError(null);
    try {
      const r = await sauga().retention.purge({ confirm: plan.due.caseCodes });
      if (!r.ok) return setError(r.error.code);
      setReport(r.value);
      setPlan(null);
    } finally {
      setPurging(false);
    }
  }

  const isToday = plan !== null && !asOf.trim();
  return (
    <section className="card card-wide" aria-labelledby="purge-title">
      <h2 className="section-title" id="purge-title">
        {t('governance.purge.title')}
      </h2>
      <p>{t('governance.purge.intro')}</p>
      <Form onSubmit={() => void makePlan()} busyMessage={planning ? t('common.working') : undefined}>
        <div className="field-narrow">
          <TextField
            label={t('governance.purge.asOf')}
            description={t('governance.purge.asOfHint')}
            value={asOf}
            onChange={setAsOf}
            errorMessage={dateError}
          />
        </div>
        <div className="actions">
          <Button type="submit" variant="primary" isBusy={planning}>
            {t('governance.purge.plan')}
          </Button>
        </div>
      </Form>
      {plan ? (
        <div className="governance-plan" role="status">
          <p>
            <strong>{t('governance.purge.due', { n: plan.due.count, date: plan.today })}</strong>{' '}
            {t('governance.purge.attachments', {
              n: plan.due.attachments,
              size: formatSize(plan.due.attachmentBytes),
            })}{' '}
            {plan.held > 0 ? t('governance.purge.held', { n: plan.held }) : null}
          </p>
          {plan.policy.length === 0 ? <p className="muted">{t('governance.purge.noPolicy')}</p> : null}
          {plan.due.count > 0 ? (
            <>
              <ul className="plain-list">
                {Object.entries(plan.due.byType)
                  .filter(([, n]) => n > 0)
                  .map(([type, n]) => (
                    <li key={type}>
                      {tx(`governance.caseTypes.${type}`)}: {n}
                    </li>
                  ))}
              </ul>
              <details className="governance-codes">
                <summary>{t('governance.purge.codes', { n: plan.due.caseCodes.length })}</summary>
                <p className="governance-path">{plan.due.caseCodes.join(', ')}</p>
              </details>
            </>
          ) : null}
          {plan.due.count > 0 && isToday ? (
            <div className="actions">
              <Button variant="danger" isBusy={purging} onPress={() => setConfirming(true)}>
                {purging ? t('governance.purge.purging') : t('governance.purge.purge', { n: plan.due.count })}
              </Button>
            </div>
          ) : null}
          {plan.due.count > 0 && !isToday ? <p className="muted">{t('governance.purge.futureOnly')}</p> : null}
        </div>
      ) : null}
      <p role="status" aria-live="polite" className={purging ? 'muted' : 'visually-hidden'}>
        {purging ? t('governance.purge.purgingLong') : ''}
      </p>
      {report ? <PurgeReport report={report} /> : null}
      <ErrorAlert code={error} />
      <ConfirmDialog
        isOpen={confirming}
        title={t('governance.purge.confirmTitle', { n: plan?.due.count ?? 0 })}
        confirmLabel={t('governance.purge.confirm')}
        cancelLabel={t('common.cancel')}
        tone="danger"
        onConfirm={() => void purge()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('governance.purge.confirmBody', { n: plan?.due.count ?? 0 })}</p>
        <p>
          <strong>{t('governance.purge.cannotUndo')}</strong>
        </p>
      </ConfirmDialog>
    </section>
  );
}

function PurgeReport({ report }: { report: PurgeReportView }) {
  const { t } = useTranslation();
  return (
    <Alert tone="success">
      <strong>{t('governance.report.title')}</strong>
      <br />
      {t('governance.report.counts', {
        cases: report.cases,
        attachments: report.attachments,
        size: formatSize(report.attachmentBytes),
        rows: report.rows,
      })}
      <br />
      {t('governance.report.file', {
        before: formatSize(report.fileBytesBefore),
        after: formatSize(report.fileBytesAfter),
        seconds: (report.seconds.delete + report.seconds.compact).toFixed(1),
      })}
      {report.compacted ? null : (
        <>
          <br />
          {t('governance.report.notCompacted')}
        </>
      )}
      <br />
      {t('governance.report.backups')}
    </Alert>
  );
}

function HoldsPanel() {
  const { t } = useTranslation();
  const tx = useTx();
  const { value: holds, error, setError, reload } = useLoad(loadHolds);
  const [code, setCode] = useState('');
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [showErrors, setShowErrors] = useState(false);
  const errors = {
    code: code.trim() ? undefined : t('common.required'),
    reason: reason ? undefined : t('common.required'),
  };

  async function hold(): Promise<void> {
    setShowErrors(true);
    if (busy || errors.code || errors.reason || !reason) return;
    setBusy(true);
    setError(null);
    try {
      const r = await sauga().retention.hold({
        caseRef: code.trim(),
        reason: reason as (typeof HOLD_REASONS)[number],
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      if (!r.ok) return setError(r.error.code);
      setCode('');
      setNote('');
      setReason(null);
      setShowErrors(false);
      await reload();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card card-wide" aria-labelledby="holds-title">
      <h2 className="section-title" id="holds-title">
        {t('governance.holds.title')}
      </h2>
      <p>{t('governance.holds.intro')}</p>
      <Form onSubmit={() => void hold()} busyMessage={busy ? t('common.working') : undefined}>
        <div className="form-grid form-grid-compact">
          <TextField
            label={t('governance.holds.caseCode')}
            value={code}
            onChange={setCode}
            maxLength={40}
            errorMessage={showErrors ? errors.code : undefined}
          />
          <Select
            label={t('governance.holds.reason')}
            options={HOLD_REASONS.map((r) => ({ id: r, label: tx(`governance.holdReasons.${r}`) }))}
            value={reason}
            onChange={setReason}
            errorMessage={showErrors ? errors.reason : undefined}
          />
          <TextField label={t('governance.holds.note')} value={note} onChange={setNote} maxLength={2000} />
        </div>
        <div className="actions">
          <Button type="submit" variant="secondary" isBusy={busy}>
            {t('governance.holds.set')}
          </Button>
        </div>
      </Form>
      <ErrorAlert code={error} />
      {holds && holds.length === 0 ? <p className="muted">{t('governance.holds.none')}</p> : null}
      {holds && holds.length > 0 ? (
        <div className="table-wrap">
          <table className="table" aria-labelledby="holds-title">
            <thead>
              <tr>
                <th scope="col">{t('governance.holds.caseCode')}</th>
                <th scope="col">{t('governance.holds.reason')}</th>
                <th scope="col">{t('governance.holds.since')}</th>
                <th scope="col">{t('governance.holds.release')}</th>
              </tr>
            </thead>
            <tbody>
              {holds.map((h) => (
                <HoldRow key={h.caseCode} hold={h} onReleased={() => void reload()} onError={setError} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function HoldRow({
  hold,
  onReleased,
  onError,
}: {
  hold: LegalHoldView;
  onReleased: () => void;
  onError: (code: ErrorCode | null) => void;
}) {
  const { t } = useTranslation();
  const tx = useTx();
  const [reason, setReason] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function release(): Promise<void> {
    if (busy || !reason) return;
    setBusy(true);
    onError(null);
    try {
      const r = await sauga().retention.release({
        caseRef: hold.caseCode,
        reason: reason as (typeof RELEASE_REASONS)[number],
      });
      if (!r.ok) return onError(r.error.code);
      onReleased();
    } finally {
      setBusy(false);
    }
  }

  return (
    <tr>
      <th scope="row">{hold.caseCode}</th>
      <td>{tx(`governance.holdReasons.${hold.reason}`)}</td>
      <td>{`${formatTimestamp(hold.setAt)}, ${hold.setBy}`}</td>
      <td>
        <div className="governance-rule">
          <Select
            label={t('governance.holds.releaseReasonFor', { code: hold.caseCode })}
            options={RELEASE_REASONS.map((r) => ({ id: r, label: tx(`governance.releaseReasons.${r}`) }))}
            value={reason}
            onChange={setReason}
          />
          <Button
            variant="secondary"
            isBusy={busy}
            isDisabled={!reason}
            onPress={() => void release()}
            aria-label={t('governance.holds.releaseFor', { code: hold.caseCode })}
          >
            {t('governance.holds.release')}
          </Button>
        </div>
      </td>
    </tr>
  );
}
