import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type AlertTone = 'error' | 'warning' | 'success' | 'info';

const icons: Record<AlertTone, string> = { error: '!', warning: '!', success: '✓', info: 'i' };

export interface AlertProps {
  tone: AlertTone;
  children: ReactNode;
  className?: string;
}

/**
 * A message with its tone spelled out in words as well as colour. Errors and warnings are
 * announced at once (role=alert); successes and notices politely (role=status).
 */
export function Alert({ tone, children, className }: AlertProps) {
  const { t } = useTranslation();
  return (
    <div
      role={tone === 'error' || tone === 'warning' ? 'alert' : 'status'}
      className={['alert', `alert-${tone}`, className].filter(Boolean).join(' ')}
    >
      <span className="alert-icon" aria-hidden="true">
        {icons[tone]}
      </span>
      <div className="alert-body">
        <strong className="alert-title">{t(`common.tone.${tone}`)}</strong>{' '}
        <span className="alert-text">{children}</span>
      </div>
    </div>
  );
}
