import { useCallback, useEffect, useId, useState } from 'react';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { INSTITUTION_TYPES } from '../../../../shared/duties/codes';
import { InstitutionInput, type Institution, type InstalledRuleSet } from '../../../../shared/duties/schemas';
import type { ActiveRulesView } from '../../../../shared/duties/views';
import type { ErrorCode } from '../../../../shared/errors';
import { PinnedKeys, pinnedKeysText } from '../../app/PinnedKeys';
import { useLoad } from '../../app/useLoad';
import { sauga } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Alert, Button, ChoiceField, ConfirmDialog, ScreenTitle, TextField } from '../../components';
import { codeOptions } from '../cases/form/FieldView';
import { useTx } from '../cases/form/tx';
import { formatTimestamp } from '../cases/format';
import { RulesEditor } from './RulesEditor';
import { bi, label } from './text';

const TABS = ['rules', 'institutions', 'editor'] as const;
type AdminTab = (typeof TABS)[number];
const TAB_LABEL = { rules: 'tabRules', institutions: 'tabInstitutions', editor: 'tabEditor' } as const;

/** The administrator's: which rules are in force, where they came from, and the institution registry. */
export function DutiesAdminScreen() {
  const tx = useTx();
  const [tab, setTab] = useState<AdminTab>('rules');
  const [active, setActive] = useState<ActiveRulesView | null>(null);
  const [history, setHistory] = useState<InstalledRuleSet[]>([]);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [editorNotice, setEditorNotice] = useState<string | null>(null);

  const loadRules = useCallback(async (): Promise<void> => {
    const [a, l] = await Promise.all([sauga().rules.active({}), sauga().rules.list({})]);
    if (!a.ok) return setError(a.error.code);
    setActive(a.value);
    if (l.ok) setHistory(l.value);
  }, []);

  useEffect(() => {
    // loadRules() sets state when core answers.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void loadRules();
  }, [loadRules]);

  return (
    <section className="card card-full duty-admin-screen" aria-labelledby="duty-admin-title">
      <ScreenTitle id="duty-admin-title">{tx('duties.admin.title')}</ScreenTitle>
      <p className="lead">{tx('duties.admin.intro')}</p>
      <ErrorAlert code={error} />
      <Tabs selectedKey={tab} onSelectionChange={(key: Key) => setTab(TABS.find((t) => t === key) ?? 'rules')}>
        <TabList className="stat-tablist" aria-label={tx('duties.admin.tabsLabel')}>
          {TABS.map((id) => (
            <Tab key={id} id={id} className="stat-tab">
              {tx(`duties.admin.${TAB_LABEL[id]}`)}
            </Tab>
          ))}
        </TabList>
        <TabPanel id="rules" className="stat-panel">
          <RulesPanel active={active} history={history} onChanged={() => void loadRules()} />
        </TabPanel>
        <TabPanel id="institutions" className="stat-panel">
          <InstitutionsPanel />
        </TabPanel>
        <TabPanel id="editor" className="stat-panel">
          {editorNotice ? <Alert tone="success">{editorNotice}</Alert> : null}
          <RulesEditor
            key={active?.info?.id ?? 0}
            active={active}
            onSaved={(message) => {
              setEditorNotice(message);
              void loadRules();
            }}
          />
        </TabPanel>
      </Tabs>
    </section>
  );
}

const listSigners = () => sauga().rules.signers({});
const trustSigner = (input: { organisation: string; minisignPublicKey: string }) => sauga().rules.trustSigner(input);

