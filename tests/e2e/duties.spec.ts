import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { en, lt } from '../../src/shared/i18n';
import { CASE_USERS, CASEWORKER, choose, fill, form, SUPERVISOR, unlockAs } from './caseFlows';
import { SHOTS_DIR } from './global-setup';
import { APP_URL, DEFAULT_SEED, expect, test, type Host } from './host';
import { checkScreen, heading } from './screens';

/**
 * Information duties end to end: an administrator installs the example rules and registers the
 * police; a caseworker marks a person a presumed victim, sees the task with its due date and
 * records that the police were told; the dashboard and the compliance report count it; every
 * new screen passes axe, in Lithuanian and in English.
 */

const m = lt;
const POLICE = 'Vilniaus apskrities VPK';

const nav = (page: Page) => page.getByRole('navigation');
const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });
const localDay = (offsetDays: number): string => {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/** A case of the caseworker's, opened some days ago and not yet worked, made as the new-case screen would. */
async function seedCase(host: Host): Promise<{ id: string; code: string }> {
  await host.core.unlock(CASEWORKER.userName, CASEWORKER.passphrase);
  const created = host.core.cases().createCase({ openedOn: localDay(-5) });
  host.core.lock();
  return { id: created.id, code: created.code };
}

async function openNav(page: Page, name: string, title: string): Promise<void> {
  await nav(page).getByRole('button', { name, exact: true }).click();
  await expect(heading(page)).toHaveText(title);
}

test('a presumed victim gets a dated task; completing it is recorded and counted', async ({ page, host }) => {
  test.setTimeout(300_000);
  await host.seedVault({ users: CASE_USERS });
  const kase = await seedCase(host);
  await page.goto(APP_URL);

  // --- The administrator installs the example rules, from the keyboard, and registers the police.
  await unlockAs(page, m, { userName: DEFAULT_SEED.userName, passphrase: DEFAULT_SEED.passphrase });
  await openNav(page, m.duties.adminNav, m.duties.admin.title);
  await expect(page.getByText(m.duties.admin.none)).toBeVisible();
  await checkScreen(page, 'duties-01-admin-empty-lt');
  await page.getByRole('button', { name: m.duties.admin.installExample, exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /Įdiegta versija 1\./u })).toBeVisible();
  await expect(page.getByTestId('rules-version')).toHaveText('1');
  await expect(page.locator('.duty-ruleset-title .duty-example-badge')).toHaveText(m.duties.exampleBadge);
  await checkScreen(page, 'duties-02-admin-example-lt');

  // A signed file from a signer nobody said to trust is refused, and says why.
  const rulesFile = join(host.dir, 'taisykles.zip');
  host.savePath = rulesFile;
  await page.getByRole('button', { name: m.duties.admin.export, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: m.duties.admin.exported })).toBeVisible();
  host.openPath = rulesFile;
  await page.getByRole('button', { name: m.duties.admin.import, exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: m.errors.DUTY_RULE_SET_REJECTED })).toBeVisible();
  await expect(page.getByTestId('rules-version')).toHaveText('1');
  expect(host.openDialogs.at(-1)).toBe('ruleSet');
  host.openPath = undefined;
  await checkScreen(page, 'duties-02b-admin-refused-lt');

  await tab(page, m.duties.admin.tabInstitutions).click();
  await page.getByRole('button', { name: m.duties.admin.add, exact: true }).click();
  await fill(page, m.duties.admin.name, POLICE);
  await choose(page, page, m.duties.admin.type, 'Policija');
  await fill(page, m.duties.admin.municipality, 'Vilniaus m.');
  await page.getByRole('button', { name: m.duties.admin.save, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: m.duties.admin.saved })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: POLICE, exact: true })).toBeVisible();
  await checkScreen(page, 'duties-03-institutions-lt');

  await tab(page, m.duties.admin.tabEditor).click();
  await expect(page.getByRole('group', { name: /EX\.POLICE/u })).toBeVisible();
  await checkScreen(page, 'duties-04-editor-lt');
  await page.getByRole('button', { name: m.home.lock }).click();

  // --- The caseworker: the dashboard shows the case without rights information; open it.
  await unlockAs(page, m, CASEWORKER);
  await openNav(page, m.duties.nav, m.duties.dashboard.title);
  await expect(page.getByRole('alert').filter({ hasText: m.duties.exampleBadge })).toBeVisible();
  const openCase = page.getByRole('button', { name: `Atidaryti bylą ${kase.code}`, exact: true });
  await expect(openCase).toBeVisible();
  await checkScreen(page, 'duties-05-dashboard-before-lt');
  await openCase.click();
  await expect(heading(page)).toHaveText(kase.code);
  await expect(tab(page, m.sections.duties)).toHaveAttribute('aria-selected', 'true');
  const tasks = page.getByRole('table', { name: m.duties.case.title, exact: true });
  await expect(tasks.locator('tr[data-rule="EX.REVIEW"]')).toBeVisible();
  await expect(tasks.locator('tr[data-rule="EX.POLICE"]')).toHaveCount(0);

  // Marks the person a presumed victim on the status tab.
  await tab(page, m.sections.status).click();
  const status = form(page, m.sections.status);
  await choose(status, page, m.fields.status.victimStatus, 'Tikėtina prekybos žmonėmis auka');
  await status.getByRole('button', { name: m.form.save, exact: true }).click();
  await expect(status.getByRole('status').filter({ hasText: m.form.saved })).toBeVisible();

  // The police task appears, with its due date on Lithuania's clock.
  await tab(page, m.sections.duties).click();
  const police = tasks.locator('tr[data-rule="EX.POLICE"]');
  await expect(police).toBeVisible();
  await expect(police.locator('.duty-status')).toHaveText('Neatlikta');
  const planned = host.core.duties().caseTasks(kase.id);
  const policeTask = planned.find((t) => t.ruleId === 'EX.POLICE');
  expect(policeTask?.state).toBe('open');
  const due = await page.evaluate(
    (iso) =>
      new Intl.DateTimeFormat('lt-LT', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Vilnius' }).format(
        new Date(iso),
      ),
    policeTask?.dueAt ?? '',
  );
  await expect(police.locator('td').nth(1)).toHaveText(due);
  await expect(page.getByRole('table', { name: m.duties.case.rightsTitle })).toContainText(m.duties.case.notInformed);
  await checkScreen(page, 'duties-06-case-duties-lt');

  // Completing it records what was told, to whom (from the registry) and when.
  const title = 'PAVYZDYS: pranešti policijai apie tikėtiną auką';
  await page.getByRole('button', { name: `Pažymėti atliktą: ${title}`, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await choose(dialog, page, m.duties.dialog.institution, `${POLICE} (Vilniaus m.)`);
  await choose(dialog, page, m.duties.dialog.method, 'Telefonu');
  await fill(dialog, m.duties.dialog.reference, 'R-2026-17');
  await checkScreen(page, 'duties-07-complete-dialog-lt');
  await dialog.getByRole('button', { name: m.duties.dialog.submit, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: m.duties.case.saved })).toBeVisible();
  await expect(police.locator('.duty-status')).toHaveText('Atlikta');
  await expect(police).toContainText(POLICE);
  const done = host.core
    .duties()
    .caseTasks(kase.id)
    .find((t) => t.ruleId === 'EX.POLICE');
  expect(done?.state).toBe('done');
  expect(done?.record).toMatchObject({ kind: 'done', to: POLICE, method: 'PHONE', reference: 'R-2026-17' });
  expect(host.audit().some((a) => a.action === 'duties.task_done' && a.subject === kase.id)).toBe(true);

  // Another duty set aside with a reason.
  await tasks
    .locator('tr[data-rule="EX.MUNICIPALITY"]')
    .getByRole('button', { name: /^Pažymėti netaikoma: /u })
    .click();
  const na = page.getByRole('dialog');
  await choose(na, page, m.duties.dialog.reason, 'Šiai bylai netaikoma');
  await checkScreen(page, 'duties-08-not-applicable-dialog-lt');
  await na.getByRole('button', { name: m.duties.dialog.naSubmit, exact: true }).click();
  await expect(tasks.locator('tr[data-rule="EX.MUNICIPALITY"] .duty-status')).toHaveText('Netaikoma');
  await checkScreen(page, 'duties-09-case-duties-done-lt');

  // The dashboard counts what is still due, and no longer lists the completed task.
  await openNav(page, m.duties.nav, m.duties.dashboard.title);
  const dash = page.getByRole('table', { name: m.duties.dashboard.tasksTitle.replace('{{days}}', '7') });
  await expect(dash.getByRole('rowheader', { name: /teises/u })).toBeVisible();
  await expect(dash.getByRole('rowheader', { name: title })).toHaveCount(0);
  await expect(page.getByTestId('duty-due-soon')).toHaveText('1');
  await expect(page.getByTestId('duty-overdue')).toHaveText('0');
  await checkScreen(page, 'duties-10-dashboard-lt');
  await page.getByRole('button', { name: m.home.lock }).click();

  // --- The supervisor: the organisation per worker, and the compliance report.
  await unlockAs(page, m, SUPERVISOR);
  await openNav(page, m.duties.nav, m.duties.dashboard.title);
  await page.getByRole('radio', { name: m.duties.dashboard.organisation }).click();
  const workers = page.getByRole('table', { name: m.duties.dashboard.workersTitle });
  await expect(workers.getByRole('row').filter({ hasText: CASEWORKER.userName })).toContainText('1');
  await checkScreen(page, 'duties-11-dashboard-organisation-lt');

  await openNav(page, m.duties.reportNav, m.duties.report.title);
  await fill(page, m.duties.report.from, localDay(-10));
  await fill(page, m.duties.report.to, localDay(40));
  await page.getByRole('button', { name: m.duties.report.show, exact: true }).click();
  const byRule = page.getByRole('table', { name: m.duties.report.byRule });
  const policeRow = byRule.locator('tr[data-rule="EX.POLICE"]');
  await expect(policeRow.locator('td[data-outcome="metInTime"]')).toHaveText('1');
  await expect(byRule.locator('tr[data-rule="EX.MUNICIPALITY"] td[data-outcome="notApplicable"]')).toHaveText('1');
  const totals = page.getByRole('table', { name: m.duties.report.byRecipient }).locator('.duty-report-total');
  await expect(totals.locator('td[data-outcome="metInTime"]')).toHaveText('1');
  await expect(totals.locator('td[data-outcome="notApplicable"]')).toHaveText('1');
  // Counts only: no case code on the report.
  await expect(page.locator('.duty-report')).not.toContainText(kase.code);
  await checkScreen(page, 'duties-12-report-lt');

  // As a workbook, through the stubbed save dialog.
  const saved = join(host.dir, 'pareigos.xlsx');
  host.savePath = saved;
  await page.getByRole('button', { name: m.duties.report.exportXlsx, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: m.duties.report.exported })).toBeVisible();
  expect(existsSync(saved) && statSync(saved).size > 0).toBe(true);
  expect(host.saveDialogs.at(-1)).toMatch(/^sauga-duties-.+\.xlsx$/u);

  // On paper: the report alone.
  await page.evaluate(() => {
    // The print dialog would block the test; the print styles are what is checked here.
    window.print = () => undefined;
  });
  await page.getByRole('button', { name: m.duties.report.print, exact: true }).click();
  await expect(page.locator('html')).toHaveClass(/duties-printing-report/u);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.duty-report-heading')).toBeVisible();
  await expect(page.locator('nav')).toBeHidden();
  await page.screenshot({ path: join(SHOTS_DIR, 'duties-13-report-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(page.locator('html')).not.toHaveClass(/duties-printing-report/u);

  // English: the same report and dashboard, every label translated.
  await page.getByRole('radio', { name: en.language.en }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(heading(page)).toHaveText(en.duties.report.title);
  await expect(page.getByRole('columnheader', { name: 'Met in time' }).first()).toBeVisible();
  await checkScreen(page, 'duties-14-report-en');
  await openNav(page, en.duties.nav, en.duties.dashboard.title);
  await checkScreen(page, 'duties-15-dashboard-en');
});
