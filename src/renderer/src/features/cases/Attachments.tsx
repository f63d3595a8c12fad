import { useEffect, useState } from 'react';
import { FileTrigger } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import {
  ATTACHMENT_MAX_BYTES as MAX_BYTES,
  type AttachmentId,
  type AttachmentMeta,
  type CaseId,
} from '../../../../shared/cases/schemas';
import { ErrorCode } from '../../../../shared/errors';
import { sauga } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Alert, Button, ConfirmDialog, TextField } from '../../components';
import { formatSize, formatTimestamp } from './format';
import { PdfPreview } from './PdfPreview';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export interface AttachmentsProps {
  caseId: CaseId;
  attachments: readonly AttachmentMeta[];
  version: number;
  disabled: boolean;
  onChanged: (version: number) => void;
}

type Preview = { meta: AttachmentMeta; bytes: Uint8Array } | null;

export function Attachments({ caseId, attachments, version, disabled, onChanged }: AttachmentsProps) {
  const { t } = useTranslation();
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview>(null);
  const [removing, setRemoving] = useState<AttachmentMeta | null>(null);

  async function upload(files: FileList | null): Promise<void> {
    const file = files?.[0];
    if (!file || busy) return;
    setError(null);
    setNotice(null);
    if (file.size > MAX_BYTES) return setError(ErrorCode.AttachmentTooLarge);
    setBusy(true);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const result = await sauga().cases.addAttachment({
        caseId,
        attachment: { fileName: file.name, description: description.trim() || null },
        contentBase64: toBase64(bytes),
      });
      if (!result.ok) return setError(result.error.code);
      setDescription('');
      setNotice(t('attachments.added', { name: result.value.meta.fileName }));
      onChanged(result.value.version);
    } finally {
      setBusy(false);
    }
  }

  async function open(meta: AttachmentMeta): Promise<void> {
    setError(null);
    setNotice(null);
    const result = await sauga().cases.readAttachment({ caseId, attachmentId: meta.id });
    if (!result.ok) return setError(result.error.code);
    setPreview({ meta: result.value.meta, bytes: fromBase64(result.value.contentBase64) });
  }

  async function exportCopy(meta: AttachmentMeta): Promise<void> {
    setError(null);
    setNotice(null);
    const result = await sauga().cases.exportAttachment({ caseId, attachmentId: meta.id });
    if (!result.ok) return setError(result.error.code);
    setNotice(result.value.saved ? t('attachments.exported') : t('attachments.exportCancelled'));
  }

  async function remove(meta: AttachmentMeta): Promise<void> {
    setRemoving(null);
    setError(null);
    const result = await sauga().cases.removeAttachment({
      caseId,
      attachmentId: meta.id as AttachmentId,
      expectedVersion: version,
    });
    if (!result.ok) return setError(result.error.code);
    if (preview?.meta.id === meta.id) setPreview(null);
    onChanged(result.value.version);
  }

  return (
    <section className="items attachments" aria-labelledby="attachments-title">
      <div className="items-head">
        <h2 id="attachments-title" className="section-title">
          {t('attachments.title')}
        </h2>
      </div>
      <p className="muted">{t('attachments.intro')}</p>
      <p id="export-hint" className="muted">
        {t('attachments.exportHint')}
      </p>
      {disabled ? null : (
        <div className="upload">
          <TextField
            label={t('attachments.description')}
            value={description}
            onChange={setDescription}
            maxLength={2000}
          />
          <div className="upload-pick">
            <FileTrigger
              acceptedFileTypes={['application/pdf', 'image/png', 'image/jpeg', 'image/tiff', 'image/webp']}
              onSelect={(files) => void upload(files)}
            >
              <Button variant="secondary" isBusy={busy}>
                {busy ? t('attachments.uploading') : t('attachments.choose')}
              </Button>
            </FileTrigger>
            <span className="field-description">{t('attachments.limits')}</span>
          </div>
        </div>
      )}
      <p role="status" className="visually-hidden">
        {busy ? t('attachments.uploading') : ''}
      </p>
      <ErrorAlert code={error} />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {attachments.length === 0 ? <p className="muted">{t('attachments.none')}</p> : null}
      <ul className="item-cards" aria-label={t('attachments.listLabel')}>
        {attachments.map((a) => (
          <li key={a.id} className="item-card attachment">
            <div className="item-body">
              <h3 className="item-title">{a.fileName}</h3>
              {a.description ? <p>{a.description}</p> : null}
              <p className="item-meta muted">
                {t('attachments.addedBy', {
                  size: formatSize(a.size),
                  name: a.addedBy,
                  at: formatTimestamp(a.addedAt),
                })}
              </p>
            </div>
            <div className="actions item-actions">
              <Button
                variant="secondary"
                onPress={() => void open(a)}
                aria-label={`${t('attachments.preview')}: ${a.fileName}`}
              >
                {t('attachments.preview')}
              </Button>
              <Button
                variant="secondary"
                onPress={() => void exportCopy(a)}
                aria-label={`${t('attachments.export')} ${a.fileName}`}
                aria-describedby="export-hint"
              >
                {t('attachments.export')}
              </Button>
              {disabled ? null : (
                <Button
                  variant="quiet"
                  onPress={() => setRemoving(a)}
                  aria-label={`${t('attachments.remove')}: ${a.fileName}`}
                >
                  {t('attachments.remove')}
                </Button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {preview ? <PreviewPanel preview={preview} onClose={() => setPreview(null)} /> : null}
      <ConfirmDialog
        isOpen={removing !== null}
        title={t('attachments.remove')}
        confirmLabel={t('form.remove')}
        cancelLabel={t('form.cancel')}
        tone="danger"
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) void remove(removing);
        }}
      >
        <p>{t('attachments.confirmRemove', { name: removing?.fileName ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}

function PreviewPanel({ preview, onClose }: { preview: NonNullable<Preview>; onClose: () => void }) {
  const { t } = useTranslation();
  const { meta, bytes } = preview;
  const isImage = meta.mime === 'image/png' || meta.mime === 'image/jpeg' || meta.mime === 'image/webp';
  const [url, setUrl] = useState<string | null>(null);

  useEffect(() => {
    if (!isImage) return;
    // The image lives only in memory, behind a blob: URL that is revoked as soon as it goes.
    const objectUrl = URL.createObjectURL(new Blob([bytes.slice()], { type: meta.mime }));
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [bytes, isImage, meta.mime]);

  return (
    <section className="preview" aria-labelledby="preview-title">
      <div className="items-head">
        <h3 id="preview-title" className="block-title">
          {t('attachments.previewTitle', { name: meta.fileName })}
        </h3>
        <Button variant="secondary" onPress={onClose} autoFocus>
          {t('attachments.closePreview')}
        </Button>
      </div>
      {isImage && url ? (
        <img className="preview-image" src={url} alt={t('attachments.imageAlt', { name: meta.fileName })} />
      ) : null}
      {meta.mime === 'application/pdf' ? <PdfPreview bytes={bytes} name={meta.fileName} /> : null}
      {!isImage && meta.mime !== 'application/pdf' ? <p className="muted">{t('attachments.noPreview')}</p> : null}
    </section>
  );
}
