import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { en, lt } from '../../src/shared/i18n';
import { createBackup } from '../../src/core/backup';
import { setPolicy } from '../../src/core/retention';
import { CaseService } from '../../src/core/cases/service';
import { choose, unlockAs, SUPERVISOR, CASEWORKER } from './caseFlows';
import { APP_URL, DEFAULT_SEED, expect, test, type Host } from './host';
import { checkScreen, heading } from './screens';

/**
 * Backups and retention in the app, over a real vault: an administrator makes a backup
 * through the (stubbed) save dialog, sees it listed, checks it with the passphrase, sets a
 * retention rule; a supervisor plans a purge, confirms it in the dialog and reads the
 * counts-only report. Every screen is checked by axe; the main actions are driven by keyboard.
 */

const ADMIN = { userName: DEFAULT_SEED.userName, passphrase: DEFAULT_SEED.passphrase };
const nav = (page: Page) => page.getByRole('navigation');

/** Tabs forward until the control named `name` has focus; fails if it is not reachable. */
async function tabTo(page: Page, role: 'button' | 'textbox', name: string): Promise<void> {
  const target = page.getByRole(role, { name, exact: true });
  for (let i = 0; i < 60; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${name} is not reachable with Tab`);
}

/** Two closed cases made by core as a caseworker and supervisor would; one closed long ago. */
async function seedCases(host: Host): Promise<string> {
  await host.core.unlock(CASEWORKER.userName, CASEWORKER.passphrase);
  const cw = new CaseService(host.core.requireSession());
  const old = cw.createCase({ openedOn: '2012-01-01', status: { victimStatus: 'NOT_VICTIM' } });
  const recent = cw.createCase({ openedOn: '2025-01-01', status: { victimStatus: 'NOT_VICTIM' } });
  host.core.lock();
  await host.core.unlock(SUPERVISOR.userName, SUPERVISOR.passphrase);
  const sup = new CaseService(host.core.requireSession());
  sup.closeCase(old.id, { reason: 'GOALS_ACHIEVED', closedOn: '2015-03-01' }, 1);
  sup.closeCase(recent.id, { reason: 'GOALS_ACHIEVED', closedOn: '2025-06-01' }, 1);
  host.core.lock();
  return old.code;
}

test('an administrator makes, sees and checks a backup, and sets a retention rule', async ({ page, host }) => {
  test.setTimeout(300_000);
  await host.seedVault({ users: [SUPERVISOR, CASEWORKER] });
  await seedCases(host);
  await page.goto(APP_URL);
  await unlockAs(page, lt, ADMIN);

  // No backup yet: the reminder stands under the header.
  await expect(page.getByRole('note').filter({ hasText: lt.governance.banner.due })).toBeVisible();
  await nav(page).getByRole('button', { name: lt.governance.backupsNav, exact: true }).click();
  await expect(heading(page)).toHaveText(lt.governance.backups.title);
  await expect(page.getByText(lt.governance.backups.never, { exact: true })).toBeVisible();
  await checkScreen(page, 'g1-backups-none-lt');

  // A cancelled dialog writes nothing.
  host.savePath = undefined;
  await page.getByRole('button', { name: lt.governance.backups.create, exact: true }).click();
  await expect(page.getByRole('button', { name: lt.governance.backups.create, exact: true })).toBeEnabled();
  expect(host.saveDialogs).toHaveLength(1);
  expect(host.saveDialogs[0]).toMatch(/^Vilties-namai-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}\.sauga$/u);

  // From the keyboard: Tab to the button, Enter.
  const file = join(host.dir, 'atsargine.sauga');
  host.savePath = file;
  await page.getByRole('heading', { level: 1 }).click();
  await tabTo(page, 'button', lt.governance.backups.create);
  await page.keyboard.press('Enter');
  await expect(page.getByText(lt.governance.backups.keepSafe)).toBeVisible();
  expect(existsSync(file)).toBe(true);
  await expect(page.getByText(file).first()).toBeVisible();
  await expect(page.getByRole('note').filter({ hasText: lt.governance.banner.due })).toHaveCount(0);
  await checkScreen(page, 'g2-backups-made-lt');

  // A full check with the passphrase.
  host.openPath = file;
  await page.getByLabel(lt.governance.verify.passphrase).fill(ADMIN.passphrase);
  await page.getByRole('button', { name: lt.governance.verify.choose, exact: true }).click();
  await expect(page.getByText(/kopija sveika ir nepakeista, bylų 2/u).first()).toBeVisible();
  expect(host.openDialogs).toEqual(['backup']);
  await checkScreen(page, 'g3-backups-verified-lt');
  expect(host.audit().map((e) => e.action)).toEqual(expect.arrayContaining(['backup.created', 'backup.verified']));

  // A retention rule: 5 years for "not a victim".
  await nav(page).getByRole('button', { name: lt.governance.retentionNav, exact: true }).click();
  await expect(heading(page)).toHaveText(lt.governance.retention.title);
  const years = page.getByRole('textbox', {
    name: lt.governance.retention.yearsFor.replace('{{type}}', lt.governance.caseTypes.NOT_VICTIM),
  });
  await years.fill('5');
  await years.press('Tab');
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('button', {
      name: lt.governance.retention.clearFor.replace('{{type}}', lt.governance.caseTypes.NOT_VICTIM),
    }),
  ).toBeVisible();
  await checkScreen(page, 'g4-retention-admin-lt');
  // An administrator plans and purges nothing: those are a supervisor's.
  await expect(page.getByRole('heading', { name: lt.governance.purge.title })).toHaveCount(0);
});

test('a supervisor plans a purge, confirms it, and reads the counts-only report', async ({ page, host }) => {
  test.setTimeout(300_000);
  await host.seedVault({ users: [SUPERVISOR, CASEWORKER] });
  const dueCode = await seedCases(host);
  await host.core.unlock(ADMIN.userName, ADMIN.passphrase);
  setPolicy(host.core.requireSession(), { caseType: 'NOT_VICTIM', years: 5 });
  host.core.lock();

  await page.goto(APP_URL);
  await unlockAs(page, lt, SUPERVISOR);

  // A legal hold, set on the case's management tab.
  await page
    .getByRole('grid', { name: lt.caseList.gridLabel })
    .getByRole('row')
    .filter({ hasText: dueCode })
    .first()
    .click();
  await expect(heading(page)).toHaveText(dueCode);
  await page.getByRole('tab', { name: lt.sections.management, exact: true }).click();
  await expect(page.getByText(lt.governance.holds.notOnHold)).toBeVisible();
  await choose(page, page, lt.governance.holds.reason, lt.governance.holdReasons.CIVIL_PROCEEDINGS);
  await page.getByRole('button', { name: lt.governance.holds.set, exact: true }).click();
  await expect(page.getByText(/^Byla sulaikyta: Civilinė byla/u)).toBeVisible();
  await checkScreen(page, 'g5a-case-hold-lt');

  await nav(page).getByRole('button', { name: lt.governance.retentionNav, exact: true }).click();
  await expect(heading(page)).toHaveText(lt.governance.retention.title);
  await expect(page.getByRole('cell', { name: '5 m.' })).toBeVisible();
  await expect(page.getByRole('table', { name: lt.governance.holds.title })).toContainText(dueCode);
  await checkScreen(page, 'g5-retention-supervisor-lt');
  await page.getByRole('button', { name: lt.governance.purge.plan, exact: true }).click();
  await expect(page.locator('.governance-plan')).toContainText('ištrintinų bylų: 0');
  await expect(page.locator('.governance-plan')).toContainText('išsaugo dar bylų: 1');

  // Released from the list of holds, the case is due again.
  await choose(
    page,
    page,
    lt.governance.holds.releaseReasonFor.replace('{{code}}', dueCode),
    lt.governance.releaseReasons.PROCEEDINGS_ENDED,
  );
  await page
    .getByRole('button', { name: lt.governance.holds.releaseFor.replace('{{code}}', dueCode), exact: true })
    .click();
  await expect(page.getByText(lt.governance.holds.none)).toBeVisible();

  await page.getByRole('button', { name: lt.governance.purge.plan, exact: true }).click();
  const plan = page.locator('.governance-plan');
  await expect(plan).toContainText('ištrintinų bylų: 1');
  await page.getByText(lt.governance.purge.codes.replace('{{n}}', '1')).click();
  await expect(plan).toContainText(dueCode);
  await checkScreen(page, 'g6-purge-plan-lt');

  // The confirmation says it cannot be undone; Escape answers "cancel".
  const purgeButton = page.getByRole('button', { name: lt.governance.purge.purge.replace('{{n}}', '1') });
  await purgeButton.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText(lt.governance.purge.cannotUndo);
  await checkScreen(page, 'g7-purge-confirm-lt');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await purgeButton.click();
  await dialog.getByRole('button', { name: lt.governance.purge.confirm, exact: true }).click();

  await expect(page.getByText(lt.governance.report.title)).toBeVisible();
  await expect(page.getByText(/Ištrinta bylų: 1, priedų: 0/u)).toBeVisible();
  await checkScreen(page, 'g8-purge-report-lt');
  const purged = host.audit().filter((e) => e.action === 'retention.purged');
  expect(purged).toHaveLength(1);
  expect(purged[0]?.detail).toEqual({ cases: 1, attachments: 0, bytes: 0 });
  const left = host.core.requireSession().db.prepare('SELECT count(*) AS n FROM cases WHERE code = ?').get(dueCode) as {
    n: number;
  };
  expect(left.n).toBe(0);
});

test('a new machine restores the vault from a backup with the recovery words, in English', async ({ page, host }) => {
  test.setTimeout(300_000);
  const words = await host.seedVault({ users: [SUPERVISOR, CASEWORKER] });
  await seedCases(host);
  const file = join(host.dir, 'from-the-old-pc.sauga');
  await host.core.unlock(ADMIN.userName, ADMIN.passphrase);
  await createBackup(host.core.requireSession(), file);
  host.core.lock();
  // The old machine is gone: no vault folder, no settings.
  rmSync(host.vaultDir, { recursive: true, force: true });
  rmSync(host.configFile, { force: true });

  await page.goto(APP_URL);
  await page.getByRole('radio', { name: 'English', exact: true }).click();
  await expect(heading(page)).toHaveText(en.create.details.title);
  await page.getByRole('button', { name: en.governance.restore.offer, exact: true }).click();
  await expect(heading(page)).toHaveText(en.governance.restore.title);
  await checkScreen(page, 'g9-restore-choose-en');

  host.openPath = file;
  await page.getByRole('button', { name: en.governance.restore.choose, exact: true }).click();
  await expect(page.getByText(/^Backup made on /u)).toBeVisible();
  await page.getByRole('button', { name: new RegExp(en.unlock.user, 'u') }).click();
  await page.getByRole('option', { name: SUPERVISOR.userName, exact: true }).click();
  for (const [i, w] of words.entries())
    await page.getByLabel(en.recover.word.replace('{{n}}', String(i + 1)), { exact: true }).fill(w);
  const fresh = 'new laptop after the flood 2027';
  await page.getByLabel(en.recover.newPassphrase, { exact: true }).fill(fresh);
  await page.getByLabel(en.recover.repeat, { exact: true }).fill(fresh);
  await checkScreen(page, 'g10-restore-form-en');
  await page.getByRole('button', { name: en.governance.restore.submit, exact: true }).click();

  await expect(heading(page)).toHaveText(en.governance.restore.doneTitle);
  await expect(page.getByText(/“Vilties namai”: 2 cases; backup made on .* by Rūta Petraitienė\./u)).toBeVisible();
  await checkScreen(page, 'g11-restored-en');
  await page.getByRole('button', { name: en.common.continue, exact: true }).click();
  await expect(heading(page)).not.toHaveText(en.governance.restore.doneTitle);
  expect(host.audit().map((e) => e.action)).toEqual(expect.arrayContaining(['backup.restored']));
  // The supervisor's new passphrase opens it from now on.
  host.core.lock();
  expect((await host.core.unlock(SUPERVISOR.userName, fresh)).state).toBe('unlocked');
});

test('a caseworker sees what a consent withdrawal requires and records how it was handled', async ({ page, host }) => {
  test.setTimeout(300_000);
  await host.seedVault({ users: [SUPERVISOR, CASEWORKER] });
  await host.core.unlock(CASEWORKER.userName, CASEWORKER.passphrase);
  const cw = new CaseService(host.core.requireSession());
  const c = cw.createCase({ openedOn: '2026-01-01' });
  cw.addItem(c.id, 'consents', {
    giver: 'PERSON',
    recipient: 'OWN_ORGANISATION',
    purpose: 'ASSISTANCE',
    dataCategories: ['IDENTITY_BASIC'],
    givenOn: '2026-01-05',
    withdrawnOn: '2026-02-01',
  } as never);
  host.core.lock();

  await page.goto(APP_URL);
  await unlockAs(page, lt, CASEWORKER);
  await page
    .getByRole('grid', { name: lt.caseList.gridLabel })
    .getByRole('row')
    .filter({ hasText: c.code })
    .first()
    .click();
  await expect(heading(page)).toHaveText(c.code);
  await page.getByRole('tab', { name: lt.sections.summaries, exact: true }).click();
  await page.getByRole('button', { name: new RegExp(`^${lt.governance.withdrawal.show}`, 'u') }).click();
  const plan = page.getByRole('region', { name: new RegExp(`^${lt.governance.withdrawal.title}`, 'u') });
  await expect(plan).toContainText(lt.governance.keepReasons.CONSENT_RECORD);
  await expect(plan).toContainText(lt.governance.withdrawal.notifyNone);
  await checkScreen(page, 'g12-withdrawal-plan-lt');

  await plan.getByLabel(lt.governance.withdrawal.note).fill('Asmuo paskambino ir atšaukė sutikimą');
  await plan.getByRole('button', { name: lt.governance.withdrawal.record, exact: true }).click();
  await expect(plan.getByText(lt.governance.withdrawal.recorded)).toBeVisible();
  await expect(plan).toContainText(/Sutvarkyta .*Aistė Vaitkutė/u);
  await checkScreen(page, 'g13-withdrawal-recorded-lt');
  const handled = host.audit().filter((e) => e.action === 'consent.withdrawal_handled');
  expect(handled).toHaveLength(1);
  // The note stays with the case; the audit entry carries counts and ids only.
  expect(JSON.stringify(handled[0]?.detail)).not.toContain('paskambino');
});
