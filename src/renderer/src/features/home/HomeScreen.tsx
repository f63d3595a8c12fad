import { useTranslation } from 'react-i18next';
import { ScreenTitle } from '../../components';
import type { VaultStatus } from '../../../../shared/vault';
import { SettingsPanel } from './SettingsPanel';

export type UnlockedStatus = Extract<VaultStatus, { state: 'unlocked' }>;

export interface HomeScreenProps {
  status: UnlockedStatus;
  onStatusChange: () => void;
}

export function HomeScreen({ status, onStatusChange }: HomeScreenProps) {
  const { t } = useTranslation();
  const isAdmin = status.user.roles.includes('administrator');
  return (
    <div className="home">
      <section className="card card-wide" aria-labelledby="home-title">
        <p className="eyebrow">{t('home.unlocked')}</p>
        <ScreenTitle id="home-title">{status.orgName}</ScreenTitle>
        <dl className="facts">
          <div className="fact">
            <dt>{t('home.signedInAs')}</dt>
            <dd>{status.user.name}</dd>
          </div>
          <div className="fact">
            <dt>{t('home.roles')}</dt>
            <dd>{status.user.roles.map((r) => t(`roles.${r}`)).join(', ')}</dd>
          </div>
        </dl>
        <p className="muted">
          {status.idleLockMinutes > 0 ? t('home.idleOn', { minutes: status.idleLockMinutes }) : t('home.idleOff')}
        </p>
        {status.user.roles.length === 1 && isAdmin ? <p>{t('home.adminNote')}</p> : null}
      </section>
      <SettingsPanel
        isAdmin={isAdmin}
        idleLockMinutes={status.idleLockMinutes}
        userName={status.user.name}
        onSaved={onStatusChange}
      />
    </div>
  );
}
