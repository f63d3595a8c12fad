import { useTranslation } from 'react-i18next';
import type { AuditFinding, SuppressionReason } from '../../../../shared/stats/dto';
import { TABLES, type CellDims, type Dimension, type Period, type TableId } from '../../../../shared/stats/model';

const locales = { lt: 'lt-LT', en: 'en-GB' } as const;

/**
 * Translation by keys built at run time (a dimension, a code, a reason): the typed `t` takes
 * literal keys only. Every such key exists for every code of `DIMENSIONS` — stats.lt.ts says
 * so with `satisfies`, and stats.en.ts is typed from it.
 */
type Tx = (key: string, options?: Record<string, unknown>) => string;

export interface StatsText {
  tx: Tx;
  locale: string;
  /** The label of one code of a dimension ("Female", "Presumed victims"). */
  code: (dim: Dimension, code: string) => string;
  dimension: (dim: Dimension) => string;
  tableTitle: (table: TableId) => string;
  period: (p: Period) => string;
  number: (n: number) => string;
  timestamp: (iso: string) => string;
  reason: (reason: SuppressionReason | null, k: number) => string;
  /** A cell named by the labels of its codes, in the table's dimension order. */
  cell: (table: TableId, dims: CellDims) => string;
  attacker: (attacker: AuditFinding['attacker']) => string;
}

export function useStatsText(): StatsText {
  const { t, i18n } = useTranslation();
  const tx = t as unknown as Tx;
  const locale = locales[i18n.resolvedLanguage === 'en' ? 'en' : 'lt'];
  const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const code = (dim: Dimension, c: string): string => {
    const key = `stats.codes.${dim}.${c}`;
    const label = tx(key);
    // An unknown code (a newer core) shows as itself rather than as a key path.
    return label === key ? c : label;
  };
  return {
    tx,
    locale,
    code,
    dimension: (dim) => tx(`stats.dimensions.${dim}`),
    tableTitle: (table) => tx(`stats.tables.titles.${table}`),
    period: (p) => {
      if (p.kind === 'year') return tx('stats.period.labelYear', { year: p.year });
      if (p.kind === 'quarter') return tx('stats.period.labelQuarter', { year: p.year, quarter: p.quarter });
      return tx('stats.period.labelMonth', { year: p.year, month: tx(`stats.period.months.${p.month}`) });
    },
    number: (n) => numberFormat.format(n),
    timestamp: (iso) => {
      const d = new Date(iso);
      if (Number.isNaN(d.getTime())) return iso;
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
    },
    reason: (reason, k) => tx(`stats.reasons.${reason ?? 'unknown'}`, { k }),
    cell: (table, dims) =>
      TABLES[table].dims
        .map((d) => code(d, dims[d] ?? ''))
        .filter(Boolean)
        .join(', '),
    attacker: (attacker) => tx(`stats.audit.attackers.${attacker}`),
  };
}

/** Long hexadecimal strings in groups of four, so they can be read aloud and compared. */
export function groupHex(hex: string, size = 4): string {
  return (hex.match(new RegExp(`.{1,${size}}`, 'gu')) ?? []).join(' ');
}

/** A fingerprint as given (groups of digits); extra whitespace collapsed. */
export function groupFingerprint(fp: string): string[] {
  return fp.trim().split(/\s+/u).filter(Boolean);
}
