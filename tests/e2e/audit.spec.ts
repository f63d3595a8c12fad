import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { en, lt, type Messages } from '../../src/shared/i18n';
import { unlockAs } from './caseFlows';
import { SHOTS_DIR } from './global-setup';
import { APP_URL, DEFAULT_SEED, expect, test, type Host } from './host';
import { checkScreen, heading } from './screens';

/**
 * The audit log screen: an administrator unlocks a vault that was put back from an older copy
 * (rollback banner), checks the chain and prints its receipt, by keyboard; a supervisor reads
 * the same screen in English on a vault with nothing wrong; a caseworker has no way in.
 */

const ADMIN = { userName: DEFAULT_SEED.userName, passphrase: DEFAULT_SEED.passphrase };
const SUPERVISOR = { userName: 'Jonas Vadovas', passphrase: 'geltonas debesis plaukia virš miško 42' };
const CASEWORKER = { userName: 'Aistė Vaitkutė', passphrase: 'mėlyna upė teka pro seną malūną 77' };

async function seed(host: Host): Promise<void> {
  await host.seedVault({
    users: [
      { ...SUPERVISOR, roles: ['supervisor'] },
      { ...CASEWORKER, roles: ['caseworker'] },
    ],
  });
}

/** The vault's files put aside, more work done and locked (the app records that head), then the old files back. */
async function rollBack(host: Host): Promise<void> {
  const aside = join(host.dir, 'aside');
  mkdirSync(aside);
  for (const f of ['vault.db', 'keyslots.json']) cpSync(join(host.vaultDir, f), join(aside, f));
  await host.core.unlock(ADMIN.userName, ADMIN.passphrase);
  for (const minutes of [15, 20, 25]) host.core.setIdleLock(minutes);
  host.core.lock();
  for (const f of ['vault.db', 'keyslots.json']) cpSync(join(aside, f), join(host.vaultDir, f));
}

/** Moves to a navigation entry and opens it with the keyboard alone. */
async function openByKeyboard(page: Page, name: string): Promise<void> {
  const link = page.getByRole('navigation').getByRole('button', { name, exact: true });
  await link.focus();
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
}

/** Presses Tab until the control has focus: proves it is reachable from the keyboard, in order. */
async function tabTo(page: Page, control: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await control.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(control).toBeFocused();
}

const fill = (text: string, vars: Record<string, string | number>): string =>
  text.replace(/\{\{(\w+)\}\}/gu, (_, k: string) => String(vars[k] ?? ''));

test('an administrator sees the rollback warning, checks the chain and prints its receipt, by keyboard', async ({
  page,
  host,
}) => {
  await seed(host);
  await rollBack(host);
  await page.goto(APP_URL);
  await unlockAs(page, lt, ADMIN);

  const banner = page.locator('.rollback-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute('role', 'alert');
  await expect(banner).toContainText(lt.auditLog.banner.split('{{')[0] as string);
  await checkScreen(page, 'audit-01-rollback-banner-lt');
  // The finding is in the chain itself, not only on the screen.
  expect(host.audit().filter((e) => e.action === 'audit.rollback_detected')).toHaveLength(1);

  await openByKeyboard(page, lt.auditLog.nav);
  await expect(heading(page)).toHaveText(lt.auditLog.title);
  await expect(
    page.getByRole('alert').filter({ hasText: lt.auditLog.thisSession.split('{{')[0] as string }),
  ).toBeVisible();
  await checkScreen(page, 'audit-02-screen-lt');

  const check = page.getByRole('button', { name: lt.auditLog.verify, exact: true });
  await tabTo(page, check);
  await page.keyboard.press('Enter');
  const entries = Number(await page.locator('[data-audit-entries]').getAttribute('data-audit-entries'));
  expect(entries).toBeGreaterThan(3);
  await expect(
    page.getByRole('status').filter({ hasText: fill(lt.auditLog.intact, { count: entries }) }),
  ).toBeVisible();
  await expect(page.locator('[data-rollbacks]')).toHaveAttribute('data-rollbacks', '1');
  await expect(page.locator('[data-anchor]')).toHaveAttribute('data-anchor', 'extends');
  await checkScreen(page, 'audit-03-verified-lt');

  const show = page.getByRole('button', { name: lt.auditLog.showReceipt, exact: true });
  await tabTo(page, show);
  await page.keyboard.press('Enter');
  const receipt = page.locator('.audit-receipt');
  await expect(receipt).toBeVisible();
  await expect(receipt).toContainText(lt.auditLog.receiptHeading);
  await expect(receipt).toContainText(DEFAULT_SEED.orgName);
  const seq = Number(await receipt.getAttribute('data-receipt-seq'));
  expect(seq).toBeGreaterThanOrEqual(entries);
  await checkScreen(page, 'audit-04-receipt-lt');

  await page.evaluate(() => {
    // The print dialog would block the test; the print styles are what is checked here.
    window.print = () => undefined;
  });
  const print = page.getByRole('button', { name: lt.auditLog.print, exact: true });
  await tabTo(page, print);
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveClass(/audit-printing-receipt/u);
  await page.emulateMedia({ media: 'print' });
  await expect(receipt).toBeVisible();
  await expect(page.locator('nav')).toBeHidden();
  await page.screenshot({ path: join(SHOTS_DIR, 'audit-05-receipt-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(page.locator('html')).not.toHaveClass(/audit-printing-receipt/u);
});

test('a supervisor checks an untouched vault in English; a caseworker has no way in', async ({ page, host }) => {
  await seed(host);
  host.core.setLanguage('en');
  await page.goto(APP_URL);
  await unlockAs(page, en, SUPERVISOR);
  await expect(page.locator('.rollback-banner')).toHaveCount(0);

  await openByKeyboard(page, en.auditLog.nav);
  await expect(heading(page)).toHaveText(en.auditLog.title);
  await page.getByRole('button', { name: en.auditLog.verify, exact: true }).click();
  await expect(page.locator('[data-audit-chain]')).toHaveAttribute('data-audit-chain', 'intact');
  await expect(page.locator('[data-anchor]')).toContainText(en.auditLog.anchorExtends.split('{{')[0] as string);
  await expect(page.locator('[data-rollbacks]')).toHaveText(en.auditLog.rollbacksNone);
  await page.getByRole('button', { name: en.auditLog.showReceipt, exact: true }).click();
  await expect(page.locator('.audit-receipt')).toContainText(en.auditLog.receiptHeading);
  await checkScreen(page, 'audit-06-supervisor-en');

  await lockAndUnlockAs(page, en, CASEWORKER);
  await expect(page.getByRole('navigation').getByRole('button', { name: en.auditLog.nav })).toHaveCount(0);
  // Nor behind the screen: core refuses the channel to the role.
  const refused = await page.evaluate(async () => {
    const api = (window as unknown as { sauga: { audit: { verify: (i: object) => Promise<unknown> } } }).sauga;
    return api.audit.verify({});
  });
  expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});

async function lockAndUnlockAs(page: Page, m: Messages, user: { userName: string; passphrase: string }): Promise<void> {
  await page.getByRole('button', { name: m.home.lock, exact: true }).click();
  await unlockAs(page, m, user);
}
