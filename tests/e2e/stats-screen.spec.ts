import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createDemoVault, DEMO_SUPERVISOR, generateDemoCases } from '../../src/core/demo';
import { en, lt, type Messages } from '../../src/shared/i18n';
import { choose, unlockAs } from './caseFlows';
import { SHOTS_DIR } from './global-setup';
import { APP_URL, expect, test, type Host } from './host';
import { checkScreen, heading } from './screens';

/**
 * The supervisor's statistics screen over a demo-like vault: synthetic cases made by the demo
 * generator (as `npm run demo` does), previewed, checked by axe, exported through the stubbed
 * save dialog, found in the history, read in English; a caseworker has no way in.
 */

const PASSPHRASE = 'lilac kettle mountain, spring 2026';
const CASEWORKER = 'Aistė Vaitkutė';
/** The story ends on this day, so the year below is full and the test does not age. */
const TODAY = '2025-12-31';
const YEAR = '2025';
const CASES = 300;

async function seedDemo(host: Host): Promise<void> {
  const { session } = await createDemoVault({ dir: host.vaultDir, passphrase: PASSPHRASE, caseworkers: [CASEWORKER] });
  try {
    generateDemoCases(session, { cases: CASES, today: TODAY });
  } finally {
    session.lock();
  }
}

const nav = (page: Page) => page.getByRole('navigation');
const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });
const statTable = (page: Page, m: Messages, id: 'T1' | 'T4' | 'T7') =>
  page.getByRole('table', { name: `${id}. ${m.stats.tables.titles[id]}`, exact: true });

