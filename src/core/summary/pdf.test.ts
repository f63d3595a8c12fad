import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/fixtures';
import { CaseSummary } from './package/schema';
import { sampleConsent, sampleSummary } from './package/testkit';
import { renderSummaryPdf } from './pdf';

const PDFTOTEXT = '/usr/bin/pdftotext';
const hasPdftotext = existsSync(PDFTOTEXT);

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir('sauga-summary-pdf-'));
});
afterAll(() => cleanup());

/** The PDF's text, with line breaks and runs of spaces folded, so wrapped values still match. */
function pdfText(pdf: Uint8Array, name: string): string {
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, pdf);
  const r = spawnSync(PDFTOTEXT, ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.replace(/\s+/gu, ' ');
}

const fold = (s: string): string => s.replace(/\s+/gu, ' ');

describe('renderSummaryPdf', () => {
  it('is deterministic: same summary and language, same bytes', async () => {
    const a = await renderSummaryPdf(sampleSummary(), 'lt');
    const b = await renderSummaryPdf(sampleSummary(), 'lt');
    expect(Buffer.from(a).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('refuses a summary outside the schema', async () => {
    await expect(renderSummaryPdf({ ...sampleSummary(), extra: 1 } as never, 'lt')).rejects.toThrow();
  });

  // Skipped only where pdftotext (Debian's poppler-utils) is missing: .ci/run installs it.
  describe.skipIf(!hasPdftotext)('text (pdftotext from poppler-utils)', () => {
    it.each(['lt', 'en'] as const)('carries every field value and Lithuanian letters intact (%s)', async (lang) => {
      const summary = CaseSummary.parse(sampleSummary());
      const text = pdfText(await renderSummaryPdf(summary, lang), `all-${lang}`);
      expect(text).toContain('ąčęėįšųūž ĄČĘĖĮŠŲŪŽ');
      expect(text).toContain(summary.caseCode);
      expect(text).toContain(summary.organisation.name);
      expect(text).toContain(summary.recipient.institution);
      expect(text).toContain(sampleConsent.id);
      for (const section of summary.sections) {
        expect(text).toContain(section.label[lang]);
        for (const field of section.fields) {
          expect(text).toContain(field.label[lang]);
          for (const v of typeof field.value === 'string' ? [field.value] : field.value)
            expect(text).toContain(fold(v));
        }
      }
    });

    it('puts the confidentiality footer and the consent on every page', async () => {
      const many = sampleSummary({
        sections: Array.from({ length: 12 }, (_, i) => ({
          key: `s${i}`,
          label: { lt: `Skyrius ${i}`, en: `Section ${i}` },
          fields: [{ key: 'f', label: { lt: 'Laukas', en: 'Field' }, value: 'Ilgas tekstas. '.repeat(60).trim() }],
        })),
      });
      const path = join(dir, 'many.pdf');
      writeFileSync(path, await renderSummaryPdf(many, 'lt'));
      const r = spawnSync(PDFTOTEXT, ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
      const pages = r.stdout.split('\f').filter((p) => p.trim() !== '');
      expect(pages.length).toBeGreaterThan(1);
      for (const [i, page] of pages.entries()) {
        expect(fold(page)).toContain('Konfidencialu');
        expect(fold(page)).toContain('0b6f8a52-3c1d-4e2f-9a7b-1c2d3e4f5a6b');
        expect(fold(page)).toMatch(new RegExp(`\\b${i + 1} ?/ ?${pages.length}\\b`, 'u'));
      }
    });
  });
});
