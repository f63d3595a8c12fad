import { useCallback, useEffect, useState } from 'react';
import { I18nProvider } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { onLocked, sauga } from '../api';
import { Alert, Button, ScreenTitle } from '../components';
import type { UnlockedStatus } from '../features/home/HomeScreen';
import { CreateVault } from '../features/vault/CreateVault';
import { RecoverScreen } from '../features/vault/RecoverScreen';
import { UnlockScreen, type LockNotice } from '../features/vault/UnlockScreen';
import type { ErrorCode } from '../../../shared/errors';
import type { VaultStatus } from '../../../shared/vault';
import { ErrorAlert } from './ErrorAlert';
import { Shell } from './Shell';
import { useIdleLock } from './useIdleLock';
import { Workspace } from './Workspace';
import { AdminWorkspace } from './AdminWorkspace';
import { RestoreScreen } from '../features/governance/RestoreScreen';
import { formatTimestamp } from '../features/cases/format';

type View =
  | { name: 'loading' }
  | { name: 'unavailable'; code: ErrorCode | null }
  | { name: 'create' }
  | { name: 'missing' }
  | { name: 'unlock'; users: string[]; notice?: LockNotice | undefined }
  | { name: 'recover'; users: string[] }
  | { name: 'restore' }
  | { name: 'home'; status: UnlockedStatus };

const ariaLocale = { lt: 'lt-LT', en: 'en-GB' } as const;

export function App({ bridge, version }: { bridge: boolean; version: string }) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<View>(bridge ? { name: 'loading' } : { name: 'unavailable', code: null });

  const show = useCallback(async (status: VaultStatus, notice?: LockNotice): Promise<void> => {
    switch (status.state) {
      case 'none':
        return setView({ name: 'create' });
      case 'missing':
        return setView({ name: 'missing' });
      case 'creating':
        // The words of an interrupted creation cannot be shown again: start over.
        await sauga().vault.cancelCreate({});
        return setView({ name: 'create' });
      case 'locked':
        return setView({ name: 'unlock', users: status.users, notice });
      case 'unlocked':
        return setView({ name: 'home', status });
    }
  }, []);

  const refresh = useCallback(
    async (notice?: LockNotice): Promise<void> => {
      const result = await sauga().vault.status({});
      if (result.ok) await show(result.value, notice);
      else setView({ name: 'unavailable', code: result.error.code });
    },
    [show],
  );

  const lock = useCallback(
    async (notice?: LockNotice): Promise<void> => {
      const result = await sauga().vault.lock({});
      if (result.ok) await show(result.value, notice);
      else await refresh(notice);
    },
    [show, refresh],
  );

  useEffect(() => {
    // refresh() sets state only after the IPC answer arrives, i.e. from an external system.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (bridge) void refresh();
  }, [bridge, refresh]);

  // Whatever asked, a LOCKED answer means the session is gone: back to the lock screen.
  useEffect(() => (bridge ? onLocked(() => void refresh('locked')) : undefined), [bridge, refresh]);

  const language = i18n.resolvedLanguage === 'en' ? 'en' : 'lt';
  return (
    <I18nProvider locale={ariaLocale[language]}>
      <Shell
        version={version}
        session={view.name === 'home' ? <SessionBar status={view.status} onLock={() => void lock()} /> : undefined}
        notice={
          view.name === 'home' && (view.status.demo || view.status.backupDue || view.status.auditRollback) ? (
            <>
              {view.status.auditRollback ? (
                <p className="demo-banner rollback-banner" role="alert">
                  {t('auditLog.banner', {
                    seq: view.status.auditRollback.recordedSeq,
                    at: formatTimestamp(view.status.auditRollback.recordedAt),
                  })}
                </p>
              ) : null}
              {view.status.demo ? (
                <p className="demo-banner" role="note">
                  {t('app.demoVault')}
                </p>
              ) : null}
              {view.status.backupDue ? (
                <p className="demo-banner backup-banner" role="note">
                  {t('governance.banner.due')}
                </p>
              ) : null}
            </>
          ) : undefined
        }
      >
        {view.name === 'loading' ? (
          <p className="loading" role="status">
            {t('app.loading')}
          </p>
        ) : null}
        {view.name === 'unavailable' ? (
          <section className="card card-narrow" aria-labelledby="unavailable-title">
            <ScreenTitle id="unavailable-title">{t('app.unavailableTitle')}</ScreenTitle>
            {view.code ? <ErrorAlert code={view.code} /> : <Alert tone="error">{t('app.unavailable')}</Alert>}
            {bridge ? (
              <div className="actions">
                <Button variant="primary" onPress={() => void refresh()}>
                  {t('app.retry')}
                </Button>
              </div>
            ) : null}
          </section>
        ) : null}
        {view.name === 'missing' ? (
          <MissingVault
            onRetry={() => void refresh()}
            onRestore={() => setView({ name: 'restore' })}
            onForget={async () => {
              const r = await sauga().vault.forgetMissing({});
              if (r.ok) await show(r.value);
              else setView({ name: 'unavailable', code: r.error.code });
            }}
          />
        ) : null}
        {view.name === 'create' ? (
          <CreateVault onCreated={(s) => void show(s)} onRestore={() => setView({ name: 'restore' })} />
        ) : null}
        {view.name === 'restore' ? (
          <RestoreScreen onRestored={(s) => void show(s)} onBack={() => void refresh()} />
        ) : null}
        {view.name === 'unlock' ? (
          <UnlockScreen
            users={view.users}
            notice={view.notice}
            onUnlocked={(s) => void show(s)}
            onForgot={() => setView({ name: 'recover', users: view.users })}
          />
        ) : null}
        {view.name === 'recover' ? (
          <RecoverScreen users={view.users} onUnlocked={(s) => void show(s)} onBack={() => void refresh()} />
        ) : null}
        {view.name === 'home' ? (
          <Unlocked status={view.status} onIdle={() => void lock('idle')} onStatusChange={() => void refresh()} />
        ) : null}
      </Shell>
    </I18nProvider>
  );
}

