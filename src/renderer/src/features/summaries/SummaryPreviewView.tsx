import type { PreviewSection, SummaryPreview } from '../../../../shared/summary/views';
import type { Language } from '../../../../shared/vault';
import { currentLanguage } from '../../i18n';
import { useSummaryText } from './text';

/**
 * What the package would carry, as its own sections (the same labelled text the PDF and JSON
 * hold), and beside it what is left out and why. Omitted values are never shown: the reason
 * names the field, not its content.
 */
export function SummaryPreviewView({ preview, headingId }: { preview: SummaryPreview; headingId: string }) {
  const text = useSummaryText();
  const { tx } = text;
  const lang = currentLanguage();
  const omitted = preview.omitted;

  return (
    <div className="summary-preview">
      <h3 id={headingId} className="block-title">
        {tx('summaries.preview.title')}
      </h3>
      <dl className="facts summary-facts">
        <div className="fact">
          <dt>{tx('summaries.preview.recipient')}</dt>
          <dd>
            {preview.recipient.institution} ({text.recipientKind(preview.recipient.category)})
          </dd>
        </div>
        <div className="fact">
          <dt>{tx('summaries.preview.fingerprint')}</dt>
          <dd>
            <code className="fingerprint">{preview.recipient.fingerprint}</code>
          </dd>
        </div>
        <div className="fact">
          <dt>{tx('summaries.preview.purpose')}</dt>
          <dd>{text.purpose(preview.purpose)}</dd>
        </div>
        <div className="fact">
          <dt>{tx('summaries.preview.consent')}</dt>
          <dd>
            {preview.consent
              ? [
                  tx('summaries.preview.consentValue', { givenOn: preview.consent.givenOn }),
                  preview.consent.expiresOn
                    ? tx('summaries.preview.consentExpires', { expiresOn: preview.consent.expiresOn })
                    : null,
                ]
                  .filter(Boolean)
                  .join(', ')
              : tx('summaries.preview.override')}
          </dd>
        </div>
      </dl>
      <p>
        <strong>{tx('summaries.preview.categories')}:</strong>{' '}
        {preview.categories.map((c) => text.category(c)).join('; ') || '—'}
      </p>
      {preview.sections.length > 0 ? (
        <SummarySections sections={preview.sections} lang={lang} />
      ) : preview.basis === 'override' ? (
        <>
          <p className="muted">{tx('summaries.preview.overrideNoPackage')}</p>
          <ul className="plain-list summary-field-list">
            {preview.fields.map((f) => (
              <li key={f}>{text.field(f)}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">{tx('summaries.preview.noContent')}</p>
      )}
      <section className="summary-omitted" aria-labelledby={`${headingId}-omitted`}>
        <h4 id={`${headingId}-omitted`} className="summary-section-title">
          {tx('summaries.preview.omittedTitle')}
        </h4>
        <p className="muted">{tx('summaries.preview.omittedIntro')}</p>
        {omitted.categories.length === 0 && omitted.fields.length === 0 ? (
          <p>{tx('summaries.preview.noneOmitted')}</p>
        ) : null}
        {omitted.categories.length > 0 ? (
          <>
            <p className="summary-omitted-head">{tx('summaries.preview.omittedCategories')}</p>
            <ul className="plain-list summary-omitted-list" data-testid="omitted-categories">
              {omitted.categories.map((o) => (
                <li key={o.category}>
                  {text.category(o.category)} – <em>{tx(`summaries.preview.reasons.${o.reason}`)}</em>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {omitted.fields.length > 0 ? (
          <>
            <p className="summary-omitted-head">{tx('summaries.preview.omittedFields')}</p>
            <ul className="plain-list summary-omitted-list" data-testid="omitted-fields">
              {omitted.fields.map((o) => (
                <li key={`${o.field}|${o.reason}`}>
                  {text.field(o.field)} – <em>{tx(`summaries.preview.reasons.${o.reason}`)}</em>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </div>
  );
}

/** The summary's own labelled sections, as the package (and its PDF) carries them. */
export function SummarySections({
  sections,
  lang,
  level = 4,
}: {
  sections: readonly PreviewSection[];
  lang: Language;
  level?: 3 | 4;
}) {
  const H = level === 3 ? 'h3' : 'h4';
  return (
    <div className="summary-sections">
      {sections.map((s) => (
        <section key={s.key} className="summary-section" aria-label={s.label[lang]}>
          <H className="summary-section-title">{s.label[lang]}</H>
          <dl className="summary-fields">
            {s.fields.map((f) => (
              <div key={f.key} className="summary-field">
                <dt>{f.label[lang]}</dt>
                <dd>
                  {Array.isArray(f.value) ? (
                    <ul className="plain-list">
                      {f.value.map((v, i) => (
                        <li key={i}>{v}</li>
                      ))}
                    </ul>
                  ) : (
                    f.value
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
