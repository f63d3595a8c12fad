import { useCallback, useEffect, useState } from 'react';
import type { ErrorCode } from '../../../../shared/errors';
import type { ExportedReturn } from '../../../../shared/stats/dto';
import { sauga } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Button } from '../../components';
import { groupHex, useStatsText } from './text';

/** Enough of the checksum to tell packages apart at a glance; the full one is in the package. */
const SHA_SHORT = 12;

/** The register of exported returns, newest first, as core keeps it. */
export function ReturnHistory() {
  const text = useStatsText();
  const { tx } = text;
  const [rows, setRows] = useState<ExportedReturn[] | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);

  const load = useCallback(async (): Promise<void> => {
    const result = await sauga().stats.history({});
    if (!result.ok) {
      setRows(null);
      return setError(result.error.code);
    }
    setError(null);
    setRows([...result.value].sort((a, b) => b.sequence - a.sequence));
  }, []);

  useEffect(() => {
    // load() sets state when core answers.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  const sequenceOf = (packageId: string): number | undefined => rows?.find((r) => r.packageId === packageId)?.sequence;

  return (
    <section className="items" aria-labelledby="stat-history-title">
      <div className="items-head stat-head-plain">
        <h2 id="stat-history-title" className="section-title">
          {tx('stats.history.title')}
        </h2>
        <Button variant="secondary" onPress={() => void load()}>
          {tx('stats.history.reload')}
        </Button>
      </div>
      <p className="muted">{tx('stats.history.intro')}</p>
      <ErrorAlert code={error} />
      {rows === null && error === null ? (
        <p className="muted" role="status">
          {tx('stats.loading')}
        </p>
      ) : null}
      {rows && rows.length === 0 ? <p className="muted">{tx('stats.history.none')}</p> : null}
      {rows && rows.length > 0 ? (
        <div className="table-wrap">
          <table className="table stat-history" aria-labelledby="stat-history-caption">
            <caption id="stat-history-caption" className="visually-hidden">
              {tx('stats.history.title')}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="stat-num">
                  {tx('stats.history.sequence')}
                </th>
                <th scope="col">{tx('stats.history.period')}</th>
                <th scope="col">{tx('stats.history.created')}</th>
                <th scope="col">{tx('stats.history.by')}</th>
                <th scope="col" className="stat-num">
                  {tx('stats.history.k')}
                </th>
                <th scope="col">{tx('stats.history.consent')}</th>
                <th scope="col">{tx('stats.history.replaces')}</th>
                <th scope="col">{tx('stats.history.sha')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const replaced = r.replaces ? sequenceOf(r.replaces) : undefined;
                return (
                  <tr key={r.packageId} data-sequence={r.sequence}>
                    <th scope="row" className="stat-num">
                      {r.sequence}
                    </th>
                    <td className="nowrap">{text.period(r.period)}</td>
                    <td className="nowrap">{text.timestamp(r.createdAt)}</td>
                    <td>{r.createdBy}</td>
                    <td className="stat-num">{r.params.k}</td>
                    <td>{tx(r.params.consentedOnly ? 'stats.history.consentOnly' : 'stats.history.consentAll')}</td>
                    <td>
                      {!r.replaces
                        ? tx('stats.history.replacesNone')
                        : replaced !== undefined
                          ? tx('stats.history.replacesSequence', { sequence: replaced })
                          : tx('stats.history.replacesUnknown', { id: r.replaces.slice(0, 8) })}
                    </td>
                    <td>
                      <code className="stat-sha" title={r.sha256}>
                        {groupHex(r.sha256.slice(0, SHA_SHORT))}…
                      </code>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
