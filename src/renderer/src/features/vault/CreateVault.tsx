import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sauga } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Button, Form, ScreenTitle, TextField } from '../../components';
import { ErrorCode } from '../../../../shared/errors';
import type { VaultStatus } from '../../../../shared/vault';
import { ConfirmWordsStep } from './ConfirmWordsStep';
import { NewPassphraseFields } from './NewPassphraseFields';
import { RecoveryWordsStep } from './RecoveryWordsStep';
import { WizardSteps, type WizardStep } from './WizardSteps';
import { checkNewPassphrase, hasErrors, usePassphraseStrength, type NewPassphraseErrors } from './passphrase';

interface DetailsErrors extends NewPassphraseErrors {
  orgName?: string;
  userName?: string;
}

interface Sheet {
  words: string[];
  positions: number[];
}

/**
 * Vault creation: details, then the recovery words shown once, then three of them typed
 * back. Core writes nothing to disk until the words are confirmed.
 */
export function CreateVault({
  onCreated,
  onRestore,
}: {
  onCreated: (status: VaultStatus) => void;
  /** Offered on a new machine: restore an existing vault from a backup instead. */
  onRestore?: () => void;
}) {
  const { t } = useTranslation();
  const [step, setStep] = useState<WizardStep>('details');
  const [orgName, setOrgName] = useState('');
  const [userName, setUserName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<DetailsErrors>({});
  const [error, setError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  // Held only while the wizard is open; dropped as soon as the vault exists or creation is cancelled.
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const strength = usePassphraseStrength(passphrase, [orgName, userName]);

  async function submitDetails(): Promise<void> {
    if (busy) return;
    setError(null);
    setBusy(true);
    try {
      const next: DetailsErrors = {};
      if (!orgName.trim()) next.orgName = t('common.required');
      if (!userName.trim()) next.userName = t('common.required');
      const checked = await checkNewPassphrase(t, passphrase, repeat, [orgName, userName]);
      if (checked.code) return setError(checked.code);
      Object.assign(next, checked.fields);
      setErrors(next);
      if (hasErrors(next)) return;
      const result = await sauga().vault.beginCreate({ orgName, userName, passphrase });
      if (!result.ok) return setError(result.error.code);
      // Core holds the passphrase until the words are confirmed; the form need not.
      setPassphrase('');
      setRepeat('');
      setSheet({ words: result.value.words, positions: result.value.confirmPositions });
      setStep('words');
    } finally {
      setBusy(false);
    }
  }

  async function cancel(): Promise<void> {
    await sauga().vault.cancelCreate({});
    setSheet(null);
    setErrors({});
    setError(null);
    setStep('details');
  }

  async function confirm(words: string[]): Promise<ErrorCode | null> {
    const result = await sauga().vault.finishCreate({ confirmWords: words });
    if (!result.ok) {
      if (result.error.code === ErrorCode.NoPendingCreation) {
        setSheet(null);
        setStep('details');
        setError(ErrorCode.NoPendingCreation);
        return null;
      }
      return result.error.code;
    }
    setSheet(null);
    onCreated(result.value);
    return null;
  }

  if (step === 'words' && sheet) {
    return (
      <RecoveryWordsStep
        orgName={orgName}
        words={sheet.words}
        onContinue={() => setStep('confirm')}
        onCancel={() => void cancel()}
      />
    );
  }
  if (step === 'confirm' && sheet) {
    return (
      <ConfirmWordsStep
        positions={sheet.positions}
        onConfirm={confirm}
        onShowWords={() => setStep('words')}
        onCancel={() => void cancel()}
      />
    );
  }

  return (
    <section className="card card-wizard" aria-labelledby="create-title">
      <WizardSteps current="details" />
      <ScreenTitle id="create-title">{t('create.details.title')}</ScreenTitle>
      <p className="lead">{t('create.details.intro')}</p>
      <Form onSubmit={() => void submitDetails()} busyMessage={busy ? t('common.working') : undefined}>
        <TextField
          label={t('create.details.orgName')}
          value={orgName}
          onChange={setOrgName}
          isRequired
          maxLength={200}
          autoComplete="organization"
          errorMessage={errors.orgName}
        />
        <TextField
          label={t('create.details.adminName')}
          description={t('create.details.adminNameHint')}
          value={userName}
          onChange={setUserName}
          isRequired
          maxLength={64}
          autoComplete="username"
          secret
          errorMessage={errors.userName}
        />
        <NewPassphraseFields
          passphrase={passphrase}
          repeat={repeat}
          onPassphraseChange={setPassphrase}
          onRepeatChange={setRepeat}
          strength={strength}
          errors={errors}
        />
        <ErrorAlert code={error} />
        <div className="actions">
          <Button type="submit" variant="primary" isBusy={busy}>
            {busy ? t('common.working') : t('create.details.submit')}
          </Button>
        </div>
      </Form>
      {onRestore ? (
        <div className="restore-offer">
          <p className="muted">{t('governance.restore.offerHint')}</p>
          <Button variant="secondary" onPress={onRestore} isDisabled={busy}>
            {t('governance.restore.offer')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
