import { useId, useMemo } from 'react';
import { Checkbox } from 'react-aria-components';
import { DisclosureParams, Period } from '../../../../shared/stats/model';
import { Button, Form, NumberField, Select } from '../../components';
import { useStatsText } from './text';

export type PeriodKind = Period['kind'];
const KINDS: readonly PeriodKind[] = ['year', 'quarter', 'month'];

/** What the form holds while it is edited; `toInput` turns it into a contract input. */
export interface PeriodDraft {
  kind: PeriodKind;
  year: number;
  quarter: number;
  month: number;
  /** NaN while the field is empty. */
  k: number;
  consentedOnly: boolean;
}

export function initialDraft(now: Date = new Date()): PeriodDraft {
  // A return is usually made for a period that has ended: last year, last quarter, last month.
  return { kind: 'year', year: now.getFullYear() - 1, quarter: 1, month: 1, k: 5, consentedOnly: false };
}

export function toInput(d: PeriodDraft): { period: Period; params: DisclosureParams } | null {
  const period = Period.safeParse(
    d.kind === 'year'
      ? { kind: 'year', year: d.year }
      : d.kind === 'quarter'
        ? { kind: 'quarter', year: d.year, quarter: d.quarter }
        : { kind: 'month', year: d.year, month: d.month },
  );
  const params = DisclosureParams.safeParse({ k: d.k, consentedOnly: d.consentedOnly });
  return period.success && params.success ? { period: period.data, params: params.data } : null;
}

/** Ten years back from this one: a return for an older period is a revision nobody needs here. */
const YEARS_BACK = 10;

export interface PeriodFormProps {
  draft: PeriodDraft;
  onChange: (draft: PeriodDraft) => void;
  onPreview: () => void;
  busy: boolean;
  /** Show the k error (after a preview was attempted with an invalid k). */
  showErrors: boolean;
}

export function PeriodForm({ draft, onChange, onPreview, busy, showErrors }: PeriodFormProps) {
  const text = useStatsText();
  const { tx } = text;
  const hintId = useId();
  const years = useMemo(() => {
    const now = new Date().getFullYear();
    return Array.from({ length: YEARS_BACK }, (_, i) => now - i).filter((y) => y >= 2000);
  }, []);
  const set = (patch: Partial<PeriodDraft>) => onChange({ ...draft, ...patch });
  const kValid = DisclosureParams.shape.k.safeParse(draft.k).success;

  return (
    <Form onSubmit={onPreview} aria-labelledby="stat-period-title">
      <h2 id="stat-period-title" className="section-title">
        {tx('stats.period.title')}
      </h2>
      <div className="stat-period-grid">
        <Select
          label={tx('stats.period.kind')}
          options={KINDS.map((id) => ({ id, label: tx(`stats.period.kinds.${id}`) }))}
          value={draft.kind}
          onChange={(v) => {
            const kind = KINDS.find((k) => k === v);
            if (kind) set({ kind });
          }}
        />
        <Select
          label={tx('stats.period.year')}
          options={years.map((y) => ({ id: String(y), label: String(y) }))}
          value={String(draft.year)}
          onChange={(v) => v && set({ year: Number(v) })}
        />
        {draft.kind === 'quarter' ? (
          <Select
            label={tx('stats.period.quarter')}
            options={[1, 2, 3, 4].map((q) => ({
              id: String(q),
              label: tx('stats.period.quarterOption', { quarter: q }),
            }))}
            value={String(draft.quarter)}
            onChange={(v) => v && set({ quarter: Number(v) })}
          />
        ) : null}
        {draft.kind === 'month' ? (
          <Select
            label={tx('stats.period.month')}
            options={Array.from({ length: 12 }, (_, i) => ({
              id: String(i + 1),
              label: tx(`stats.period.months.${i + 1}`),
            }))}
            value={String(draft.month)}
            onChange={(v) => v && set({ month: Number(v) })}
          />
        ) : null}
      </div>
      <div className="stat-params-grid">
        <NumberField
          label={tx('stats.period.k')}
          description={tx('stats.period.kHint')}
          value={draft.k}
          onChange={(k) => set({ k })}
          minValue={3}
          maxValue={50}
          step={1}
          formatOptions={{ maximumFractionDigits: 0 }}
          errorMessage={showErrors && !kValid ? tx('stats.period.kInvalid') : undefined}
        />
        <div className="stat-checkbox-field">
          <Checkbox
            className="stat-checkbox"
            isSelected={draft.consentedOnly}
            onChange={(consentedOnly) => set({ consentedOnly })}
            aria-describedby={hintId}
          >
            <span className="stat-checkbox-box" aria-hidden="true">
              <svg viewBox="0 0 16 16" focusable="false">
                <path d="M3 8.5 6.5 12 13 4.5" />
              </svg>
            </span>
            <span>{tx('stats.period.consentedOnly')}</span>
          </Checkbox>
          <p id={hintId} className="field-description">
            {tx('stats.period.consentedOnlyHint')}
          </p>
        </div>
      </div>
      <div className="actions">
        <Button type="submit" variant="primary" isBusy={busy}>
          {tx('stats.period.preview')}
        </Button>
        {/* Visible as well as spoken: the audit's linear programmes can take a few seconds. */}
        <p role="status" className="muted stat-busy">
          {busy ? tx('stats.period.previewing') : ''}
        </p>
      </div>
    </Form>
  );
}
