import { cssString } from './markup';

/**
 * The one stylesheet, inline because the CSP allows no fetch. Designed for A4 print first:
 * black text on white, rules rather than shading (browsers drop backgrounds when printing
 * unless asked), bold and borders for totals, each major section on a new page, and no table
 * or chart split across pages. Fonts are common system fonts that all cover Lithuanian
 * letters; none is loaded.
 */
export function stylesheet(running: { packageId: string; period: string }): string {
  return `
@page {
  size: A4;
  margin: 16mm 15mm 18mm 15mm;
  @bottom-left { content: "Sauga \\2014  " ${cssString(running.period)} " \\2014  " ${cssString(running.packageId)}; font: 7.5pt sans-serif; }
  @bottom-right { content: counter(page) " / " counter(pages); font: 7.5pt sans-serif; }
}
:root { color-scheme: light; }
html { background: #fff; color: #000; }
body {
  margin: 0 auto;
  max-width: 180mm;
  font-family: "Segoe UI", "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
  font-size: 10pt;
  line-height: 1.4;
}
@media screen {
  body { padding: 12mm 8mm; }
}
h1 { font-size: 16pt; line-height: 1.25; margin: 0 0 2mm; }
h1 .en { display: block; font-size: 13pt; font-weight: normal; }
h2 { font-size: 13pt; margin: 0 0 3mm; padding-bottom: 1mm; border-bottom: 1.5pt solid #000; break-after: avoid; }
h3 { font-size: 11pt; margin: 5mm 0 2mm; break-after: avoid; }
.en { font-style: italic; }
h2 .en, h3 .en, th .en, caption .en { font-weight: normal; }
.sep { color: #444; }
.org { font-size: 13pt; font-weight: bold; overflow-wrap: anywhere; margin: 3mm 0; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 5mm; margin: 3mm 0 5mm; }
dl.meta dt { font-weight: bold; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
code, .mono { font-family: "Consolas", "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 9pt; overflow-wrap: anywhere; }
.summary { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; border-top: 0.75pt solid #000; border-bottom: 0.75pt solid #000; padding: 2mm 0; margin-bottom: 5mm; }
.summary p { margin: 1.5mm 0; }
.summary .lead { font-size: 11pt; font-weight: bold; }
.summary h3 { margin-top: 1mm; }
.warning { border: 2pt solid #000; padding: 2mm 3mm; font-weight: bold; }
section.major { break-before: page; }
table { border-collapse: collapse; width: 100%; margin: 0 0 2mm; break-inside: avoid; }
caption { caption-side: top; text-align: left; font-weight: bold; padding: 0 0 1.5mm; }
caption .unit { font-weight: normal; }
th, td { border: 0.5pt solid #555; padding: 1mm 1.5mm; vertical-align: top; }
thead th { border-bottom: 1pt solid #000; text-align: right; vertical-align: bottom; }
thead th:first-child, tbody th { text-align: left; }
tbody th { font-weight: normal; }
td { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; width: 11%; }
thead th .sep { display: none; }
thead th .en { display: block; }
abbr { text-decoration: none; cursor: help; }
.mac .g { display: inline-block; white-space: nowrap; margin-right: 0.35em; }
tr.total th, tr.total td { font-weight: bold; border-top: 1.25pt solid #000; }
th.sub { padding-left: 6mm; }
td.q { font-weight: normal; }
tr.total td.q { font-weight: normal; }
.note { font-size: 8.5pt; margin: 0 0 5mm; }
.tablewrap { break-inside: avoid; margin-bottom: 6mm; }
figure { margin: 0 0 7mm; break-inside: avoid; }
figcaption { font-weight: bold; margin-bottom: 1.5mm; }
figcaption .en { font-weight: normal; }
svg.chart { display: block; width: 100%; height: auto; font-family: inherit; }
svg.chart text { font-size: 10.5px; fill: #000; }
svg.chart text.en, svg.chart tspan.en { font-style: italic; fill: #333; }
svg.chart .grid { stroke: #bbb; stroke-width: 0.6; }
svg.chart .axis { stroke: #000; stroke-width: 1; }
svg.chart text.tick { font-size: 9px; fill: #333; }
svg.chart text.mark { font-style: italic; }
.legend { break-inside: avoid; }
.legend dl { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 4mm; }
.legend dt { font-weight: bold; white-space: nowrap; }
.legend dd { margin: 0; }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; }
.cols > div > p:first-child { margin-top: 0; }
footer { break-before: page; }
footer table { width: auto; min-width: 60%; }
footer td { width: auto; }
@media print { .screen-only { display: none; } }
`;
}
