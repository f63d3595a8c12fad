import { createHash } from 'node:crypto';
/**
 * Markup built only through the `html` tag below, so that escaping is structural: a string
 * can reach the output only escaped, and only `Markup` produced by this module passes through
 * unchanged. The report is opened in a browser at the ministry from a package that came from
 * outside, and the organisation name and version strings are free text.
 */

export class Markup {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Interpolation = string | number | Markup | readonly Markup[];

/**
 * Characters that are invisible or reorder text: bidi embeddings, overrides and isolates
 * (a name containing U+202E would display reversed and could spill into the text around it),
 * zero-width characters (hide differences between two names) and C0/C1 controls (NUL is a
 * parse error). They are shown as a visible code point so the reader sees that they are there.
 */
const INVISIBLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB]/g;

/** A lone surrogate cannot be encoded as UTF-8; the encoder would substitute it anyway. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape for element content and quoted attribute values alike. */
export function escapeText(s: string): string {
  return s
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(INVISIBLE, (c) => `\u27E8U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}\u27E9`)
    .replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

function render(v: Interpolation): string {
  if (v instanceof Markup) return v.value;
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') return escapeText(v);
  return v.map((m) => m.value).join('');
}

/**
 * Numbers come from typed input but are checked anyway: NaN or Infinity in a statistics
 * report would be read as data. SVG coordinates are rounded to 0.1 so output is stable.
 */
function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '?';
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 10) / 10);
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Markup {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i] as Interpolation) + (strings[i + 1] ?? '');
  return new Markup(out);
}

export function join(parts: readonly Markup[], separator = ''): Markup {
  return new Markup(parts.map((p) => p.value).join(separator));
}

/**
 * A string for a CSS `content:` value inside the <style> element: everything but plain ASCII
 * letters, digits, space and hyphen becomes a CSS escape, so neither a quote nor `</style>`
 * can end the string or the element.
 */
export function cssString(s: string): string {
  let out = '"';
  for (const ch of s.replace(LONE_SURROGATE, '\uFFFD')) {
    out += /^[A-Za-z0-9 -]$/.test(ch) ? ch : `\\${(ch.codePointAt(0) ?? 0xfffd).toString(16)} `;
  }
  return `${out}"`;
}

/**
 * The stylesheet is the one text inserted unescaped (entities mean nothing inside <style>).
 * It is our own constant CSS with interpolations passed through cssString; the check is a
 * backstop against a future edit that lets `<` in.
 */
export function trustedCss(css: string): Markup {
  if (css.includes('<')) throw new Error('stylesheet must not contain "<"');
  return new Markup(css);
}

/** Where the CSP's style hash goes until the document is complete. */
export const STYLE_HASH_SLOT = '__SAUGA_STYLE_HASH__';

/**
 * The report's CSP with its one <style> element allowed by hash rather than 'unsafe-inline':
 * even markup injected past the escaping could then not add a style, and nothing else may load
 * (no script, no fetch, no form target, no base URL). Inline SVG is part of the document and
 * needs no img-src.
 */
export const cspWithStyleHash = (hash: string): string =>
  `default-src 'none'; style-src '${hash}'; base-uri 'none'; form-action 'none'`;

/**
 * Fill the style hash into a finished document: SHA-256 of the exact text of its single
 * <style> element, computed after rendering so formatting of the template cannot break it.
 */
export function withStyleHash(doc: string): string {
  const open = doc.indexOf('<style>');
  const close = doc.indexOf('</style>', open);
  if (open < 0 || close < 0 || doc.indexOf('<style', open + 1) >= 0) throw new Error('expected exactly one <style>');
  const css = doc.slice(open + '<style>'.length, close);
  const hash = `sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}`;
  return doc.replace(STYLE_HASH_SLOT, hash);
}
