import { useEffect, useState } from 'react';
import { COMPLIANCE_OUTCOMES } from '../../../../shared/duties/codes';
import type { ComplianceReport, OutcomeCounts } from '../../../../shared/duties/schemas';
import type { ReportFormat } from '../../../../shared/duties/views';
import type { ErrorCode } from '../../../../shared/errors';
import { sauga } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Alert, Button, ScreenTitle, TextField } from '../../components';
import { useTx } from '../cases/form/tx';
import { formatTimestamp, today } from '../cases/format';
import { bi, label, recipientLabel } from './text';

/** Set on <html> while the report prints: the print stylesheet then shows the report alone. */
const PRINTING_CLASS = 'duties-printing-report';
const DATE = /^\d{4}-\d{2}-\d{2}$/u;

function printReport(): void {
  const root = document.documentElement;
  const done = (): void => {
    root.classList.remove(PRINTING_CLASS);
    window.removeEventListener('afterprint', done);
  };
  root.classList.add(PRINTING_CLASS);
  window.addEventListener('afterprint', done);
  window.print();
}

const OUTCOMES = COMPLIANCE_OUTCOMES.map((o) => o.code);

/** Duties that fell due in a period, by outcome: on screen, on paper and as a workbook. Counts only. */
export function ComplianceReportScreen() {
  const tx = useTx();
  const [from, setFrom] = useState(`${today().slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today());
  const [showErrors, setShowErrors] = useState(false);
  const [report, setReport] = useState<ComplianceReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [exporting, setExporting] = useState<ReportFormat | null>(null);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);

  // Leaving the screen mid-print must not leave the page printing the report forever.
  useEffect(() => () => document.documentElement.classList.remove(PRINTING_CLASS), []);

  const errors = {
    from: DATE.test(from.trim()) ? undefined : tx('duties.dialog.dateInvalid'),
    to: DATE.test(to.trim()) ? undefined : tx('duties.dialog.dateInvalid'),
  };
  const query = { from: from.trim(), to: to.trim() };

  async function show(): Promise<void> {
    setShowErrors(true);
    if (busy || errors.from || errors.to) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const r = await sauga().duties.report(query);
      if (!r.ok) return setError(r.error.code);
      setReport(r.value);
    } finally {
      setBusy(false);
    }
  }

  async function exportAs(format: ReportFormat): Promise<void> {
    if (!report || exporting) return;
    setExporting(format);
    setError(null);
    setSaved(false);
    try {
      const r = await sauga().duties.exportReport({ query: { from: report.from, to: report.to }, format });
      if (!r.ok) return setError(r.error.code);
      setSaved(r.value.saved);
    } finally {
      setExporting(null);
    }
  }

  return (
    <section className="card card-full duty-report-screen" aria-labelledby="duty-report-title">
      <ScreenTitle id="duty-report-title">{tx('duties.report.title')}</ScreenTitle>
      <p className="lead">{tx('duties.report.intro')}</p>
      <div className="form-grid form-grid-compact duty-period">
        <TextField
          label={tx('duties.report.from')}
          description={tx('duties.report.dateHelp')}
          value={from}
          onChange={setFrom}
          errorMessage={showErrors ? errors.from : undefined}
        />
        <TextField
          label={tx('duties.report.to')}
          description={tx('duties.report.dateHelp')}
          value={to}
          onChange={setTo}
          errorMessage={showErrors ? errors.to : undefined}
        />
      </div>
      <div className="actions">
        <Button variant="primary" isBusy={busy} onPress={() => void show()}>
          {tx('duties.report.show')}
        </Button>
        {report ? (
          <>
            <Button variant="secondary" onPress={printReport}>
              {tx('duties.report.print')}
            </Button>
            <Button variant="secondary" isBusy={exporting === 'xlsx'} onPress={() => void exportAs('xlsx')}>
              {tx('duties.report.exportXlsx')}
            </Button>
            <Button variant="secondary" isBusy={exporting === 'csv'} onPress={() => void exportAs('csv')}>
              {tx('duties.report.exportCsv')}
            </Button>
          </>
        ) : null}
      </div>
      <ErrorAlert code={error} />
      {saved ? <Alert tone="success">{tx('duties.report.exported')}</Alert> : null}
      {report ? <ReportView report={report} /> : null}
    </section>
  );
}

function Counts({ c }: { c: OutcomeCounts }) {
  return (
    <>
      {OUTCOMES.map((o) => (
        <td key={o} data-outcome={o}>
          {c[o]}
        </td>
      ))}
      <td data-outcome="total">{c.total}</td>
    </>
  );
}

function OutcomeHeads() {
  const tx = useTx();
  return (
    <>
      {OUTCOMES.map((o) => (
        <th key={o} scope="col">
          {label.outcome(o)}
        </th>
      ))}
      <th scope="col">{tx('duties.report.total')}</th>
    </>
  );
}

function ReportView({ report }: { report: ComplianceReport }) {
  const tx = useTx();
  return (
    <div className="duty-report">
      {/* On paper only: the screen has the title as its heading already. */}
      <p className="duty-report-heading">{tx('duties.report.title')}</p>
      <p>
        {tx('duties.report.period', { from: report.from, to: report.to })}
        <br />
        {report.ruleSet
          ? tx('duties.report.ruleSet', { title: bi(report.ruleSet.title), version: report.ruleSet.version })
          : tx('duties.report.noRuleSet')}
        <br />
        <span className="muted">{tx('duties.report.generatedAt', { at: formatTimestamp(report.generatedAt) })}</span>
      </p>
      {report.totals.total === 0 ? <p className="muted">{tx('duties.report.noData')}</p> : null}
      <h2 className="section-title" id="duty-report-recipient">
        {tx('duties.report.byRecipient')}
      </h2>
      <div className="table-wrap">
        <table className="table duty-report-table" aria-labelledby="duty-report-recipient">
          <thead>
            <tr>
              <th scope="col">{tx('duties.report.recipient')}</th>
              <OutcomeHeads />
            </tr>
          </thead>
          <tbody>
            {report.byRecipient.map((r) => (
              <tr key={r.recipient}>
                <th scope="row">{recipientLabel(r.recipient)}</th>
                <Counts c={r.counts} />
              </tr>
            ))}
            <tr className="duty-report-total">
              <th scope="row">{tx('duties.report.totals')}</th>
              <Counts c={report.totals} />
            </tr>
          </tbody>
        </table>
      </div>
      <h2 className="section-title" id="duty-report-rule">
        {tx('duties.report.byRule')}
      </h2>
      <div className="table-wrap">
        <table className="table duty-report-table" aria-labelledby="duty-report-rule">
          <thead>
            <tr>
              <th scope="col">{tx('duties.report.rule')}</th>
              <OutcomeHeads />
            </tr>
          </thead>
          <tbody>
            {report.byRule.map((r) => (
              <tr key={r.ruleId} data-rule={r.ruleId}>
                <th scope="row">
                  {bi(r.title)} <span className="muted">({r.ruleId})</span>
                </th>
                <Counts c={r.counts} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
