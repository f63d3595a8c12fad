import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseId, HistoryPage, ViewLogEntry } from '../../../../shared/cases/schemas';
import type { ErrorCode } from '../../../../shared/errors';
import { sauga } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Button } from '../../components';
import { useTx } from './form/tx';
import { formatTimestamp } from './format';
import { displayValue, historyField, sectionLabel } from './values';

const PAGE = 50;

/** Field-level change history (paged, newest first) and the view log of one case. */
export function HistoryPanel({ caseId, revealIdentity }: { caseId: CaseId; revealIdentity: boolean }) {
  const { t } = useTranslation();
  const tx = useTx();
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<HistoryPage | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [log, setLog] = useState<ViewLogEntry[] | null>(null);

  useEffect(() => {
    let live = true;
    void sauga()
      .cases.history({ caseId, query: { page: { offset, limit: PAGE }, revealIdentity } })
      .then((r) => {
        if (!live) return;
        if (r.ok) setPage(r.value);
        else setError(r.error.code);
      });
    return () => {
      live = false;
    };
  }, [caseId, offset, revealIdentity]);

  const turn = (to: number) => {
    setPage(null);
    setOffset(to);
  };

  async function showLog(): Promise<void> {
    const r = await sauga().cases.viewLog({ caseId });
    if (r.ok) setLog(r.value);
    else setError(r.error.code);
  }

  const empty = t('history.empty');
  const show = (section: string, field: string, value: unknown, redacted: boolean) => {
    if (redacted) return <em className="muted">{t('history.hidden')}</em>;
    const text = displayValue(tx, historyField(tx, section, field).spec, value);
    return text ? <span className="history-value">{text}</span> : <span className="muted">{empty}</span>;
  };

  return (
    <div className="history">
      <section aria-labelledby="history-title" className="items">
        <h2 id="history-title" className="section-title">
          {t('history.title')}
        </h2>
        <p className="muted">{t('history.intro')}</p>
        <ErrorAlert code={error} />
        {!page ? <p className="muted">{t('history.loading')}</p> : null}
        {page && page.total === 0 ? <p className="muted">{t('history.none')}</p> : null}
        {page && page.entries.length > 0 ? (
          <>
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">{t('history.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('history.when')}</th>
                    <th scope="col">{t('history.who')}</th>
                    <th scope="col">{t('history.section')}</th>
                    <th scope="col">{t('history.field')}</th>
                    <th scope="col">{t('history.change')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.entries.map((e) => (
                    <tr key={`${e.id}.${e.part}`}>
                      <td className="nowrap">{formatTimestamp(e.at)}</td>
                      <td>{e.actor}</td>
                      <td>{sectionLabel(tx, e.section)}</td>
                      <td>{historyField(tx, e.section, e.field).label}</td>
                      <td>
                        {show(e.section, e.field, e.old, e.redacted)}
                        <span className="history-arrow">{' → '}</span>
                        {show(e.section, e.field, e.new, e.redacted)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="actions pager">
              <Button variant="secondary" isDisabled={offset === 0} onPress={() => turn(Math.max(0, offset - PAGE))}>
                {t('history.newer')}
              </Button>
              <span>
                {t('history.page', {
                  from: offset + 1,
                  to: offset + page.entries.length,
                  total: page.total,
                })}
              </span>
              <Button variant="secondary" isDisabled={offset + PAGE >= page.total} onPress={() => turn(offset + PAGE)}>
                {t('history.older')}
              </Button>
            </div>
          </>
        ) : null}
      </section>
      <section aria-labelledby="viewlog-title" className="items">
        <h2 id="viewlog-title" className="section-title">
          {t('history.viewLogTitle')}
        </h2>
        <p className="muted">{t('history.viewLogIntro')}</p>
        {log === null ? (
          <div className="actions">
            <Button variant="secondary" onPress={() => void showLog()}>
              {t('history.showViewLog')}
            </Button>
          </div>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t('history.viewLogTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('history.when')}</th>
                  <th scope="col">{t('history.who')}</th>
                  <th scope="col">{t('history.action')}</th>
                </tr>
              </thead>
              <tbody>
                {log.map((entry, i) => {
                  const key = `audit.${entry.action.replace(/\./gu, '_')}`;
                  const label = tx(key);
                  return (
                    <tr key={`${entry.at}-${i}`}>
                      <td className="nowrap">{formatTimestamp(entry.at)}</td>
                      <td>{entry.actor}</td>
                      <td>{label === key ? t('audit.other', { action: entry.action }) : label}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
