import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { SHOTS_DIR } from './global-setup';

/**
 * Every screen the tests reach goes through here: a screenshot to look at, and axe with its
 * default rule set (WCAG A/AA and best practices), which must find nothing.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  // Let debounced feedback and focus moves settle before judging the page.
  await page.waitForTimeout(50);
  const t0 = Date.now();
  await page.screenshot({ path: join(SHOTS_DIR, `${name}.png`), fullPage: true });
  const t1 = Date.now();
  // Legacy mode runs axe in the page itself; the default finishes in a second, blank page,
  // which costs seconds per screen and buys nothing here (the app has no frames).
  const results = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  if (process.env.SAUGA_E2E_TIMING) console.log(`${name}: screenshot ${t1 - t0} ms, axe ${Date.now() - t1} ms`);
  const violations = results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')),
  }));
  expect(violations, `accessibility violations on screen "${name}"`).toEqual([]);
}

export const heading = (page: Page) => page.getByRole('heading', { level: 1 });
