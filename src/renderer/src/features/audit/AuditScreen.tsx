import { useEffect, useState } from 'react';
import { macGroups, type AuditReceipt, type AuditReport, type AuditRollback } from '../../../../shared/audit';
import type { ErrorCode } from '../../../../shared/errors';
import { sauga } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Alert, Button, ScreenTitle } from '../../components';
import { useTx } from '../cases/form/tx';
import { formatTimestamp } from '../cases/format';

/** Set on <html> while the receipt prints: the print stylesheet then shows the receipt alone. */
const PRINTING_CLASS = 'audit-printing-receipt';

function printReceipt(): void {
  const root = document.documentElement;
  const done = (): void => {
    root.classList.remove(PRINTING_CLASS);
    window.removeEventListener('afterprint', done);
  };
  root.classList.add(PRINTING_CLASS);
  window.addEventListener('afterprint', done);
  window.print();
}

function Mac({ mac }: { mac: string }) {
  return (
    <code className="fingerprint audit-mac">
      {macGroups(mac).map((g, i) => (
        <span key={i}>{g} </span>
      ))}
    </code>
  );
}

/**
 * The audit chain for administrators and supervisors: the whole chain checked, the head kept
 * outside the vault compared, rollbacks found at unlock, and the head as a printable receipt.
 */
export function AuditScreen({ rollback }: { rollback?: AuditRollback | undefined }) {
  const tx = useTx();
  const [report, setReport] = useState<AuditReport | null>(null);
  const [receipt, setReceipt] = useState<AuditReceipt | null>(null);
  const [busy, setBusy] = useState<'verify' | 'receipt' | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);

  // Leaving the screen mid-print must not leave the page printing the receipt forever.
  useEffect(() => () => document.documentElement.classList.remove(PRINTING_CLASS), []);

  async function verify(): Promise<void> {
    if (busy) return;
    setBusy('verify');
    setError(null);
    try {
      const r = await sauga().audit.verify({});
      if (r.ok) setReport(r.value);
      else setError(r.error.code);
    } finally {
      setBusy(null);
    }
  }

  async function showReceipt(): Promise<void> {
    if (busy) return;
    setBusy('receipt');
    setError(null);
    try {
      const r = await sauga().audit.head({});
      if (r.ok) setReceipt(r.value);
      else setError(r.error.code);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="card card-full audit-screen" aria-labelledby="audit-title">
      <ScreenTitle id="audit-title">{tx('auditLog.title')}</ScreenTitle>
      <p className="lead">{tx('auditLog.intro')}</p>
      {rollback ? (
        <Alert tone="warning">
          {tx('auditLog.thisSession', { seq: rollback.recordedSeq, at: formatTimestamp(rollback.recordedAt) })}
        </Alert>
      ) : null}
      <div className="actions">
        <Button variant="primary" isBusy={busy === 'verify'} onPress={() => void verify()}>
          {busy === 'verify' ? tx('auditLog.verifying') : tx('auditLog.verify')}
        </Button>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {busy === 'verify' ? tx('auditLog.verifying') : busy === 'receipt' ? tx('auditLog.loading') : ''}
      </p>
      <ErrorAlert code={error} />
      {report ? <ReportView report={report} /> : null}

      <section className="items audit-receipt-section" aria-labelledby="audit-receipt-title">
        <h2 id="audit-receipt-title" className="section-title">
          {tx('auditLog.receiptTitle')}
        </h2>
        <p className="muted">{tx('auditLog.receiptIntro')}</p>
        <div className="actions">
          <Button variant="secondary" isBusy={busy === 'receipt'} onPress={() => void showReceipt()}>
            {tx('auditLog.showReceipt')}
          </Button>
          {receipt ? (
            <Button variant="primary" onPress={printReceipt}>
              {tx('auditLog.print')}
            </Button>
          ) : null}
        </div>
        {receipt ? <ReceiptView receipt={receipt} /> : null}
      </section>
    </section>
  );
}

function ReportView({ report }: { report: AuditReport }) {
  const tx = useTx();
  const a = report.anchor;
  const anchorText =
    a.state === 'none'
      ? tx('auditLog.anchorNone')
      : a.state === 'extends'
        ? tx('auditLog.anchorExtends', { seq: a.recordedSeq, at: formatTimestamp(a.recordedAt) })
        : tx('auditLog.anchorRollback', {
            seq: a.recordedSeq,
            at: formatTimestamp(a.recordedAt),
            why: tx(`auditLog.why.${a.reason}`),
          });
  return (
    <div className="items audit-report" data-audit-chain={report.ok ? 'intact' : 'broken'}>
      {report.ok ? (
        <Alert tone="success">{tx('auditLog.intact', { count: report.entries })}</Alert>
      ) : (
        <Alert tone="error">
          {tx('auditLog.broken', {
            seq: report.firstBadSeq ?? 0,
            reason: tx(`auditLog.reason.${report.reason ?? 'mac'}`),
          })}
        </Alert>
      )}
      {a.state === 'rollback' ? <Alert tone="warning">{anchorText}</Alert> : null}
      <h2 className="section-title">{tx('auditLog.facts')}</h2>
      <dl className="facts audit-facts">
        <div className="fact">
          <dt>{tx('auditLog.entries')}</dt>
          <dd data-audit-entries={report.entries}>{report.entries}</dd>
        </div>
        <div className="fact">
          <dt>{tx('auditLog.head')}</dt>
          <dd>
            {report.head.seq} · <Mac mac={report.head.mac} />
          </dd>
        </div>
        <div className="fact">
          <dt>{tx('auditLog.anchor')}</dt>
          <dd data-anchor={a.state}>{anchorText}</dd>
        </div>
        <div className="fact">
          <dt>{tx('auditLog.rollbacks')}</dt>
          <dd data-rollbacks={report.rollbacksRecorded}>
            {report.rollbacksRecorded === 0
              ? tx('auditLog.rollbacksNone')
              : tx('auditLog.rollbacksSome', {
                  count: report.rollbacksRecorded,
                  at: report.lastRollbackAt ? formatTimestamp(report.lastRollbackAt) : '',
                })}
          </dd>
        </div>
      </dl>
    </div>
  );
}

function ReceiptView({ receipt }: { receipt: AuditReceipt }) {
  const tx = useTx();
  return (
    <div className="audit-receipt" data-receipt-seq={receipt.seq}>
      <p className="audit-receipt-heading">{tx('auditLog.receiptHeading')}</p>
      <dl className="audit-receipt-facts">
        <div>
          <dt>{tx('auditLog.org')}</dt>
          <dd>{receipt.orgName}</dd>
        </div>
        <div>
          <dt>{tx('auditLog.vault')}</dt>
          <dd>
            <code>{receipt.vaultId}</code>
          </dd>
        </div>
        <div>
          <dt>{tx('auditLog.seq')}</dt>
          <dd>{receipt.seq}</dd>
        </div>
        <div>
          <dt>{tx('auditLog.mac')}</dt>
          <dd>
            <Mac mac={receipt.mac} />
          </dd>
        </div>
        <div>
          <dt>{tx('auditLog.at')}</dt>
          <dd>{formatTimestamp(receipt.at)}</dd>
        </div>
      </dl>
      <p className="muted">{tx('auditLog.check', { seq: receipt.seq })}</p>
    </div>
  );
}
