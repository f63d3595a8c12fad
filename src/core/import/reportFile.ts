import { importEn } from '../../shared/i18n/import.en';
import { importLt } from '../../shared/i18n/import.lt';
import type { DryRunReport } from '../../shared/import/schemas';
import { reportCsv } from './convert';

/**
 * The dry-run report as a CSV file in the user's language: headings and each problem's text
 * translated, next to the stable problem code.
 */
export function localizedReportCsv(report: DryRunReport, lang: 'lt' | 'en'): string {
  const t = lang === 'lt' ? importLt : importEn;
  const h = t.importReport;
  const localized: DryRunReport = {
    ...report,
    problems: report.problems.map((p) => ({
      ...p,
      detail: [t.importProblems[p.problem], p.detail].filter(Boolean).join(': '),
    })),
  };
  return reportCsv(localized, [h.row, h.column, h.value, h.problem, h.detail]);
}
