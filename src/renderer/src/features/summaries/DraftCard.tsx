import { useId, useState } from 'react';
import { GDPR_LEGAL_BASES } from '../../../../shared/cases/codes';
import type { ErrorCode } from '../../../../shared/errors';
import type { DraftView, SummaryExportResult } from '../../../../shared/summary/views';
import type { Language } from '../../../../shared/vault';
import { sauga } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Alert, Button, ChoiceField, ConfirmDialog, TextField } from '../../components';
import { currentLanguage } from '../../i18n';
import { codeOptions } from '../cases/form/FieldView';
import { SummaryPreviewView } from './SummaryPreviewView';
import { groupHex, useSummaryText } from './text';

export interface DraftCardProps {
  draft: DraftView;
  isSupervisor: boolean;
  userName: string;
  approvalRequired: boolean;
  onChanged: () => void;
}

type Step = 'requestApproval' | 'approve' | 'cancel';

/** One draft: its state and who did what, its preview, and the next step the user may take. */
export function DraftCard({ draft, isSupervisor, userName, approvalRequired, onChanged }: DraftCardProps) {
  const text = useSummaryText();
  const { tx } = text;
  const headingId = useId();
  const [showPreview, setShowPreview] = useState(false);
  const [overriding, setOverriding] = useState(false);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  // Kept here: the reload after the export replaces the export box, not this card.
  const [exported, setExported] = useState<Extract<SummaryExportResult, { saved: true }> | null>(null);

  const open = draft.status !== 'sent' && draft.status !== 'cancelled';
  const own = draft.createdBy === userName;

  async function step(kind: Step): Promise<void> {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const api = sauga().summary;
      const r =
        kind === 'approve'
          ? await api.approve({ draftId: draft.id })
          : kind === 'cancel'
            ? await api.cancel({ draftId: draft.id })
            : await api.requestApproval({ draftId: draft.id });
      if (!r.ok) return setError(r.error.code);
      onChanged();
    } finally {
      setBusy(false);
    }
  }

  const p = draft.preview;
  return (
    <article className="summary-draft" aria-labelledby={`${headingId}-title`} data-status={draft.status}>
      <div className="items-head">
        <h3 id={`${headingId}-title`} className="block-title">
          {tx('summaries.drafts.draftTitle', {
            institution: p.recipient.institution,
            purpose: text.purpose(p.purpose),
          })}
        </h3>
        <span className="status-chip summary-status" data-status={draft.status}>
          <span className="visually-hidden">{tx('summaries.drafts.statusLabel')}: </span>
          {tx(`summaries.drafts.status.${draft.status}`)}
        </span>
      </div>
      <ul className="plain-list summary-trail">
        <li>{tx('summaries.drafts.createdBy', { name: draft.createdBy, at: text.timestamp(draft.createdAt) })}</li>
        {draft.requestedBy && draft.requestedAt ? (
          <li>
            {tx('summaries.drafts.requestedBy', { name: draft.requestedBy, at: text.timestamp(draft.requestedAt) })}
          </li>
        ) : null}
        {draft.approvedBy && draft.approvedAt ? (
          <li>{tx('summaries.drafts.approvedBy', { name: draft.approvedBy, at: text.timestamp(draft.approvedAt) })}</li>
        ) : null}
        {draft.legalBasis ? (
          <li>
            {tx('summaries.drafts.legalBasis', {
              basis: legalBasisLabel(draft.legalBasis),
              name: draft.secondApprover ?? '',
            })}
          </li>
        ) : null}
      </ul>
      <div className="actions">
        <Button variant="quiet" aria-expanded={showPreview} onPress={() => setShowPreview((s) => !s)}>
          {tx(showPreview ? 'summaries.drafts.hidePreview' : 'summaries.drafts.showPreview')}
        </Button>
        {draft.status === 'draft' && approvalRequired ? (
          <Button variant="secondary" isBusy={busy} onPress={() => void step('requestApproval')}>
            {tx('summaries.drafts.requestApproval')}
          </Button>
        ) : null}
        {isSupervisor && !own && (draft.status === 'draft' || draft.status === 'pending_approval') ? (
          <Button variant="primary" isBusy={busy} onPress={() => void step('approve')}>
            {tx('summaries.drafts.approve')}
          </Button>
        ) : null}
        {isSupervisor && draft.status === 'needs_override' && !overriding ? (
          <Button variant="primary" onPress={() => setOverriding(true)}>
            {tx('summaries.override.open')}
          </Button>
        ) : null}
        {open ? (
          <Button variant="quiet" onPress={() => setConfirmCancel(true)}>
            {tx('summaries.drafts.cancel')}
          </Button>
        ) : null}
      </div>
      {isSupervisor && own && draft.status === 'pending_approval' ? (
        <p className="muted">{tx('summaries.drafts.ownDraft')}</p>
      ) : null}
      <ErrorAlert code={error} />
      {overriding ? (
        <OverrideForm
          draftId={draft.id}
          onDone={() => {
            setOverriding(false);
            onChanged();
          }}
          onCancel={() => setOverriding(false)}
        />
      ) : null}
      {draft.sendable && open ? (
        <ExportBox
          draft={draft}
          onExported={(r) => {
            setExported(r);
            onChanged();
          }}
        />
      ) : null}
      {exported ? (
        <Alert tone="success" className="summary-export-done">
          {tx('summaries.export.done')}
          <span className="stat-export-facts">
            <span>{tx('summaries.export.file', { fileName: exported.fileName })}</span>
            <span>
              {tx('summaries.export.sha')} <code className="stat-sha">{groupHex(exported.sha256)}</code>
            </span>
          </span>
        </Alert>
      ) : null}
      {showPreview ? <SummaryPreviewView preview={p} headingId={`${headingId}-preview`} /> : null}
      <ConfirmDialog
        isOpen={confirmCancel}
        title={tx('summaries.drafts.cancel')}
        confirmLabel={tx('summaries.drafts.cancelYes')}
        cancelLabel={tx('form.cancel')}
        tone="danger"
        onCancel={() => setConfirmCancel(false)}
        onConfirm={() => {
          setConfirmCancel(false);
          void step('cancel');
        }}
      >
        <p>{tx('summaries.drafts.cancelConfirm')}</p>
      </ConfirmDialog>
    </article>
  );
}

