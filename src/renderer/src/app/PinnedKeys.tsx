import { useId, useState } from 'react';
import type { IpcResult } from '../../../shared/ipc/result';
import { Alert, Button, TextAreaField, TextField } from '../components';
import { ErrorAlert } from './ErrorAlert';
import { useLoad } from './useLoad';

export interface PinnedKey {
  keyId: string;
  organisation: string;
  fingerprint: string;
}

const TEXT_KEYS = [
  'title',
  'intro',
  'none',
  'organisation',
  'keyId',
  'fingerprint',
  'add',
  'publicKey',
  'publicKeyHelp',
  'submit',
  'cancel',
  'added',
] as const;

/** The panel's texts from one translation group (`<prefix>.title`, `<prefix>.intro`, ...). */
export function pinnedKeysText(t: (key: string) => string, prefix: string, required: string): PinnedKeysText {
  return {
    ...(Object.fromEntries(TEXT_KEYS.map((k) => [k, t(`${prefix}.${k}`)])) as Record<
      (typeof TEXT_KEYS)[number],
      string
    >),
    required,
  };
}

export interface PinnedKeysText {
  title: string;
  intro: string;
  none: string;
  organisation: string;
  keyId: string;
  fingerprint: string;
  add: string;
  publicKey: string;
  publicKeyHelp: string;
  submit: string;
  cancel: string;
  added: string;
  required: string;
}

/**
 * Keys this vault trusts to sign one kind of file (summary packages, rule sets): the list with
 * fingerprints to compare by phone or on paper, and a form to pin another. `list` must keep its
 * identity between renders.
 */
export function PinnedKeys({
  text,
  canAdd,
  list,
  trust,
}: {
  text: PinnedKeysText;
  canAdd: boolean;
  list: () => Promise<IpcResult<PinnedKey[]>>;
  trust: (input: { organisation: string; minisignPublicKey: string }) => Promise<IpcResult<unknown>>;
}) {
  const formId = useId();
  const { value: keys, error, setError, reload } = useLoad(list);
  const [adding, setAdding] = useState(false);
  const [organisation, setOrganisation] = useState('');
  const [publicKey, setPublicKey] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const [added, setAdded] = useState(false);

  async function submit(): Promise<void> {
    setShowErrors(true);
    if (!organisation.trim() || !publicKey.trim()) return;
    setError(null);
    const r = await trust({ organisation: organisation.trim(), minisignPublicKey: publicKey.trim() });
    if (!r.ok) return setError(r.error.code);
    setAdding(false);
    setAdded(true);
    setOrganisation('');
    setPublicKey('');
    setShowErrors(false);
    await reload();
  }

  const required = (v: string) => (showErrors && !v.trim() ? text.required : undefined);
  return (
    <section className="items" aria-labelledby={`${formId}-title`}>
      <div className="items-head">
        <h2 id={`${formId}-title`} className="section-title">
          {text.title}
        </h2>
        {canAdd && !adding ? (
          <Button
            variant="secondary"
            onPress={() => {
              setAdded(false);
              setAdding(true);
            }}
          >
            {text.add}
          </Button>
        ) : null}
      </div>
      <p className="muted">{text.intro}</p>
      {added ? <Alert tone="success">{text.added}</Alert> : null}
      {adding ? (
        <div className="directory-add">
          <div className="form-grid">
            <TextField
              label={text.organisation}
              value={organisation}
              onChange={setOrganisation}
              autoFocus
              errorMessage={required(organisation)}
            />
            <TextAreaField
              label={text.publicKey}
              description={text.publicKeyHelp}
              value={publicKey}
              onChange={setPublicKey}
              rows={3}
              errorMessage={required(publicKey)}
            />
          </div>
          <div className="actions">
            <Button variant="primary" onPress={() => void submit()}>
              {text.submit}
            </Button>
            <Button variant="secondary" onPress={() => setAdding(false)}>
              {text.cancel}
            </Button>
          </div>
        </div>
      ) : null}
      <ErrorAlert code={error} />
      {keys && keys.length === 0 ? <p className="muted">{text.none}</p> : null}
      {keys && keys.length > 0 ? (
        <div className="table-wrap">
          <table className="table" aria-labelledby={`${formId}-title`}>
            <thead>
              <tr>
                <th scope="col">{text.organisation}</th>
                <th scope="col">{text.keyId}</th>
                <th scope="col">{text.fingerprint}</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.keyId}>
                  <th scope="row">{k.organisation}</th>
                  <td>
                    <code>{k.keyId}</code>
                  </td>
                  <td>
                    <code className="fingerprint">{k.fingerprint}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
