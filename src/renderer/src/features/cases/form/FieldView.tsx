import { Controller, useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { RIGHTS_ITEMS, type CodeEntry } from '../../../../../shared/cases/codes';
import {
  Button,
  ChoiceField,
  MultiChoiceField,
  TextAreaField,
  TextField,
  type SelectOption,
} from '../../../components';
import { currentLanguage } from '../../../i18n';
import { errorAt } from './resolver';
import { blankEntry, RIGHTS_ENTRY_FIELDS, type FieldSpec, type Group } from './spec';
import { useTx } from './tx';

export interface FieldContext {
  /** Options of the 'consent' field: the case's own consent records. */
  consents?: readonly SelectOption[];
  disabled?: boolean;
  /** Three to a row and no date hints (the section explains the format once): long repeated groups. */
  compact?: boolean;
}

export function codeOptions(list: readonly CodeEntry[]): SelectOption[] {
  const language = currentLanguage();
  return list.map((e) => ({ id: e.code, label: e[language] }));
}

/** The fields of one spec list, laid out on the form grid. */
export function FieldGrid({
  specs,
  group,
  prefix = '',
  context = {},
}: {
  specs: readonly FieldSpec[];
  group: Group;
  prefix?: string;
  context?: FieldContext;
}) {
  return (
    <div className={context.compact ? 'form-grid form-grid-compact' : 'form-grid'}>
      {specs.map((spec) => (
        <FieldView key={spec.name} spec={spec} group={group} name={`${prefix}${spec.name}`} context={context} />
      ))}
    </div>
  );
}

function FieldView({
  spec,
  group,
  name,
  context,
}: {
  spec: FieldSpec;
  group: Group;
  name: string;
  context: FieldContext;
}) {
  const { t } = useTranslation();
  const tx = useTx();
  const { control, formState } = useFormContext();
  const label = tx(`fields.${group}.${spec.name}`);
  const rawError = errorAt(formState.errors, name);
  const errorMessage = rawError ? tx(rawError.startsWith('validation.') ? rawError : 'validation.invalid') : undefined;
  const className = spec.wide ? 'grid-wide' : undefined;
  const disabled = context.disabled ?? false;

  if (spec.kind === 'list') return <ListField spec={spec} name={name} context={context} />;
  if (spec.kind === 'rights') return <RightsField name={name} context={context} />;

  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => {
        switch (spec.kind) {
          case 'select':
          case 'consent':
          case 'bool': {
            const options =
              spec.kind === 'select'
                ? codeOptions(spec.options)
                : spec.kind === 'consent'
                  ? [...(context.consents ?? [])]
                  : [
                      { id: 'yes', label: t('form.yes') },
                      { id: 'no', label: t('form.no') },
                    ];
            return (
              <ChoiceField
                className={className}
                label={label}
                options={options}
                value={String(field.value ?? '')}
                onChange={field.onChange}
                onBlur={field.onBlur}
                triggerRef={field.ref}
                noneLabel={t('form.notSet')}
                errorMessage={errorMessage}
                isDisabled={disabled}
              />
            );
          }
          case 'multi':
            return (
              <MultiChoiceField
                className={className}
                label={label}
                options={codeOptions(spec.options)}
                value={Array.isArray(field.value) ? (field.value as string[]) : []}
                onChange={field.onChange}
                onBlur={field.onBlur}
                triggerRef={field.ref}
                placeholder={t('form.notSet')}
                description={t('form.chooseMany')}
                errorMessage={errorMessage}
                isDisabled={disabled}
              />
            );
          case 'textarea':
          case 'lines':
            return (
              <TextAreaField
                className={className}
                label={label}
                value={String(field.value ?? '')}
                onChange={field.onChange}
                onBlur={field.onBlur}
                inputRef={field.ref}
                description={spec.kind === 'lines' ? t('form.linesHint') : undefined}
                errorMessage={errorMessage}
                isReadOnly={disabled}
              />
            );
          default: {
            const description = context.compact
              ? undefined
              : spec.kind === 'partialDate'
                ? t('form.partialDateHint')
                : spec.kind === 'date'
                  ? t('form.fullDateHint')
                  : spec.kind === 'money'
                    ? t('form.moneyHint')
                    : undefined;
            return (
              <TextField
                className={className}
                label={label}
                value={String(field.value ?? '')}
                onChange={field.onChange}
                onBlur={field.onBlur}
                inputRef={field.ref}
                description={description}
                errorMessage={errorMessage}
                isReadOnly={disabled}
                inputMode={spec.kind === 'number' ? 'numeric' : spec.kind === 'money' ? 'decimal' : undefined}
              />
            );
          }
        }
      }}
    />
  );
}

function ListField({
  spec,
  name,
  context,
}: {
  spec: Extract<FieldSpec, { kind: 'list' }>;
  name: string;
  context: FieldContext;
}) {
  const tx = useTx();
  const { control } = useFormContext();
  const { fields, append, remove } = useFieldArray({ control, name });
  return (
    <fieldset className="fieldset grid-wide">
      <legend className="fieldset-legend">{tx(`lists.${spec.group}.title`)}</legend>
      {fields.map((entry, index) => {
        const title = tx(`lists.${spec.group}.one`, { n: index + 1 });
        return (
          <fieldset key={entry.id} className="fieldset fieldset-entry">
            <legend className="fieldset-legend">{title}</legend>
            <FieldGrid specs={spec.fields} group={spec.group} prefix={`${name}.${index}.`} context={context} />
            {context.disabled ? null : (
              <div className="actions">
                <Button variant="quiet" onPress={() => remove(index)}>
                  {tx('lists.removeOne', { what: title })}
                </Button>
              </div>
            )}
          </fieldset>
        );
      })}
      {context.disabled ? null : (
        <div className="actions">
          <Button variant="secondary" onPress={() => append(blankEntry(spec.fields))}>
            {tx(`lists.${spec.group}.add`)}
          </Button>
        </div>
      )}
    </fieldset>
  );
}

function RightsField({ name, context }: { name: string; context: FieldContext }) {
  const language = currentLanguage();
  return (
    <div className="rights grid-wide">
      {RIGHTS_ITEMS.map((item) => (
        <fieldset key={item.code} className="fieldset fieldset-entry">
          <legend className="fieldset-legend">
            <span className="rights-letter">{item.code.toLowerCase()})</span> {item[language]}
          </legend>
          <FieldGrid
            specs={RIGHTS_ENTRY_FIELDS}
            group="rightsEntry"
            prefix={`${name}.${item.code}.`}
            context={{ ...context, compact: true }}
          />
        </fieldset>
      ))}
    </div>
  );
}
