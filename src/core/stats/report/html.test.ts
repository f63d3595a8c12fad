import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type CellStatus,
  type PublishedCell,
  type TableId,
  DIMENSIONS,
  TABLE_IDS,
  TABLES,
} from '../../../shared/stats/model';
import { cellLookup } from './cells';
import { type ReportInput, REPORT_CSP, renderReturnReport } from './html';
import { CODE_LABELS } from '../../../shared/stats/labels';
import { cspWithStyleHash, escapeText } from './markup';
import { summarise } from './words';

// ---------------------------------------------------------------------------------------------
// Fixture: every cell of every table, values from a seed table, statuses overridable by key.

type Dims = Record<string, string>;
const key = (t: TableId, dims: Dims): string =>
  `${t}|${Object.keys(dims)
    .sort()
    .map((d) => `${d}=${dims[d]}`)
    .join('|')}`;

function allDims(t: TableId): Dims[] {
  let out: Dims[] = [{}];
  for (const d of TABLES[t].dims) out = out.flatMap((p) => DIMENSIONS[d].map((c) => ({ ...p, [d]: c })));
  return out;
}

/** Summary figures of statistics.md; other cells get a distinctive published value. */
const KNOWN: Record<string, number> = {
  [key('T1', { VICTIM_STATUS: '_T', SEX: '_T' })]: 133,
  [key('T1', { VICTIM_STATUS: '_T', SEX: 'M' })]: 50,
  [key('T1', { VICTIM_STATUS: 'VOT', SEX: '_T' })]: 80,
  [key('T1', { VICTIM_STATUS: 'AT_RISK', SEX: '_T' })]: 53,
  [key('T1', { VICTIM_STATUS: 'VOT_IDENT', SEX: '_T' })]: 30,
  [key('T1', { VICTIM_STATUS: 'VOT_PRES', SEX: '_T' })]: 50,
  [key('T2', { SEX: '_T', AGE: 'Y_LT18' })]: 12,
  [key('T7', { SERVICE: '_T', SEX: '_T' })]: 152,
  [key('T7', { SERVICE: '_T', SEX: 'M' })]: 55,
};

/** A value no legitimate cell in the fixture has, to prove a suppressed value never leaks. */
const SECRET = 4321;

function cells(statuses: Record<string, CellStatus> = {}, leak = false): PublishedCell[] {
  let n = 100;
  return TABLE_IDS.flatMap((t) =>
    allDims(t).map((dims) => {
      const k = key(t, dims);
      const status = statuses[k] ?? 'published';
      const value = KNOWN[k] ?? n++;
      // With `leak`, suppressed cells arrive carrying a value, as a buggy caller might send.
      const shown = status === 'published' ? value : leak ? SECRET : null;
      return { table: t, dims: dims as PublishedCell['dims'], value: shown, status };
    }),
  );
}

function input(over: Partial<ReportInput> = {}): ReportInput {
  return {
    organisation: 'VšĮ „Pagalbos centras“',
    period: { kind: 'year', year: 2026 },
    sequence: 3,
    packageId: '3f2a6c1e-8d4b-4b7a-9e1f-2c5d7a9b0e14',
    createdAt: '2027-01-15T09:30:00.000Z',
    softwareVersion: '0.1.0',
    params: { k: 5, consentedOnly: false },
    audit: { ok: true, suppressed: { threshold: 2, 'few-persons': 0, 'revealing-zero': 0, linked: 2, revision: 0 } },
    auditHead: { seq: 18342, mac: '9c1d4e7fa2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d' },
    cells: cells(),
    ...over,
  };
}

// ---------------------------------------------------------------------------------------------
// A small HTML tokenizer, enough to check that every element the renderer writes is closed
// and properly nested, that attribute values are quoted, and that text holds no raw `<`.

const VOID = new Set(['meta', 'br', 'hr', 'img', 'input', 'link', 'col', 'area', 'base', 'wbr', 'source']);
const RAW_TEXT = new Set(['style', 'title', 'script', 'textarea']);
/** SVG elements the charts write as self-closing. */
const SVG_SELF_CLOSING = new Set(['rect', 'line', 'path', 'circle']);

function isNameChar(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '-';
}

