import type { Ref } from 'react';
import {
  FieldError,
  Input,
  Label,
  Text,
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
} from 'react-aria-components';

export interface TextFieldProps extends Omit<AriaTextFieldProps, 'children' | 'className' | 'isInvalid'> {
  label: string;
  description?: string | undefined;
  /** Shown under the field and linked to it with aria-describedby; marks the field invalid. */
  errorMessage?: string | undefined;
  /** Invalid without a message of its own (a group's message explains it). */
  isInvalid?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  className?: string;
  /** Turns off autocorrection and spelling help: for names, passphrases and recovery words. */
  secret?: boolean;
}

export function TextField({
  label,
  description,
  errorMessage,
  isInvalid,
  inputRef,
  className,
  secret,
  ...rest
}: TextFieldProps) {
  return (
    <AriaTextField
      {...rest}
      isInvalid={Boolean(errorMessage) || Boolean(isInvalid)}
      className={['field', className].filter(Boolean).join(' ')}
    >
      <Label className="field-label">{label}</Label>
      <Input
        ref={inputRef}
        className="field-input"
        spellCheck={secret ? false : undefined}
        autoCapitalize={secret ? 'off' : undefined}
        autoCorrect={secret ? 'off' : undefined}
      />
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
