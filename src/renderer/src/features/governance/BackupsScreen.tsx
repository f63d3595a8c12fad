import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupCreated, BackupStatusView, VerifyRecord } from '../../../../shared/governance/schemas';
import type { ErrorCode } from '../../../../shared/errors';
import { sauga } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useLoad } from '../../app/useLoad';
import { Alert, Button, Form, NumberField, ScreenTitle, TextField } from '../../components';
import { formatSize, formatTimestamp } from '../cases/format';

const loadStatus = () => sauga().backup.status({});

/**
 * An administrator's backups: when the last was made, how big and where; making one (through
 * the save dialog) and checking one (through the open dialog); the reminder and keep-last policy.
 */
export function BackupsScreen({ onChanged }: { onChanged?: () => void }) {
  const { t } = useTranslation();
  const { value: status, error, setError, reload } = useLoad(loadStatus);
  const [creating, setCreating] = useState(false);
  const [made, setMade] = useState<Extract<BackupCreated, { saved: true }> | null>(null);

  async function create(): Promise<void> {
    if (creating) return;
    setCreating(true);
    setError(null);
    setMade(null);
    try {
      const r = await sauga().backup.create({});
      if (!r.ok) return setError(r.error.code);
      if (r.value.saved) {
        setMade(r.value);
        await reload();
        onChanged?.();
      }
    } finally {
      setCreating(false);
    }
  }

  return (
    <div className="governance">
      <section className="card card-wide" aria-labelledby="backups-title">
        <ScreenTitle id="backups-title">{t('governance.backups.title')}</ScreenTitle>
        <p className="lead">{t('governance.backups.intro')}</p>
        {status ? <LastBackup status={status} /> : null}
        <div className="actions">
          <Button variant="primary" isBusy={creating} onPress={() => void create()}>
            {creating ? t('governance.backups.creating') : t('governance.backups.create')}
          </Button>
        </div>
        <p role="status" aria-live="polite" className={creating ? 'muted' : 'visually-hidden'}>
          {creating ? t('governance.backups.creatingLong') : ''}
        </p>
        {made ? (
          <Alert tone="success">
            {t('governance.backups.made', {
              file: made.backup.file,
              size: formatSize(made.backup.bytes),
              cases: made.backup.cases,
              seconds: made.seconds.toFixed(1),
            })}{' '}
            {made.removed > 0 ? t('governance.backups.rotated', { n: made.removed }) : null}{' '}
            {t('governance.backups.keepSafe')}
          </Alert>
        ) : null}
        <ErrorAlert code={error} />
      </section>
      <VerifyPanel onChecked={() => void reload()} />
      {status ? (
        <PolicyPanel
          status={status}
          onSaved={async () => {
            await reload();
            onChanged?.();
          }}
        />
      ) : null}
    </div>
  );
}

function LastBackup({ status }: { status: BackupStatusView }) {
  const { t } = useTranslation();
  return (
    <>
      {status.due ? (
        <Alert tone="warning">
          {status.lastBackupAt
            ? t('governance.backups.dueSince', { days: status.intervalDays })
            : t('governance.backups.never')}
        </Alert>
      ) : null}
      <dl className="facts" aria-label={t('governance.backups.lastTitle')}>
        <div className="fact">
          <dt>{t('governance.backups.lastAt')}</dt>
          <dd>{status.lastBackupAt ? formatTimestamp(status.lastBackupAt) : t('governance.backups.none')}</dd>
        </div>
        {status.last ? (
          <>
            <div className="fact">
              <dt>{t('governance.backups.size')}</dt>
              <dd>{formatSize(status.last.bytes)}</dd>
            </div>
            <div className="fact">
              <dt>{t('governance.backups.cases')}</dt>
              <dd>{status.last.cases}</dd>
            </div>
            <div className="fact fact-wide">
              <dt>{t('governance.backups.where')}</dt>
              <dd className="governance-path">{status.last.file}</dd>
            </div>
          </>
        ) : null}
        <div className="fact">
          <dt>{t('governance.backups.lastVerify')}</dt>
          <dd>{status.lastVerify ? <VerifyLine v={status.lastVerify} /> : t('governance.backups.notVerified')}</dd>
        </div>
      </dl>
      {status.restoredFrom ? (
        <p className="muted">
          {t('governance.backups.restoredFrom', {
            created: formatTimestamp(status.restoredFrom.backupCreatedAt),
            at: formatTimestamp(status.restoredFrom.restoredAt),
          })}
        </p>
      ) : null}
    </>
  );
}