function legalBasisLabel(basis: string): string {
  const coded = GDPR_LEGAL_BASES.find((b) => b.code === basis);
  return coded ? coded[currentLanguage()] : basis;
}

const OTHER = 'OTHER_TEXT';

function OverrideForm({ draftId, onDone, onCancel }: { draftId: string; onDone: () => void; onCancel: () => void }) {
  const { tx } = useSummaryText();
  const headingId = useId();
  const [basis, setBasis] = useState('');
  const [basisText, setBasisText] = useState('');
  const [second, setSecond] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);

  const legalBasis = basis === OTHER ? basisText.trim() : basis;
  const required = (v: string) => (showErrors && !v ? tx('common.required') : undefined);

  async function submit(): Promise<void> {
    setShowErrors(true);
    if (!legalBasis || !second.trim() || !passphrase || busy) return;
    setBusy(true);
    setError(null);
    try {
      const r = await sauga().summary.override({
        draftId,
        legalBasis,
        secondApprover: { userName: second.trim(), passphrase },
      });
      // The second supervisor's passphrase is not kept a moment longer than the call.
      setPassphrase('');
      if (!r.ok) return setError(r.error.code);
      onDone();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="summary-override" aria-labelledby={headingId}>
      <h4 id={headingId} className="summary-section-title">
        {tx('summaries.override.title')}
      </h4>
      <p className="muted">{tx('summaries.override.intro')}</p>
      <div className="form-grid">
        <ChoiceField
          label={tx('summaries.override.basis')}
          options={[...codeOptions(GDPR_LEGAL_BASES), { id: OTHER, label: tx('summaries.override.basisOther') }]}
          value={basis}
          onChange={setBasis}
          errorMessage={required(basis)}
        />
        {basis === OTHER ? (
          <TextField
            label={tx('summaries.override.basisText')}
            description={tx('summaries.override.basisTextHelp')}
            value={basisText}
            onChange={setBasisText}
            errorMessage={required(basisText.trim())}
          />
        ) : null}
        <TextField
          label={tx('summaries.override.second')}
          value={second}
          onChange={setSecond}
          secret
          errorMessage={required(second.trim())}
        />
        <TextField
          label={tx('summaries.override.secondPassphrase')}
          type="password"
          value={passphrase}
          onChange={setPassphrase}
          secret
          errorMessage={required(passphrase)}
        />
      </div>
      <ErrorAlert code={error} />
      <div className="actions">
        <Button variant="primary" isBusy={busy} onPress={() => void submit()}>
          {tx('summaries.override.submit')}
        </Button>
        <Button variant="secondary" onPress={onCancel}>
          {tx('summaries.override.cancel')}
        </Button>
      </div>
    </section>
  );
}

function ExportBox({
  draft,
  onExported,
}: {
  draft: DraftView;
  onExported: (r: Extract<SummaryExportResult, { saved: true }>) => void;
}) {
  const { tx } = useSummaryText();
  const [language, setLanguage] = useState<Language>('lt');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);

  async function run(): Promise<void> {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const r = await sauga().summary.export({ draftId: draft.id, language });
      if (!r.ok) return setError(r.error.code);
      // A closed save dialog is the user's choice, not a failure: nothing to say.
      if (r.value.saved) onExported(r.value);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="summary-export">
      <p className="muted">{tx('summaries.export.intro')}</p>
      <div className="summary-export-row">
        <ChoiceField
          label={tx('summaries.export.language')}
          options={[
            { id: 'lt', label: tx('language.lt') },
            { id: 'en', label: tx('language.en') },
          ]}
          value={language}
          onChange={(v) => setLanguage(v === 'en' ? 'en' : 'lt')}
        />
        <Button variant="primary" isBusy={busy} onPress={() => void run()}>
          {tx('summaries.export.button')}
        </Button>
      </div>
      <ErrorAlert code={error} />
    </div>
  );
}
