import { useCallback, useEffect, useState } from 'react';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES, CONSENT_PURPOSES, RECIPIENT_CATEGORIES } from '../../../../shared/cases/codes';
import type { CaseId, CaseView, SectionName } from '../../../../shared/cases/schemas';
import type { ErrorCode } from '../../../../shared/errors';
import { sauga } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useConfirmLeave } from '../../app/guard';
import { Alert, Button, ConfirmDialog, ScreenTitle } from '../../components';
import { Attachments } from './Attachments';
import { codeLabel } from './format';
import { HistoryPanel } from './HistoryPanel';
import { ItemList } from './ItemList';
import { ManagementPanel } from './ManagementPanel';
import { SectionForm } from './SectionForm';
import { SummariesPanel } from '../summaries/SummariesPanel';
import { DutiesPanel } from '../duties/DutiesPanel';

export const CASE_TABS = [
  'identity',
  'status',
  'experience',
  'dataProtection',
  'assistance',
  'rights',
  'duties',
  'referral',
  'justice',
  'notes',
  'management',
  'summaries',
  'history',
] as const;
export type CaseTab = (typeof CASE_TABS)[number];

export interface CaseScreenProps {
  caseId: CaseId;
  isSupervisor: boolean;
  /** Who is working: a supervisor does not approve their own summary. */
  userName: string;
  onBack: () => void;
  /** Where to open, e.g. the duties tab from the duties dashboard. */
  initialTab?: CaseTab;
}

