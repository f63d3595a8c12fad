import { useMemo, useState } from 'react';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import type { ErrorCode } from '../../../../shared/errors';
import type { ReturnPreview } from '../../../../shared/stats/dto';
import { TABLE_IDS } from '../../../../shared/stats/model';
import { sauga } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { ScreenTitle } from '../../components';
import { AuditVerdict } from './AuditVerdict';
import { ExportPanel } from './ExportPanel';
import { indexCells, tableGrid } from './grid';
import { initialDraft, PeriodForm, toInput, type PeriodDraft } from './PeriodForm';
import { ReturnHistory } from './ReturnHistory';
import { SigningKeyPanel } from './SigningKeyPanel';
import { StatCharts } from './StatCharts';
import { StatTable } from './StatTable';
import { useStatsText } from './text';

const TABS = ['prepare', 'history', 'key'] as const;
type StatsTab = (typeof TABS)[number];

/**
 * The supervisor's statistics screen: choose a period, preview the seven protected tables,
 * export one signed return; see what was exported before; register the signing key.
 * Core re-checks the role on every call; hiding the menu entry is a courtesy, not the guard.
 */
export function StatsScreen() {
  const { tx } = useStatsText();
  const [tab, setTab] = useState<StatsTab>('prepare');
  // Kept here, not in the tab panel, so switching tabs does not throw the preview away.
  const [draft, setDraft] = useState<PeriodDraft>(() => initialDraft());
  const [showErrors, setShowErrors] = useState(false);
  const [previewing, setPreviewing] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [preview, setPreview] = useState<{ round: number; value: ReturnPreview; input: string } | null>(null);

  const current = toInput(draft);
  const stale = preview !== null && JSON.stringify(current) !== preview.input;

  async function runPreview(): Promise<void> {
    setShowErrors(true);
    if (!current || previewing) return;
    setPreviewing(true);
    setError(null);
    try {
      const result = await sauga().stats.preview(current);
      if (!result.ok) return setError(result.error.code);
      setPreview((p) => ({ round: (p?.round ?? 0) + 1, value: result.value, input: JSON.stringify(current) }));
    } finally {
      setPreviewing(false);
    }
  }

  return (
    <section className="card card-full stats-screen" aria-labelledby="stats-title">
      <ScreenTitle id="stats-title">{tx('stats.title')}</ScreenTitle>
      <p className="lead">{tx('stats.intro')}</p>
      <Tabs selectedKey={tab} onSelectionChange={(key: Key) => setTab(TABS.find((t) => t === key) ?? 'prepare')}>
        <TabList className="stat-tablist" aria-label={tx('stats.tabsLabel')}>
          {TABS.map((id) => (
            <Tab key={id} id={id} className="stat-tab">
              {tx(`stats.tabs.${id}`)}
            </Tab>
          ))}
        </TabList>
        <TabPanel id="prepare" className="stat-panel">
          <PeriodForm
            draft={draft}
            onChange={setDraft}
            onPreview={() => void runPreview()}
            busy={previewing}
            showErrors={showErrors}
          />
          <ErrorAlert code={error} />
          {preview ? <PreviewResult key={preview.round} preview={preview.value} stale={stale} /> : null}
        </TabPanel>
        <TabPanel id="history" className="stat-panel">
          <ReturnHistory />
        </TabPanel>
        <TabPanel id="key" className="stat-panel">
          <SigningKeyPanel />
        </TabPanel>
      </Tabs>
    </section>
  );
}

function PreviewResult({ preview, stale }: { preview: ReturnPreview; stale: boolean }) {
  const text = useStatsText();
  const { tx } = text;
  const index = useMemo(() => indexCells(preview.cells), [preview.cells]);
  const grids = useMemo(() => TABLE_IDS.map((id) => tableGrid(id, index)), [index]);
  const primary = preview.cells.filter((c) => c.status === 'primary').length;
  const secondary = preview.cells.filter((c) => c.status === 'secondary').length;
  const k = preview.params.k;

  return (
    <div className="stat-result" data-stale={stale || undefined}>
      <section className="items" aria-labelledby="stat-summary-title">
        <h2 id="stat-summary-title" className="section-title stat-rule">
          {tx('stats.summary.title', { period: text.period(preview.period) })}
        </h2>
        {stale ? (
          <p className="stat-blocked" role="status">
            {tx('stats.period.stale')}
          </p>
        ) : null}
        <ul className="plain-list stat-summary">
          <li>{tx('stats.summary.persons', { count: preview.cases })}</li>
          <li>
            {tx('stats.summary.params', {
              k,
              consent: tx(preview.params.consentedOnly ? 'stats.summary.consentOnly' : 'stats.summary.consentAll'),
            })}
          </li>
          <li>{tx('stats.summary.suppressedCount', { primary, secondary })}</li>
          {preview.overlapping.length > 0 ? (
            <li>
              {tx('stats.summary.overlapping', {
                list: preview.overlapping
                  .map((o) =>
                    tx('stats.summary.overlappingItem', { sequence: o.sequence, period: text.period(o.period) }),
                  )
                  .join(', '),
              })}
            </li>
          ) : null}
        </ul>
      </section>
      <AuditVerdict audit={preview.audit} />
      <ExportPanel preview={preview} stale={stale} />
      <section className="items" aria-labelledby="stat-tables-title">
        <h2 id="stat-tables-title" className="section-title">
          {tx('stats.tables.title')}
        </h2>
        <Legend />
        {grids.map((grid) => (
          <StatTable key={grid.table} grid={grid} k={k} />
        ))}
      </section>
      <StatCharts index={index} />
    </div>
  );
}

function Legend() {
  const { tx } = useStatsText();
  return (
    <div className="stat-legend">
      <p className="block-title">{tx('stats.tables.legendTitle')}</p>
      <ul className="plain-list">
        <li>{tx('stats.tables.legendPublished')}</li>
        <li>
          <span className="stat-flag stat-flag-primary" aria-hidden="true">
            {tx('stats.tables.primaryMark')}
          </span>{' '}
          – {tx('stats.tables.legendPrimary')}
        </li>
        <li>
          <span className="stat-flag stat-flag-secondary" aria-hidden="true">
            {tx('stats.tables.secondaryMark')}
          </span>{' '}
          – {tx('stats.tables.legendSecondary')}
        </li>
        <li>{tx('stats.tables.legendBrackets')}</li>
        <li>{tx('stats.tables.legendTotal')}</li>
        <li>{tx('stats.tables.legendNumbers')}</li>
      </ul>
    </div>
  );
}
