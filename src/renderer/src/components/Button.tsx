import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';

export type ButtonVariant = 'primary' | 'secondary' | 'quiet' | 'danger';

export interface ButtonProps extends Omit<AriaButtonProps, 'className' | 'isPending'> {
  variant?: ButtonVariant;
  className?: string;
  /**
   * Work is running: the button keeps its focus (a disabled button would drop it) but is
   * marked aria-disabled and ignores presses. Forms announce the work in their own status
   * region; react-aria's isPending announcement outlives the button and points at nothing.
   */
  isBusy?: boolean;
}

/** A react-aria button: pressable by mouse, touch, Enter and Space, with a visible focus ring. */
export function Button({ variant = 'secondary', className, isBusy = false, onPress, ...rest }: ButtonProps) {
  return (
    <AriaButton
      {...rest}
      onPress={isBusy ? undefined : onPress}
      aria-disabled={isBusy || undefined}
      data-busy={isBusy || undefined}
      className={['btn', `btn-${variant}`, className].filter(Boolean).join(' ')}
    />
  );
}
