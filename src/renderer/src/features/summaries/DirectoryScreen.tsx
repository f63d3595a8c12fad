import { useId, useState } from 'react';
import { RECIPIENT_CATEGORIES } from '../../../../shared/cases/codes';
import type { ErrorCode } from '../../../../shared/errors';
import type { DirectoryImportView, RecipientView } from '../../../../shared/summary/views';
import { AddRecipientInput } from '../../../../shared/summary/views';
import { useLoad } from '../../app/useLoad';
import { sauga } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Alert, Button, ChoiceField, ScreenTitle, TextField } from '../../components';
import { codeOptions } from '../cases/form/FieldView';
import { today } from '../cases/format';
import { useSummaryText } from './text';

type StateKey = 'verified' | 'unverified' | 'keyChanged' | 'withdrawn' | 'expired';

function stateOf(r: RecipientView): StateKey {
  if (r.withdrawn) return 'withdrawn';
  if (r.keyChanged && r.state !== 'verified') return 'keyChanged';
  if (r.state !== 'verified') return 'unverified';
  return r.blockedBy === 'DIRECTORY_ENTRY_EXPIRED' ? 'expired' : 'verified';
}

/**
 * The institutions summaries may be encrypted to. A key is trusted only once a person has
 * compared its fingerprint with the institution out of band (or a signed directory vouched
 * for it); a changed key blocks sending until someone does so again.
 */
const listDirectory = () => sauga().directory.list({});

