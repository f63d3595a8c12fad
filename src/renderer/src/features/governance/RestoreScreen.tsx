import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RestoreReportView } from '../../../../shared/governance/schemas';
import type { ErrorCode } from '../../../../shared/errors';
import type { VaultStatus } from '../../../../shared/vault';
import { sauga } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Alert, Button, Form, ScreenTitle } from '../../components';
import { formatTimestamp } from '../cases/format';
import { RecoveryFields, useRecoveryForm } from '../vault/RecoveryFields';

/**
 * A new machine: pick a backup file, type the recovery sheet, choose whose passphrase to set.
 * Afterwards the restored vault says what it holds and when the backup was made.
 */
export function RestoreScreen({ onRestored, onBack }: { onRestored: (s: VaultStatus) => void; onBack: () => void }) {
  const { t } = useTranslation();
  const [backup, setBackup] = useState<{ createdAt: string; users: string[] } | null>(null);
  const form = useRecoveryForm();
  const [error, setError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ status: VaultStatus; report: RestoreReportView } | null>(null);

  async function choose(): Promise<void> {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const r = await sauga().backup.chooseRestore({});
      if (!r.ok) return setError(r.error.code);
      if (r.value.chosen) {
        setBackup({ createdAt: r.value.createdAt, users: r.value.users });
        form.setUserName(r.value.users[0] ?? '');
      }
    } finally {
      setBusy(false);
    }
  }

  async function restore(): Promise<void> {
    if (busy) return;
    setError(null);
    setBusy(true);
    try {
      const { input, code } = await form.check();
      if (code) return setError(code);
      if (!input) return;
      const r = await sauga().backup.restore(input);
      if (!r.ok) return setError(r.error.code);
      form.clear();
      setDone(r.value);
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <section className="card card-narrow" aria-labelledby="restored-title">
        <ScreenTitle id="restored-title">{t('governance.restore.doneTitle')}</ScreenTitle>
        <Alert tone="success">
          {t('governance.restore.done', {
            org: done.report.orgName,
            cases: done.report.cases,
            created: formatTimestamp(done.report.backupCreatedAt),
            by: done.report.createdBy,
          })}
        </Alert>
        <p>{t('governance.restore.doneHint', { entries: done.report.auditEntries })}</p>
        <div className="actions">
          <Button variant="primary" autoFocus onPress={() => onRestored(done.status)}>
            {t('common.continue')}
          </Button>
        </div>
      </section>
    );
  }

  if (!backup) {
    return (
      <section className="card card-narrow" aria-labelledby="restore-title">
        <ScreenTitle id="restore-title">{t('governance.restore.title')}</ScreenTitle>
        <p className="lead">{t('governance.restore.intro')}</p>
        <ErrorAlert code={error} />
        <div className="actions">
          <Button variant="primary" isBusy={busy} onPress={() => void choose()}>
            {t('governance.restore.choose')}
          </Button>
          <Button variant="quiet" className="actions-end" onPress={onBack} isDisabled={busy}>
            {t('common.back')}
          </Button>
        </div>
      </section>
    );
  }

  return (
    <section className="card card-wide" aria-labelledby="restore-title">
      <ScreenTitle id="restore-title">{t('governance.restore.title')}</ScreenTitle>
      <p className="lead">{t('governance.restore.chosen', { created: formatTimestamp(backup.createdAt) })}</p>
      <Form onSubmit={() => void restore()} busyMessage={busy ? t('governance.restore.working') : undefined}>
        <RecoveryFields form={form} users={backup.users} />
        <ErrorAlert code={error} />
        <div className="actions">
          <Button type="submit" variant="primary" isBusy={busy}>
            {busy ? t('governance.restore.working') : t('governance.restore.submit')}
          </Button>
          <Button variant="quiet" className="actions-end" onPress={onBack} isDisabled={busy}>
            {t('common.back')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
