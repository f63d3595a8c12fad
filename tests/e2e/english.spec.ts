import { en } from '../../src/shared/i18n';
import { confirmPositions, fillConfirm, fillDetails, passphraseField, readWords, unlockWith } from './flows';
import { APP_URL, DEFAULT_SEED, expect, test } from './host';
import { checkScreen, heading } from './screens';

test('every screen in English, checked by axe', async ({ page, host }) => {
  host.core.setLanguage('en');
  await page.goto(APP_URL);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // Submitting an empty form shows translated field errors, not the browser's own bubbles.
  await page.getByRole('button', { name: en.create.details.submit }).click();
  await expect(page.getByText(en.common.required).first()).toBeVisible();
  await checkScreen(page, '21-create-empty-errors-en');

  await fillDetails(page, en, { check: 'en' });
  await page.getByLabel(en.passphrase.repeat).fill('something else entirely');
  await page.getByRole('button', { name: en.create.details.submit }).click();
  await expect(page.getByText(en.passphrase.mismatch)).toBeVisible();
  await page.getByLabel(en.passphrase.repeat).fill(DEFAULT_SEED.passphrase);
  await page.getByRole('button', { name: en.create.details.submit }).click();

  const words = await readWords(page, en);
  await checkScreen(page, '24-words-en');
  await page.getByRole('button', { name: en.create.words.continue }).click();
  await confirmPositions(page, en);
  await checkScreen(page, '25-confirm-en');

  // Cancelling throws the sheet away: a new one is made on the next attempt.
  await page.getByRole('button', { name: en.create.cancel }).click();
  await expect(heading(page)).toHaveText(en.create.details.title);
  await passphraseField(page, en).fill(DEFAULT_SEED.passphrase);
  await page.getByLabel(en.passphrase.repeat).fill(DEFAULT_SEED.passphrase);
  await page.getByRole('button', { name: en.create.details.submit }).click();
  const fresh = await readWords(page, en);
  expect(fresh).not.toEqual(words);
  await page.getByRole('button', { name: en.create.words.continue }).click();
  const freshPositions = await confirmPositions(page, en);
  await fillConfirm(page, en, freshPositions, fresh);
  await page.getByRole('button', { name: en.create.confirm.submit }).click();

  await expect(heading(page)).toHaveText(DEFAULT_SEED.orgName);
  await checkScreen(page, '26-home-en');

  await page.getByRole('button', { name: en.home.lock }).click();
  await unlockWith(page, en, 'not the right one at all');
  await expect(page.getByRole('alert').filter({ hasText: en.errors.WRONG_PASSPHRASE })).toBeVisible();
  await checkScreen(page, '27-unlock-wrong-en');

  await page.getByRole('button', { name: en.unlock.forgot }).click();
  await expect(heading(page)).toHaveText(en.recover.title);
  await page.getByRole('button', { name: en.recover.submit }).click();
  await expect(page.getByText(en.recover.wordsIncomplete)).toBeVisible();
  await checkScreen(page, '28-recover-errors-en');

  await page.getByRole('button', { name: en.recover.back }).click();
  await expect(heading(page)).toHaveText(en.unlock.title);
});
