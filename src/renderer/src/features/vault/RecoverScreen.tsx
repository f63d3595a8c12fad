import { useState, type ClipboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { sauga } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Button, Form, ScreenTitle, TextField } from '../../components';
import type { ErrorCode } from '../../../../shared/errors';
import { RECOVERY_WORD_COUNT, type VaultStatus } from '../../../../shared/vault';
import { NewPassphraseFields } from './NewPassphraseFields';
import { UserField } from './UserField';
import { checkNewPassphrase, hasErrors, usePassphraseStrength, type NewPassphraseErrors } from './passphrase';

export interface RecoverScreenProps {
  users: readonly string[];
  onUnlocked: (status: VaultStatus) => void;
  onBack: () => void;
}

interface RecoverErrors extends NewPassphraseErrors {
  userName?: string;
  words?: string;
}

const emptyWords = (): string[] => Array.from({ length: RECOVERY_WORD_COUNT }, () => '');

/** Forgotten passphrase: the recovery sheet opens the vault and sets a new passphrase for one user. */
export function RecoverScreen({ users, onUnlocked, onBack }: RecoverScreenProps) {
  const { t } = useTranslation();
  const [userName, setUserName] = useState(users[0] ?? '');
  const [words, setWords] = useState<string[]>(emptyWords);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<RecoverErrors>({});
  const [error, setError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const strength = usePassphraseStrength(passphrase, [userName]);

  function setWord(index: number, value: string): void {
    setWords((old) => old.map((w, i) => (i === index ? value : w)));
  }

  // A whole sheet pasted into one box is spread over the boxes from there on.
  function onPaste(index: number, event: ClipboardEvent<HTMLInputElement>): void {
    const pasted = event.clipboardData.getData('text').trim().split(/\s+/u).filter(Boolean);
    if (pasted.length < 2) return;
    event.preventDefault();
    setWords((old) => old.map((w, i) => (i >= index && i - index < pasted.length ? (pasted[i - index] ?? w) : w)));
  }

  async function submit(): Promise<void> {
    if (busy) return;
    setError(null);
    setBusy(true);
    try {
      const next: RecoverErrors = {};
      if (!userName.trim()) next.userName = t('common.required');
      if (words.some((w) => !w.trim())) next.words = t('recover.wordsIncomplete');
      const checked = await checkNewPassphrase(t, passphrase, repeat, [userName]);
      if (checked.code) return setError(checked.code);
      Object.assign(next, checked.fields);
      setErrors(next);
      if (hasErrors(next)) return;
      const result = await sauga().vault.unlockWithRecovery({
        words: words.map((w) => w.trim().toLowerCase()),
        userName,
        newPassphrase: passphrase,
      });
      if (!result.ok) return setError(result.error.code);
      setWords(emptyWords());
      setPassphrase('');
      setRepeat('');
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
        <div className="field-narrow">
          <UserField users={users} value={userName} onChange={setUserName} errorMessage={errors.userName} />
        </div>
        <fieldset className="fieldset">
          <legend className="fieldset-legend">{t('recover.wordsLegend')}</legend>
          <p className="field-description">{t('recover.wordsHint')}</p>
          <div className="recovery-grid">
            {words.map((word, i) => (
              <TextField
                key={i}
                className="recovery-word"
                label={t('recover.word', { n: i + 1 })}
                value={word}
                onChange={(v) => setWord(i, v)}
                onPaste={(e) => onPaste(i, e)}
                isRequired
                secret
                autoComplete="off"
                maxLength={16}
                isInvalid={Boolean(errors.words) && !word.trim()}
              />
            ))}
          </div>
          {errors.words ? (
            <p className="field-error" role="alert">
              <span className="field-error-icon" aria-hidden="true">
                !
              </span>
              {errors.words}
            </p>
          ) : null}
        </fieldset>
        <div className="field-narrow">
          <NewPassphraseFields
            passphrase={passphrase}
            repeat={repeat}
            onPassphraseChange={setPassphrase}
            onRepeatChange={setRepeat}
            strength={strength}
            errors={errors}
            label={t('recover.newPassphrase')}
            repeatLabel={t('recover.repeat')}
          />
        </div>
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
