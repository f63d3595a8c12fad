import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../../shared/errors';
import {
  IMPORT_FIELDS,
  type DryRunReport,
  type ImportField,
  type ImportResult,
  type MappingProfile,
  type PickedSpreadsheet,
} from '../../../../shared/import/schemas';
import { sauga } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useLoad } from '../../app/useLoad';
import { currentLanguage } from '../../i18n';
import { Alert, Button, ConfirmDialog, ScreenTitle, Select, TextField } from '../../components';
import { IMPORT_CODE_LISTS } from '../../../../shared/import/codes';
import { codeLabel, formatTimestamp } from '../cases/format';

const loadBatches = () => sauga().import.batches({});
const loadProfiles = () => sauga().import.profiles({});
const IGNORE = '-';
const SHOWN_PROBLEMS = 500;

/**
 * A supervisor's import of case records from a spreadsheet: pick the file (the open dialog in
 * main; its rows never come to this window), map its columns with the suggestions, dry-run and
 * read the report (or export it), import, and undo a whole import while it is unchanged.
 */
export function ImportScreen() {
  const { t } = useTranslation();
  const batches = useLoad(loadBatches);
  const profiles = useLoad(loadProfiles);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [file, setFile] = useState<PickedSpreadsheet | null>(null);
  const [profile, setProfile] = useState<MappingProfile | null>(null);
  const [report, setReport] = useState<DryRunReport | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmRun, setConfirmRun] = useState(false);
  const [undoing, setUndoing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function act<T>(fn: () => Promise<{ ok: true; value: T } | { ok: false; error: { code: ErrorCode } }>) {
    if (busy) return undefined;
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const r = await fn();
      if (!r.ok) {
        setError(r.error.code);
        return undefined;
      }
      return r.value;
    } finally {
      setBusy(false);
    }
  }

  async function pick(): Promise<void> {
    const r = await act(() => sauga().import.pick({}));
    if (!r?.picked) return;
    setFile(r.file);
    setProfile(r.file.suggestion);
    setReport(null);
    setDone(null);
  }

  const mapColumn = (header: string, field: string | null): void => {
    if (!profile) return;
    const columns = profile.columns.filter((c) => c.header !== header && c.field !== field);
    if (field && field !== IGNORE) columns.push({ header, field: field as ImportField });
    setProfile({ ...profile, columns });
    setReport(null);
  };

  async function dryRun(): Promise<void> {
    if (!profile) return;
    const r = await act(() => sauga().import.dryRun({ profile }));
    if (r) setReport(r);
  }

  async function exportReport(): Promise<void> {
    if (!profile) return;
    const r = await act(() => sauga().import.exportReport({ profile, language: currentLanguage() }));
    if (r?.saved) setNotice(t('import.reportExported'));
  }

  async function saveProfile(): Promise<void> {
    if (!profile) return;
    const r = await act(() => sauga().import.saveProfile({ profile }));
    if (r) {
      setNotice(t('import.profileSaved'));
      await profiles.reload();
    }
  }

  async function run(): Promise<void> {
    setConfirmRun(false);
    if (!profile) return;
    const r = await act(() => sauga().import.run({ profile }));
    if (!r) return;
    setDone(r);
    setFile(null);
    setReport(null);
    await batches.reload();
  }

  async function undo(batchId: string): Promise<void> {
    setUndoing(null);
    const r = await act(() => sauga().import.undo({ batchId }));
    if (r) {
      setNotice(t('import.undoDone', { cases: r.cases }));
      await batches.reload();
    }
  }

  /** A spreadsheet value of a code field stands for this code from now on (null: no mapping). */
  const mapValue = (field: ImportField, value: string, code: string | null): void => {
    if (!profile) return;
    const values = profile.values.filter((v) => !(v.field === field && v.value === value));
    if (code && code !== IGNORE) values.push({ field, value, code });
    setProfile({ ...profile, values });
    setReport(null);
  };
  const unmatched = file
    ? file.values.filter((v) => v.code === null && profile?.columns.some((c) => c.field === v.field))
    : [];

  const fieldOptions = [
    { id: IGNORE, label: t('import.ignore') },
    ...IMPORT_FIELDS.map((f) => ({ id: f, label: t(`importFields.${f}`) })),
  ];

  return (
    <div className="governance">
      <section className="card card-wide" aria-labelledby="import-title">
        <ScreenTitle id="import-title">{t('import.title')}</ScreenTitle>
        <p className="lead">{t('import.intro')}</p>
        <div className="actions">
          <Button variant="primary" isBusy={busy} onPress={() => void pick()}>
            {t('import.pick')}
          </Button>
        </div>
        {file ? <p role="status">{t('import.fileRead', { rows: file.rows, columns: file.headers.length })}</p> : null}
        {done ? (
          <Alert tone="success">
            {t('import.imported', { cases: done.cases, first: done.firstCode ?? '', last: done.lastCode ?? '' })}
          </Alert>
        ) : null}
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        <ErrorAlert code={error ?? batches.error ?? profiles.error} />
        {profiles.value && profiles.value.length > 0 && file ? (
          <div className="actions">
            <span>{t('import.profiles')}:</span>
            {profiles.value.map((p) => (
              <Button
                key={p.name}
                variant="secondary"
                onPress={() => {
                  setProfile({ ...p, columns: p.columns.filter((c) => file.headers.includes(c.header)) });
                  setReport(null);
                }}
              >
                {`${t('import.useProfile')}: ${p.name}`}
              </Button>
            ))}
          </div>
        ) : null}
      </section>

      {file && profile ? (
        <section className="card card-wide" aria-labelledby="import-mapping">
          <h2 id="import-mapping">{t('import.mappingTitle')}</h2>
          {file.headers.map((h) => (
            <Select
              key={h}
              label={h}
              options={fieldOptions}
              value={profile.columns.find((c) => c.header === h)?.field ?? IGNORE}
              onChange={(v) => mapColumn(h, v)}
            />
          ))}
          {unmatched.length > 0 ? (
            <>
              <h3>{t('import.valuesTitle')}</h3>
              <p className="muted">{t('import.valuesIntro')}</p>
              {unmatched.map((v) => (
                <Select
                  key={`${v.field}.${v.value}`}
                  label={t('import.valueLabel', { field: t(`importFields.${v.field}`), value: v.value })}
                  options={[
                    { id: IGNORE, label: t('import.noCode') },
                    ...(IMPORT_CODE_LISTS[v.field] ?? []).map((e) => ({
                      id: e.code,
                      label: codeLabel(IMPORT_CODE_LISTS[v.field] ?? [], e.code),
                    })),
                  ]}
                  value={profile.values.find((x) => x.field === v.field && x.value === v.value)?.code ?? IGNORE}
                  onChange={(code) => mapValue(v.field, v.value, code)}
                />
              ))}
            </>
          ) : null}
          <TextField
            label={t('import.profileName')}
            value={profile.name}
            onChange={(name) => setProfile({ ...profile, name })}
          />
          <div className="actions">
            <Button variant="secondary" isBusy={busy} onPress={() => void saveProfile()}>
              {t('import.saveProfile')}
            </Button>
            <Button variant="primary" isBusy={busy} onPress={() => void dryRun()}>
              {t('import.dryRun')}
            </Button>
          </div>
        </section>
      ) : null}

      {report ? (
        <section className="card card-wide" aria-labelledby="import-report">
          <h2 id="import-report">{t('import.reportTitle')}</h2>
          <p role="status">
            {t('import.dryRunResult', {
              rows: report.rows,
              ready: report.ready,
              blocked: report.blocked,
              warnings: report.warnings,
            })}
          </p>
          {report.problems.length === 0 ? <p className="muted">{t('import.noProblems')}</p> : null}
          {report.problems.length > 0 ? (
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">{t('import.reportTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('importReport.row')}</th>
                    <th scope="col">{t('importReport.column')}</th>
                    <th scope="col">{t('importReport.value')}</th>
                    <th scope="col">{t('importReport.problem')}</th>
                    <th scope="col">{t('importReport.detail')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
                    <tr key={`${p.row}.${i}`}>
                      <td>{p.row}</td>
                      <td>{p.column}</td>
                      <td>{p.value}</td>
                      <td>{t(`importProblems.${p.problem}`)}</td>
                      <td>{p.detail ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <div className="actions">
            <Button variant="secondary" isBusy={busy} onPress={() => void exportReport()}>
              {t('import.exportReport')}
            </Button>
            <Button
              variant="primary"
              isDisabled={report.blocked > 0 || report.rows === 0}
              onPress={() => setConfirmRun(true)}
            >
              {t('import.run')}
            </Button>
          </div>
        </section>
      ) : null}

      {batches.value && batches.value.length > 0 ? (
        <section className="card card-wide" aria-labelledby="import-batches">
          <h2 id="import-batches">{t('import.batches')}</h2>
          <ul>
            {batches.value.map((b) => (
              <li key={b.id}>
                {t('import.batchRow', {
                  at: formatTimestamp(b.importedAt),
                  by: b.importedBy,
                  cases: b.cases,
                  kind: b.fileKind.toUpperCase(),
                })}{' '}
                {b.undoneAt ? (
                  t('import.undone', { at: formatTimestamp(b.undoneAt) })
                ) : (
                  <Button variant="secondary" onPress={() => setUndoing(b.id)}>
                    {t('import.undo')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <ConfirmDialog
        isOpen={confirmRun}
        title={t('import.run')}
        confirmLabel={t('import.run')}
        cancelLabel={t('common.cancel')}
        onConfirm={() => void run()}
        onCancel={() => setConfirmRun(false)}
      >
        {t('import.confirmRun', { rows: report?.ready ?? 0 })}
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={undoing !== null}
        title={t('import.undo')}
        confirmLabel={t('import.undo')}
        cancelLabel={t('common.cancel')}
        tone="danger"
        onConfirm={() => void (undoing ? undo(undoing) : undefined)}
        onCancel={() => setUndoing(null)}
      >
        {t('import.confirmUndo')}
      </ConfirmDialog>
    </div>
  );
}