test('a supervisor previews, checks, exports and finds a statistics return; a caseworker has no way in', async ({
  page,
  host,
}) => {
  test.setTimeout(300_000);
  await seedDemo(host);
  await page.goto(APP_URL);
  await unlockAs(page, lt, { userName: DEMO_SUPERVISOR, passphrase: PASSPHRASE });

  await nav(page).getByRole('button', { name: lt.stats.nav, exact: true }).click();
  await expect(heading(page)).toHaveText(lt.stats.title);
  await expect(nav(page).getByRole('button', { name: lt.stats.nav })).toHaveAttribute('aria-current', 'page');
  await checkScreen(page, '80-stats-empty-lt');

  // A year, previewed from the keyboard.
  await choose(page, page, lt.stats.period.kind, lt.stats.period.kinds.year);
  await choose(page, page, lt.stats.period.year, YEAR);
  await page.getByRole('button', { name: lt.stats.period.preview, exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { name: lt.stats.summary.title.replace('{{period}}', `${YEAR} m.`) }),
  ).toBeVisible();

  // Seven real tables, with translated row and column headers and totals.
  for (const id of ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'] as const) {
    await expect(page.getByRole('table', { name: `${id}. ${lt.stats.tables.titles[id]}`, exact: true })).toBeVisible();
  }
  const t1 = statTable(page, lt, 'T1');
  await expect(t1.getByRole('columnheader', { name: lt.stats.codes.SEX.F, exact: true })).toBeVisible();
  await expect(t1.getByRole('rowheader', { name: lt.stats.codes.VICTIM_STATUS.VOT_PRES, exact: true })).toBeVisible();
  await expect(statTable(page, lt, 'T4')).toContainText(lt.stats.tables.multiCount.EXPLOIT);

  // Small counts are suppressed, and the mark says so in symbols and words, not in colour.
  const primary = page.locator('td[data-status="primary"]').first();
  await expect(primary).toBeVisible();
  await expect(primary).toContainText(lt.stats.tables.primaryMark);
  await expect(primary).toContainText(lt.stats.tables.cellSrPrimary.split(' (')[0] ?? '');
  await expect(page.locator('[data-note]').first()).toBeVisible();

  // The audit passes, so export is open; charts carry a text alternative.
  await expect(page.locator('[data-audit="pass"]')).toContainText(lt.stats.audit.passed.split(':')[0] ?? '');
  await expect(
    page.getByRole('img', { name: lt.stats.charts.imgLabel.replace('{{title}}', lt.stats.charts.t1) }),
  ).toBeVisible();
  await checkScreen(page, '81-stats-preview-lt');

  // Export through the stubbed save dialog.
  const saved = join(host.dir, 'ataskaita.zip');
  host.savePath = saved;
  await page.getByRole('button', { name: lt.stats.export.button, exact: true }).click();
  const done = page.getByRole('status').filter({ hasText: lt.stats.export.done });
  await expect(done).toBeVisible();
  await expect(done).toContainText(lt.stats.export.sequence.replace('{{sequence}}', '1'));
  await expect(done.locator('.stat-sha')).toHaveText(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/u);
  expect(existsSync(saved) && statSync(saved).size > 0).toBe(true);
  expect(host.saveDialogs).toHaveLength(1);
  await checkScreen(page, '82-stats-exported-lt');

  // Closing the save dialog saves nothing and says nothing.
  host.savePath = undefined;
  await page.getByRole('button', { name: lt.stats.export.button, exact: true }).click();
  await expect.poll(() => host.saveDialogs.length).toBe(2);
  await expect(page.getByRole('button', { name: lt.stats.export.button, exact: true })).not.toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await expect(page.locator('.error-alert')).toHaveCount(0);

  // The history lists the one return that was saved.
  await tab(page, lt.stats.tabs.history).click();
  const history = page.getByRole('table', { name: lt.stats.history.title, exact: true });
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(history.getByRole('row').nth(1)).toContainText(`${YEAR} m.`);
  await expect(history.getByRole('rowheader', { name: '1', exact: true })).toBeVisible();
  await checkScreen(page, '83-stats-history-lt');

  // The signing key, and its enrolment form on paper.
  await tab(page, lt.stats.tabs.key).click();
  await expect(
    page.getByRole('tabpanel', { name: lt.stats.tabs.key }).getByText(lt.stats.key.keyId, { exact: true }),
  ).toBeVisible();
  await checkScreen(page, '84-stats-key-lt');
  await page.evaluate(() => {
    // The print dialog would block the test; the form's print styles are what is checked here.
    window.print = () => undefined;
  });
  await page.getByRole('button', { name: lt.stats.key.print, exact: true }).click();
  await expect(page.locator('html')).toHaveClass(/stats-printing-enrolment/u);
  await page.emulateMedia({ media: 'print' });
  const sheet = page.locator('.stat-enrolment');
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText(lt.stats.key.formTitle);
  await expect(sheet).toContainText(lt.stats.key.formMinistry);
  await expect(page.locator('#root')).toBeHidden();
  await page.screenshot({ path: join(SHOTS_DIR, '85-stats-enrolment-print.png') });
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(page.locator('html')).not.toHaveClass(/stats-printing-enrolment/u);

  // English: the same preview, every label translated.
  await page.getByRole('radio', { name: en.language.en }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await tab(page, en.stats.tabs.prepare).click();
  const t1en = statTable(page, en, 'T1');
  await expect(t1en.getByRole('columnheader', { name: en.stats.codes.SEX.F, exact: true })).toBeVisible();
  await expect(t1en.getByRole('rowheader', { name: en.stats.codes.VICTIM_STATUS.VOT_PRES, exact: true })).toBeVisible();
  await expect(statTable(page, en, 'T7').getByRole('rowheader', { name: en.stats.codes.SERVICE.PSYCH })).toBeVisible();
  await expect(page.locator('td[data-status="primary"]').first()).toContainText(en.stats.tables.primaryMark);
  await checkScreen(page, '86-stats-preview-en');

  // A caseworker: no Statistics entry at all.
  await page.getByRole('button', { name: en.home.lock }).click();
  await unlockAs(page, en, { userName: CASEWORKER, passphrase: PASSPHRASE });
  await expect(nav(page).getByRole('button', { name: en.nav.cases, exact: true })).toBeVisible();
  await expect(nav(page).getByRole('button', { name: en.stats.nav })).toHaveCount(0);
});