function VerifyLine({ v }: { v: VerifyRecord }) {
  const { t } = useTranslation();
  if (!v.sameVault) return <>{t('governance.verify.otherVault', { at: formatTimestamp(v.verifiedAt) })}</>;
  return (
    <>
      {v.authenticated
        ? t('governance.verify.full', { at: formatTimestamp(v.verifiedAt), cases: v.cases ?? 0 })
        : t('governance.verify.hashes', { at: formatTimestamp(v.verifiedAt) })}
    </>
  );
}

function VerifyPanel({ onChecked }: { onChecked: () => void }) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [verdict, setVerdict] = useState<VerifyRecord | null>(null);

  async function verify(): Promise<void> {
    if (busy) return;
    setBusy(true);
    setError(null);
    setVerdict(null);
    try {
      const r = await sauga().backup.verify(passphrase ? { passphrase } : {});
      if (!r.ok) return setError(r.error.code);
      if (r.value.opened) {
        setVerdict(r.value.verdict);
        setPassphrase('');
        onChecked();
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card card-wide" aria-labelledby="verify-title">
      <h2 className="section-title" id="verify-title">
        {t('governance.verify.title')}
      </h2>
      <p>{t('governance.verify.intro')}</p>
      <Form onSubmit={() => void verify()} busyMessage={busy ? t('governance.verify.working') : undefined}>
        <div className="field-narrow">
          <TextField
            label={t('governance.verify.passphrase')}
            description={t('governance.verify.passphraseHint')}
            type="password"
            value={passphrase}
            onChange={setPassphrase}
            autoComplete="current-password"
            secret
          />
        </div>
        <div className="actions">
          <Button type="submit" variant="secondary" isBusy={busy}>
            {busy ? t('governance.verify.working') : t('governance.verify.choose')}
          </Button>
        </div>
      </Form>
      {verdict ? (
        <Alert tone={verdict.sameVault ? 'success' : 'warning'}>
          <span className="governance-path">{verdict.file}</span>
          <br />
          {t('governance.verify.created', { at: formatTimestamp(verdict.createdAt) })} <VerifyLine v={verdict} />
        </Alert>
      ) : null}
      <ErrorAlert code={error} />
    </section>
  );
}

function PolicyPanel({ status, onSaved }: { status: BackupStatusView; onSaved: () => Promise<void> }) {
  const { t } = useTranslation();
  const [days, setDays] = useState(status.intervalDays);
  const [keep, setKeep] = useState<number>(status.keepLast ?? Number.NaN);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);

  async function save(): Promise<void> {
    if (busy) return;
    setBusy(true);
    setSaved(false);
    setError(null);
    try {
      const r = await sauga().backup.setPolicy({
        intervalDays: days,
        keepLast: Number.isNaN(keep) ? null : keep,
      });
      if (!r.ok) return setError(r.error.code);
      setSaved(true);
      await onSaved();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card card-wide" aria-labelledby="backup-policy-title">
      <h2 className="section-title" id="backup-policy-title">
        {t('governance.policy.title')}
      </h2>
      <Form onSubmit={() => void save()} busyMessage={busy ? t('common.working') : undefined}>
        <NumberField
          label={t('governance.policy.days')}
          description={t('governance.policy.daysHint')}
          minValue={1}
          maxValue={365}
          value={days}
          onChange={setDays}
          isRequired
        />
        <NumberField
          label={t('governance.policy.keep')}
          description={t('governance.policy.keepHint')}
          minValue={1}
          maxValue={100}
          value={keep}
          onChange={setKeep}
        />
        <div className="actions">
          <Button type="submit" variant="secondary" isBusy={busy}>
            {t('governance.policy.save')}
          </Button>
        </div>
      </Form>
      {saved ? <Alert tone="success">{t('governance.policy.saved')}</Alert> : null}
      <ErrorAlert code={error} />
    </section>
  );
}
