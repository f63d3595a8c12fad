import { useCallback, useEffect, useState } from 'react';
import { REFLECTION_OUTCOMES } from '../../../../shared/cases/codes';
import type { CaseId } from '../../../../shared/cases/schemas';
import type { DutyTask, Institution } from '../../../../shared/duties/schemas';
import type { ActiveRulesView, CaseRightsView } from '../../../../shared/duties/views';
import type { ErrorCode } from '../../../../shared/errors';
import { sauga } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Alert, Button } from '../../components';
import { useTx } from '../cases/form/tx';
import { codeLabel, formatTimestamp } from '../cases/format';
import { RuleSetNotice } from './RuleSetNotice';
import { CompleteDialog, NotApplicableDialog } from './TaskDialogs';
import { bi, formatDue, label, ruleRecipientLabel, statusLabel, taskStatus } from './text';

export interface DutiesPanelProps {
  caseId: CaseId;
  closed: boolean;
  /** The rights list and the reflection period are edited where the case form keeps them. */
  onOpenTab: (tab: 'rights' | 'status') => void;
}

/** The case's duties: its tasks with their records, the art. 4 checklist and the reflection period. */
export function DutiesPanel({ caseId, closed, onOpenTab }: DutiesPanelProps) {
  const tx = useTx();
  const [tasks, setTasks] = useState<DutyTask[] | null>(null);
  const [rights, setRights] = useState<CaseRightsView | null>(null);
  const [institutions, setInstitutions] = useState<Institution[]>([]);
  const [rules, setRules] = useState<ActiveRulesView | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [dialog, setDialog] = useState<{ kind: 'done' | 'na'; task: DutyTask } | null>(null);
  const [notice, setNotice] = useState(false);

  const load = useCallback(async (): Promise<void> => {
    const [t, r, i, a] = await Promise.all([
      sauga().duties.caseTasks({ caseId }),
      sauga().duties.caseRights({ caseId }),
      sauga().institutions.list({}),
      sauga().rules.active({}),
    ]);
    if (!t.ok) return setError(t.error.code);
    if (!r.ok) return setError(r.error.code);
    setError(null);
    setTasks(t.value);
    setRights(r.value);
    if (i.ok) setInstitutions(i.value);
    if (a.ok) setRules(a.value);
  }, [caseId]);

  useEffect(() => {
    // load() sets state when core answers.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  const closeDialog = () => setDialog(null);
  const recorded = (): void => {
    setDialog(null);
    setNotice(true);
    void load();
  };

  return (
    <div className="duties-panel">
      <section className="items" aria-labelledby="case-duties-title">
        <h2 id="case-duties-title" className="section-title">
          {tx('duties.case.title')}
        </h2>
        <p className="muted">{tx('duties.case.intro')}</p>
        <RuleSetNotice rules={rules} />
        <ErrorAlert code={error} />
        {notice ? <Alert tone="success">{tx('duties.case.saved')}</Alert> : null}
        {tasks && tasks.length === 0 ? <p className="muted">{tx('duties.case.none')}</p> : null}
        {tasks && tasks.length > 0 ? (
          <div className="table-wrap">
            <table className="table duty-table" aria-labelledby="case-duties-title">
              <thead>
                <tr>
                  <th scope="col">{tx('duties.case.duty')}</th>
                  <th scope="col">{tx('duties.case.recipient')}</th>
                  <th scope="col">{tx('duties.case.due')}</th>
                  <th scope="col">{tx('duties.case.record')}</th>
                  <th scope="col">{tx('duties.case.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {tasks.map((t) => {
                  const status = taskStatus(t);
                  const title = bi(t.plan.title);
                  return (
                    <tr key={t.id} data-status={status} data-rule={t.ruleId}>
                      <th scope="row">
                        {title}
                        <span className="muted duty-information">{bi(t.plan.information)}</span>
                        {t.state === 'open' && t.plan.consent === 'MISSING' ? (
                          <span className="duty-consent">{tx('duties.case.consentMissing')}</span>
                        ) : null}
                      </th>
                      <td>{ruleRecipientLabel(t.plan.recipient)}</td>
                      <td className="nowrap">{formatDue(t.dueAt)}</td>
                      <td>
                        <span className="duty-status" data-status={status}>
                          {statusLabel(status)}
                        </span>
                        <TaskRecord task={t} />
                      </td>
                      <td>
                        {t.state === 'open' && !closed ? (
                          <div className="duty-actions">
                            <Button
                              variant="secondary"
                              aria-label={tx('duties.case.completeFor', { title })}
                              onPress={() => setDialog({ kind: 'done', task: t })}
                            >
                              {tx('duties.case.complete')}
                            </Button>
                            <Button
                              variant="quiet"
                              aria-label={tx('duties.case.notApplicableFor', { title })}
                              onPress={() => setDialog({ kind: 'na', task: t })}
                            >
                              {tx('duties.case.notApplicable')}
                            </Button>
                          </div>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      {rights ? <RightsSummary view={rights} onOpenTab={onOpenTab} /> : null}

      {dialog?.kind === 'done' ? (
        <CompleteDialog task={dialog.task} institutions={institutions} onDone={recorded} onClose={closeDialog} />
      ) : null}
      {dialog?.kind === 'na' ? (
        <NotApplicableDialog task={dialog.task} onDone={recorded} onClose={closeDialog} />
      ) : null}
    </div>
  );
}

function TaskRecord({ task }: { task: DutyTask }) {
  const tx = useTx();
  const r = task.record;
  if (!r) return null;
  if (r.kind === 'not_applicable')
    return (
      <span className="duty-record">
        {label.reason(r.reason)}
        {r.note ? <span className="muted">{r.note}</span> : null}
        <span className="muted">
          {r.recordedBy}, {formatTimestamp(r.recordedAt)}
        </span>
      </span>
    );
  const to = r.to === 'VICTIM' ? tx('duties.victim') : r.to;
  return (
    <span className="duty-record">
      {tx('duties.case.doneRecord', { at: formatDue(r.at), to })}
      {r.method ? <span className="muted">{label.method(r.method)}</span> : null}
      {r.reference ? <span className="muted">{r.reference}</span> : null}
      <span className="muted">
        {r.fromCaseRecord ? tx('duties.case.fromCaseRecord') : `${r.recordedBy}, ${formatTimestamp(r.recordedAt)}`}
      </span>
    </span>
  );
}

function RightsSummary({ view, onOpenTab }: { view: CaseRightsView; onOpenTab: DutiesPanelProps['onOpenTab'] }) {
  const tx = useTx();
  const { rights, reflection } = view;
  return (
    <>
      <section className="items" aria-labelledby="case-rights-title">
        <div className="items-head">
          <h2 id="case-rights-title" className="section-title">
            {tx('duties.case.rightsTitle')}
          </h2>
          <Button variant="secondary" onPress={() => onOpenTab('rights')}>
            {tx('duties.case.editRights')}
          </Button>
        </div>
        <p className="muted">
          {tx('duties.case.rightsIntro')}{' '}
          {tx('duties.case.rightsCount', { informed: rights.informedCount, total: rights.items.length })}
        </p>
        <div className="table-wrap">
          <table className="table duty-rights-table" aria-labelledby="case-rights-title">
            <thead>
              <tr>
                <th scope="col">{tx('duties.case.item')}</th>
                <th scope="col">{tx('duties.case.informedOn')}</th>
                <th scope="col">{tx('duties.case.language')}</th>
                <th scope="col">{tx('duties.case.informedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {rights.items.map((i) => (
                <tr key={i.code} data-informed={i.informed ? 'yes' : 'no'}>
                  <th scope="row">
                    <span className="rights-letter">{i.code.toLowerCase()})</span> {label.rightsItem(i.code)}
                  </th>
                  <td className="nowrap">{i.informed ? i.informed.informedOn : tx('duties.case.notInformed')}</td>
                  <td>{i.informed?.language ? label.language(i.informed.language) : ''}</td>
                  <td>{i.informed?.informedBy ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="items" aria-labelledby="case-reflection-title">
        <div className="items-head">
          <h2 id="case-reflection-title" className="section-title">
            {tx('duties.case.reflectionTitle')}
          </h2>
          <Button variant="secondary" onPress={() => onOpenTab('status')}>
            {tx('duties.case.editReflection')}
          </Button>
        </div>
        <dl className="facts">
          <div className="fact">
            <dt>{tx('duties.case.reflectionState')}</dt>
            <dd>
              <span className="duty-status" data-status={reflection.state}>
                {tx(`duties.case.reflectionStates.${reflection.state}`)}
              </span>
            </dd>
          </div>
          <div className="fact">
            <dt>{tx('duties.case.reflectionStart')}</dt>
            <dd>{reflection.start ?? '—'}</dd>
          </div>
          <div className="fact">
            <dt>{tx('duties.case.reflectionEnd')}</dt>
            <dd>{reflection.end ?? '—'}</dd>
          </div>
          <div className="fact">
            <dt>{tx('duties.case.reflectionMinimumEnd')}</dt>
            <dd>{reflection.minimumEnd ?? '—'}</dd>
          </div>
          <div className="fact">
            <dt>{tx('duties.case.reflectionDaysLeft')}</dt>
            <dd>{reflection.daysLeft ?? '—'}</dd>
          </div>
          <div className="fact">
            <dt>{tx('duties.case.reflectionOutcome')}</dt>
            <dd>{reflection.outcome ? codeLabel(REFLECTION_OUTCOMES, reflection.outcome) : '—'}</dd>
          </div>
        </dl>
      </section>
    </>
  );
}