function MissingVault({
  onRetry,
  onForget,
  onRestore,
}: {
  onRetry: () => void;
  onForget: () => Promise<void>;
  onRestore: () => void;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="card card-narrow" aria-labelledby="missing-title">
      <ScreenTitle id="missing-title">{t('missing.title')}</ScreenTitle>
      <Alert tone="warning">{t('missing.body')}</Alert>
      {confirming ? <p>{t('missing.confirmStartOver')}</p> : null}
      <div className="actions">
        {confirming ? (
          <>
            <Button variant="secondary" onPress={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button variant="primary" onPress={() => void onForget()}>
              {t('missing.confirm')}
            </Button>
          </>
        ) : (
          <>
            <Button variant="secondary" onPress={() => setConfirming(true)}>
              {t('missing.startOver')}
            </Button>
            <Button variant="secondary" onPress={onRestore}>
              {t('governance.restore.offer')}
            </Button>
            <Button variant="primary" onPress={onRetry}>
              {t('missing.retry')}
            </Button>
          </>
        )}
      </div>
    </section>
  );
}

function Unlocked({
  status,
  onIdle,
  onStatusChange,
}: {
  status: UnlockedStatus;
  onIdle: () => void;
  onStatusChange: () => void;
}) {
  useIdleLock(status.idleLockMinutes, onIdle);
  // Administrators alone see no case content (core refuses it): they keep the settings home.
  const worksWithCases = status.user.roles.some((r) => r === 'caseworker' || r === 'supervisor');
  return worksWithCases ? (
    <Workspace status={status} onStatusChange={onStatusChange} />
  ) : (
    <AdminWorkspace status={status} onStatusChange={onStatusChange} />
  );
}

function SessionBar({ status, onLock }: { status: UnlockedStatus; onLock: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="session">
      <span className="session-user">
        <span className="visually-hidden">{t('home.signedInAs')}: </span>
        {status.user.name}
      </span>
      <Button variant="primary" className="btn-lock" onPress={onLock}>
        <svg className="btn-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M7 10V7a5 5 0 0 1 10 0v3h1a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1h1Zm2 0h6V7a3 3 0 0 0-6 0v3Z" />
        </svg>
        {t('home.lock')}
      </Button>
    </div>
  );
}
