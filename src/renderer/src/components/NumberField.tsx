import {
  FieldError,
  Group,
  Input,
  Label,
  NumberField as AriaNumberField,
  Text,
  type NumberFieldProps as AriaNumberFieldProps,
} from 'react-aria-components';

export interface NumberFieldProps extends Omit<AriaNumberFieldProps, 'children' | 'className' | 'isInvalid'> {
  label: string;
  description?: string | undefined;
  errorMessage?: string | undefined;
}

export function NumberField({ label, description, errorMessage, ...rest }: NumberFieldProps) {
  return (
    <AriaNumberField {...rest} isInvalid={Boolean(errorMessage)} className="field field-narrow">
      <Label className="field-label">{label}</Label>
      <Group className="number-group">
        <Input className="field-input" />
      </Group>
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
    </AriaNumberField>
  );
}
