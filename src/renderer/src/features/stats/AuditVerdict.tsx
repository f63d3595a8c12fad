import type { AuditVerdict as Verdict } from '../../../../shared/stats/dto';
import { Alert } from '../../components';
import { useStatsText } from './text';

/** A refusal can list thousands of cells; the first ones tell the supervisor enough. */
const SHOWN_FINDINGS = 50;

/** Pass, or the refusal with every cell that could be pinned down, by whom, and how narrowly. */
export function AuditVerdict({ audit }: { audit: Verdict }) {
  const text = useStatsText();
  const { tx } = text;
  const shown = audit.findings.slice(0, SHOWN_FINDINGS);
  return (
    <section className="items stat-audit" aria-labelledby="stat-audit-title" data-audit={audit.ok ? 'pass' : 'fail'}>
      <h2 id="stat-audit-title" className="section-title">
        {tx('stats.audit.title')}
      </h2>
      {audit.ok ? (
        <Alert tone="success">{tx('stats.audit.passed')}</Alert>
      ) : (
        <Alert tone="error">{tx('stats.audit.failed')}</Alert>
      )}
      {shown.length > 0 ? (
        <div className="table-wrap">
          <table className="table" aria-labelledby="stat-findings-caption">
            <caption id="stat-findings-caption" className="visually-hidden">
              {tx('stats.audit.findingsCaption')}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="nowrap">
                  {tx('stats.audit.table')}
                </th>
                <th scope="col">{tx('stats.audit.cell')}</th>
                <th scope="col">{tx('stats.audit.attacker')}</th>
                <th scope="col" className="stat-num">
                  {tx('stats.audit.range')}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((f, i) => (
                <tr key={i} data-finding={f.table}>
                  <th scope="row" className="nowrap">
                    {f.table}
                  </th>
                  <td>{text.cell(f.table, f.dims)}</td>
                  <td>{text.attacker(f.attacker)}</td>
                  <td className="stat-num nowrap">
                    {tx('stats.audit.rangeValue', { low: text.number(f.low), high: text.number(f.high) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {audit.findings.length > shown.length ? (
        <p className="muted">
          {tx('stats.audit.more', { count: audit.findings.length - shown.length, shown: shown.length })}
        </p>
      ) : null}
    </section>
  );
}
