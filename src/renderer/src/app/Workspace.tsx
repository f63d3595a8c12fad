import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components';
import { CaseList } from '../features/cases/CaseList';
import { CaseScreen, type CaseTab } from '../features/cases/CaseScreen';
import { ComplianceReportScreen } from '../features/duties/ComplianceReportScreen';
import { DutiesAdminScreen } from '../features/duties/DutiesAdminScreen';
import { DutiesScreen } from '../features/duties/DutiesScreen';
import { NewCaseScreen } from '../features/cases/NewCaseScreen';
import { HomeScreen, type UnlockedStatus } from '../features/home/HomeScreen';
import { StatsScreen } from '../features/stats/StatsScreen';
import { BackupsScreen } from '../features/governance/BackupsScreen';
import { RetentionScreen } from '../features/governance/RetentionScreen';
import { ImportScreen } from '../features/import/ImportScreen';
import { AuditScreen } from '../features/audit/AuditScreen';
import { DirectoryScreen } from '../features/summaries/DirectoryScreen';
import { InboxScreen } from '../features/summaries/InboxScreen';
import type { InstallationView } from '../../../shared/summary/views';
import { sauga } from '../api';
import type { CaseId } from '../../../shared/cases/schemas';
import { UnsavedChangesGuard, useConfirmLeave } from './guard';

type Page =
  | { name: 'cases' }
  | { name: 'newCase' }
  | { name: 'case'; id: CaseId; tab?: CaseTab }
  | { name: 'duties' }
  | { name: 'dutyAdmin' }
  | { name: 'dutyReport' }
  | { name: 'stats' }
  | { name: 'directory' }
  | { name: 'inbox' }
  | { name: 'backups' }
  | { name: 'retention' }
  | { name: 'import' }
  | { name: 'audit' }
  | { name: 'settings' };

export interface WorkspaceProps {
  status: UnlockedStatus;
  onStatusChange: () => void;
}

/** What a caseworker or supervisor works in: the case list, a new case, a case, statistics (supervisors), settings. */
export function Workspace(props: WorkspaceProps) {
  return (
    <UnsavedChangesGuard>
      <Pages {...props} />
    </UnsavedChangesGuard>
  );
}

function Pages({ status, onStatusChange }: WorkspaceProps) {
  const { t } = useTranslation();
  const confirmLeave = useConfirmLeave();
  const [page, setPage] = useState<Page>({ name: 'cases' });
  // Choosing "Cases" again reads the list afresh.
  const [listRound, setListRound] = useState(0);
  const isSupervisor = status.user.roles.includes('supervisor');
  const [installation, setInstallation] = useState<InstallationView | null>(null);

  useEffect(() => {
    void sauga()
      .installation.info({})
      .then((r) => {
        // Without an answer the vault is treated as an NGO's: the inbox channels refuse anyway.
        if (!r.ok) return setInstallation({ role: 'ngo' });
        setInstallation(r.value);
        // A recipient institution's vault holds received summaries, not case files.
        if (r.value.role === 'recipient') setPage({ name: 'inbox' });
      });
  }, []);
  const recipient = installation?.role === 'recipient' ? installation : null;

  const go = async (next: Page): Promise<void> => {
    if (!(await confirmLeave())) return;
    if (next.name === 'cases') setListRound((n) => n + 1);
    setPage(next);
  };

  const current = page.name === 'case' ? 'cases' : page.name;
  const isAdmin = status.user.roles.includes('administrator');
  const navItem = (
    name:
      | 'cases'
      | 'newCase'
      | 'duties'
      | 'dutyReport'
      | 'dutyAdmin'
      | 'stats'
      | 'directory'
      | 'inbox'
      | 'backups'
      | 'retention'
      | 'import'
      | 'audit'
      | 'settings',
    label: string,
  ) => (
    <li>
      <Button
        variant="quiet"
        className="nav-link"
        aria-current={current === name ? 'page' : undefined}
        onPress={() => void go({ name })}
      >
        {label}
      </Button>
    </li>
  );

  return (
    <div className="workspace">
      <nav className="nav" aria-label={t('nav.label')}>
        <ul className="nav-list">
          {installation === null ? null : recipient ? (
            navItem('inbox', t('inbox.nav'))
          ) : (
            <>
              {navItem('cases', t('nav.cases'))}
              {navItem('newCase', t('nav.newCase'))}
              {/* Core refuses stats.* to anyone else; the entry is shown only to those it serves. */}
              {navItem('duties', t('duties.nav'))}
              {/* Core refuses the report and the rules to others; shown only to those it serves. */}
              {isSupervisor || isAdmin ? navItem('dutyReport', t('duties.reportNav')) : null}
              {isAdmin ? navItem('dutyAdmin', t('duties.adminNav')) : null}
              {isSupervisor ? navItem('stats', t('stats.nav')) : null}
              {navItem('directory', t('directory.nav'))}
              {isSupervisor || isAdmin ? navItem('retention', t('governance.retentionNav')) : null}
              {/* Core refuses import.* to anyone but supervisors. */}
              {isSupervisor ? navItem('import', t('import.nav')) : null}
              {isAdmin ? navItem('backups', t('governance.backupsNav')) : null}
              {isSupervisor || isAdmin ? navItem('audit', t('auditLog.nav')) : null}
            </>
          )}
          {navItem('settings', t('nav.settings'))}
        </ul>
      </nav>
      {/* Nothing until the vault's role is known: a recipient's vault opens on its inbox. */}
      {installation && page.name === 'cases' ? (
        <CaseList
          key={listRound}
          isSupervisor={isSupervisor}
          onOpen={(id) => void go({ name: 'case', id })}
          onNew={() => void go({ name: 'newCase' })}
        />
      ) : null}
      {page.name === 'newCase' ? (
        <NewCaseScreen isSupervisor={isSupervisor} onCreated={(id) => setPage({ name: 'case', id })} />
      ) : null}
      {page.name === 'case' ? (
        <CaseScreen
          key={page.id}
          caseId={page.id}
          {...(page.tab ? { initialTab: page.tab } : {})}
          isSupervisor={isSupervisor}
          userName={status.user.name}
          onBack={() => void go({ name: 'cases' })}
        />
      ) : null}
      {page.name === 'stats' && isSupervisor ? <StatsScreen /> : null}
      {page.name === 'directory' ? <DirectoryScreen /> : null}
      {page.name === 'inbox' && recipient ? <InboxScreen installation={recipient} canTrust={isSupervisor} /> : null}
      {page.name === 'duties' ? (
        <DutiesScreen isSupervisor={isSupervisor} onOpenCase={(id) => void go({ name: 'case', id, tab: 'duties' })} />
      ) : null}
      {page.name === 'dutyReport' && (isSupervisor || isAdmin) ? <ComplianceReportScreen /> : null}
      {page.name === 'dutyAdmin' && isAdmin ? <DutiesAdminScreen /> : null}
      {page.name === 'retention' && (isSupervisor || isAdmin) ? (
        <RetentionScreen canEditPolicy={isAdmin} canPurge={isSupervisor} />
      ) : null}
      {page.name === 'import' && isSupervisor ? <ImportScreen /> : null}
      {page.name === 'backups' && isAdmin ? <BackupsScreen onChanged={onStatusChange} /> : null}
      {page.name === 'audit' && (isSupervisor || isAdmin) ? <AuditScreen rollback={status.auditRollback} /> : null}
      {page.name === 'settings' ? <HomeScreen status={status} onStatusChange={onStatusChange} /> : null}
    </div>
  );
}
