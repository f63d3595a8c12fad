import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { DIMENSIONS, cellKey, type CellDims, type TableId } from '../../../../shared/stats/model';
import { isSuppressed, publishedValue, type CellIndex } from './grid';
import { useStatsText, type StatsText } from './text';

/** Series colours, each at least 3:1 against white; the legend and labels carry the meaning. */
const SEX_COLOURS = { F: '#1c5a78', M: '#a34f0a', _U: '#5b6673' } as const;
const SINGLE_COLOUR = '#1c5a78';
const AXIS_TEXT = '#1b2631';
const GRID_LINE = '#d5dbe1';

interface Entry {
  /** What the chart data says, in words: "Female: 12" or "Female: not published". */
  label: string;
  value: number | null;
}

/**
 * Three charts of the return, drawn from PUBLISHED values only: a cell that will not be
 * published has no bar at all, and its category carries ■. Each chart is one image for assistive
 * technology, with the same figures as a text list beside it.
 */
export function StatCharts({ index }: { index: CellIndex }) {
  const text = useStatsText();
  const { tx } = text;
  return (
    <section className="stat-charts" aria-labelledby="stat-charts-title">
      <h2 id="stat-charts-title" className="section-title">
        {tx('stats.charts.title')}
      </h2>
      <p className="muted">{tx('stats.charts.intro')}</p>
      <div className="stat-chart-grid">
        <StatusSexChart index={index} text={text} />
        <SingleChart
          index={index}
          text={text}
          table="T4"
          title={tx('stats.charts.t4')}
          codes={DIMENSIONS.EXPLOIT.filter((c) => c !== '_T')}
          dims={(code) => ({ EXPLOIT: code })}
          label={(code) => text.code('EXPLOIT', code)}
        />
        <SingleChart
          index={index}
          text={text}
          table="T7"
          title={tx('stats.charts.t7')}
          codes={DIMENSIONS.SERVICE.filter((c) => c !== '_T')}
          dims={(code) => ({ SERVICE: code, SEX: '_T' })}
          label={(code) => text.code('SERVICE', code)}
        />
      </div>
    </section>
  );
}

function suppressedAt(index: CellIndex, table: TableId, dims: CellDims): boolean {
  return isSuppressed(index.get(cellKey(table, dims)));
}

function StatusSexChart({ index, text }: { index: CellIndex; text: StatsText }) {
  const { tx } = text;
  const statuses = ['VOT_IDENT', 'VOT_PRES', 'AT_RISK'] as const;
  const sexes = ['F', 'M', '_U'] as const;
  const data = statuses.map((status) => {
    const values = Object.fromEntries(
      sexes.map((sex) => [sex, publishedValue(index, 'T1', { VICTIM_STATUS: status, SEX: sex })]),
    ) as Record<(typeof sexes)[number], number | null>;
    const hidden = sexes.some((sex) => suppressedAt(index, 'T1', { VICTIM_STATUS: status, SEX: sex }));
    const label = text.code('VICTIM_STATUS', status);
    return { ...values, label: hidden ? tx('stats.charts.tickSuppressed', { label }) : label };
  });
  const entries: Entry[] = statuses.flatMap((status) =>
    sexes.map((sex) => ({
      label: `${text.code('VICTIM_STATUS', status)} – ${text.code('SEX', sex)}`,
      value: publishedValue(index, 'T1', { VICTIM_STATUS: status, SEX: sex }),
    })),
  );
  const hidden = statuses.flatMap((status) =>
    sexes
      .filter((sex) => suppressedAt(index, 'T1', { VICTIM_STATUS: status, SEX: sex }))
      .map((sex) => `${text.code('VICTIM_STATUS', status)} – ${text.code('SEX', sex)}`),
  );
  return (
    <ChartFigure title={tx('stats.charts.t1')} entries={entries} hidden={hidden} text={text} height={330}>
      <BarChart
        data={data}
        layout="vertical"
        margin={{ top: 8, right: 40, bottom: 8, left: 8 }}
        barCategoryGap="18%"
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} stroke={GRID_LINE} />
        <XAxis type="number" allowDecimals={false} tick={{ fill: AXIS_TEXT, fontSize: 12 }} />
        <YAxis type="category" dataKey="label" width={170} tick={{ fill: AXIS_TEXT, fontSize: 12 }} interval={0} />
        {/* In the order of the tables (female, male, unknown), not sorted by name. */}
        <Legend itemSorter={null} />
        {sexes.map((sex) => (
          <Bar key={sex} dataKey={sex} name={text.code('SEX', sex)} fill={SEX_COLOURS[sex]} isAnimationActive={false}>
            <LabelList dataKey={sex} position="right" fill={AXIS_TEXT} fontSize={12} />
          </Bar>
        ))}
      </BarChart>
    </ChartFigure>
  );
}

