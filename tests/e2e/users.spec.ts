import type { Locator, Page } from '@playwright/test';
import { en, lt, type Messages } from '../../src/shared/i18n';
import { unlockAs } from './caseFlows';
import { APP_URL, DEFAULT_SEED, expect, test } from './host';
import { checkScreen, heading } from './screens';

/**
 * The Users screen: an administrator removes a caseworker by keyboard alone (the dialog says
 * the database gets a new key), and the removal is real: audited, rekeyed, and the person is
 * gone from the unlock screen. Then the same screen in English.
 */

const ADMIN = { userName: DEFAULT_SEED.userName, passphrase: DEFAULT_SEED.passphrase };
const CASEWORKER = { userName: 'Aistė Vaitkutė', passphrase: 'mėlyna upė teka pro seną malūną 77' };
const SUPERVISOR = { userName: 'Jonas Vadovas', passphrase: 'geltonas debesis plaukia virš miško 42' };

const fill = (text: string, vars: Record<string, string>): string =>
  text.replace(/\{\{(\w+)\}\}/gu, (_, k: string) => vars[k] ?? '');

async function openByKeyboard(page: Page, name: string): Promise<void> {
  const link = page.getByRole('navigation').getByRole('button', { name, exact: true });
  await link.focus();
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
}

/** Presses Tab until the control has focus: proves it is reachable from the keyboard, in order. */
async function tabTo(page: Page, control: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await control.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(control).toBeFocused();
}

async function openUsers(page: Page, m: Messages): Promise<void> {
  await openByKeyboard(page, m.users.nav);
  await expect(heading(page)).toHaveText(m.users.title);
  await expect(page.getByRole('rowheader', { name: CASEWORKER.userName })).toBeVisible();
}

test('an administrator removes a caseworker by keyboard: confirmed, rekeyed, gone', async ({ page, host }) => {
  await host.seedVault({
    users: [
      { ...CASEWORKER, roles: ['caseworker'] },
      { ...SUPERVISOR, roles: ['supervisor'] },
    ],
  });
  await page.goto(APP_URL);
  await unlockAs(page, lt, ADMIN);
  await openUsers(page, lt);
  await checkScreen(page, 'users-01-list-lt');

  const dekBefore = host.core.requireSession().withDek((d) => d.toString('hex'));
  const remove = page.getByRole('button', { name: fill(lt.users.remove, { name: CASEWORKER.userName }) });
  await tabTo(page, remove);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText(fill(lt.users.confirmTitle, { name: CASEWORKER.userName }));
  await expect(dialog).toContainText(lt.users.confirmOldBackups);
  await checkScreen(page, 'users-02-confirm-lt');
  // The safe answer has focus first; the confirmation is one Tab away.
  await expect(dialog.getByRole('button', { name: lt.common.cancel })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: lt.users.confirm })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByText(fill(lt.users.removedDone, { name: CASEWORKER.userName }))).toBeVisible();
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: CASEWORKER.userName }) });
  await expect(row).toContainText(lt.users.removed.split('{{')[0] as string);
  await checkScreen(page, 'users-03-removed-lt');

  const actions = host.audit().map((e) => e.action);
  expect(actions).toContain('user.removed');
  expect(actions).toContain('vault.rekeyed');
  expect(host.core.requireSession().withDek((d) => d.toString('hex'))).not.toBe(dekBefore);
  host.core.lock();
  const status = host.core.status();
  expect(status.state === 'locked' ? status.users : []).not.toContain(CASEWORKER.userName);
  expect(status.state === 'locked' ? status.users : []).toContain(SUPERVISOR.userName);
});

test('the Users screen in English, and removing oneself is not offered', async ({ page, host }) => {
  await host.seedVault({ users: [{ ...CASEWORKER, roles: ['caseworker'] }] });
  host.core.setLanguage('en');
  await page.goto(APP_URL);
  await unlockAs(page, en, ADMIN);
  await openUsers(page, en);
  const own = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: ADMIN.userName }) });
  await expect(own).toContainText(en.users.you);
  await expect(own.getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('button', { name: fill(en.users.remove, { name: CASEWORKER.userName }) })).toBeVisible();
  await checkScreen(page, 'users-04-list-en');
});