function RulesPanel({
  active,
  history,
  onChanged,
}: {
  active: ActiveRulesView | null;
  history: InstalledRuleSet[];
  onChanged: () => void;
}) {
  const tx = useTx();
  const [busy, setBusy] = useState<'example' | 'import' | 'export' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const info = active?.info ?? null;

  async function run(kind: 'example' | 'import' | 'export'): Promise<void> {
    if (busy) return;
    setBusy(kind);
    setError(null);
    setNotice(null);
    try {
      if (kind === 'example') {
        const r = await sauga().rules.installExample({});
        if (!r.ok) return setError(r.error.code);
        setNotice(tx('duties.admin.installed', { ...r.value, version: r.value.installed.version }));
      } else if (kind === 'import') {
        const r = await sauga().rules.import({});
        if (!r.ok) return setError(r.error.code);
        if (!r.value.imported) return;
        const c = r.value.change;
        setNotice(tx('duties.admin.installed', { ...c, version: c.installed.version }));
      } else {
        const r = await sauga().rules.export({});
        if (!r.ok) return setError(r.error.code);
        if (r.value.saved) setNotice(tx('duties.admin.exported'));
        return;
      }
      onChanged();
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="duty-rules">
      <h2 className="section-title">{tx('duties.admin.activeTitle')}</h2>
      {active && !info ? <p className="muted">{tx('duties.admin.none')}</p> : null}
      {info ? (
        <>
          <p className="duty-ruleset-title">
            {info.example ? <span className="duty-example-badge">{tx('duties.exampleBadge')}</span> : null}{' '}
            {bi(info.title)}
          </p>
          <dl className="facts">
            <div className="fact">
              <dt>{tx('duties.admin.version')}</dt>
              <dd data-testid="rules-version">{info.version}</dd>
            </div>
            <div className="fact">
              <dt>{tx('duties.admin.source')}</dt>
              <dd>{tx(`duties.admin.sources.${info.source}`)}</dd>
            </div>
            <div className="fact">
              <dt>{tx('duties.admin.issuer')}</dt>
              <dd>{info.issuer}</dd>
            </div>
            <div className="fact">
              <dt>{tx('duties.admin.ruleCount')}</dt>
              <dd>{info.ruleCount}</dd>
            </div>
            <div className="fact">
              <dt>{tx('duties.admin.installedAt')}</dt>
              <dd>{formatTimestamp(info.installedAt)}</dd>
            </div>
          </dl>
        </>
      ) : null}
      <div className="actions">
        {info && info.source !== 'local' ? null : (
          <Button variant="primary" isBusy={busy === 'example'} onPress={() => void run('example')}>
            {tx('duties.admin.installExample')}
          </Button>
        )}
        <Button variant="secondary" isBusy={busy === 'import'} onPress={() => void run('import')}>
          {tx('duties.admin.import')}
        </Button>
        {info ? (
          <Button variant="secondary" isBusy={busy === 'export'} onPress={() => void run('export')}>
            {tx('duties.admin.export')}
          </Button>
        ) : null}
      </div>
      <p className="muted">{tx('duties.admin.importHelp')}</p>
      <ErrorAlert code={error} />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {history.length > 0 ? (
        <>
          <h2 className="section-title" id="duty-rules-history">
            {tx('duties.admin.historyTitle')}
          </h2>
          <div className="table-wrap">
            <table className="table" aria-labelledby="duty-rules-history">
              <thead>
                <tr>
                  <th scope="col">{tx('duties.admin.version')}</th>
                  <th scope="col">{tx('duties.admin.source')}</th>
                  <th scope="col">{tx('duties.admin.issuer')}</th>
                  <th scope="col">{tx('duties.admin.installedAt')}</th>
                  <th scope="col">{tx('duties.admin.active')}</th>
                </tr>
              </thead>
              <tbody>
                {history.map((h) => (
                  <tr key={h.id}>
                    <th scope="row">
                      {h.version}
                      {h.example ? <span className="duty-example-badge">{tx('duties.exampleBadge')}</span> : null}
                    </th>
                    <td>{tx(`duties.admin.sources.${h.source}`)}</td>
                    <td>{h.issuer}</td>
                    <td className="nowrap">{formatTimestamp(h.installedAt)}</td>
                    <td>{h.active ? tx('duties.admin.yes') : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      <PinnedKeys
        text={pinnedKeysText(tx as (key: string) => string, 'duties.admin.signers', tx('common.required'))}
        canAdd
        list={listSigners}
        trust={trustSigner}
      />
    </div>
  );
}

const listInstitutions = () => sauga().institutions.list({});

function InstitutionsPanel() {
  const tx = useTx();
  const { value: list, error, setError, reload: load } = useLoad(listInstitutions);
  const [editing, setEditing] = useState<Institution | 'new' | null>(null);
  const [removing, setRemoving] = useState<Institution | null>(null);
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  async function runImport(): Promise<void> {
    if (importing) return;
    setImporting(true);
    setError(null);
    setNotice(null);
    try {
      const r = await sauga().institutions.import({});
      if (!r.ok) return setError(r.error.code);
      if (!r.value.imported) return;
      setNotice(tx('duties.admin.importedInstitutions', { ...r.value.result }));
      await load();
    } finally {
      setImporting(false);
    }
  }

  async function remove(i: Institution): Promise<void> {
    setRemoving(null);
    setError(null);
    const r = await sauga().institutions.remove({ id: i.id });
    if (!r.ok) return setError(r.error.code);
    setNotice(tx('duties.admin.removed'));
    await load();
  }

  return (
    <div className="duty-institutions">
      <h2 className="section-title">{tx('duties.admin.institutionsTitle')}</h2>
      <p className="muted">{tx('duties.admin.institutionsIntro')}</p>
      <div className="actions">
        {editing ? null : (
          <Button variant="primary" onPress={() => setEditing('new')}>
            {tx('duties.admin.add')}
          </Button>
        )}
        <Button variant="secondary" isBusy={importing} onPress={() => void runImport()}>
          {tx('duties.admin.importInstitutions')}
        </Button>
      </div>
      <p className="muted">{tx('duties.admin.importInstitutionsHelp')}</p>
      <ErrorAlert code={error} />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {editing ? (
        <InstitutionForm
          key={editing === 'new' ? 'new' : editing.id}
          institution={editing === 'new' ? null : editing}
          onDone={() => {
            setEditing(null);
            setNotice(tx('duties.admin.saved'));
            void load();
          }}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {list && list.length === 0 ? <p className="muted">{tx('duties.admin.noInstitutions')}</p> : null}
      {list && list.length > 0 ? (
        <div className="table-wrap">
          <table className="table" aria-label={tx('duties.admin.institutionsTitle')}>
            <thead>
              <tr>
                <th scope="col">{tx('duties.admin.name')}</th>
                <th scope="col">{tx('duties.admin.type')}</th>
                <th scope="col">{tx('duties.admin.municipality')}</th>
                <th scope="col">{tx('duties.admin.contact')}</th>
                <th scope="col">{tx('duties.admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((i) => (
                <tr key={i.id}>
                  <th scope="row">{i.name}</th>
                  <td>{label.institutionType(i.type)}</td>
                  <td>{i.municipality ?? ''}</td>
                  <td>{i.contact ?? ''}</td>
                  <td>
                    <div className="duty-actions">
                      <Button
                        variant="secondary"
                        aria-label={tx('duties.admin.editFor', { name: i.name })}
                        onPress={() => setEditing(i)}
                      >
                        {tx('duties.admin.edit')}
                      </Button>
                      <Button
                        variant="quiet"
                        aria-label={tx('duties.admin.removeFor', { name: i.name })}
                        onPress={() => setRemoving(i)}
                      >
                        {tx('duties.admin.remove')}
                      </Button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ConfirmDialog
        isOpen={removing !== null}
        title={tx('duties.admin.remove')}
        confirmLabel={tx('duties.admin.remove')}
        cancelLabel={tx('duties.admin.cancel')}
        tone="danger"
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) void remove(removing);
        }}
      >
        <p>{tx('duties.admin.removeConfirm', { name: removing?.name ?? '' })}</p>
      </ConfirmDialog>
    </div>
  );
}

function InstitutionForm({
  institution,
  onDone,
  onCancel,
}: {
  institution: Institution | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const tx = useTx();
  const headingId = useId();
  const [form, setForm] = useState({
    name: institution?.name ?? '',
    type: institution?.type ?? 'POLICE',
    municipality: institution?.municipality ?? '',
    contact: institution?.contact ?? '',
    note: institution?.note ?? '',
  });
  const [showErrors, setShowErrors] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const parsed = InstitutionInput.safeParse({
    name: form.name,
    type: form.type,
    municipality: form.municipality.trim() || null,
    contact: form.contact.trim() || null,
    note: form.note.trim() || null,
  });
  const invalid = new Set(parsed.success ? [] : parsed.error.issues.map((i) => String(i.path[0])));
  const field = (k: 'name' | 'municipality' | 'contact' | 'note') => ({
    value: form[k],
    onChange: (v: string) => setForm((f) => ({ ...f, [k]: v })),
    errorMessage:
      showErrors && invalid.has(k) ? tx(form[k].trim() ? 'validation.invalid' : 'common.required') : undefined,
  });

  async function submit(): Promise<void> {
    setShowErrors(true);
    if (!parsed.success || busy) return;
    setBusy(true);
    setError(null);
    try {
      const r = institution
        ? await sauga().institutions.edit({ id: institution.id, institution: parsed.data })
        : await sauga().institutions.add(parsed.data);
      if (!r.ok) return setError(r.error.code);
      onDone();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="items duty-institution-form" aria-labelledby={headingId}>
      <h3 id={headingId} className="block-title">
        {tx(institution ? 'duties.admin.editTitle' : 'duties.admin.addTitle')}
      </h3>
      <div className="form-grid">
        <TextField label={tx('duties.admin.name')} {...field('name')} autoFocus />
        <ChoiceField
          label={tx('duties.admin.type')}
          options={codeOptions(INSTITUTION_TYPES)}
          value={form.type}
          onChange={(v) => setForm((f) => ({ ...f, type: v as typeof f.type }))}
        />
        <TextField label={tx('duties.admin.municipality')} {...field('municipality')} />
        <TextField label={tx('duties.admin.contact')} {...field('contact')} />
        <TextField label={tx('duties.admin.note')} {...field('note')} />
      </div>
      <ErrorAlert code={error} />
      <div className="actions">
        <Button variant="primary" isBusy={busy} onPress={() => void submit()}>
          {tx('duties.admin.save')}
        </Button>
        <Button variant="secondary" onPress={onCancel}>
          {tx('duties.admin.cancel')}
        </Button>
      </div>
    </section>
  );
}
