import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { ErrorCode } from '../../../../shared/errors';
import type { SigningKeyInfo } from '../../../../shared/stats/dto';
import { sauga } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Button } from '../../components';
import { groupFingerprint, groupHex, useStatsText } from './text';

/**
 * Set on <html> while the enrolment form prints: the print stylesheet then shows that form
 * alone. A class, not a style: the CSP allows no inline styles.
 */
const PRINTING_CLASS = 'stats-printing-enrolment';

function printEnrolment(): void {
  const root = document.documentElement;
  const done = () => {
    root.classList.remove(PRINTING_CLASS);
    window.removeEventListener('afterprint', done);
  };
  root.classList.add(PRINTING_CLASS);
  window.addEventListener('afterprint', done);
  window.print();
}

/** The organisation's signing key, and the form the ministry registers it with. */
export function SigningKeyPanel() {
  const text = useStatsText();
  const { tx } = text;
  const [info, setInfo] = useState<SigningKeyInfo | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);

  useEffect(() => {
    let live = true;
    void sauga()
      .stats.signingKey({})
      .then((result) => {
        if (!live) return;
        if (result.ok) setInfo(result.value);
        else setError(result.error.code);
      });
    return () => {
      live = false;
      // Leaving the screen mid-print must not leave the page printing the form forever.
      document.documentElement.classList.remove(PRINTING_CLASS);
    };
  }, []);

  return (
    <section className="items" aria-labelledby="stat-key-title">
      <h2 id="stat-key-title" className="section-title">
        {tx('stats.key.title')}
      </h2>
      <p className="muted">{tx('stats.key.intro')}</p>
      <ErrorAlert code={error} />
      {!info && !error ? (
        <p className="muted" role="status">
          {tx('stats.loading')}
        </p>
      ) : null}
      {info ? (
        <>
          <KeyFacts info={info} />
          <div className="actions">
            <Button variant="primary" onPress={printEnrolment}>
              {tx('stats.key.print')}
            </Button>
          </div>
          {/* Beside the app root, so printing can hide the whole app and keep only the form. */}
          {createPortal(<EnrolmentSheet info={info} />, document.body)}
        </>
      ) : null}
    </section>
  );
}

function KeyFacts({ info }: { info: SigningKeyInfo }) {
  const text = useStatsText();
  const { tx } = text;
  return (
    <dl className="facts stat-key-facts">
      <div className="fact">
        <dt>{tx('stats.key.organisation')}</dt>
        <dd>{info.organisation}</dd>
      </div>
      <div className="fact">
        <dt>{tx('stats.key.keyId')}</dt>
        <dd>
          <code className="stat-digits">{groupHex(info.keyId)}</code>
        </dd>
      </div>
      <div className="fact">
        <dt>{tx('stats.key.fingerprint')}</dt>
        <dd>
          <code className="stat-digits stat-fingerprint">
            {groupFingerprint(info.fingerprint).map((g, i) => (
              <span key={i} className="stat-digit-group">
                {g}
              </span>
            ))}
          </code>
        </dd>
      </div>
      <div className="fact">
        <dt>{tx('stats.key.created')}</dt>
        <dd>{text.timestamp(info.createdAt)}</dd>
      </div>
      <div className="fact stat-fact-wide">
        <dt>{tx('stats.key.publicKey')}</dt>
        <dd>
          <pre className="stat-pubkey">{info.minisignPublicKey}</pre>
        </dd>
      </div>
    </dl>
  );
}

/** Hidden on screen; printed alone (see PRINTING_CLASS), with lines for both signatures. */
function EnrolmentSheet({ info }: { info: SigningKeyInfo }) {
  const text = useStatsText();
  const { tx } = text;
  const party = (title: string) => (
    <div className="enrolment-party">
      <p className="enrolment-party-title">{title}</p>
      {(['formName', 'formPosition', 'formSignature', 'formDate'] as const).map((line) => (
        <p key={line} className="enrolment-line">
          <span>{tx(`stats.key.${line}`)}</span>
        </p>
      ))}
    </div>
  );
  return (
    <div className="stat-enrolment" aria-hidden="true">
      <p className="enrolment-title">{tx('stats.key.formTitle')}</p>
      <p>{tx('stats.key.formIntro')}</p>
      <dl className="enrolment-facts">
        <dt>{tx('stats.key.organisation')}</dt>
        <dd>{info.organisation}</dd>
        <dt>{tx('stats.key.keyId')}</dt>
        <dd className="enrolment-mono">{groupHex(info.keyId)}</dd>
        <dt>{tx('stats.key.fingerprint')}</dt>
        <dd className="enrolment-mono">{groupFingerprint(info.fingerprint).join(' ')}</dd>
        <dt>{tx('stats.key.created')}</dt>
        <dd>{text.timestamp(info.createdAt)}</dd>
        <dt>{tx('stats.key.publicKey')}</dt>
        <dd>
          <pre className="enrolment-mono">{info.minisignPublicKey}</pre>
        </dd>
      </dl>
      <div className="enrolment-parties">
        {party(tx('stats.key.formOrg'))}
        {party(tx('stats.key.formMinistry'))}
      </div>
    </div>
  );
}
