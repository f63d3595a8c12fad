import { Form as AriaForm, type FormProps as AriaFormProps } from 'react-aria-components';

export interface FormProps extends Omit<AriaFormProps, 'validationBehavior' | 'onSubmit'> {
  /** Called with the default submit already prevented: nothing ever navigates or posts. */
  onSubmit: () => void;
  /** While set, spoken politely by screen readers: what the form is waiting for. */
  busyMessage?: string | undefined;
}

/**
 * Validation is ours (translated), never the browser's native bubbles, which would speak the
 * operating system's language; so the behaviour is 'aria'.
 */
export function Form({ onSubmit, className, busyMessage, children, ...rest }: FormProps) {
  return (
    <AriaForm
      {...rest}
      validationBehavior="aria"
      className={['form', className].filter(Boolean).join(' ')}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
      <p role="status" className="visually-hidden">
        {busyMessage ?? ''}
      </p>
    </AriaForm>
  );
}
