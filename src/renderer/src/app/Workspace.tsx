import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components';
import { CaseList } from '../features/cases/CaseList';
import { CaseScreen } from '../features/cases/CaseScreen';
import { NewCaseScreen } from '../features/cases/NewCaseScreen';
import { HomeScreen, type UnlockedStatus } from '../features/home/HomeScreen';
import { StatsScreen } from '../features/stats/StatsScreen';
import type { CaseId } from '../../../shared/cases/schemas';
import { UnsavedChangesGuard, useConfirmLeave } from './guard';

type Page =
  { name: 'cases' } | { name: 'newCase' } | { name: 'case'; id: CaseId } | { name: 'stats' } | { name: 'settings' };

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

  const go = async (next: Page): Promise<void> => {
    if (!(await confirmLeave())) return;
    if (next.name === 'cases') setListRound((n) => n + 1);
    setPage(next);
  };

  const current = page.name === 'case' ? 'cases' : page.name;
  const navItem = (name: 'cases' | 'newCase' | 'stats' | 'settings', label: string) => (
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
          {navItem('cases', t('nav.cases'))}
          {navItem('newCase', t('nav.newCase'))}
          {/* Core refuses stats.* to anyone else; the entry is shown only to those it serves. */}
          {isSupervisor ? navItem('stats', t('stats.nav')) : null}
          {navItem('settings', t('nav.settings'))}
        </ul>
      </nav>
      {page.name === 'cases' ? (
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
          isSupervisor={isSupervisor}
          onBack={() => void go({ name: 'cases' })}
        />
      ) : null}
      {page.name === 'stats' && isSupervisor ? <StatsScreen /> : null}
      {page.name === 'settings' ? <HomeScreen status={status} onStatusChange={onStatusChange} /> : null}
    </div>
  );
}
