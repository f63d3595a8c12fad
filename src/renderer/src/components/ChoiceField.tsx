import { memo, type Ref } from 'react';
import {
  Button as AriaButton,
  FieldError,
  Label,
  Select as AriaSelect,
  SelectValue,
  Text,
  type Key,
} from 'react-aria-components';
import { OptionsPopover, type SelectOption } from './Select';

/** The key of the explicit "not recorded" option: react-aria keys cannot be empty. */
const NONE = '__none';

interface CommonProps {
  label: string;
  options: readonly SelectOption[];
  description?: string | undefined;
  errorMessage?: string | undefined;
  isDisabled?: boolean;
  triggerRef?: Ref<HTMLButtonElement>;
  onBlur?: () => void;
  className?: string;
  placeholder?: string;
}

export interface ChoiceFieldProps extends CommonProps {
  /** '' when nothing is chosen. */
  value: string;
  onChange: (value: string) => void;
  /** Label of the first option, which clears the field; omitted: the field cannot be cleared. */
  noneLabel?: string | undefined;
}

/** Description and error, under the control like TextField's. */
function Help({ description, errorMessage }: Pick<CommonProps, 'description' | 'errorMessage'>) {
  return (
    <>
      {description ? (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      ) : null}
      {errorMessage ? (
        <FieldError className="field-error">
          <span className="field-error-icon" aria-hidden="true">
            !
          </span>
          {errorMessage}
        </FieldError>
      ) : null}
    </>
  );
}

function Trigger({ triggerRef }: { triggerRef?: Ref<HTMLButtonElement> | undefined }) {
  return (
    <AriaButton ref={triggerRef} className="field-input select-trigger">
      <SelectValue className="select-value" />
      <span className="select-chevron" aria-hidden="true">
        ▾
      </span>
    </AriaButton>
  );
}

/** One value from a code list, with an optional explicit "not recorded" choice to clear it. */
export const ChoiceField = memo(function ChoiceField({
  value,
  onChange,
  noneLabel,
  options,
  className,
  ...common
}: ChoiceFieldProps) {
  const items = noneLabel ? [{ id: NONE, label: noneLabel }, ...options] : options;
  return (
    <AriaSelect
      className={['field', className].filter(Boolean).join(' ')}
      value={value === '' ? (noneLabel ? NONE : null) : value}
      onChange={(key: Key | null) => onChange(key === null || key === NONE ? '' : String(key))}
      isInvalid={Boolean(common.errorMessage)}
      isDisabled={common.isDisabled ?? false}
      placeholder={common.placeholder ?? noneLabel ?? ''}
      {...(common.onBlur ? { onBlur: common.onBlur } : {})}
    >
      <Label className="field-label">{common.label}</Label>
      <Trigger triggerRef={common.triggerRef} />
      <Help description={common.description} errorMessage={common.errorMessage} />
      <OptionsPopover options={items} />
    </AriaSelect>
  );
});

export interface MultiChoiceFieldProps extends CommonProps {
  value: readonly string[];
  onChange: (value: string[]) => void;
}

/** Several values from a code list: a select whose list keeps open for more choices. */
export const MultiChoiceField = memo(function MultiChoiceField({
  value,
  onChange,
  options,
  className,
  ...common
}: MultiChoiceFieldProps) {
  return (
    <AriaSelect
      selectionMode="multiple"
      className={['field', className].filter(Boolean).join(' ')}
      value={value}
      onChange={(keys: readonly Key[]) => onChange(keys.map(String))}
      isInvalid={Boolean(common.errorMessage)}
      isDisabled={common.isDisabled ?? false}
      placeholder={common.placeholder ?? ''}
      {...(common.onBlur ? { onBlur: common.onBlur } : {})}
    >
      <Label className="field-label">{common.label}</Label>
      <Trigger triggerRef={common.triggerRef} />
      <Help description={common.description} errorMessage={common.errorMessage} />
      <OptionsPopover options={options} />
    </AriaSelect>
  );
});