export function DirectoryScreen() {
  const text = useSummaryText();
  const { tx } = text;
  const { value: dir, error, setError, reload: load } = useLoad(listDirectory);
  const [verifying, setVerifying] = useState<RecipientView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [adding, setAdding] = useState(false);

  async function runImport(): Promise<void> {
    if (importing) return;
    setImporting(true);
    setError(null);
    setNotice(null);
    try {
      const r = await sauga().directory.import({});
      if (!r.ok) return setError(r.error.code);
      if (!r.value.imported) return;
      setNotice(importNotice(tx, r.value.result));
      await load();
    } finally {
      setImporting(false);
    }
  }

  return (
    <section className="card card-full directory-screen" aria-labelledby="directory-title">
      <ScreenTitle id="directory-title">{tx('directory.title')}</ScreenTitle>
      <p className="lead">{tx('directory.intro')}</p>
      {dir ? (
        <p className="muted">
          {dir.installed
            ? tx('directory.installed', {
                version: dir.installed.version,
                issuer: dir.installed.issuer,
                issuedAt: text.timestamp(dir.installed.issuedAt),
              })
            : tx('directory.noneInstalled')}
        </p>
      ) : null}
      {dir && !dir.canManage ? <p className="muted">{tx('directory.readOnly')}</p> : null}
      {dir?.canManage ? (
        <div className="actions">
          <Button variant="secondary" isBusy={importing} onPress={() => void runImport()}>
            {tx('directory.import')}
          </Button>
          {adding ? null : (
            <Button variant="secondary" onPress={() => setAdding(true)}>
              {tx('directory.add.open')}
            </Button>
          )}
        </div>
      ) : null}
      <ErrorAlert code={error} />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {adding ? (
        <AddRecipientForm
          onDone={(message) => {
            setAdding(false);
            setNotice(message);
            void load();
          }}
          onCancel={() => setAdding(false)}
        />
      ) : null}
      {verifying ? (
        <VerifyForm
          recipient={verifying}
          onDone={() => {
            setVerifying(null);
            setNotice(tx('directory.verified'));
            void load();
          }}
          onCancel={() => setVerifying(null)}
        />
      ) : null}
      {dir && dir.recipients.length === 0 ? <p className="muted">{tx('directory.none')}</p> : null}
      {dir && dir.recipients.length > 0 ? (
        <div className="table-wrap">
          <table className="table directory-table" aria-labelledby="directory-table-caption">
            <caption id="directory-table-caption" className="visually-hidden">
              {tx('directory.table')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{tx('directory.institution')}</th>
                <th scope="col">{tx('directory.category')}</th>
                <th scope="col">{tx('directory.fingerprint')}</th>
                <th scope="col">{tx('directory.state')}</th>
                {dir.canManage ? <th scope="col">{tx('directory.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {dir.recipients.map((r) => {
                const state = stateOf(r);
                return (
                  <tr key={r.id} data-state={state}>
                    <th scope="row">
                      {r.institution}
                      {r.person ? <span className="muted directory-person">{r.person}</span> : null}
                    </th>
                    <td>{text.recipientKind(r.category)}</td>
                    <td>
                      <code className="fingerprint">{r.fingerprint}</code>
                    </td>
                    <td>
                      <span className="directory-state" data-state={state}>
                        {tx(`directory.states.${state}`)}
                      </span>
                      {state === 'verified' && r.verifiedBy && r.verifiedAt ? (
                        <span className="muted directory-person">
                          {r.verifiedHow === 'directory'
                            ? tx('directory.viaDirectory')
                            : tx('directory.verifiedBy', { name: r.verifiedBy, at: text.timestamp(r.verifiedAt) })}
                        </span>
                      ) : null}
                    </td>
                    {dir.canManage ? (
                      <td>
                        {(state === 'unverified' || state === 'keyChanged') && !r.withdrawn ? (
                          <Button
                            variant="secondary"
                            aria-label={`${tx('directory.verify')}: ${r.institution}`}
                            onPress={() => setVerifying(r)}
                          >
                            {tx('directory.verify')}
                          </Button>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function importNotice(tx: (k: string, o?: Record<string, unknown>) => string, r: DirectoryImportView): string {
  return tx('directory.imported', { ...r });
}

function VerifyForm({
  recipient,
  onDone,
  onCancel,
}: {
  recipient: RecipientView;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { tx } = useSummaryText();
  const headingId = useId();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [showErrors, setShowErrors] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);

  async function submit(): Promise<void> {
    setShowErrors(true);
    if (!typed.trim() || busy) return;
    setBusy(true);
    setError(null);
    try {
      const r = await sauga().directory.verify({ id: recipient.id, fingerprint: typed });
      if (!r.ok) return setError(r.error.code);
      onDone();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="items directory-verify" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        {tx('directory.verifyTitle', { institution: recipient.institution })}
      </h2>
      <p>{tx('directory.verifyIntro')}</p>
      <TextField
        label={tx('directory.verifyField')}
        description={tx('directory.verifyHelp')}
        value={typed}
        onChange={setTyped}
        secret
        autoFocus
        inputMode="numeric"
        errorMessage={showErrors && !typed.trim() ? tx('common.required') : undefined}
      />
      <ErrorAlert code={error} />
      <div className="actions">
        <Button variant="primary" isBusy={busy} onPress={() => void submit()}>
          {tx('directory.verifySubmit')}
        </Button>
        <Button variant="secondary" onPress={onCancel}>
          {tx('directory.verifyCancel')}
        </Button>
      </div>
    </section>
  );
}

const EMPTY = {
  institution: '',
  category: 'PROSECUTOR',
  person: '',
  ageRecipient: '',
  ed25519PublicKey: '',
  validFrom: today(),
  validTo: '',
};

function AddRecipientForm({ onDone, onCancel }: { onDone: (message: string) => void; onCancel: () => void }) {
  const { tx } = useSummaryText();
  const headingId = useId();
  const [form, setForm] = useState(EMPTY);
  const [showErrors, setShowErrors] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);

  const parsed = AddRecipientInput.safeParse({
    ...form,
    person: form.person.trim() || null,
    validTo: form.validTo.trim() || null,
  });
  const invalid = new Set(parsed.success ? [] : parsed.error.issues.map((i) => String(i.path[0])));
  const message = (k: keyof typeof EMPTY): string | undefined =>
    showErrors && invalid.has(k) ? tx(form[k].trim() ? 'validation.invalid' : 'common.required') : undefined;
  const field = (k: keyof typeof EMPTY) => ({
    value: form[k],
    onChange: (v: string) => setForm((f) => ({ ...f, [k]: v })),
    errorMessage: message(k),
  });

  async function submit(): Promise<void> {
    setShowErrors(true);
    if (!parsed.success || busy) return;
    setBusy(true);
    setError(null);
    try {
      const r = await sauga().directory.add(parsed.data);
      if (!r.ok) return setError(r.error.code);
      onDone(tx('directory.add.added'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="items directory-add" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        {tx('directory.add.title')}
      </h2>
      <div className="form-grid">
        <TextField label={tx('directory.add.institution')} {...field('institution')} autoFocus />
        <ChoiceField
          label={tx('directory.add.category')}
          options={codeOptions(RECIPIENT_CATEGORIES)}
          value={form.category}
          onChange={(v) => setForm((f) => ({ ...f, category: v }))}
          errorMessage={message('category')}
        />
        <TextField label={tx('directory.add.person')} {...field('person')} />
        <TextField label={tx('directory.add.ageRecipient')} {...field('ageRecipient')} secret />
        <TextField label={tx('directory.add.ed25519')} {...field('ed25519PublicKey')} secret />
        <TextField
          label={tx('directory.add.validFrom')}
          description={tx('directory.add.dateHelp')}
          {...field('validFrom')}
        />
        <TextField
          label={tx('directory.add.validTo')}
          description={tx('directory.add.dateHelp')}
          {...field('validTo')}
        />
      </div>
      <ErrorAlert code={error} />
      <div className="actions">
        <Button variant="primary" isBusy={busy} onPress={() => void submit()}>
          {tx('directory.add.submit')}
        </Button>
        <Button variant="secondary" onPress={onCancel}>
          {tx('directory.add.cancel')}
        </Button>
      </div>
    </section>
  );
}
