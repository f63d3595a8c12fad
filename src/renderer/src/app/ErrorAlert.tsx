import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../shared/errors';
import { Alert } from '../components';

/** The translated explanation of an error code; the code itself never reaches the user. */
export function ErrorAlert({ code }: { code: ErrorCode | null }) {
  const { t } = useTranslation();
  if (!code) return null;
  return (
    <Alert tone="error" className="error-alert">
      <span data-error-code={code}>{t(`errors.${code}`)}</span>
    </Alert>
  );
}
