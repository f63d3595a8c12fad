import { useId, useState } from 'react';
import type { ErrorCode } from '../../../../shared/errors';
import type { ReceivedSummary } from '../../../../shared/summary/dto';
import type { InstallationView } from '../../../../shared/summary/views';
import { PinnedKeys, pinnedKeysText } from '../../app/PinnedKeys';
import { useLoad } from '../../app/useLoad';
import { sauga } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Alert, Button, ScreenTitle } from '../../components';
import { currentLanguage } from '../../i18n';
import { PdfPreview } from '../cases/PdfPreview';
import { SummarySections } from './SummaryPreviewView';
import { useSummaryText } from './text';

/**
 * The recipient institution's inbox: open a package file (main asks which), see what was
 * received, read one summary and its PDF. Core decrypts, checks the sender's signature and
 * that the package is for this vault, and keeps it; a refusal says why.
 */
const listInbox = () => sauga().inbox.list({});
const listSenders = () => sauga().inbox.trusted({});
const trustSender = (input: { organisation: string; minisignPublicKey: string }) => sauga().inbox.trust(input);

export function InboxScreen({
  installation,
  canTrust,
}: {
  installation: Extract<InstallationView, { role: 'recipient' }>;
  /** Supervisors decide which organisations' packages are accepted. */
  canTrust: boolean;
}) {
  const text = useSummaryText();
  const { tx } = text;
  const { value: items, error, setError, reload: load } = useLoad(listInbox);
  const [opening, setOpening] = useState(false);
  const [openedNotice, setOpenedNotice] = useState(false);
  const [shown, setShown] = useState<ReceivedSummary | null>(null);

  async function openPackage(): Promise<void> {
    if (opening) return;
    setOpening(true);
    setError(null);
    setOpenedNotice(false);
    try {
      const r = await sauga().inbox.open({});
      if (!r.ok) return setError(r.error.code);
      if (!r.value.opened) return;
      setOpenedNotice(true);
      setShown(r.value.received);
      await load();
    } finally {
      setOpening(false);
    }
  }

  async function view(id: string): Promise<void> {
    setError(null);
    const r = await sauga().inbox.get({ id });
    if (!r.ok) return setError(r.error.code);
    setShown(r.value);
  }

  return (
    <section className="card card-full inbox-screen" aria-labelledby="inbox-title">
      <ScreenTitle id="inbox-title">{tx('inbox.title')}</ScreenTitle>
      <p className="lead">{tx('inbox.intro')}</p>
      <dl className="facts">
        <div className="fact">
          <dt>{tx('inbox.thisInstitution')}</dt>
          <dd>
            {installation.institution} ({text.recipientKind(installation.category)})
          </dd>
        </div>
        <div className="fact">
          <dt>{tx('inbox.fingerprint')}</dt>
          <dd>
            <code className="fingerprint">{installation.fingerprint}</code>
          </dd>
        </div>
      </dl>
      <div className="actions">
        <Button variant="primary" isBusy={opening} onPress={() => void openPackage()}>
          {tx('inbox.open')}
        </Button>
      </div>
      <ErrorAlert code={error} />
      {openedNotice ? <Alert tone="success">{tx('inbox.opened')}</Alert> : null}
      {shown ? <ReceivedView key={shown.id} summary={shown} onClose={() => setShown(null)} /> : null}
      <section className="items" aria-labelledby="inbox-list-title">
        <h2 id="inbox-list-title" className="section-title">
          {tx('inbox.list')}
        </h2>
        {items && items.length === 0 ? <p className="muted">{tx('inbox.none')}</p> : null}
        {items && items.length > 0 ? (
          <div className="table-wrap">
            <table className="table inbox-table" aria-labelledby="inbox-list-title">
              <thead>
                <tr>
                  <th scope="col">{tx('inbox.caseCode')}</th>
                  <th scope="col">{tx('inbox.received')}</th>
                  <th scope="col">{tx('inbox.from')}</th>
                  <th scope="col">{tx('inbox.purpose')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{tx('inbox.view')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">{i.caseCode}</th>
                    <td>{text.timestamp(i.receivedAt)}</td>
                    <td>{i.sender.organisation}</td>
                    <td>{text.purpose(i.purpose)}</td>
                    <td>
                      <Button
                        variant="secondary"
                        aria-label={`${tx('inbox.view')}: ${i.caseCode}`}
                        onPress={() => void view(i.id)}
                      >
                        {tx('inbox.view')}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <TrustedSenders canTrust={canTrust} />
    </section>
  );
}

function TrustedSenders({ canTrust }: { canTrust: boolean }) {
  const { tx } = useSummaryText();
  return (
    <PinnedKeys
      text={pinnedKeysText(tx as (key: string) => string, 'inbox.senders', tx('common.required'))}
      canAdd={canTrust}
      list={listSenders}
      trust={trustSender}
    />
  );
}

function ReceivedView({ summary, onClose }: { summary: ReceivedSummary; onClose: () => void }) {
  const text = useSummaryText();
  const { tx } = text;
  const headingId = useId();
  const lang = currentLanguage();
  const [pdf, setPdf] = useState<Uint8Array | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const s = summary.summary;

  async function togglePdf(): Promise<void> {
    if (pdf) return setPdf(null);
    const r = await sauga().inbox.pdf({ id: summary.id });
    if (!r.ok) return setError(r.error.code);
    setPdf(Uint8Array.from(atob(r.value.contentBase64), (c) => c.charCodeAt(0)));
  }

  return (
    <section className="items inbox-summary" aria-labelledby={headingId}>
      <div className="items-head">
        <h2 id={headingId} className="section-title">
          {tx('inbox.summaryTitle', { caseCode: s.caseCode })}
        </h2>
        <Button variant="secondary" onPress={onClose}>
          {tx('inbox.close')}
        </Button>
      </div>
      <p>{tx('inbox.signature', { organisation: summary.sender.organisation })}</p>
      <dl className="facts">
        <div className="fact">
          <dt>{tx('inbox.purpose')}</dt>
          <dd>{text.purpose(s.purpose)}</dd>
        </div>
        <div className="fact">
          <dt>{tx('inbox.received')}</dt>
          <dd>{text.timestamp(summary.receivedAt)}</dd>
        </div>
        <div className="fact">
          <dt>{tx('inbox.consent')}</dt>
          <dd>
            {s.consent
              ? tx('summaries.preview.consentValue', { givenOn: s.consent.record.givenOn })
              : s.override
                ? tx('summaries.log.byOverride', { basis: s.override.legalBasis })
                : '—'}
          </dd>
        </div>
      </dl>
      <SummarySections sections={s.sections} lang={lang} level={3} />
      <div className="actions">
        <Button variant="secondary" aria-expanded={pdf !== null} onPress={() => void togglePdf()}>
          {tx(pdf ? 'inbox.hidePdf' : 'inbox.showPdf')}
        </Button>
      </div>
      <ErrorAlert code={error} />
      {pdf ? <PdfPreview bytes={pdf} name={`${s.caseCode}.pdf`} /> : null}
    </section>
  );
}
