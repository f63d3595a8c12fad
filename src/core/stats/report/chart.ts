import type { CellView } from './cells';
import type { Bilingual } from '../../../shared/stats/labels';
import { type Markup, html, join } from './markup';

/**
 * Horizontal bar charts as inline SVG. Inline because the report may load nothing (its CSP
 * forbids every fetch) and an inline <svg> is part of the document, not a resource. Every bar
 * carries its number as text, and series differ by lightness and hatching as well as hue, so
 * the chart reads in black-and-white print. Suppressed cells get no bar, only their marker:
 * a bar of any length would suggest a value.
 */

export interface Series {
  label: Bilingual;
}

export interface Category {
  label: Bilingual;
  /** One view per series, in series order. */
  values: readonly CellView[];
}

export interface BarChart {
  /** Unique in the document; a fixed code, never free text. */
  id: string;
  title: Bilingual;
  series: readonly Series[];
  categories: readonly Category[];
}

const WIDTH = 700;
const LABEL_W = 250;
const PLOT_X = LABEL_W + 10;
const PLOT_W = WIDTH - PLOT_X - 60;
const BAR_H = 13;
const BAR_GAP = 2;
const GROUP_PAD = 6;
const LEGEND_H = 26;
const AXIS_H = 24;

/** Fill per series position: dark solid, light solid with an outline, hatched. */
function fillOf(chartId: string, series: number): string {
  return ['#1f4e79', '#a9c8e8', `url(#${chartId}-hatch)`][series % 3] ?? '#1f4e79';
}

export const MARKERS = { primary: '\u25C6 A', secondary: '\u25C7 D', missing: '\u2013' } as const;

export function niceStep(max: number): number {
  const rough = max / 5;
  const mag = 10 ** Math.floor(Math.log10(rough));
  for (const m of [1, 2, 5, 10]) {
    if (m * mag >= rough) return Math.max(1, m * mag);
  }
  return Math.max(1, 10 * mag);
}

function describeValue(v: CellView): Bilingual {
  if (v.kind === 'value') return { lt: String(v.value), en: String(v.value) };
  if (v.kind === 'primary') return { lt: 'paslėpta (A)', en: 'suppressed (A)' };
  if (v.kind === 'secondary') return { lt: 'paslėpta (D)', en: 'suppressed (D)' };
  return { lt: 'nėra duomenų', en: 'no data' };
}

/** The data in words, for screen readers: the SVG's text is hidden from them by role="img". */
function description(c: BarChart): Bilingual {
  const part = (lang: 'lt' | 'en'): string =>
    c.categories
      .map((cat) => {
        const vals = cat.values.map((v, i) => {
          const s = c.series[i];
          const prefix = c.series.length > 1 && s ? `${s.label[lang]} ` : '';
          return `${prefix}${describeValue(v)[lang]}`;
        });
        return `${cat.label[lang]}: ${vals.join(', ')}`;
      })
      .join('; ');
  return { lt: part('lt'), en: part('en') };
}

export function renderBarChart(c: BarChart): Markup {
  const n = c.series.length;
  const published = c.categories.flatMap((cat) => cat.values.flatMap((v) => (v.kind === 'value' ? [v.value] : [])));
  const max = Math.max(0, ...published);
  const step = niceStep(Math.max(max, 1));
  const top = Math.max(step, Math.ceil(max / step) * step);
  const scale = (v: number): number => (v / top) * PLOT_W;

  const legendH = n > 1 ? LEGEND_H : 0;
  // Each category is tall enough for its two-line label even with a single series.
  const groupH = Math.max(n * (BAR_H + BAR_GAP) - BAR_GAP, 22) + GROUP_PAD;
  const plotTop = legendH + 4;
  const plotH = c.categories.length * groupH;
  const height = plotTop + plotH + AXIS_H;

  const grid: Markup[] = [];
  for (let t = 0; t <= top; t += step) {
    const x = PLOT_X + scale(t);
    grid.push(html`<line class="grid" x1="${x}" y1="${plotTop}" x2="${x}" y2="${plotTop + plotH}" />`);
    grid.push(html`<text class="tick" x="${x}" y="${plotTop + plotH + 15}" text-anchor="middle">${t}</text>`);
  }

  const groups = c.categories.map((cat, gi) => {
    const gy = plotTop + gi * groupH + GROUP_PAD / 2;
    const barsH = n * (BAR_H + BAR_GAP) - BAR_GAP;
    const barsY = gy + (groupH - GROUP_PAD - barsH) / 2;
    const mid = gy + (groupH - GROUP_PAD) / 2;
    const label = html`<text class="cat" x="${LABEL_W}" y="${mid - 2}" text-anchor="end"
      ><tspan lang="lt">${cat.label.lt}</tspan
      ><tspan class="en" lang="en" x="${LABEL_W}" dy="11.5">${cat.label.en}</tspan></text
    >`;
    const bars = cat.values.map((v, si) => {
      const y = barsY + si * (BAR_H + BAR_GAP);
      const ty = y + BAR_H - 3;
      if (v.kind !== 'value') {
        return html`<text class="mark" x="${PLOT_X + 4}" y="${ty}">${MARKERS[v.kind]}</text>`;
      }
      const w = scale(v.value);
      const fill = fillOf(c.id, si);
      return html`<rect
          x="${PLOT_X}"
          y="${y}"
          width="${w}"
          height="${BAR_H}"
          fill="${fill}"
          stroke="#1f4e79"
          stroke-width="${w > 0 ? 0.8 : 0}"
        /><text class="val" x="${PLOT_X + w + 4}" y="${ty}">${v.value}</text>`;
    });
    return html`<g>${label}${bars}</g>`;
  });

  const legend =
    n > 1
      ? c.series.map((s, si) => {
          const x = PLOT_X + si * 140;
          const fill = fillOf(c.id, si);
          return html`<rect
              x="${x}"
              y="6"
              width="12"
              height="12"
              fill="${fill}"
              stroke="#1f4e79"
              stroke-width="0.8"
            /><text class="leg" x="${x + 17}" y="16"
              ><tspan lang="lt">${s.label.lt}</tspan> / <tspan class="en" lang="en">${s.label.en}</tspan></text
            >`;
        })
      : [];

  const desc = description(c);
  const titleId = `${c.id}-title`;
  const descId = `${c.id}-desc`;
  return html`<svg
    class="chart"
    role="img"
    aria-labelledby="${titleId} ${descId}"
    viewBox="0 0 ${WIDTH} ${height}"
    width="${WIDTH}"
    height="${height}"
    preserveAspectRatio="xMinYMin meet"
  >
    <title id="${titleId}">${c.title.lt} / ${c.title.en}</title>
    <desc id="${descId}">${desc.lt}. ${desc.en}.</desc>
    <defs>
      <pattern id="${c.id}-hatch" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="5" height="5" fill="#fff" />
        <line x1="0" y1="0" x2="0" y2="5" stroke="#1f4e79" stroke-width="2" />
      </pattern>
    </defs>
    ${join(legend)}${join(grid)}
    <line class="axis" x1="${PLOT_X}" y1="${plotTop}" x2="${PLOT_X}" y2="${plotTop + plotH}" />
    ${join(groups)}
  </svg>`;
}
