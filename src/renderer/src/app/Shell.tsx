import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

export interface ShellProps {
  children: ReactNode;
  /** Shown at the right of the header when a vault is open: who is working, and the lock button. */
  session?: ReactNode;
  /** A standing notice under the header, e.g. that the open vault holds demo data only. */
  notice?: ReactNode;
  version: string;
}

export function Shell({ children, session, notice, version }: ShellProps) {
  const { t } = useTranslation();
  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          <svg className="brand-mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5l-8-3Z" />
            <path className="brand-mark-key" d="M12 8a2.5 2.5 0 0 0-1 4.8V16h2v-3.2A2.5 2.5 0 0 0 12 8Z" />
          </svg>
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <div className="topbar-end">
          {session}
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="main">
        {notice}
        {children}
      </main>
      <footer className="footer">
        <span>{version ? t('app.version', { version }) : t('app.name')}</span>
      </footer>
    </div>
  );
}