function SingleChart({
  index,
  text,
  table,
  title,
  codes,
  dims,
  label,
}: {
  index: CellIndex;
  text: StatsText;
  table: TableId;
  title: string;
  codes: readonly string[];
  dims: (code: string) => CellDims;
  label: (code: string) => string;
}) {
  const data = codes.map((code) => {
    const hidden = suppressedAt(index, table, dims(code));
    return {
      label: hidden ? text.tx('stats.charts.tickSuppressed', { label: label(code) }) : label(code),
      value: publishedValue(index, table, dims(code)),
    };
  });
  const entries: Entry[] = codes.map((code) => ({
    label: label(code),
    value: publishedValue(index, table, dims(code)),
  }));
  const hidden = codes.filter((code) => suppressedAt(index, table, dims(code))).map(label);
  return (
    <ChartFigure title={title} entries={entries} hidden={hidden} text={text} height={40 + codes.length * 34}>
      <BarChart
        data={data}
        layout="vertical"
        margin={{ top: 8, right: 40, bottom: 8, left: 8 }}
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} stroke={GRID_LINE} />
        <XAxis type="number" allowDecimals={false} tick={{ fill: AXIS_TEXT, fontSize: 12 }} />
        <YAxis type="category" dataKey="label" width={210} tick={{ fill: AXIS_TEXT, fontSize: 12 }} interval={0} />
        <Bar dataKey="value" fill={SINGLE_COLOUR} isAnimationActive={false}>
          <LabelList dataKey="value" position="right" fill={AXIS_TEXT} fontSize={12} />
        </Bar>
      </BarChart>
    </ChartFigure>
  );
}

function ChartFigure({
  title,
  entries,
  hidden,
  text,
  height,
  children,
}: {
  title: string;
  entries: Entry[];
  hidden: string[];
  text: StatsText;
  height: number;
  children: React.ReactElement;
}) {
  const { tx } = text;
  const dataId = useId();
  return (
    <figure className="stat-chart">
      <figcaption className="stat-chart-title">{title}</figcaption>
      {/* The drawing is one image: its figures are in the list below and in the table. */}
      <div
        className="stat-chart-canvas"
        role="img"
        aria-label={tx('stats.charts.imgLabel', { title })}
        aria-describedby={dataId}
      >
        <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 520, height }}>
          {children}
        </ResponsiveContainer>
      </div>
      {hidden.length > 0 ? (
        <p className="stat-chart-hidden">{tx('stats.charts.notShown', { list: hidden.join('; ') })}</p>
      ) : null}
      <details className="stat-chart-data">
        <summary>{tx('stats.charts.dataTitle')}</summary>
        <ul id={dataId} className="plain-list">
          {entries.map((e) => (
            <li key={e.label}>
              {tx('stats.charts.dataItem', {
                label: e.label,
                value: e.value === null ? tx('stats.charts.suppressedValue') : text.number(e.value),
              })}
            </li>
          ))}
        </ul>
      </details>
    </figure>
  );
}
