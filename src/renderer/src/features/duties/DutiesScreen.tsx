import { useCallback, useEffect, useState } from 'react';
import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import type { CaseId } from '../../../../shared/cases/schemas';
import type { ActiveRulesView, DashboardResult, DashboardScope } from '../../../../shared/duties/views';
import type { ErrorCode } from '../../../../shared/errors';
import { sauga } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Button, ScreenTitle } from '../../components';
import { useTx } from '../cases/form/tx';
import { RuleSetNotice } from './RuleSetNotice';
import { bi, formatDue, label, recipientLabel, statusLabel, taskStatus } from './text';

/** The dashboard's windows; core's defaults, named here so the headings can say them. */
const QUERY = { dueWithinDays: 7, reflectionWithinDays: 7, rightsAfterDays: 3 } as const;

export interface DutiesScreenProps {
  isSupervisor: boolean;
  onOpenCase: (id: CaseId) => void;
}

/** What is due: the user's own cases, or for a supervisor the organisation and each worker. */
export function DutiesScreen({ isSupervisor, onOpenCase }: DutiesScreenProps) {
  const tx = useTx();
  const [scope, setScope] = useState<DashboardScope>('mine');
  const [result, setResult] = useState<DashboardResult | null>(null);
  const [rules, setRules] = useState<ActiveRulesView | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);

  const load = useCallback(async (s: DashboardScope): Promise<void> => {
    const [d, r] = await Promise.all([sauga().duties.dashboard({ scope: s, ...QUERY }), sauga().rules.active({})]);
    if (!d.ok) return setError(d.error.code);
    setError(null);
    setResult(d.value);
    if (r.ok) setRules(r.value);
  }, []);

  useEffect(() => {
    // load() sets state when core answers.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load(scope);
  }, [load, scope]);

  const d = result?.dashboard;
  const open = (id: string, code: string) => (
    <Button
      variant="quiet"
      aria-label={tx('duties.dashboard.openCase', { code })}
      onPress={() => onOpenCase(id as CaseId)}
    >
      {code}
    </Button>
  );

  return (
    <section className="card card-full duties-screen" aria-labelledby="duties-title">
      <ScreenTitle id="duties-title">{tx('duties.dashboard.title')}</ScreenTitle>
      <p className="lead">{tx('duties.dashboard.intro')}</p>
      <RuleSetNotice rules={rules} />
      {isSupervisor ? (
        <ToggleButtonGroup
          className="language-switch duty-scope"
          aria-label={tx('duties.dashboard.scope')}
          selectionMode="single"
          disallowEmptySelection
          selectedKeys={[scope]}
          onSelectionChange={(keys) => {
            const next = [...keys][0];
            if (next === 'mine' || next === 'organisation') setScope(next);
          }}
        >
          <ToggleButton id="mine" className="language-option">
            {tx('duties.dashboard.mine')}
          </ToggleButton>
          <ToggleButton id="organisation" className="language-option">
            {tx('duties.dashboard.organisation')}
          </ToggleButton>
        </ToggleButtonGroup>
      ) : null}
      <ErrorAlert code={error} />
      {d ? (
        <>
          <dl className="facts duty-counts" aria-label={tx('duties.dashboard.counts')}>
            <div className="fact" data-tone={d.overdue > 0 ? 'warning' : undefined}>
              <dt>{tx('duties.dashboard.overdue')}</dt>
              <dd data-testid="duty-overdue">{d.overdue}</dd>
            </div>
            <div className="fact">
              <dt>{tx('duties.dashboard.dueSoon', { days: d.dueWithinDays })}</dt>
              <dd data-testid="duty-due-soon">{d.dueSoon}</dd>
            </div>
            <div className="fact">
              <dt>{tx('duties.dashboard.reflections')}</dt>
              <dd>{d.reflections.length}</dd>
            </div>
            <div className="fact">
              <dt>{tx('duties.dashboard.withoutRights')}</dt>
              <dd>{d.withoutRights.length}</dd>
            </div>
          </dl>

          <h2 className="section-title" id="duty-tasks-title">
            {tx('duties.dashboard.tasksTitle', { days: d.dueWithinDays })}
          </h2>
          {d.tasks.length === 0 ? (
            <p className="muted">{tx('duties.dashboard.noTasks')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table duty-table" aria-labelledby="duty-tasks-title">
                <thead>
                  <tr>
                    <th scope="col">{tx('duties.dashboard.case')}</th>
                    <th scope="col">{tx('duties.dashboard.duty')}</th>
                    <th scope="col">{tx('duties.dashboard.recipient')}</th>
                    <th scope="col">{tx('duties.dashboard.due')}</th>
                    <th scope="col">{tx('duties.dashboard.status')}</th>
                    <th scope="col">{tx('duties.dashboard.consent')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.tasks.map((t) => {
                    const status = taskStatus(t);
                    return (
                      <tr key={t.id} data-status={status}>
                        <td className="nowrap">{open(t.caseId, t.caseCode)}</td>
                        <th scope="row">{bi(t.plan.title)}</th>
                        <td>{recipientLabel(t.plan.recipient.kind === 'VICTIM' ? 'VICTIM' : t.plan.recipient.type)}</td>
                        <td className="nowrap">{formatDue(t.dueAt)}</td>
                        <td>
                          <span className="duty-status" data-status={status}>
                            {statusLabel(status)}
                          </span>
                        </td>
                        <td>{label.consent(t.plan.consent)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}

          <h2 className="section-title" id="duty-reflections-title">
            {tx('duties.dashboard.reflectionsTitle', { days: QUERY.reflectionWithinDays })}
          </h2>
          {d.reflections.length === 0 ? (
            <p className="muted">{tx('duties.dashboard.noReflections')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table" aria-labelledby="duty-reflections-title">
                <thead>
                  <tr>
                    <th scope="col">{tx('duties.dashboard.case')}</th>
                    <th scope="col">{tx('duties.dashboard.end')}</th>
                    <th scope="col">{tx('duties.dashboard.daysLeft')}</th>
                    <th scope="col">{tx('duties.dashboard.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.reflections.map((r) => (
                    <tr key={r.caseId}>
                      <td className="nowrap">{open(r.caseId, r.caseCode)}</td>
                      <td className="nowrap">{r.end}</td>
                      <td>{r.daysLeft}</td>
                      <td>{tx(`duties.case.reflectionStates.${r.state}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}

          <h2 className="section-title" id="duty-rights-title">
            {tx('duties.dashboard.withoutRightsTitle', { days: QUERY.rightsAfterDays })}
          </h2>
          {d.withoutRights.length === 0 ? (
            <p className="muted">{tx('duties.dashboard.noWithoutRights')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table" aria-labelledby="duty-rights-title">
                <thead>
                  <tr>
                    <th scope="col">{tx('duties.dashboard.case')}</th>
                    <th scope="col">{tx('duties.dashboard.opened')}</th>
                    <th scope="col">{tx('duties.dashboard.daysOpen')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.withoutRights.map((r) => (
                    <tr key={r.caseId}>
                      <td className="nowrap">{open(r.caseId, r.caseCode)}</td>
                      <td className="nowrap">{r.openedOn}</td>
                      <td>{r.daysOpen}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}

          {result.scope === 'organisation' ? (
            <>
              <h2 className="section-title" id="duty-workers-title">
                {tx('duties.dashboard.workersTitle')}
              </h2>
              <div className="table-wrap">
                <table className="table" aria-labelledby="duty-workers-title">
                  <thead>
                    <tr>
                      <th scope="col">{tx('duties.dashboard.worker')}</th>
                      <th scope="col">{tx('duties.dashboard.overdue')}</th>
                      <th scope="col">{tx('duties.dashboard.dueSoon', { days: d.dueWithinDays })}</th>
                      <th scope="col">{tx('duties.dashboard.reflections')}</th>
                      <th scope="col">{tx('duties.dashboard.withoutRights')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.workers.map((w) => (
                      <tr key={w.worker.id}>
                        <th scope="row">{w.worker.name}</th>
                        <td>{w.overdue}</td>
                        <td>{w.dueSoon}</td>
                        <td>{w.reflectionsEnding}</td>
                        <td>{w.withoutRights}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
        </>
      ) : (
        <p className="muted">{tx('duties.loading')}</p>
      )}
    </section>
  );
}
