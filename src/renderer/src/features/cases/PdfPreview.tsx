import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components';

import type * as PdfJsLib from 'pdfjs-dist';

type PdfJs = typeof PdfJsLib;
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

let loading: Promise<PdfJs> | undefined;

/**
 * pdf.js, loaded on first use. Its worker is a file of the app itself (script-src 'self'),
 * and eval is off: the CSP would refuse it, and a PDF must never run code.
 */
function pdfjs(): Promise<PdfJs> {
  loading ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(
    ([lib, worker]) => {
      lib.GlobalWorkerOptions.workerSrc = worker.default;
      return lib;
    },
  );
  return loading;
}

/** A PDF drawn page by page onto a canvas, from bytes in memory: nothing is written anywhere. */
export function PdfPreview({ bytes, name }: { bytes: Uint8Array; name: string }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [doc, setDoc] = useState<PdfDocument | null>(null);
  const [page, setPage] = useState(1);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let opened: PdfDocument | undefined;
    void (async () => {
      try {
        const lib = await pdfjs();
        // pdf.js takes ownership of the buffer it is given: pass a copy.
        opened = await lib.getDocument({
          data: bytes.slice(),
          isEvalSupported: false,
          enableXfa: false,
          disableAutoFetch: true,
          disableStream: true,
        }).promise;
        if (cancelled) void opened.destroy();
        else setDoc(opened);
      } catch {
        if (!cancelled) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      void opened?.destroy();
    };
  }, [bytes]);

  useEffect(() => {
    if (!doc || !canvas.current) return;
    let task: { cancel: () => void; promise: Promise<void> } | undefined;
    void (async () => {
      try {
        const p = await doc.getPage(page);
        const viewport = p.getViewport({ scale: 1.5 });
        const el = canvas.current;
        const context = el?.getContext('2d');
        if (!el || !context) return;
        el.width = Math.floor(viewport.width);
        el.height = Math.floor(viewport.height);
        task = p.render({ canvasContext: context, viewport });
        await task.promise;
      } catch {
        // A cancelled render (page turned quickly) is not a failure to report.
      }
    })();
    return () => task?.cancel();
  }, [doc, page]);

  if (failed) return <p className="muted">{t('attachments.pdfFailed')}</p>;
  const pages = doc?.numPages ?? 0;
  return (
    <div className="pdf-preview">
      {doc ? (
        <div className="actions pdf-nav">
          <Button variant="secondary" isDisabled={page <= 1} onPress={() => setPage((p) => p - 1)}>
            {t('attachments.prevPage')}
          </Button>
          <span role="status">{t('attachments.pdfPage', { page, pages })}</span>
          <Button variant="secondary" isDisabled={page >= pages} onPress={() => setPage((p) => p + 1)}>
            {t('attachments.nextPage')}
          </Button>
        </div>
      ) : (
        <p className="muted">{t('attachments.previewLoading')}</p>
      )}
      <canvas ref={canvas} className="pdf-canvas" role="img" aria-label={t('attachments.pdfLabel', { name })} />
    </div>
  );
}
