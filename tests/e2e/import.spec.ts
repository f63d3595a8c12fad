import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { lt } from '../../src/shared/i18n';
import { choose, unlockAs, SUPERVISOR, CASEWORKER } from './caseFlows';
import { APP_URL, expect, test } from './host';
import { checkScreen, heading } from './screens';

/**
 * Importing case records in the app, over a real vault: a supervisor picks a CSV through the
 * (stubbed) open dialog, sees the suggested mapping, fixes a column, runs a dry run whose report
 * lists the failing row, exports the report, maps the unknown value, imports, and undoes it.
 * Caseworkers have no import entry. Every screen is checked by axe.
 */
const nav = (page: Page) => page.getByRole('navigation');

const CSV = [
  'Atidarymo data;Vardas;Pavardė;Lytis;Spalva',
  '2024-01-10;Ona;Kazlauskaitė;moteris;žalia',
  '2024-01-11;Petras;Jonaitis;vyras;mėlyna',
  '2024-01-12;Asta;Petrauskienė;nežinau;raudona',
].join('\n');

test('a supervisor maps, dry-runs, exports the report, imports and undoes', async ({ page, host }) => {
  test.setTimeout(300_000);
  await host.seedVault({ users: [SUPERVISOR, CASEWORKER] });
  const file = join(host.dir, 'senos-bylos.csv');
  writeFileSync(file, CSV);

  await page.goto(APP_URL);
  await unlockAs(page, lt, SUPERVISOR);
  await nav(page).getByRole('button', { name: lt.import.nav, exact: true }).click();
  await expect(heading(page)).toHaveText(lt.import.title);
  await checkScreen(page, 'i1-import-empty-lt');

  host.openPath = file;
  await page.getByRole('button', { name: lt.import.pick, exact: true }).click();
  await expect(page.getByText('Perskaityta eilučių: 3, stulpelių: 5.')).toBeVisible();
  expect(host.openDialogs).toEqual(['spreadsheet']);
  // The suggestions: the first four columns mapped, the last one left out.
  const mapping = page.getByRole('region', { name: lt.import.mappingTitle });
  await expect(mapping.getByRole('button', { name: /Atidarymo data/u })).toContainText(lt.importFields.openedOn);
  await expect(mapping.getByRole('button', { name: /Spalva/u })).toContainText(lt.import.ignore);
  await checkScreen(page, 'i2-import-mapping-lt');

  // Map the colour column to notes, then back to nothing, from the keyboard-reachable select.
  await choose(mapping, page, 'Spalva', lt.importFields.note);
  await choose(mapping, page, 'Spalva', lt.import.ignore);

  await page.getByRole('button', { name: lt.import.dryRun, exact: true }).click();
  const report = page.getByRole('region', { name: lt.import.reportTitle });
  await expect(report.getByText('Eilučių: 3; paruošta importuoti: 2; su klaidomis: 1; įspėjimų: 0.')).toBeVisible();
  await expect(report.getByRole('row').filter({ hasText: 'nežinau' })).toContainText(lt.importProblems.unknownValue);
  await expect(report.getByRole('button', { name: lt.import.run, exact: true })).toBeDisabled();
  await checkScreen(page, 'i3-import-report-lt');

  const saved = join(host.dir, 'ataskaita.csv');
  host.savePath = saved;
  await report.getByRole('button', { name: lt.import.exportReport, exact: true }).click();
  await expect(page.getByText(lt.import.reportExported)).toBeVisible();
  expect(readFileSync(saved, 'utf8')).toContain('4,Lytis,nežinau,unknownValue');

  // Say what the unknown value means, in the value mapping, and dry-run again.
  await choose(mapping, page, 'Lytis: „nežinau“', 'Nežinoma');
  await page.getByRole('button', { name: lt.import.dryRun, exact: true }).click();
  await expect(page.getByText(lt.import.noProblems)).toBeVisible();
  await page.getByRole('button', { name: lt.import.run, exact: true }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText('Importuoti 3 bylų?');
  await checkScreen(page, 'i4-import-confirm-lt');
  await confirm.getByRole('button', { name: lt.import.run, exact: true }).click();
  await expect(page.getByText(/^Importuota bylų: 3/u)).toBeVisible();
  const batches = page.getByRole('region', { name: lt.import.batches });
  await expect(batches).toContainText('3 bylų (CSV)');
  await checkScreen(page, 'i5-import-done-lt');
  expect(host.audit().map((e) => e.action)).toEqual(expect.arrayContaining(['import.dry_run', 'import.completed']));

  // The imported cases are in the case list.
  await nav(page).getByRole('button', { name: lt.nav.cases, exact: true }).click();
  await expect(page.getByRole('grid', { name: lt.caseList.gridLabel }).getByRole('row')).toHaveCount(4);

  // Undo, from the keyboard.
  await nav(page).getByRole('button', { name: lt.import.nav, exact: true }).click();
  const undo = page.getByRole('region', { name: lt.import.batches }).getByRole('button', { name: lt.import.undo });
  await undo.focus();
  await page.keyboard.press('Enter');
  const ask = page.getByRole('alertdialog');
  await expect(ask).toContainText(lt.import.confirmUndo);
  await ask.getByRole('button', { name: lt.import.undo, exact: true }).click();
  await expect(page.getByText('Importas atšauktas: ištrinta bylų: 3.')).toBeVisible();
  await checkScreen(page, 'i6-import-undone-lt');
  expect(host.audit().map((e) => e.action)).toContain('import.undone');
});

test('caseworkers have no import entry', async ({ page, host }) => {
  test.setTimeout(300_000);
  await host.seedVault({ users: [SUPERVISOR, CASEWORKER] });
  await page.goto(APP_URL);
  await unlockAs(page, lt, CASEWORKER);
  await expect(nav(page).getByRole('button', { name: lt.import.nav, exact: true })).toHaveCount(0);
  await expect(nav(page).getByRole('button', { name: lt.nav.cases, exact: true })).toBeVisible();
});
