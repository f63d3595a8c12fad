import { RIGHTS_ITEMS, labelOf } from '../../../../shared/cases/codes';
import { currentLanguage } from '../../i18n';
import { ITEM_FIELDS, RIGHTS_ENTRY_FIELDS, SECTION_FIELDS, type FieldSpec } from './form/spec';
import type { Tx } from './form/tx';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A stored value as text for reading: codes as their labels, yes/no, lists joined. */
export function displayValue(tx: Tx, spec: FieldSpec | undefined, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  const language = currentLanguage();
  if (spec && (spec.kind === 'select' || spec.kind === 'multi')) {
    const codes = Array.isArray(value) ? value : [value];
    return codes.map((c) => labelOf(spec.options, String(c), language)).join(', ');
  }
  if (typeof value === 'boolean') return value ? tx('form.yes') : tx('form.no');
  if (spec?.kind === 'list' && Array.isArray(value)) {
    return value
      .map((entry) =>
        isRecord(entry)
          ? spec.fields
              .filter((f) => entry[f.name] !== undefined && entry[f.name] !== null)
              .map((f) => displayValue(tx, f, entry[f.name]))
              .join(', ')
          : String(entry),
      )
      .join('; ');
  }
  if (Array.isArray(value)) return value.map((v) => displayValue(tx, undefined, v)).join(', ');
  if (isRecord(value))
    return Object.entries(value)
      .map(([k, v]) => `${k}: ${displayValue(tx, undefined, v)}`)
      .join('; ');
  return String(value);
}

const SPEC_GROUPS: Record<string, readonly FieldSpec[]> = { ...SECTION_FIELDS, ...ITEM_FIELDS };

/** The field spec and label of a history entry's field ("reflectionEnd", "items.A.informedOn"). */
export function historyField(tx: Tx, section: string, field: string): { label: string; spec: FieldSpec | undefined } {
  const specs = SPEC_GROUPS[section];
  const rights = /^items\.([A-K])\.(\w+)$/u.exec(field);
  if (section === 'rights' && rights) {
    const item = RIGHTS_ITEMS.find((r) => r.code === rights[1]);
    const spec = RIGHTS_ENTRY_FIELDS.find((f) => f.name === rights[2]);
    return {
      label: `${rights[1]?.toLowerCase() ?? ''}) ${item ? item[currentLanguage()] : ''} – ${tx(`fields.rightsEntry.${rights[2] ?? ''}`)}`,
      spec,
    };
  }
  const spec = specs?.find((s) => s.name === field);
  if (spec) return { label: tx(`fields.${section}.${field}`), spec };
  if (section === 'attachments') {
    const key = `fields.attachments.${field}`;
    const label = tx(key);
    return { label: label === key ? field : label, spec: undefined };
  }
  const key = `history.fields.${field}`;
  const label = tx(key);
  return { label: label === key ? field : label, spec: undefined };
}

export function sectionLabel(tx: Tx, section: string): string {
  if (section in ITEM_FIELDS) return tx(`items.${section}.title`);
  if (section === 'attachments') return tx('history.attachmentsSection');
  const key = `sections.${section}`;
  const label = tx(key);
  return label === key ? section : label;
}
