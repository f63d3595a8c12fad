import { useTranslation } from 'react-i18next';
import { StrengthMeter, TextField } from '../../components';
import { PASSPHRASE_MIN_LENGTH } from '../../../../shared/vault';
import type { NewPassphraseErrors, StrengthState } from './passphrase';

export interface NewPassphraseFieldsProps {
  passphrase: string;
  repeat: string;
  onPassphraseChange: (value: string) => void;
  onRepeatChange: (value: string) => void;
  strength: StrengthState;
  errors: NewPassphraseErrors;
  label?: string;
  repeatLabel?: string;
}

/** A new passphrase, its live strength, and the repeat field. */
export function NewPassphraseFields(props: NewPassphraseFieldsProps) {
  const { t } = useTranslation();
  return (
    <div className="passphrase-fields">
      <TextField
        type="password"
        autoComplete="new-password"
        secret
        isRequired
        maxLength={1024}
        label={props.label ?? t('passphrase.label')}
        description={t('passphrase.hint', { min: PASSPHRASE_MIN_LENGTH })}
        value={props.passphrase}
        onChange={props.onPassphraseChange}
        errorMessage={props.errors.passphrase}
      />
      <StrengthMeter strength={props.strength.strength} checking={props.strength.checking} />
      <TextField
        type="password"
        autoComplete="new-password"
        secret
        isRequired
        maxLength={1024}
        label={props.repeatLabel ?? t('passphrase.repeat')}
        value={props.repeat}
        onChange={props.onRepeatChange}
        errorMessage={props.errors.repeat}
      />
    </div>
  );
}
