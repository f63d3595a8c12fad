export { Alert, type AlertTone } from './Alert';
export { Button, type ButtonVariant } from './Button';
export { Form } from './Form';
export { NumberField } from './NumberField';
export { ScreenTitle } from './ScreenTitle';
export { Select, type SelectOption } from './Select';
export { StrengthMeter } from './StrengthMeter';
export { TextField } from './TextField';
