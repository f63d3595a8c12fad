import {
  Button as AriaButton,
  FieldError,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select as AriaSelect,
  SelectValue,
  Text,
} from 'react-aria-components';

export interface SelectOption {
  id: string;
  label: string;
}

export interface SelectProps {
  label: string;
  options: readonly SelectOption[];
  value: string | null;
  onChange: (value: string | null) => void;
  description?: string | undefined;
  errorMessage?: string | undefined;
  placeholder?: string;
  isRequired?: boolean;
  autoFocus?: boolean;
}

export function Select({
  label,
  options,
  value,
  onChange,
  description,
  errorMessage,
  placeholder,
  isRequired,
  autoFocus,
}: SelectProps) {
  return (
    <AriaSelect
      className="field"
      value={value}
      onChange={(key) => onChange(key === null ? null : String(key))}
      isInvalid={Boolean(errorMessage)}
      isRequired={isRequired ?? false}
      autoFocus={autoFocus ?? false}
      {...(placeholder ? { placeholder } : {})}
    >
      <Label className="field-label">{label}</Label>
      <AriaButton className="field-input select-trigger">
        <SelectValue className="select-value" />
        <span className="select-chevron" aria-hidden="true">
          ▾
        </span>
      </AriaButton>
      {description ? (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      ) : null}
      <FieldError className="field-error">
        <span className="field-error-icon" aria-hidden="true">
          !
        </span>
        {errorMessage}
      </FieldError>
      <OptionsPopover options={options} />
    </AriaSelect>
  );
}

/** The popover list every select in the app opens: one option per code, labelled in the UI language. */
export function OptionsPopover({ options }: { options: readonly SelectOption[] }) {
  return (
    <Popover className="select-popover">
      <ListBox className="select-list" items={options}>
        {(option) => (
          <ListBoxItem id={option.id} textValue={option.label} className="select-option">
            {option.label}
          </ListBoxItem>
        )}
      </ListBox>
    </Popover>
  );
}
