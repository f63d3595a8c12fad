import type { Ref } from 'react';
import {
  FieldError,
  Label,
  Text,
  TextArea,
  TextField as AriaTextField,
  type TextFieldProps,
} from 'react-aria-components';

export interface TextAreaFieldProps extends Omit<TextFieldProps, 'children' | 'className' | 'isInvalid'> {
  label: string;
  description?: string | undefined;
  errorMessage?: string | undefined;
  inputRef?: Ref<HTMLTextAreaElement>;
  rows?: number;
  className?: string;
}

/** A multi-line text field; the error is linked to it with aria-describedby like TextField's. */
export function TextAreaField({
  label,
  description,
  errorMessage,
  inputRef,
  rows = 3,
  className,
  ...rest
}: TextAreaFieldProps) {
  return (
    <AriaTextField
      {...rest}
      isInvalid={Boolean(errorMessage)}
      className={['field', className].filter(Boolean).join(' ')}
    >
      <Label className="field-label">{label}</Label>
      <TextArea ref={inputRef} rows={rows} className="field-input field-textarea" />
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
    </AriaTextField>
  );
}
