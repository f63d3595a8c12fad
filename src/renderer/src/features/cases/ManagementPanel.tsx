import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES, CLOSURE_REASONS } from '../../../../shared/cases/codes';
import {
  ClosureInput,
  type AssignmentRecord,
  type CaseView,
  type UserId,
  type Worker,
} from '../../../../shared/cases/schemas';
import type { ErrorCode } from '../../../../shared/errors';
import { sauga } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Alert, Button, ChoiceField, TextAreaField, TextField } from '../../components';
import { codeOptions } from './form/FieldView';
import { CaseHoldSection } from '../governance/CaseHoldSection';
import { useTx, validationMessage } from './form/tx';
import { codeLabel, formatTimestamp, today } from './format';

export interface ManagementPanelProps {
  view: CaseView;
  isSupervisor: boolean;
  onChanged: (version: number) => void;
}

/** Status, closure and assignment: who works the case, and whether it is still open. */
export function ManagementPanel({ view, isSupervisor, onChanged }: ManagementPanelProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<ErrorCode | null>(null);
  const [done, setDone] = useState(false);

  const run = async (
    call: () => Promise<{ ok: true; value: { version: number } } | { ok: false; error: { code: ErrorCode } }>,
  ) => {
    setError(null);
    setDone(false);
    const result = await call();
    if (!result.ok) return setError(result.error.code);
    setDone(true);
    onChanged(result.value.version);
  };

  const api = sauga().cases;
  const closed = view.status === 'CLOSED';
  return (
    <div className="management">
      <ErrorAlert code={error} />
      {done ? <Alert tone="success">{t('management.done')}</Alert> : null}
      <section className="items" aria-labelledby="status-title">
        <h2 id="status-title" className="section-title">
          {t('management.statusTitle')}
        </h2>
        <p>{t('management.currentStatus', { status: codeLabel(CASE_STATUSES, view.status) })}</p>
        {closed && view.closedOn ? (
          <p>
            {t('management.closedInfo', {
              date: view.closedOn,
              reason: codeLabel(CLOSURE_REASONS, view.closureReason),
            })}
          </p>
        ) : null}
        <div className="actions">
          {view.status === 'OPEN' ? (
            <Button
              variant="secondary"
              onPress={() =>
                void run(() => api.setStatus({ caseId: view.id, status: 'FOLLOW_UP', expectedVersion: view.version }))
              }
            >
              {t('management.toFollowUp')}
            </Button>
          ) : null}
          {view.status === 'FOLLOW_UP' ? (
            <Button
              variant="secondary"
              onPress={() =>
                void run(() => api.setStatus({ caseId: view.id, status: 'OPEN', expectedVersion: view.version }))
              }
            >
              {t('management.toOpen')}
            </Button>
          ) : null}
          {closed && isSupervisor ? (
            <Button
              variant="secondary"
              onPress={() =>
                void run(() => api.setStatus({ caseId: view.id, status: 'OPEN', expectedVersion: view.version }))
              }
            >
              {t('management.reopen')}
            </Button>
          ) : null}
        </div>
      </section>
      {closed ? null : <Closure view={view} isSupervisor={isSupervisor} run={run} />}
      <Assignments view={view} isSupervisor={isSupervisor} run={run} />
      {isSupervisor ? <CaseHoldSection caseCode={view.code} /> : null}
    </div>
  );
}

type Run = (
  call: () => Promise<{ ok: true; value: { version: number } } | { ok: false; error: { code: ErrorCode } }>,
) => Promise<void>;

function Closure({ view, isSupervisor, run }: { view: CaseView; isSupervisor: boolean; run: Run }) {
  const { t } = useTranslation();
  const tx = useTx();
  const [reason, setReason] = useState('');
  const [closedOn, setClosedOn] = useState(today());
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const api = sauga().cases;
  const request = view.closureRequest;

  const submit = (asSupervisor: boolean) => {
    const parsed = ClosureInput.safeParse({ reason: reason || null, closedOn, note: note.trim() || null });
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) next[String(issue.path[0])] ??= issue.message;
      if (!reason) next.reason = 'validation.required';
      return setErrors(next);
    }
    setErrors({});
    void run(() =>
      asSupervisor
        ? api.close({ caseId: view.id, closure: parsed.data, expectedVersion: view.version })
        : api.requestClosure({ caseId: view.id, closure: parsed.data, expectedVersion: view.version }),
    );
  };

  return (
    <section className="items" aria-labelledby="closure-title">
      <h2 id="closure-title" className="section-title">
        {t('management.closureTitle')}
      </h2>
      <p className="muted">{t('management.closureIntro')}</p>
      {request ? (
        <Alert tone="info">
          {t('management.closureRequested', {
            reason: codeLabel(CLOSURE_REASONS, request.reason),
            date: request.closedOn,
            name: request.requestedBy,
          })}
        </Alert>
      ) : null}
      {request && isSupervisor ? (
        <div className="actions">
          <Button
            variant="primary"
            onPress={() => void run(() => api.close({ caseId: view.id, expectedVersion: view.version }))}
          >
            {t('management.approveClosure')}
          </Button>
        </div>
      ) : null}
      <div className="form-grid">
        <ChoiceField
          label={t('management.reason')}
          options={codeOptions(CLOSURE_REASONS)}
          value={reason}
          onChange={setReason}
          placeholder={t('form.choose')}
          errorMessage={validationMessage(tx, errors.reason)}
        />
        <TextField
          label={t('management.closedOn')}
          description={t('form.fullDateHint')}
          value={closedOn}
          onChange={setClosedOn}
          errorMessage={validationMessage(tx, errors.closedOn)}
        />
        <TextAreaField
          className="grid-wide"
          label={t('management.closureNote')}
          value={note}
          onChange={setNote}
          errorMessage={validationMessage(tx, errors.note)}
        />
      </div>
      <div className="actions">
        {isSupervisor ? (
          <Button variant="primary" onPress={() => submit(true)}>
            {t('management.close')}
          </Button>
        ) : (
          <Button variant="primary" onPress={() => submit(false)}>
            {t('management.requestClosure')}
          </Button>
        )}
      </div>
    </section>
  );
}

