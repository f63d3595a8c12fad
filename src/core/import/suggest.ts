import type { MappingProfile, ValueSuggestion } from '../../shared/import/schemas';
import { FIELDS, matchCode, simplify, suggestColumns } from './fields';
import type { Table } from './table';

/** Distinct values looked at per column for value suggestions. */
const MAX_DISTINCT = 200;

/**
 * A first mapping for a spreadsheet: columns from their headers (Lithuanian or English), and
 * for code-list columns each distinct value with the code its text matches (labels in both
 * languages, codes, common spellings; case and diacritics ignored), or null.
 */
export function suggestMapping(table: Table, name: string): { profile: MappingProfile; values: ValueSuggestion[] } {
  const columns = suggestColumns(table.headers);
  const values: ValueSuggestion[] = [];
  for (const c of columns) {
    const def = FIELDS[c.field];
    if (def.kind !== 'code' && def.kind !== 'codes') continue;
    const index = table.headers.indexOf(c.header);
    const counts = new Map<string, { value: string; rows: number }>();
    for (const r of table.rows) {
      const raw = r.cells[index] ?? '';
      const parts = def.kind === 'codes' ? raw.split(';') : [raw];
      for (const part of parts) {
        const v = part.trim();
        if (v === '') continue;
        const key = simplify(v);
        const seen = counts.get(key);
        if (seen) seen.rows++;
        else if (counts.size < MAX_DISTINCT) counts.set(key, { value: v, rows: 1 });
      }
    }
    for (const { value, rows } of counts.values())
      values.push({ field: c.field, value, code: matchCode(def, value) ?? null, rows });
  }
  const profile: MappingProfile = {
    format: 'sauga-import-mapping',
    version: 1,
    name,
    columns,
    // Only values that need saying: what the built-in matching cannot tell, the user fills in.
    values: [],
    listSeparator: ';',
  };
  return { profile, values };
}
