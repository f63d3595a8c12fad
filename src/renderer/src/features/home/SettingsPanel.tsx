import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sauga } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Alert, Button, Form, NumberField, TextField } from '../../components';
import type { ErrorCode } from '../../../../shared/errors';
import { NewPassphraseFields } from '../vault/NewPassphraseFields';
import { checkNewPassphrase, hasErrors, usePassphraseStrength, type NewPassphraseErrors } from '../vault/passphrase';

export interface SettingsPanelProps {
  isAdmin: boolean;
  idleLockMinutes: number;
  userName: string;
  onSaved: () => void;
}

export function SettingsPanel({ isAdmin, idleLockMinutes, userName, onSaved }: SettingsPanelProps) {
  const { t } = useTranslation();
  return (
    <section className="card card-wide" aria-labelledby="settings-title">
      <h2 id="settings-title" className="section-title">
        {t('settings.title')}
      </h2>
      <div className="settings-grid">
        {isAdmin ? <IdleLockSetting initial={idleLockMinutes} onSaved={onSaved} /> : null}
        <ChangePassphrase userName={userName} />
      </div>
    </section>
  );
}

function IdleLockSetting({ initial, onSaved }: { initial: number; onSaved: () => void }) {
  const { t } = useTranslation();
  const [minutes, setMinutes] = useState<number>(initial);
  const [invalid, setInvalid] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function save(): Promise<void> {
    if (busy) return;
    setSaved(false);
    setError(null);
    const ok = Number.isInteger(minutes) && minutes >= 0 && minutes <= 240;
    setInvalid(!ok);
    if (!ok) return;
    setBusy(true);
    const result = await sauga().settings.setIdleLock({ minutes });
    setBusy(false);
    if (!result.ok) return setError(result.error.code);
    setSaved(true);
    onSaved();
  }

  return (
    <div className="settings-block">
      <h3 className="block-title">{t('settings.idle.legend')}</h3>
      <Form onSubmit={() => void save()} busyMessage={busy ? t('common.working') : undefined}>
        <NumberField
          label={t('settings.idle.label')}
          description={t('settings.idle.hint')}
          value={minutes}
          // NumberField commits on blur, i.e. while the Save button is being pressed: changing the
          // layout then would make the press miss, so the success message stays until the next save.
          onChange={setMinutes}
          minValue={0}
          maxValue={240}
          step={1}
          formatOptions={{ maximumFractionDigits: 0, useGrouping: false }}
          errorMessage={invalid ? t('settings.idle.invalid') : undefined}
        />
        <div className="actions">
          <Button type="submit" variant="secondary" isBusy={busy}>
            {busy ? t('common.working') : t('settings.idle.save')}
          </Button>
        </div>
        <ErrorAlert code={error} />
        {saved ? <Alert tone="success">{t('settings.idle.saved')}</Alert> : null}
      </Form>
    </div>
  );
}

interface ChangeErrors extends NewPassphraseErrors {
  current?: string;
}

function ChangePassphrase({ userName }: { userName: string }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<ChangeErrors>({});
  const [error, setError] = useState<ErrorCode | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const strength = usePassphraseStrength(passphrase, [userName]);

  async function submit(): Promise<void> {
    if (busy) return;
    setDone(false);
    setError(null);
    setBusy(true);
    try {
      const next: ChangeErrors = current ? {} : { current: t('common.required') };
      const checked = await checkNewPassphrase(t, passphrase, repeat, [userName]);
      if (checked.code) return setError(checked.code);
      Object.assign(next, checked.fields);
      setErrors(next);
      if (hasErrors(next)) return;
      const result = await sauga().vault.changePassphrase({ currentPassphrase: current, newPassphrase: passphrase });
      if (!result.ok) return setError(result.error.code);
      setCurrent('');
      setPassphrase('');
      setRepeat('');
      setDone(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="settings-block">
      <h3 className="block-title">{t('settings.passphrase.legend')}</h3>
      <Form onSubmit={() => void submit()} busyMessage={busy ? t('settings.passphrase.working') : undefined}>
        <TextField
          type="password"
          label={t('settings.passphrase.current')}
          value={current}
          onChange={setCurrent}
          isRequired
          secret
          maxLength={1024}
          autoComplete="current-password"
          errorMessage={errors.current}
        />
        <NewPassphraseFields
          passphrase={passphrase}
          repeat={repeat}
          onPassphraseChange={setPassphrase}
          onRepeatChange={setRepeat}
          strength={strength}
          errors={errors}
          label={t('settings.passphrase.new')}
          repeatLabel={t('settings.passphrase.repeat')}
        />
        <ErrorAlert code={error} />
        {done ? <Alert tone="success">{t('settings.passphrase.changed')}</Alert> : null}
        <div className="actions">
          <Button type="submit" variant="secondary" isBusy={busy}>
            {busy ? t('settings.passphrase.working') : t('settings.passphrase.submit')}
          </Button>
        </div>
      </Form>
    </div>
  );
}
