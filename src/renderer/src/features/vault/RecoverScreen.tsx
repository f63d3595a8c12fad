import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sauga } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Button, Form, ScreenTitle } from '../../components';
import type { ErrorCode } from '../../../../shared/errors';
import type { VaultStatus } from '../../../../shared/vault';
import { RecoveryFields, useRecoveryForm } from './RecoveryFields';

export interface RecoverScreenProps {
  users: readonly string[];
  onUnlocked: (status: VaultStatus) => void;
  onBack: () => void;
}

/** Forgotten passphrase: the recovery sheet opens the vault and sets a new passphrase for one user. */
export function RecoverScreen({ users, onUnlocked, onBack }: RecoverScreenProps) {
  const { t } = useTranslation();
  const form = useRecoveryForm(users[0] ?? '');
  const [error, setError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(): Promise<void> {
    if (busy) return;
    setError(null);
    setBusy(true);
    try {
      const { input, code } = await form.check();
      if (code) return setError(code);
      if (!input) return;
      const result = await sauga().vault.unlockWithRecovery(input);
      if (!result.ok) return setError(result.error.code);
      form.clear();
      onUnlocked(result.value);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card card-wide" aria-labelledby="recover-title">
      <ScreenTitle id="recover-title">{t('recover.title')}</ScreenTitle>
      <p className="lead">{t('recover.intro')}</p>
      <Form onSubmit={() => void submit()} busyMessage={busy ? t('recover.working') : undefined}>
        <RecoveryFields form={form} users={users} />
        <ErrorAlert code={error} />
        <div className="actions">
          <Button type="submit" variant="primary" isBusy={busy}>
            {busy ? t('recover.working') : t('recover.submit')}
          </Button>
          <Button variant="quiet" className="actions-end" onPress={onBack} isDisabled={busy}>
            {t('recover.back')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
