import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorCode } from '../../../../shared/errors';
import { Button, Form, ScreenTitle, TextField } from '../../components';
import { ErrorAlert } from '../../app/ErrorAlert';
import { WizardSteps } from './WizardSteps';

export interface ConfirmWordsStepProps {
  positions: readonly number[];
  onConfirm: (words: string[]) => Promise<ErrorCode | null>;
  onShowWords: () => void;
  onCancel: () => void;
}

export function ConfirmWordsStep({ positions, onConfirm, onShowWords, onCancel }: ConfirmWordsStepProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<string[]>(() => positions.map(() => ''));
  const [missing, setMissing] = useState<boolean[]>(() => positions.map(() => false));
  const [error, setError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const firstInput = useRef<HTMLInputElement>(null);

  async function submit(): Promise<void> {
    if (busy) return;
    const empty = values.map((v) => v.trim() === '');
    setMissing(empty);
    setError(null);
    if (empty.some(Boolean)) return;
    setBusy(true);
    const code = await onConfirm(values.map((v) => v.trim().toLowerCase()));
    setBusy(false);
    if (code) {
      setError(code);
      if (code === ErrorCode.RecoveryConfirmMismatch) firstInput.current?.focus();
    }
  }

  return (
    <section className="card card-wizard" aria-labelledby="confirm-title">
      <WizardSteps current="confirm" />
      <ScreenTitle id="confirm-title">{t('create.confirm.title')}</ScreenTitle>
      <p className="lead">{t('create.confirm.intro')}</p>
      <Form onSubmit={() => void submit()} busyMessage={busy ? t('create.confirm.working') : undefined}>
        <div className="confirm-grid">
          {positions.map((position, i) => (
            <TextField
              key={position}
              inputRef={i === 0 ? firstInput : undefined}
              label={t('create.confirm.word', { n: position + 1 })}
              value={values[i] ?? ''}
              onChange={(v) => setValues((old) => old.map((o, j) => (j === i ? v : o)))}
              isRequired
              secret
              autoComplete="off"
              maxLength={16}
              errorMessage={missing[i] ? t('common.required') : undefined}
            />
          ))}
        </div>
        <ErrorAlert code={error} />
        <div className="actions">
          <Button type="submit" variant="primary" isBusy={busy}>
            {busy ? t('create.confirm.working') : t('create.confirm.submit')}
          </Button>
          <Button variant="secondary" onPress={onShowWords} isDisabled={busy}>
            {t('create.confirm.showAgain')}
          </Button>
          <Button variant="quiet" className="actions-end" onPress={onCancel} isDisabled={busy}>
            {t('create.cancel')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
