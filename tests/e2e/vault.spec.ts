import { existsSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { en, lt } from '../../src/shared/i18n';
import { confirmPositions, fillConfirm, fillDetails, passphraseField, readWords, unlockWith } from './flows';
import { APP_URL, DEFAULT_SEED, expect, test } from './host';
import { SHOTS_DIR } from './global-setup';
import { checkScreen, heading } from './screens';

test('create a vault, lock, fail and succeed to unlock, switch to English', async ({ page, host }) => {
  await page.goto(APP_URL);
  await expect(page.locator('html')).toHaveAttribute('lang', 'lt');

  await fillDetails(page, lt, { check: 'lt' });
  await page.getByRole('button', { name: lt.create.details.submit }).click();

  const words = await readWords(page, lt);
  expect(new Set(words).size).toBeGreaterThan(1);
  await expect(page.getByText(lt.create.words.warning)).toBeVisible();
  // Nothing is written before the words are confirmed.
  expect(existsSync(host.vaultDir)).toBe(false);
  await checkScreen(page, '04-words-lt');
  // The printed sheet: the words and the organisation, no buttons, no window furniture.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('button', { name: lt.create.words.print })).toBeHidden();
  await expect(page.getByText(lt.create.words.printHeading.replace('{{org}}', DEFAULT_SEED.orgName))).toBeVisible();
  await page.screenshot({ path: join(SHOTS_DIR, '04b-words-print-lt.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  await page.getByRole('button', { name: lt.create.words.continue }).click();
  const positions = await confirmPositions(page, lt);
  await checkScreen(page, '05-confirm-lt');

  const first = positions[0] ?? 0;
  const wrong = words.map((w, i) => (i === first ? (w === 'zoo' ? 'abandon' : 'zoo') : w));
  await fillConfirm(page, lt, positions, wrong);
  await page.getByRole('button', { name: lt.create.confirm.submit }).click();
  await expect(page.getByRole('alert').filter({ hasText: lt.errors.RECOVERY_CONFIRM_MISMATCH })).toBeVisible();
  expect(existsSync(host.vaultDir)).toBe(false);
  await checkScreen(page, '06-confirm-mismatch-lt');

  await fillConfirm(page, lt, positions, words);
  await page.getByRole('button', { name: lt.create.confirm.submit }).click();
  await expect(heading(page)).toHaveText(DEFAULT_SEED.orgName);
  await expect(heading(page)).toBeFocused();
  await expect(page.getByText(lt.roles.administrator, { exact: true })).toBeVisible();
  await checkScreen(page, '07-home-lt');

  // The vault on disk: a slot file and a database that is not plaintext SQLite.
  expect(readdirSync(host.vaultDir)).toEqual(expect.arrayContaining(['vault.db', 'keyslots.json']));
  expect(readFileSync(join(host.vaultDir, 'vault.db')).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');

  await page.getByRole('button', { name: lt.home.lock }).click();
  await expect(heading(page)).toHaveText(lt.unlock.title);
  expect(host.core.status().state).toBe('locked');
  await checkScreen(page, '08-unlock-lt');

  await unlockWith(page, lt, 'ne ta slaptafrazė visai');
  await expect(page.getByRole('alert').filter({ hasText: lt.errors.WRONG_PASSPHRASE })).toBeVisible();
  await expect(passphraseField(page, lt)).toBeFocused();
  await expect(passphraseField(page, lt)).toHaveValue('');
  await checkScreen(page, '09-unlock-wrong-lt');

  await unlockWith(page, lt, DEFAULT_SEED.passphrase);
  await expect(heading(page)).toHaveText(DEFAULT_SEED.orgName);

  await page.getByRole('radio', { name: en.language.en }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: en.home.lock })).toBeVisible();
  await expect(page.getByText(en.home.unlocked)).toBeVisible();
  expect(host.core.language()).toBe('en');
  await checkScreen(page, '10-home-en');

  await page.getByRole('button', { name: en.home.lock }).click();
  await expect(heading(page)).toHaveText(en.unlock.title);
  await checkScreen(page, '11-unlock-en');

  // The choice survives a restart of the window.
  await page.reload();
  await expect(heading(page)).toHaveText(en.unlock.title);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('a vault whose folder has gone says so and offers no deletion', async ({ page, host }) => {
  await host.seedVault();
  await page.goto(APP_URL);
  await expect(heading(page)).toHaveText(lt.unlock.title);
  rmSync(host.vaultDir, { recursive: true, force: true });

  await unlockWith(page, lt, DEFAULT_SEED.passphrase);
  await expect(page.getByRole('alert').filter({ hasText: lt.errors.VAULT_MISSING })).toBeVisible();
  await expect(page.getByRole('button', { name: /trint|delete/iu })).toHaveCount(0);
  await checkScreen(page, '12-unlock-vault-missing-lt');
});

test('a known vault whose drive is unplugged is not mistaken for no vault', async ({ page, host }) => {
  await host.seedVault();
  await page.goto(APP_URL);
  await unlockWith(page, lt, DEFAULT_SEED.passphrase);
  await expect(heading(page)).not.toHaveText(lt.unlock.title);
  await page.getByRole('button', { name: lt.home.lock }).click();
  await expect(heading(page)).toHaveText(lt.unlock.title);

  const away = `${host.vaultDir}-unplugged`;
  renameSync(host.vaultDir, away);
  await page.reload();
  await expect(heading(page)).toHaveText(lt.missing.title);
  await checkScreen(page, '13-vault-missing-lt');
  renameSync(away, host.vaultDir);
  await page.getByRole('button', { name: lt.missing.retry }).click();
  await expect(heading(page)).toHaveText(lt.unlock.title);

  rmSync(host.vaultDir, { recursive: true, force: true });
  await page.reload();
  await expect(heading(page)).toHaveText(lt.missing.title);
  await page.getByRole('button', { name: lt.missing.startOver }).click();
  await page.getByRole('button', { name: lt.missing.confirm }).click();
  await expect(heading(page)).toHaveText(lt.create.details.title);
});

test('recovery words open the vault and replace a forgotten passphrase', async ({ page, host }) => {
  const words = await host.seedVault();
  const newPassphrase = 'mėlynas debesis neša keturis obuolius';
  await page.goto(APP_URL);
  await page.getByRole('button', { name: lt.unlock.forgot }).click();
  await expect(heading(page)).toHaveText(lt.recover.title);
  await expect(heading(page)).toBeFocused();
  await checkScreen(page, '13-recover-lt');

  const wordField = (n: number) => page.getByLabel(lt.recover.word.replace('{{n}}', String(n)), { exact: true });
  // A whole sheet pasted into the first box is spread over all 24.
  await wordField(1).focus();
  await wordField(1).evaluate((input, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, words.join('\n'));
  await expect(wordField(24)).toHaveValue(words[23] ?? '');
  await expect(wordField(1)).toHaveValue(words[0] ?? '');

  // One word swapped for another valid word: the checksum catches it before any key derivation.
  await wordField(5).fill(words[4] === 'abandon' ? 'ability' : 'abandon');
  await page.getByLabel(lt.recover.newPassphrase, { exact: true }).fill(newPassphrase);
  await page.getByLabel(lt.recover.repeat).fill(newPassphrase);
  await expect(page.getByText(lt.passphrase.strength.acceptable)).toBeVisible();
  await page.getByRole('button', { name: lt.recover.submit }).click();
  await expect(page.getByRole('alert').filter({ hasText: lt.errors.RECOVERY_WORDS_INVALID })).toBeVisible();
  await checkScreen(page, '14-recover-invalid-lt');

  await wordField(5).fill(words[4] ?? '');
  await page.getByRole('button', { name: lt.recover.submit }).click();
  await expect(heading(page)).toHaveText(DEFAULT_SEED.orgName);

  await page.getByRole('button', { name: lt.home.lock }).click();
  await unlockWith(page, lt, DEFAULT_SEED.passphrase);
  await expect(page.getByRole('alert').filter({ hasText: lt.errors.WRONG_PASSPHRASE })).toBeVisible();
  await unlockWith(page, lt, newPassphrase);
  await expect(heading(page)).toHaveText(DEFAULT_SEED.orgName);
});

test('unlocking with the keyboard alone', async ({ page, host }) => {
  const caseworker = {
    userName: 'Jonas Kazlauskas',
    roles: ['caseworker' as const],
    passphrase: 'trys rudi šunys bėga per lauką 42',
  };
  await host.seedVault({ users: [caseworker] });
  await page.goto(APP_URL);
  await expect(heading(page)).toHaveText(lt.unlock.title);

  // The passphrase field has focus on arrival; the user list is one Shift+Tab away.
  await expect(passphraseField(page, lt)).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  const userButton = page.getByRole('button', { name: new RegExp(lt.unlock.user, 'u') });
  await expect(userButton).toBeFocused();
  await page.keyboard.press('Enter');
  const option = page.getByRole('option', { name: caseworker.userName });
  await expect(option).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(option).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(userButton).toContainText(caseworker.userName);
  await expect(userButton).toBeFocused();

  await page.keyboard.press('Tab');
  await expect(passphraseField(page, lt)).toBeFocused();
  await page.keyboard.type('neteisinga slaptafrazė');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: lt.errors.WRONG_PASSPHRASE })).toBeVisible();
  await expect(passphraseField(page, lt)).toBeFocused();
  await page.keyboard.type(caseworker.passphrase);
  await page.keyboard.press('Enter');

  // A caseworker's home is the case list; the settings are one step away in the menu.
  await expect(heading(page)).toHaveText(lt.caseList.title);
  await expect(heading(page)).toBeFocused();
  await page.getByRole('navigation').getByRole('button', { name: lt.nav.settings }).click();
  await expect(heading(page)).toHaveText(DEFAULT_SEED.orgName);
  await expect(page.getByText(lt.roles.caseworker)).toBeVisible();
  // A caseworker changes their own passphrase but does not see the administrators' setting.
  await expect(page.getByRole('heading', { name: lt.settings.passphrase.legend })).toBeVisible();
  await expect(page.getByRole('heading', { name: lt.settings.idle.legend })).toHaveCount(0);
  await checkScreen(page, '15-home-caseworker-lt');

  // Lock from the keyboard too: the lock button comes before the language switch in the header.
  const lock = page.getByRole('button', { name: lt.home.lock });
  for (let i = 0; i < 10 && !(await lock.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Shift+Tab');
  }
  await expect(lock).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText(lt.unlock.title);
  await expect(passphraseField(page, lt)).toBeFocused();
});

test('idle lock: activity is reported to core, silence locks the vault', async ({ page, host }) => {
  await host.seedVault();
  await page.clock.install();
  await page.goto(APP_URL);
  await unlockWith(page, lt, DEFAULT_SEED.passphrase);
  await expect(heading(page)).toHaveText(DEFAULT_SEED.orgName);
  await expect(page.getByText(lt.home.idleOn.replace('{{minutes}}', '10'))).toBeVisible();

  const pings = () => host.calls.filter((c) => c.channel === 'vault.activity').length;
  await page.mouse.move(200, 200);
  expect(pings()).toBe(0);
  await page.clock.runFor(31_000);
  await page.mouse.move(300, 300);
  await expect.poll(pings).toBe(1);
  await page.mouse.move(320, 300);
  await page.clock.runFor(1_000);
  await page.mouse.move(340, 300);
  expect(pings()).toBe(1);

  await page.clock.runFor(10 * 60_000 + 10_000);
  await expect(heading(page)).toHaveText(lt.unlock.title);
  await expect(page.getByRole('status').filter({ hasText: lt.unlock.noticeIdle })).toBeVisible();
  expect(host.core.status().state).toBe('locked');
  await checkScreen(page, '16-unlock-idle-lt');
});

test('administrator settings, and a LOCKED answer returns to the lock screen', async ({ page, host }) => {
  await host.seedVault();
  const next = 'naujas pavasaris ateina per kalnus 2025';
  await page.goto(APP_URL);
  await unlockWith(page, lt, DEFAULT_SEED.passphrase);
  await expect(heading(page)).toHaveText(DEFAULT_SEED.orgName);

  const minutes = page.getByLabel(lt.settings.idle.label);
  await minutes.fill('5');
  await page.getByRole('button', { name: lt.settings.idle.save }).click();
  await expect(page.getByRole('status').filter({ hasText: lt.settings.idle.saved })).toBeVisible();
  await expect(page.getByText(lt.home.idleOn.replace('{{minutes}}', '5'))).toBeVisible();
  expect(host.core.idleLockMinutes()).toBe(5);

  await page.getByLabel(lt.settings.passphrase.current).fill('ne ta dabartinė slaptafrazė');
  await page.getByLabel(lt.settings.passphrase.new, { exact: true }).fill(next);
  await page.getByLabel(lt.settings.passphrase.repeat).fill(next);
  await expect(page.getByText(lt.passphrase.strength.acceptable)).toBeVisible();
  await page.getByRole('button', { name: lt.settings.passphrase.submit }).click();
  await expect(page.getByRole('alert').filter({ hasText: lt.errors.WRONG_PASSPHRASE })).toBeVisible();
  await checkScreen(page, '17-settings-error-lt');

  await page.getByLabel(lt.settings.passphrase.current).fill(DEFAULT_SEED.passphrase);
  await page.getByRole('button', { name: lt.settings.passphrase.submit }).click();
  await expect(page.getByRole('status').filter({ hasText: lt.settings.passphrase.changed })).toBeVisible();
  await checkScreen(page, '18-settings-saved-lt');

  // Main locks the vault behind the window's back (screen lock, suspend): the next call says
  // LOCKED and the window goes to the lock screen.
  host.core.lock();
  await minutes.fill('7');
  await page.getByRole('button', { name: lt.settings.idle.save }).click();
  await expect(heading(page)).toHaveText(lt.unlock.title);
  await expect(page.getByRole('status').filter({ hasText: lt.unlock.noticeLocked })).toBeVisible();
  expect(host.calls.some((c) => c.channel === 'settings.setIdleLock' && c.code === 'LOCKED')).toBe(true);

  await unlockWith(page, lt, next);
  await expect(heading(page)).toHaveText(DEFAULT_SEED.orgName);
  expect(host.core.idleLockMinutes()).toBe(5);
});
