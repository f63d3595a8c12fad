import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components';
import { ComplianceReportScreen } from '../features/duties/ComplianceReportScreen';
import { DutiesAdminScreen } from '../features/duties/DutiesAdminScreen';
import { HomeScreen, type UnlockedStatus } from '../features/home/HomeScreen';
import { BackupsScreen } from '../features/governance/BackupsScreen';
import { RetentionScreen } from '../features/governance/RetentionScreen';
import { AuditScreen } from '../features/audit/AuditScreen';
import { UsersScreen } from '../features/users/UsersScreen';

type AdminPage = 'settings' | 'dutyAdmin' | 'dutyReport' | 'backups' | 'retention' | 'audit' | 'users';

/**
 * An administrator who works with no cases: the settings home, the information-duty rules
 * and institutions, and the compliance report (counts only). No case content, as core demands.
 */
export function AdminWorkspace({ status, onStatusChange }: { status: UnlockedStatus; onStatusChange: () => void }) {
  const { t } = useTranslation();
  const [page, setPage] = useState<AdminPage>('settings');
  const navItem = (name: AdminPage, label: string) => (
    <li>
      <Button
        variant="quiet"
        className="nav-link"
        aria-current={page === name ? 'page' : undefined}
        onPress={() => setPage(name)}
      >
        {label}
      </Button>
    </li>
  );
  return (
    <div className="workspace">
      <nav className="nav" aria-label={t('nav.label')}>
        <ul className="nav-list">
          {navItem('settings', t('nav.settings'))}
          {navItem('dutyAdmin', t('duties.adminNav'))}
          {navItem('dutyReport', t('duties.reportNav'))}
          {navItem('backups', t('governance.backupsNav'))}
          {navItem('retention', t('governance.retentionNav'))}
          {navItem('audit', t('auditLog.nav'))}
          {navItem('users', t('users.nav'))}
        </ul>
      </nav>
      {page === 'settings' ? <HomeScreen status={status} onStatusChange={onStatusChange} /> : null}
      {page === 'dutyAdmin' ? <DutiesAdminScreen /> : null}
      {page === 'dutyReport' ? <ComplianceReportScreen /> : null}
      {page === 'backups' ? <BackupsScreen onChanged={onStatusChange} /> : null}
      {page === 'retention' ? <RetentionScreen canEditPolicy canPurge={false} /> : null}
      {page === 'audit' ? <AuditScreen rollback={status.auditRollback} /> : null}
      {page === 'users' ? <UsersScreen currentUser={status.user.name} /> : null}
    </div>
  );
}
