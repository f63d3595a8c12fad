import { useState, type ClipboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../../shared/errors';
import { RECOVERY_WORD_COUNT } from '../../../../shared/vault';
import { TextField } from '../../components';
import { NewPassphraseFields } from './NewPassphraseFields';
import { UserField } from './UserField';
import { checkNewPassphrase, hasErrors, usePassphraseStrength, type NewPassphraseErrors } from './passphrase';

interface RecoveryErrors extends NewPassphraseErrors {
  userName?: string;
  words?: string;
}

export interface RecoveryInput {
  userName: string;
  words: string[];
  newPassphrase: string;
}

const emptyWords = (): string[] => Array.from({ length: RECOVERY_WORD_COUNT }, () => '');

/**
 * The state behind the recovery sheet form, shared by "forgot my passphrase" and "restore a
 * backup": whose passphrase, the words, and the new passphrase.
 */
export function useRecoveryForm(initialUser = '') {
  const { t } = useTranslation();
  const [userName, setUserName] = useState(initialUser);
  const [words, setWords] = useState<string[]>(emptyWords);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<RecoveryErrors>({});
  const strength = usePassphraseStrength(passphrase, [userName]);

  /** The input to send, or the reason not to: field errors are shown, a code is returned. */
  async function check(): Promise<{ input?: RecoveryInput; code?: ErrorCode }> {
    const next: RecoveryErrors = {};
    if (!userName.trim()) next.userName = t('common.required');
    if (words.some((w) => !w.trim())) next.words = t('recover.wordsIncomplete');
    const checked = await checkNewPassphrase(t, passphrase, repeat, [userName]);
    if (checked.code) return { code: checked.code };
    Object.assign(next, checked.fields);
    setErrors(next);
    if (hasErrors(next)) return {};
    return { input: { userName, words: words.map((w) => w.trim().toLowerCase()), newPassphrase: passphrase } };
  }

  /** Secrets do not stay in component state once they have been used. */
  function clear(): void {
    setWords(emptyWords());
    setPassphrase('');
    setRepeat('');
  }

  return {
    userName,
    setUserName,
    words,
    setWords,
    passphrase,
    setPassphrase,
    repeat,
    setRepeat,
    errors,
    strength,
    check,
    clear,
  };
}

export type RecoveryForm = ReturnType<typeof useRecoveryForm>;

/** Whose passphrase, the recovery words (a pasted sheet fills the boxes) and the new passphrase. */
export function RecoveryFields({ form, users }: { form: RecoveryForm; users: readonly string[] }) {
  const { t } = useTranslation();
  const { words, setWords, errors } = form;

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

  return (
    <>
      <div className="field-narrow">
        <UserField users={users} value={form.userName} onChange={form.setUserName} errorMessage={errors.userName} />
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
          passphrase={form.passphrase}
          repeat={form.repeat}
          onPassphraseChange={form.setPassphrase}
          onRepeatChange={form.setRepeat}
          strength={form.strength}
          errors={errors}
          label={t('recover.newPassphrase')}
          repeatLabel={t('recover.repeat')}
        />
      </div>
    </>
  );
}
