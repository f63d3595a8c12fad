import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sauga } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Alert, Button, Form, ScreenTitle, TextField } from '../../components';
import { ErrorCode } from '../../../../shared/errors';
import type { VaultStatus } from '../../../../shared/vault';
import { UserField } from './UserField';

export type LockNotice = 'idle' | 'locked';

export interface UnlockScreenProps {
  users: readonly string[];
  notice?: LockNotice | undefined;
  onUnlocked: (status: VaultStatus) => void;
  onForgot: () => void;
}

export function UnlockScreen({ users, notice, onUnlocked, onForgot }: UnlockScreenProps) {
  const { t } = useTranslation();
  const [userName, setUserName] = useState(users[0] ?? '');
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<{ userName?: string; passphrase?: string }>({});
  const [error, setError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const passphraseInput = useRef<HTMLInputElement>(null);

  async function submit(): Promise<void> {
    if (busy) return;
    setError(null);
    const next = {
      ...(userName.trim() ? {} : { userName: t('common.required') }),
      ...(passphrase ? {} : { passphrase: t('common.required') }),
    };
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    const result = await sauga().vault.unlock({ userName, passphrase });
    setBusy(false);
    if (result.ok) {
      setPassphrase('');
      onUnlocked(result.value);
      return;
    }
    setError(result.error.code);
    if (result.error.code === ErrorCode.WrongPassphrase) {
      setPassphrase('');
      passphraseInput.current?.focus();
    }
  }

  return (
    <section className="card card-narrow" aria-labelledby="unlock-title">
      {/* The passphrase field takes focus instead: unlocking is what everyone comes here for. */}
      <ScreenTitle id="unlock-title" focusOnMount={false}>
        {t('unlock.title')}
      </ScreenTitle>
      {notice ? (
        <Alert tone="info">{notice === 'idle' ? t('unlock.noticeIdle') : t('unlock.noticeLocked')}</Alert>
      ) : null}
      <Form onSubmit={() => void submit()} busyMessage={busy ? t('unlock.working') : undefined}>
        <UserField users={users} value={userName} onChange={setUserName} errorMessage={errors.userName} />
        <TextField
          type="password"
          label={t('passphrase.label')}
          value={passphrase}
          onChange={setPassphrase}
          isRequired
          secret
          maxLength={1024}
          autoComplete="current-password"
          autoFocus
          inputRef={passphraseInput}
          errorMessage={errors.passphrase}
        />
        <ErrorAlert code={error} />
        <div className="actions">
          <Button type="submit" variant="primary" isBusy={busy} className="btn-block">
            {busy ? t('unlock.working') : t('unlock.submit')}
          </Button>
        </div>
      </Form>
      <div className="card-footer">
        <Button variant="quiet" onPress={onForgot} isDisabled={busy}>
          {t('unlock.forgot')}
        </Button>
      </div>
    </section>
  );
}