function Assignments({ view, isSupervisor, run }: { view: CaseView; isSupervisor: boolean; run: Run }) {
  const { t } = useTranslation();
  const [workers, setWorkers] = useState<Worker[]>([]);
  const [history, setHistory] = useState<AssignmentRecord[]>([]);
  const [worker, setWorker] = useState('');
  const [owner, setOwner] = useState('');
  const [handOver, setHandOver] = useState<Record<string, string>>({});
  const api = sauga().cases;

  useEffect(() => {
    void api.workers({}).then((r) => {
      if (r.ok) setWorkers(r.value);
    });
    void api.assignments({ caseId: view.id }).then((r) => {
      if (r.ok) setHistory(r.value);
    });
    // The history is read again whenever the case changes (its version).
  }, [api, view.id, view.version]);

  const assigned = new Set(view.assignees.map((a) => a.id));
  const candidates = workers.filter((w) => !assigned.has(w.id)).map((w) => ({ id: w.id, label: w.name }));

  return (
    <section className="items" aria-labelledby="assign-title">
      <h2 id="assign-title" className="section-title">
        {t('management.assignTitle')}
      </h2>
      <h3 className="block-title">{t('management.assignees')}</h3>
      <ul className="assignees">
        {view.assignees.map((a) => (
          <li key={a.id} className="assignee">
            <span className="assignee-name">
              {a.name}
              {view.owner?.id === a.id ? <span className="status-chip">{t('management.ownerMark')}</span> : null}
              <span className="muted"> {t('management.since', { date: formatTimestamp(a.since) })}</span>
            </span>
            {isSupervisor ? (
              <span className="assignee-actions">
                <ChoiceField
                  className="assignee-target"
                  label={t('management.reassignFrom', { name: a.name })}
                  options={candidates}
                  value={handOver[a.id] ?? ''}
                  onChange={(v) => setHandOver((h) => ({ ...h, [a.id]: v }))}
                  placeholder={t('form.choose')}
                />
                <Button
                  variant="secondary"
                  isDisabled={!handOver[a.id]}
                  onPress={() =>
                    void run(() =>
                      api.reassign({ caseId: view.id, fromUserId: a.id, toUserId: handOver[a.id] as UserId }),
                    )
                  }
                >
                  {t('management.reassign')}
                </Button>
                <Button variant="quiet" onPress={() => void run(() => api.unassign({ caseId: view.id, userId: a.id }))}>
                  {t('management.unassign')}
                </Button>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {isSupervisor ? (
        <div className="form-grid">
          <ChoiceField
            label={t('management.worker')}
            options={candidates}
            value={worker}
            onChange={setWorker}
            placeholder={t('form.choose')}
          />
          <ChoiceField
            label={t('management.makeOwner')}
            options={[
              { id: 'no', label: t('form.no') },
              { id: 'yes', label: t('form.yes') },
            ]}
            value={owner || 'no'}
            onChange={setOwner}
          />
          <div className="actions grid-wide">
            <Button
              variant="primary"
              isDisabled={!worker}
              onPress={() =>
                void run(async () => {
                  const r = await api.assign({ caseId: view.id, userId: worker as UserId, owner: owner === 'yes' });
                  if (r.ok) setWorker('');
                  return r;
                })
              }
            >
              {t('management.assign')}
            </Button>
          </div>
        </div>
      ) : (
        <p className="muted">{t('management.supervisorOnly')}</p>
      )}
      <h3 className="block-title">{t('management.historyTitle')}</h3>
      <ul className="plain-list">
        {history.map((h, i) => (
          <li key={`${h.user.id}-${i}`}>
            {t('management.historyRow', { name: h.user.name, by: h.assignedBy, at: formatTimestamp(h.assignedAt) })}
            {h.unassignedAt
              ? t('management.historyEnded', { by: h.unassignedBy ?? '', at: formatTimestamp(h.unassignedAt) })
              : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
