import { expect, type Page } from '@playwright/test';
import type { Messages } from '../../src/shared/i18n';
import { DEFAULT_SEED } from './host';
import { checkScreen, heading } from './screens';

export const WEAK_PASSPHRASE = 'vilties1';

export interface WizardOptions {
  orgName?: string;
  userName?: string;
  passphrase?: string;
  /** Screenshot and axe every step, with this suffix in the file names. */
  check?: string;
}

export const passphraseField = (page: Page, m: Messages) => page.getByLabel(m.passphrase.label, { exact: true });

/** Fills in the wizard's first step, watching the strength feedback go from weak to acceptable. */
export async function fillDetails(page: Page, m: Messages, o: WizardOptions = {}): Promise<void> {
  await expect(heading(page)).toHaveText(m.create.details.title);
  if (o.check) await checkScreen(page, `01-create-details-${o.check}`);
  await page.getByLabel(m.create.details.orgName).fill(o.orgName ?? DEFAULT_SEED.orgName);
  await page.getByLabel(m.create.details.adminName).fill(o.userName ?? DEFAULT_SEED.userName);
  await passphraseField(page, m).fill(WEAK_PASSPHRASE);
  await expect(page.getByText(m.passphrase.strength.notAcceptable)).toBeVisible();
  await expect(page.getByText(m.passphrase.problems.too_short.replace('{{min}}', '12'))).toBeVisible();
  await expect(page.getByRole('meter', { name: m.passphrase.strength.label })).toBeVisible();
  if (o.check) await checkScreen(page, `02-create-weak-${o.check}`);
  await passphraseField(page, m).fill(o.passphrase ?? DEFAULT_SEED.passphrase);
  await expect(page.getByText(m.passphrase.strength.acceptable)).toBeVisible();
  await page.getByLabel(m.passphrase.repeat).fill(o.passphrase ?? DEFAULT_SEED.passphrase);
  if (o.check) await checkScreen(page, `03-create-strong-${o.check}`);
}

/** Reads the recovery words off the words step. */
export async function readWords(page: Page, m: Messages): Promise<string[]> {
  await expect(heading(page)).toHaveText(m.create.words.title);
  const list = page.getByRole('list', { name: m.create.words.listLabel });
  await expect(list.getByRole('listitem')).toHaveCount(24);
  return list.locator('.word-text').allInnerTexts();
}

/** The word positions the confirm step asks for (0-based), read from its labels. */
export async function confirmPositions(page: Page, m: Messages): Promise<number[]> {
  await expect(heading(page)).toHaveText(m.create.confirm.title);
  const prefix = m.create.confirm.word.replace('{{n}}', '');
  const labels = await page.locator('.confirm-grid .field-label').allInnerTexts();
  expect(labels).toHaveLength(3);
  return labels.map((l) => Number(l.replace(prefix, '')) - 1);
}

/** Types the words at the asked positions; `words` is the whole sheet, indexed by position. */
export async function fillConfirm(page: Page, m: Messages, positions: number[], words: string[]): Promise<void> {
  for (const p of positions) {
    await page.getByLabel(m.create.confirm.word.replace('{{n}}', String(p + 1)), { exact: true }).fill(words[p] ?? '');
  }
}

export async function unlockWith(page: Page, m: Messages, passphrase: string): Promise<void> {
  await expect(heading(page)).toHaveText(m.unlock.title);
  await passphraseField(page, m).fill(passphrase);
  await page.getByRole('button', { name: m.unlock.submit }).click();
}
