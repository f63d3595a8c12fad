import { useTranslation } from 'react-i18next';
import { Select, TextField } from '../../components';

export interface UserFieldProps {
  users: readonly string[];
  value: string;
  onChange: (value: string) => void;
  errorMessage?: string | undefined;
}

/** A list of the vault's users when the slot file could be read; a text field when it could not. */
export function UserField({ users, value, onChange, errorMessage }: UserFieldProps) {
  const { t } = useTranslation();
  if (users.length === 0) {
    return (
      <TextField
        label={t('unlock.userName')}
        value={value}
        onChange={onChange}
        isRequired
        maxLength={64}
        autoComplete="username"
        secret
        errorMessage={errorMessage}
      />
    );
  }
  return (
    <Select
      label={t('unlock.user')}
      options={users.map((u) => ({ id: u, label: u }))}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      isRequired
      errorMessage={errorMessage}
    />
  );
}