function checkWellFormed(doc: string): string[] {
  const errors: string[] = [];
  const stack: string[] = [];
  let i = 0;
  const readName = (): string => {
    const start = i;
    while (i < doc.length && isNameChar(doc.charAt(i))) i++;
    return doc.slice(start, i).toLowerCase();
  };
  while (i < doc.length) {
    const c = doc.charAt(i);
    if (c === '&') {
      const end = doc.indexOf(';', i);
      const ref = end < 0 ? '' : doc.slice(i + 1, end);
      const ok =
        ref.length > 0 && ref.length < 10 && [...ref.replace(/^#/, '')].every((ch) => isNameChar(ch) && ch !== '-');
      if (!ok) errors.push(`bare & at ${i}`);
      i++;
      continue;
    }
    if (c !== '<') {
      if (c === '>') errors.push(`bare > at ${i}`);
      i++;
      continue;
    }
    if (doc.startsWith('<!--', i)) {
      const end = doc.indexOf('-->', i);
      i = end < 0 ? doc.length : end + 3;
      continue;
    }
    if (doc.startsWith('<!', i)) {
      i = doc.indexOf('>', i) + 1;
      continue;
    }
    if (doc.charAt(i + 1) === '/') {
      i += 2;
      const name = readName();
      while (doc.charAt(i) === ' ' || doc.charAt(i) === '\n') i++;
      if (doc.charAt(i) !== '>') errors.push(`junk in </${name}> at ${i}`);
      i++;
      const open = stack.pop();
      if (open !== name) errors.push(`</${name}> closes <${open ?? 'nothing'}> at ${i}`);
      continue;
    }
    i++;
    const name = readName();
    if (name === '') {
      errors.push(`bare < at ${i}`);
      continue;
    }
    let selfClosing = false;
    for (;;) {
      while (doc.charAt(i) === ' ' || doc.charAt(i) === '\n') i++;
      const ch = doc.charAt(i);
      if (ch === '>') {
        i++;
        break;
      }
      if (ch === '/' && doc.charAt(i + 1) === '>') {
        selfClosing = true;
        i += 2;
        break;
      }
      const attr = readName();
      if (attr === '') {
        errors.push(`bad attribute in <${name}> at ${i}`);
        i = doc.indexOf('>', i) + 1;
        break;
      }
      if (doc.charAt(i) === '=') {
        i++;
        if (doc.charAt(i) !== '"') errors.push(`unquoted ${attr} in <${name}> at ${i}`);
        const end = doc.indexOf('"', i + 1);
        const value = doc.slice(i + 1, end);
        if (value.includes('<')) errors.push(`< in ${attr} at ${i}`);
        i = end + 1;
      }
    }
    if (VOID.has(name)) continue;
    if (selfClosing) {
      if (!SVG_SELF_CLOSING.has(name)) errors.push(`self-closing <${name}/> at ${i}`);
      continue;
    }
    if (RAW_TEXT.has(name)) {
      const end = doc.indexOf(`</${name}>`, i);
      if (end < 0) errors.push(`unclosed <${name}>`);
      i = end < 0 ? doc.length : end + name.length + 3;
      continue;
    }
    stack.push(name);
  }
  if (stack.length > 0) errors.push(`unclosed: ${stack.join(' > ')}`);
  return errors;
}

/** The markup's indentation is incidental; assertions read the document with whitespace collapsed. */
function render(i: ReportInput): string {
  return renderReturnReport(i).replace(/\s+/g, ' ').replace(/> </g, '><');
}

function between(doc: string, start: string, end: string): string {
  const a = doc.indexOf(start);
  const b = doc.indexOf(end, a);
  return a < 0 || b < 0 ? '' : doc.slice(a, b + end.length);
}

// ---------------------------------------------------------------------------------------------

describe('renderReturnReport: security', () => {
  const hostile = [
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    'O\'Brien & "Sons" </style><script>',
    'Pagalba\u202Eevil\u202C centras',
    '\u2067\u05D0\u2069 isolate \u200B zero\u0000width',
    '</title><meta http-equiv="refresh" content="0;url=https://evil.example">',
  ];

  it.each(hostile)('escapes a hostile organisation name: %j', (organisation) => {
    const doc = render(input({ organisation }));
    expect(doc).not.toMatch(/<script/i);
    expect(doc).not.toMatch(/<img/i);
    expect(doc.match(/<meta /g)?.length).toBe(4);
    expect(doc).not.toMatch(/[\u0000\u200B\u202A-\u202E\u2066-\u2069]/);
    expect(doc).toContain(escapeText(organisation));
    expect(doc).toContain(`<bdi>${escapeText(organisation)}</bdi>`);
    expect(checkWellFormed(doc)).toEqual([]);
  });

  it('shows invisible and direction-changing characters as visible code points', () => {
    expect(escapeText('a\u202Eb')).toBe('a\u27E8U+202E\u27E9b');
    expect(escapeText('<&>"\'')).toBe('&lt;&amp;&gt;&quot;&#39;');
    expect(escapeText('x\uD800y')).toBe('x\uFFFDy');
    expect(escapeText('ąčęėįšųūž')).toBe('ąčęėįšųūž');
  });

  it('escapes every free-text field, not only the organisation', () => {
    const doc = render(
      input({
        packageId: '<b>id</b>',
        createdAt: '<i>now</i>',
        softwareVersion: '<u>v</u>',
        auditHead: { seq: 1, mac: '<s>mac</s>' },
        method: { primary: '<a>', secondary: '<b>', audit: '<c>', solver: '</style>' },
      }),
    );
    expect(doc).not.toMatch(/<(b|i|u|s|a|c)>/);
    expect(doc).toContain('&lt;b&gt;id&lt;/b&gt;');
    expect(checkWellFormed(doc)).toEqual([]);
    // The running footer of the print stylesheet carries the package id as a CSS escape.
    const style = between(doc, '<style>', '</style>');
    expect(style.slice(7, -8)).not.toContain('<');
  });

  it('has no script, no external resource and no URL', () => {
    const doc = render(input());
    expect(doc).not.toMatch(/<script/i);
    expect(doc).not.toMatch(/https?:/i);
    expect(doc).not.toContain('//');
    expect(doc).not.toMatch(/\s(src|href|action|srcset|xlink:href|formaction|ping)=/i);
    expect(doc).not.toMatch(/<(link|iframe|object|embed|img|form|base|foreignObject)\b/i);
    expect(doc).not.toMatch(/@import|url\((?!#chart-)/i);
    expect(doc).not.toMatch(/\son[a-z]+=/i);
  });

  it('declares UTF-8 and a restrictive CSP before anything else in <head>', () => {
    const doc = render(input());
    const head = between(doc, '<head>', '</head>');
    const metas = head.indexOf('<meta charset="utf-8"');
    // The style is allowed by the hash of the exact, uncollapsed text of the one <style> element.
    const raw = renderReturnReport(input());
    const style = raw.slice(raw.indexOf('<style>') + '<style>'.length, raw.indexOf('</style>'));
    const hash = `sha256-${createHash('sha256').update(style, 'utf8').digest('base64')}`;
    const csp = head.indexOf(
      `<meta http-equiv="Content-Security-Policy" content="${escapeText(cspWithStyleHash(hash))}"`,
    );
    expect(raw).not.toContain('unsafe-inline');
    expect(metas).toBeGreaterThan(0);
    expect(csp).toBeGreaterThan(metas);
    expect(csp).toBeLessThan(head.indexOf('<style>'));
    expect(REPORT_CSP).toContain("default-src 'none'");
    expect(REPORT_CSP).not.toContain('script-src');
    expect(doc.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(doc).toMatch(/<html lang="lt" dir="ltr">/);
  });

  it('is deterministic and independent of cell order', () => {
    const a = renderReturnReport(input());
    const b = renderReturnReport(input());
    const c = renderReturnReport(input({ cells: [...cells()].reverse() }));
    expect(b).toBe(a);
    expect(c).toBe(a);
  });
});

describe('renderReturnReport: suppressed cells', () => {
  const suppressed: Record<string, CellStatus> = {
    [key('T1', { VICTIM_STATUS: 'VOT_PRES', SEX: '_U' })]: 'primary',
    [key('T1', { VICTIM_STATUS: 'VOT_PRES', SEX: 'F' })]: 'secondary',
    [key('T4', { EXPLOIT: 'BEGGING' })]: 'primary',
    [key('T4', { EXPLOIT: 'CRIM_ACT' })]: 'secondary',
    [key('T7', { SERVICE: 'RETURN', SEX: 'F' })]: 'primary',
  };

  it('never shows a number for a suppressed cell, even one that arrives with a value', () => {
    const doc = render(input({ cells: cells(suppressed, true) }));
    expect(doc).not.toContain(String(SECRET));
    expect(checkWellFormed(doc)).toEqual([]);
  });

  it('marks each suppressed cell in its table with A or D', () => {
    const doc = render(input({ cells: cells(suppressed) }));
    const t1 = between(doc, '<table id="t1"', '</table>');
    const t4 = between(doc, '<table id="t4"', '</table>');
    const t7 = between(doc, '<table id="t7"', '</table>');
    const count = (s: string, m: string): number => s.split(m).length - 1;
    expect(count(t1, '>\u25C6 A</abbr>')).toBe(1);
    expect(count(t1, '>\u25C7 D</abbr>')).toBe(1);
    expect(count(t4, '>\u25C6 A</abbr>')).toBe(1);
    expect(count(t4, '>\u25C7 D</abbr>')).toBe(1);
    expect(count(t7, '>\u25C6 A</abbr>')).toBe(1);
    // The legend explains the markers, the threshold and the multi-counting tables.
    expect(doc).toContain('k = 5');
    expect(doc).toMatch(/4 ir 6 lentelėse/);
    expect(doc).toMatch(/In tables 4 and 6/);
    expect(doc).toMatch(/Suppressed values are not in the package at all/);
  });

  it('draws no bar for a suppressed cell and says so in the chart description', () => {
    const doc = render(input({ cells: cells(suppressed) }));
    const chart = between(doc, '<svg class="chart" role="img" aria-labelledby="chart-t4-title', '</svg>');
    expect(chart).not.toBe('');
    // Eight categories (EXPLOIT without _T), two of them suppressed.
    expect(chart.match(/<rect x="260"/g)?.length).toBe(6);
    expect(chart).toContain('>\u25C6 A</text>');
    expect(chart).toContain('>\u25C7 D</text>');
    expect(chart).toMatch(/Priverstinis elgetavimas: paslėpta \(A\)/);
    expect(chart).toMatch(/Forced begging: suppressed \(A\)/);
  });

  it('renders a cell absent from the input as a dash, not as zero', () => {
    const k = key('T3', { CITIZENSHIP: 'STLS' });
    const doc = render(input({ cells: cells().filter((c) => key(c.table, c.dims) !== k) }));
    expect(between(doc, '<table id="t3"', '</table>')).toContain('>\u2013</abbr>');
    expect(doc).toContain('The cell is not in the return.');
  });
});

describe('renderReturnReport: summary in words', () => {
  it('states the published figures in both languages', () => {
    const doc = render(input());
    expect(doc).toContain(
      '2026 m. pagalba suteikta 133 asmenims (iš jų 50 vyrų): 80 aukų ir 53 rizikos grupės asmenims.',
    );
    expect(doc).toContain(
      'In 2026, assistance was provided to 133 individuals (50 of them men): 80 victims and 53 people at risk.',
    );
    expect(doc).toContain('Suteiktos 152 paslaugos, iš jų 55 – vyrams.');
    expect(doc).toContain('152 services were rendered, 55 of them to men.');
    expect(doc).toContain('child victims (under 18): 12');
  });

  it('says a figure is not published instead of giving it', () => {
    const doc = render(
      input({
        cells: cells({
          [key('T1', { VICTIM_STATUS: '_T', SEX: 'M' })]: 'secondary',
          [key('T1', { VICTIM_STATUS: 'AT_RISK', SEX: '_T' })]: 'primary',
        }),
      }),
    );
    expect(doc).toContain(
      '2026 m. pagalba suteikta 133 asmenims (vyrų skaičius neskelbiamas): 80 aukų ir rizikos grupės asmenims (skaičius neskelbiamas).',
    );
    expect(doc).toContain(
      'In 2026, assistance was provided to 133 individuals (the number of men is not published): 80 victims and people at risk (number not published).',
    );
    expect(doc).not.toContain('50 of them men');
    expect(doc).toContain('Figures not published are suppressed');
  });

  it('agrees Lithuanian nouns with the number and names quarters and months', () => {
    const withValues = (v: Record<string, number>): PublishedCell[] =>
      cells().map((c) => {
        const k = key(c.table, c.dims);
        return k in v ? { ...c, value: v[k] ?? 0 } : c;
      });
    const s = summarise(
      { kind: 'quarter', year: 2026, quarter: 1 },
      cellLookup(
        withValues({
          [key('T1', { VICTIM_STATUS: '_T', SEX: '_T' })]: 21,
          [key('T1', { VICTIM_STATUS: '_T', SEX: 'M' })]: 11,
          [key('T1', { VICTIM_STATUS: 'VOT', SEX: '_T' })]: 1,
          [key('T1', { VICTIM_STATUS: 'AT_RISK', SEX: '_T' })]: 20,
          [key('T7', { SERVICE: '_T', SEX: '_T' })]: 1,
        }),
      ),
    );
    expect(s.lt[0]).toBe(
      '2026 m. I ketvirtį pagalba suteikta 21 asmeniui (iš jų 11 vyrų): 1 aukai ir 20 rizikos grupės asmenų.',
    );
    expect(s.en[0]).toBe(
      'In the first quarter of 2026, assistance was provided to 21 individuals (11 of them men): 1 victim and 20 people at risk.',
    );
    expect(s.lt[1]).toBe('Suteikta 1 paslauga, iš jų 55 – vyrams.');
    expect(s.en[1]).toBe('1 service was rendered, 55 of them to men.');
    const m = summarise({ kind: 'month', year: 2026, month: 3 }, cellLookup(cells()));
    expect(m.lt[0]).toMatch(/^2026 m\. kovo mėn\. pagalba/);
    expect(m.en[0]).toMatch(/^In March 2026, assistance/);
  });
});

describe('renderReturnReport: structure', () => {
  it('has seven accessible tables with captions and bilingual labels for every code', () => {
    const doc = render(input());
    for (const t of TABLE_IDS) {
      const table = between(doc, `<table id="${t.toLowerCase()}"`, '</table>');
      expect(table, t).not.toBe('');
      expect(table).toMatch(new RegExp(`<caption>\\s*${t}\\. `));
      expect(table).toContain('<th scope="col">');
      expect(table).toContain('<th scope="row"');
      for (const d of TABLES[t].dims) {
        for (const code of DIMENSIONS[d]) {
          const label = (CODE_LABELS[d] as Record<string, { lt: string; en: string }>)[code];
          expect(label, `${d}.${code}`).toBeDefined();
          expect(table).toContain(`<span lang="lt">${escapeText(label?.lt ?? '')}</span>`);
          expect(table).toContain(`<span class="en" lang="en">${escapeText(label?.en ?? '')}</span>`);
        }
      }
    }
    // T6 counts persons, so its total is "any service"; T7 counts services, which add up.
    expect(between(doc, '<table id="t6"', '</table>')).toContain('<span class="en" lang="en">Any service</span>');
    expect(between(doc, '<table id="t7"', '</table>')).not.toContain('Any service');
    expect(doc.match(/<caption>/g)?.length).toBe(8);
    expect(doc).toMatch(/<div lang="lt"><h3>Lietuviškai<\/h3>/);
    expect(doc).toMatch(/<div lang="en"><h3>In English<\/h3>/);
  });

  it('has labelled inline SVG charts whose ids resolve', () => {
    const doc = render(input());
    const svgs = doc.match(/<svg [^>]*>/g) ?? [];
    expect(svgs.length).toBe(3);
    for (const svg of svgs) {
      expect(svg).toContain('role="img"');
      const ids = /aria-labelledby="([^"]+)"/.exec(svg)?.[1]?.split(' ') ?? [];
      expect(ids.length).toBe(2);
      for (const id of ids) expect(doc).toMatch(new RegExp(`<(title|desc) id="${id}">`));
    }
    const ids = [...doc.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('prints the disclosure parameters and the audit chain head in the footer', () => {
    const doc = render(input({ params: { k: 7, consentedOnly: true } }));
    const footer = between(doc, '<footer', '</footer>');
    expect(footer).toContain('k = 7');
    expect(footer).toContain('only cases with recorded consent');
    expect(footer).toContain('18342');
    expect(footer.replace(/<[^>]+>|\s/g, '')).toContain(
      '9c1d4e7fa2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d',
    );
    expect(footer).toMatch(/passed/);
  });

  it('warns when the audit did not pass', () => {
    const doc = render(input({ audit: { ok: false, suppressed: input().audit.suppressed } }));
    expect(doc).toContain('the disclosure-control audit did not pass');
    expect(doc).toContain('NOT PASSED');
  });

  it('is well formed for the fixture', () => {
    expect(checkWellFormed(renderReturnReport(input()))).toEqual([]);
  });

  it('the well-formedness check itself catches broken markup', () => {
    expect(checkWellFormed('<table><tr><td>1</tr></table>')).not.toEqual([]);
    expect(checkWellFormed('<p>a < b</p>')).not.toEqual([]);
    expect(checkWellFormed('<p title=x>a</p>')).not.toEqual([]);
    expect(checkWellFormed('<svg><rect/></svg><p>a &amp; b</p>')).toEqual([]);
  });
});
