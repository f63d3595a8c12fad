import { useId, useState } from 'react';
import { Label, ProgressBar } from 'react-aria-components';
import type { ErrorCode } from '../../../../shared/errors';
import type { ExportedReturn, ReturnPreview } from '../../../../shared/stats/dto';
import { sauga } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Alert, Button } from '../../components';
import { groupHex, useStatsText } from './text';

export interface ExportPanelProps {
  /** The preview the export repeats: same period, same parameters. */
  preview: ReturnPreview | null;
  /** The form changed after the preview: what would be exported is not what was seen. */
  stale: boolean;
}

/**
 * One signed package per press. Core builds, audits and signs it again (it never trusts the
 * preview), after main has asked where to save; closing that dialog simply saves nothing.
 */
export function ExportPanel({ preview, stale }: ExportPanelProps) {
  const text = useStatsText();
  const { tx } = text;
  const reasonId = useId();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [done, setDone] = useState<ExportedReturn | null>(null);

  const blocked = !preview
    ? tx('stats.export.needPreview')
    : stale
      ? tx('stats.period.stale')
      : !preview.audit.ok
        ? tx('stats.export.disabledAudit')
        : null;

  async function run(): Promise<void> {
    if (!preview || blocked || running) return;
    setRunning(true);
    setError(null);
    setDone(null);
    try {
      const result = await sauga().stats.export({ period: preview.period, params: preview.params });
      if (!result.ok) return setError(result.error.code);
      // A closed save dialog is the user's choice, not a failure: nothing to say.
      if (!result.value.saved) return;
      setDone(result.value.exported);
    } finally {
      setRunning(false);
    }
  }

  return (
    <section className="items stat-export" aria-labelledby="stat-export-title">
      <h2 id="stat-export-title" className="section-title">
        {tx('stats.export.title')}
      </h2>
      <p className="muted">{tx('stats.export.intro')}</p>
      <div className="actions">
        <Button
          variant="primary"
          isDisabled={blocked !== null}
          isBusy={running}
          onPress={() => void run()}
          aria-describedby={blocked ? reasonId : undefined}
        >
          {tx('stats.export.button')}
        </Button>
      </div>
      {blocked ? (
        <p id={reasonId} className="stat-blocked">
          {blocked}
        </p>
      ) : null}
      <div role="status" className="stat-progress-region">
        {running ? (
          <ProgressBar isIndeterminate className="stat-progress">
            <Label className="stat-progress-label">{tx('stats.export.progressLabel')}</Label>
            <span className="stat-progress-stage">{tx('stats.export.progress')}</span>
            <div className="stat-progress-track">
              <div className="stat-progress-fill" />
            </div>
          </ProgressBar>
        ) : null}
      </div>
      <ErrorAlert code={error} />
      {done ? (
        <Alert tone="success" className="stat-export-done">
          {tx('stats.export.done')}
          <span className="stat-export-facts">
            <span>{tx('stats.export.file', { fileName: done.fileName })}</span>
            <span>{tx('stats.export.sequence', { sequence: done.sequence })}</span>
            <span>
              {tx('stats.export.sha')} <code className="stat-sha">{groupHex(done.sha256)}</code>
            </span>
            <span className="muted">{tx('stats.export.shaHint')}</span>
          </span>
        </Alert>
      ) : null}
    </section>
  );
}