/** One case: a header with its code, and one tab per group of the record. */
export function CaseScreen({ caseId, isSupervisor, userName, onBack, initialTab }: CaseScreenProps) {
  const { t } = useTranslation();
  const confirmLeave = useConfirmLeave();
  const [view, setView] = useState<CaseView | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [tab, setTab] = useState<CaseTab>(initialTab ?? 'status');
  // Bumped on every reload from core, so forms start again from what is stored.
  const [generation, setGeneration] = useState(0);
  const [askReveal, setAskReveal] = useState(false);

  const load = useCallback(
    async (reveal: boolean): Promise<void> => {
      const result = await sauga().cases.get({ caseId, revealIdentity: reveal });
      if (!result.ok) return setError(result.error.code);
      setError(null);
      setView(result.value);
      setGeneration((g) => g + 1);
    },
    [caseId],
  );

  useEffect(() => {
    // load() sets state when core answers.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load(false);
  }, [load]);

  /**
   * After a change elsewhere in the case: read it again without revealing the identity once
   * more (a logged act), keeping the identity already on screen.
   */
  const refresh = useCallback(async (): Promise<void> => {
    const result = await sauga().cases.get({ caseId });
    if (!result.ok) return setError(result.error.code);
    setView((prev) =>
      prev?.identityRevealed
        ? {
            ...result.value,
            identityRevealed: true,
            sections: { ...result.value.sections, identity: prev.sections.identity },
          }
        : result.value,
    );
  }, [caseId]);

  const reloadAll = useCallback(() => void load(view?.identityRevealed ?? false), [load, view?.identityRevealed]);

  const onSaved = useCallback((section: SectionName, data: Record<string, unknown>, version: number) => {
    setView((v) => (v ? { ...v, version, sections: { ...v.sections, [section]: data } } : v));
  }, []);

  const onChanged = useCallback(
    (version: number) => {
      setView((v) => (v ? { ...v, version } : v));
      void refresh();
    },
    [refresh],
  );

  const selectTab = async (key: Key) => {
    if (key === tab) return;
    if (await confirmLeave()) setTab(key as CaseTab);
  };

  if (!view) {
    return (
      <section className="card card-wide" aria-labelledby="case-loading-title">
        <ScreenTitle id="case-loading-title">{t('caseScreen.loading')}</ScreenTitle>
        <ErrorAlert code={error} />
        <div className="actions">
          <Button variant="secondary" onPress={onBack}>
            {t('caseScreen.backToList')}
          </Button>
        </div>
      </section>
    );
  }

  const closed = view.status === 'CLOSED';
  const consentOptions = view.items.consents.map((c) => ({
    id: c.id,
    label: `${c.givenOn}: ${codeLabel(RECIPIENT_CATEGORIES, c.recipient)} – ${codeLabel(CONSENT_PURPOSES, c.purpose)}`,
  }));
  const section = (name: SectionName, intro?: string) => (
    <SectionForm
      key={`${name}-${generation}`}
      caseId={caseId}
      section={name}
      data={view.sections[name] as Record<string, unknown> | null}
      version={view.version}
      disabled={closed}
      onSaved={onSaved}
      onReload={reloadAll}
      intro={intro ? <p className="muted">{intro}</p> : undefined}
    />
  );
  const items = (kind: keyof CaseView['items']) => (
    <ItemList
      key={`${kind}-${generation}`}
      caseId={caseId}
      kind={kind}
      items={view.items[kind]}
      version={view.version}
      disabled={closed}
      onChanged={onChanged}
      onReload={reloadAll}
      consents={consentOptions}
    />
  );

  return (
    <section className="card card-full case" aria-labelledby="case-title">
      <header className="case-head">
        <div>
          <p className="eyebrow-plain">{t('caseScreen.code')}</p>
          <ScreenTitle id="case-title" className="case-code">
            {view.code}
          </ScreenTitle>
        </div>
        <dl className="facts case-facts">
          <div className="fact">
            <dt>{t('caseScreen.status')}</dt>
            <dd>
              <span className="status-chip" data-status={view.status}>
                {codeLabel(CASE_STATUSES, view.status)}
              </span>
            </dd>
          </div>
          <div className="fact">
            <dt>{t('caseScreen.opened')}</dt>
            <dd>{view.openedOn}</dd>
          </div>
          <div className="fact">
            <dt>{t('caseScreen.owner')}</dt>
            <dd>{view.owner?.name ?? '—'}</dd>
          </div>
          <div className="fact">
            <dt>{t('caseScreen.version')}</dt>
            <dd data-testid="case-version">{view.version}</dd>
          </div>
        </dl>
        <Button variant="quiet" onPress={onBack}>
          {t('caseScreen.backToList')}
        </Button>
      </header>
      {closed ? <Alert tone="info">{t('caseScreen.closedNotice')}</Alert> : null}
      <ErrorAlert code={error} />
      <Tabs
        className="case-tabs"
        orientation="vertical"
        keyboardActivation="manual"
        selectedKey={tab}
        onSelectionChange={(key) => void selectTab(key)}
      >
        <TabList className="case-tablist" aria-label={t('caseScreen.sectionsLabel')}>
          {CASE_TABS.map((name) => (
            <Tab key={name} id={name} className="case-tab">
              {t(`sections.${name}`)}
            </Tab>
          ))}
        </TabList>
        <TabPanel id="identity" className="case-panel">
          {view.identityRevealed ? (
            <>
              <div className="reveal-bar">
                <Alert tone="info">{t('caseScreen.revealed')}</Alert>
                <Button
                  variant="secondary"
                  onPress={() =>
                    void confirmLeave().then((ok) => {
                      if (ok) void load(false);
                    })
                  }
                >
                  {t('caseScreen.hide')}
                </Button>
              </div>
              {section('identity')}
            </>
          ) : (
            <div className="reveal">
              <h2 className="section-title">{t('caseScreen.revealTitle')}</h2>
              <p>{t('caseScreen.revealBody')}</p>
              <div className="actions">
                <Button variant="primary" onPress={() => setAskReveal(true)}>
                  {t('caseScreen.reveal')}
                </Button>
              </div>
            </div>
          )}
        </TabPanel>
        <TabPanel id="status" className="case-panel">
          {section('status')}
        </TabPanel>
        <TabPanel id="experience" className="case-panel">
          {section('experience', t('sectionIntro.experience'))}
        </TabPanel>
        <TabPanel id="dataProtection" className="case-panel">
          {section('dataProtection')}
          {items('consents')}
        </TabPanel>
        <TabPanel id="assistance" className="case-panel">
          {section('assistance')}
          {items('assessments')}
          {items('services')}
        </TabPanel>
        <TabPanel id="rights" className="case-panel">
          {section('rights', t('sectionIntro.rights'))}
        </TabPanel>
        <TabPanel id="duties" className="case-panel">
          <DutiesPanel
            key={`duties-${view.version}`}
            caseId={caseId}
            closed={closed}
            onOpenTab={(name) => void selectTab(name)}
          />
        </TabPanel>
        <TabPanel id="referral" className="case-panel">
          {section('referral')}
          {items('referrals')}
        </TabPanel>
        <TabPanel id="justice" className="case-panel">
          {section('justice', t('sectionIntro.justice'))}
          {items('cjEvents')}
        </TabPanel>
        <TabPanel id="notes" className="case-panel">
          {items('notes')}
          <Attachments
            key={`attachments-${generation}`}
            caseId={caseId}
            attachments={view.attachments}
            version={view.version}
            disabled={closed}
            onChanged={onChanged}
          />
        </TabPanel>
        <TabPanel id="management" className="case-panel">
          {section('management')}
          <ManagementPanel view={view} isSupervisor={isSupervisor} onChanged={onChanged} />
        </TabPanel>
        <TabPanel id="summaries" className="case-panel">
          <SummariesPanel
            key={`summaries-${generation}`}
            caseId={caseId}
            consents={view.items.consents}
            isSupervisor={isSupervisor}
            userName={userName}
            closed={closed}
          />
        </TabPanel>
        <TabPanel id="history" className="case-panel">
          <HistoryPanel key={`history-${view.version}`} caseId={caseId} revealIdentity={view.identityRevealed} />
        </TabPanel>
      </Tabs>
      <ConfirmDialog
        isOpen={askReveal}
        title={t('caseScreen.reveal')}
        confirmLabel={t('caseScreen.revealYes')}
        cancelLabel={t('form.cancel')}
        onCancel={() => setAskReveal(false)}
        onConfirm={() => {
          setAskReveal(false);
          void load(true);
        }}
      >
        <p>{t('caseScreen.revealConfirm')}</p>
      </ConfirmDialog>
    </section>
  );
}
