import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../../shared/errors';
import { HOLD_REASONS, RELEASE_REASONS } from '../../../../shared/governance/schemas';
import { sauga } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useLoad } from '../../app/useLoad';
import { Button, Select, TextField } from '../../components';
import { useTx } from '../cases/form/tx';
import { formatTimestamp } from '../cases/format';

/** A supervisor's legal hold on this case, on its management tab: set with a reason, or released. */
export function CaseHoldSection({ caseCode }: { caseCode: string }) {
  const { t } = useTranslation();
  const tx = useTx();
  const load = useCallback(() => sauga().retention.holds({}), []);
  const { value: holds, error, setError, reload } = useLoad(load);
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const hold = holds?.find((h) => h.caseCode === caseCode) ?? null;

  async function run(call: () => Promise<{ ok: true } | { ok: false; error: { code: ErrorCode } }>): Promise<void> {
    if (busy || !reason) return;
    setBusy(true);
    setError(null);
    try {
      const r = await call();
      if (!r.ok) return setError(r.error.code);
      setReason(null);
      setNote('');
      await reload();
    } finally {
      setBusy(false);
    }
  }

  const extra = note.trim() ? { note: note.trim() } : {};
  // One button: release a hold that is in place, else set one; the reasons offered follow suit.
  const toggle = () =>
    hold
      ? sauga().retention.release({ caseRef: caseCode, reason: reason as (typeof RELEASE_REASONS)[number], ...extra })
      : sauga().retention.hold({ caseRef: caseCode, reason: reason as (typeof HOLD_REASONS)[number], ...extra });
  return (
    <section className="items" aria-labelledby="case-hold-title">
      <h2 id="case-hold-title" className="section-title">
        {t('governance.holds.title')}
      </h2>
      <p>
        {hold
          ? t('governance.holds.onHold', {
              reason: tx(`governance.holdReasons.${hold.reason}`),
              at: formatTimestamp(hold.setAt),
              by: hold.setBy,
            })
          : t('governance.holds.notOnHold')}
      </p>
      {holds ? (
        <div className="form-grid form-grid-compact">
          <Select
            label={hold ? t('governance.holds.releaseReason') : t('governance.holds.reason')}
            options={(hold ? RELEASE_REASONS : HOLD_REASONS).map((r) => ({
              id: r,
              label: tx(`governance.${hold ? 'releaseReasons' : 'holdReasons'}.${r}`),
            }))}
            value={reason}
            onChange={setReason}
          />
          <TextField label={t('governance.holds.note')} value={note} onChange={setNote} maxLength={2000} />
        </div>
      ) : null}
      <div className="actions">
        <Button variant="secondary" isBusy={busy} isDisabled={!reason} onPress={() => void run(toggle)}>
          {hold ? t('governance.holds.release') : t('governance.holds.set')}
        </Button>
      </div>
      <ErrorAlert code={error} />
    </section>
  );
}
