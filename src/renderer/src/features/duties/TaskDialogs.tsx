import { useState, type ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { DELIVERY_METHODS, NOT_APPLICABLE_REASONS, SYSTEM_REASONS } from '../../../../shared/duties/codes';
import type { DutyTask, Institution } from '../../../../shared/duties/schemas';
import type { ErrorCode } from '../../../../shared/errors';
import { sauga } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Button, ChoiceField, TextAreaField, TextField } from '../../components';
import { codeOptions } from '../cases/form/FieldView';
import { useTx } from '../cases/form/tx';
import { today } from '../cases/format';
import { bi } from './text';

const DATE = /^\d{4}-\d{2}-\d{2}$/u;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/u;

function TaskDialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen
      isDismissable
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Modal className="modal duty-modal">
        <Dialog className="dialog">
          <Heading slot="title" className="dialog-title">
            {title}
          </Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/** Records what was told or sent, to whom and when; the institution comes from the registry. */
export function CompleteDialog({
  task,
  institutions,
  onDone,
  onClose,
}: {
  task: DutyTask;
  institutions: readonly Institution[];
  onDone: (t: DutyTask) => void;
  onClose: () => void;
}) {
  const tx = useTx();
  const toVictim = task.plan.recipient.kind === 'VICTIM';
  const recipientType = task.plan.recipient.kind === 'INSTITUTION' ? task.plan.recipient.type : null;
  // Institutions of the rule's recipient type first; any other may still be chosen.
  const options = [...institutions]
    .sort((a, b) => Number(b.type === recipientType) - Number(a.type === recipientType))
    .map((i) => ({ id: i.id, label: i.municipality ? `${i.name} (${i.municipality})` : i.name }));
  const [form, setForm] = useState({
    date: today(),
    time: '',
    institutionId: '',
    to: '',
    what: bi(task.plan.information),
    method: '',
    reference: '',
  });
  const [showErrors, setShowErrors] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  const errors = {
    date: DATE.test(form.date.trim()) ? undefined : tx('duties.dialog.dateInvalid'),
    time: !form.time.trim() || TIME.test(form.time.trim()) ? undefined : tx('duties.dialog.timeInvalid'),
    to: toVictim || form.institutionId || form.to.trim() ? undefined : tx('duties.dialog.toRequired'),
    what: form.what.trim() ? undefined : tx('common.required'),
  };
  const shown = (k: keyof typeof errors) => (showErrors ? errors[k] : undefined);

  async function submit(): Promise<void> {
    setShowErrors(true);
    if (busy || Object.values(errors).some(Boolean)) return;
    setBusy(true);
    setError(null);
    try {
      const date = form.date.trim();
      const time = form.time.trim();
      // A time is this computer's clock; a date alone means that day in Lithuania (core's rule).
      const at = time ? new Date(`${date}T${time}`).toISOString() : date;
      const r = await sauga().duties.complete({
        taskId: task.id,
        completion: {
          at,
          institutionId: form.institutionId || null,
          to: form.to.trim() || null,
          what: form.what.trim(),
          method: (form.method || null) as never,
          reference: form.reference.trim() || null,
        },
      });
      if (!r.ok) return setError(r.error.code);
      onDone(r.value);
    } finally {
      setBusy(false);
    }
  }

  return (
    <TaskDialog title={tx('duties.case.completeFor', { title: bi(task.plan.title) })} onClose={onClose}>
      <div className="dialog-body duty-dialog-body">
        <div className="form-grid form-grid-compact">
          <TextField
            label={tx('duties.dialog.date')}
            description={tx('duties.dialog.dateHelp')}
            value={form.date}
            onChange={set('date')}
            errorMessage={shown('date')}
            autoFocus
          />
          <TextField
            label={tx('duties.dialog.time')}
            description={tx('duties.dialog.timeHelp')}
            value={form.time}
            onChange={set('time')}
            errorMessage={shown('time')}
          />
        </div>
        <div className="form-grid form-grid-compact">
          {toVictim ? null : (
            <ChoiceField
              label={tx('duties.dialog.institution')}
              description={tx('duties.dialog.institutionHelp')}
              options={options}
              noneLabel={tx('duties.dialog.institutionNone')}
              value={form.institutionId}
              onChange={set('institutionId')}
            />
          )}
          <TextField
            label={tx('duties.dialog.to')}
            value={form.to}
            onChange={set('to')}
            errorMessage={shown('to')}
            secret
          />
          <ChoiceField
            label={tx('duties.dialog.method')}
            options={codeOptions(DELIVERY_METHODS)}
            noneLabel={tx('duties.dialog.institutionNone')}
            value={form.method}
            onChange={set('method')}
          />
          <TextField label={tx('duties.dialog.reference')} value={form.reference} onChange={set('reference')} />
        </div>
        <TextAreaField
          label={tx('duties.dialog.what')}
          value={form.what}
          onChange={set('what')}
          errorMessage={shown('what')}
        />
        <ErrorAlert code={error} />
      </div>
      <div className="actions dialog-actions">
        <Button variant="secondary" onPress={onClose}>
          {tx('duties.dialog.cancel')}
        </Button>
        <Button variant="primary" isBusy={busy} onPress={() => void submit()}>
          {tx('duties.dialog.submit')}
        </Button>
      </div>
    </TaskDialog>
  );
}

const USER_REASONS = NOT_APPLICABLE_REASONS.filter((r) => !SYSTEM_REASONS.includes(r.code));

/** Sets a duty aside with a reason a person gives; final, like a completion. */
export function NotApplicableDialog({
  task,
  onDone,
  onClose,
}: {
  task: DutyTask;
  onDone: (t: DutyTask) => void;
  onClose: () => void;
}) {
  const tx = useTx();
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);

  async function submit(): Promise<void> {
    setShowErrors(true);
    if (busy || !reason) return;
    setBusy(true);
    setError(null);
    try {
      const r = await sauga().duties.notApplicable({
        taskId: task.id,
        reason: { reason: reason as never, note: note.trim() || null },
      });
      if (!r.ok) return setError(r.error.code);
      onDone(r.value);
    } finally {
      setBusy(false);
    }
  }

  return (
    <TaskDialog title={tx('duties.case.notApplicableFor', { title: bi(task.plan.title) })} onClose={onClose}>
      <div className="dialog-body duty-dialog-body">
        <ChoiceField
          label={tx('duties.dialog.reason')}
          options={codeOptions(USER_REASONS)}
          value={reason}
          onChange={setReason}
          errorMessage={showErrors && !reason ? tx('common.required') : undefined}
        />
        <TextAreaField label={tx('duties.dialog.note')} value={note} onChange={setNote} />
        <ErrorAlert code={error} />
      </div>
      <div className="actions dialog-actions">
        <Button variant="secondary" onPress={onClose} autoFocus>
          {tx('duties.dialog.cancel')}
        </Button>
        <Button variant="primary" isBusy={busy} onPress={() => void submit()}>
          {tx('duties.dialog.naSubmit')}
        </Button>
      </div>
    </TaskDialog>
  );
}
