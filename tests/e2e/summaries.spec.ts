import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { ensureSigningKey } from '../../src/core/stats/package';
import { addRecipient } from '../../src/core/keys/directory';
import { initRecipientKeys, type RecipientPublicInfo } from '../../src/core/keys/recipient';
import { setSummariesRequireApproval } from '../../src/core/summary/compose';
import { addTrustedSender } from '../../src/core/summary/inbox';
import { en, lt, type Messages } from '../../src/shared/i18n';
import { CASE_USERS, CASEWORKER, choose, input, SUPERVISOR, unlockAs } from './caseFlows';
import { APP_URL, DEFAULT_SEED, expect, Host, test } from './host';
import { checkScreen, heading } from './screens';

/**
 * The summary journey of issue 5 in Chromium, over real vaults through the real handler
 * table: a supervisor verifies the prosecutor's key by its fingerprint, a caseworker composes
 * and previews a consented summary (what is left out is listed, its values appear nowhere)
 * and asks for approval, a supervisor approves and exports it through the save dialog; the
 * prosecutor opens the package in their own recipient vault and reads it with its PDF; a
 * second prosecutor's vault refuses the same package with a clear message.
 */

const NGO = DEFAULT_SEED.orgName;
const PROSECUTOR_OFFICE = 'Vilniaus apygardos prokuratūra';
const OTHER_OFFICE = 'Kauno apygardos prokuratūra';
const PROSECUTOR = {
  userName: 'Prokurorė Jūratė',
  roles: ['caseworker' as const],
  passphrase: 'vėjas neša debesis į jūrą 2031',
};
const OTHER_PROSECUTOR = {
  userName: 'Prokuroras Tomas',
  roles: ['caseworker' as const],
  passphrase: 'akmuo guli po senu ąžuolu 1410',
};

/** Consented: basic identity and status. Not consented: the phone (contact details). */
const GIVEN = 'Olena';
const FAMILY = 'Kovalenko';
const PHONE = '+37061234567';
const INVESTIGATOR = 'tyrėjas Žilinskas';

async function asSession<T>(host: Host, user: { userName: string; passphrase: string }, fn: () => T): Promise<T> {
  await host.core.unlock(user.userName, user.passphrase);
  try {
    return await fn();
  } finally {
    host.core.lock();
  }
}

const ADMIN = { userName: DEFAULT_SEED.userName, passphrase: DEFAULT_SEED.passphrase };

/** A recipient institution's vault: keys made, the NGO's signing key trusted. */
async function seedRecipient(
  host: Host,
  institution: string,
  reader: typeof PROSECUTOR,
  ngoKey: string,
): Promise<RecipientPublicInfo> {
  await host.seedVault({ orgName: institution, users: [reader] });
  return asSession(host, ADMIN, async () => {
    const session = host.core.requireSession();
    const info = await initRecipientKeys(session, { institution, category: 'PROSECUTOR' });
    addTrustedSender(session, { organisation: NGO, minisignPublicKey: ngoKey });
    return info;
  });
}

async function openContext(browser: Browser, host: Host): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 700 }, reducedMotion: 'reduce' });
  await host.attach(context);
  const page = await context.newPage();
  host.watch(page);
  return page;
}

const nav = (page: Page) => page.getByRole('navigation');
const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });

async function openTheCase(page: Page, m: Messages, code: string): Promise<void> {
  const grid = page.getByRole('grid', { name: m.caseList.gridLabel });
  await grid.getByRole('row').filter({ hasText: code }).first().click();
  await expect(heading(page)).toHaveText(code);
  await tab(page, m.sections.summaries).click();
}

test('a summary is composed, previewed, approved and exported, then opened by the prosecutor it is for', async ({
  page,
  host,
  browser,
}) => {
  test.setTimeout(300_000);
  const m = lt;

  // The NGO: people, the approval rule, the signing key, one consented case.
  await host.seedVault({ users: CASE_USERS });
  const ngoKey = await asSession(host, ADMIN, () => {
    const session = host.core.requireSession();
    setSummariesRequireApproval(session, true);
    return ensureSigningKey(session).minisignPublicKey;
  });
  const { caseId, code } = await asSession(host, CASEWORKER, () => {
    const cases = host.core.cases();
    const created = cases.createCase({
      openedOn: '2025-05-02',
      identity: { givenNames: GIVEN, familyNames: FAMILY, phone: PHONE },
      status: { victimStatus: 'PRESUMED', decidedBy: 'POLICE', decidedByName: INVESTIGATOR },
    });
    cases.addItem(created.id, 'consents', {
      giver: 'PERSON',
      recipient: 'PROSECUTOR',
      purpose: 'CRIMINAL_PROCEEDINGS',
      dataCategories: ['IDENTITY_BASIC', 'STATUS'],
      givenOn: '2025-06-01',
    } as never);
    return { caseId: created.id, code: cases.getCase(created.id).code };
  });

  // The prosecutor's installation, and a second prosecutor's, each trusting the NGO's key.
  const prosecutor = new Host();
  const other = new Host();
  try {
    const info = await seedRecipient(prosecutor, PROSECUTOR_OFFICE, PROSECUTOR, ngoKey);
    await seedRecipient(other, OTHER_OFFICE, OTHER_PROSECUTOR, ngoKey);
    // The prosecutor's public keys reach the NGO unverified, as a typed-in entry would.
    await asSession(host, ADMIN, () =>
      addRecipient(host.core.requireSession(), {
        institution: info.institution,
        category: info.category,
        ageRecipient: info.ageRecipient,
        ed25519PublicKey: info.ed25519PublicKey,
        validFrom: '2025-01-01',
      }),
    );

    // 1. A supervisor verifies the key by the digits the prosecutor reads out by phone.
    await page.goto(APP_URL);
    await unlockAs(page, m, SUPERVISOR);
    await nav(page).getByRole('button', { name: m.directory.nav, exact: true }).click();
    await expect(heading(page)).toHaveText(m.directory.title);
    const row = page.getByRole('row').filter({ hasText: PROSECUTOR_OFFICE });
    await expect(row).toContainText(m.directory.states.unverified);
    await expect(row.locator('code.fingerprint')).toHaveText(/^(\d{5} ){7}\d{5}$/u);
    await checkScreen(page, 'a0-directory-unverified-lt');
    await row.getByRole('button', { name: `${m.directory.verify}: ${PROSECUTOR_OFFICE}` }).click();
    const typed = input(page, m.directory.verifyField);
    await expect(typed).toBeFocused();
    // A misread digit is refused and says so.
    await typed.fill(info.fingerprint.replace(/^\d/u, (d) => String((Number(d) + 1) % 10)));
    await page.getByRole('button', { name: m.directory.verifySubmit }).click();
    await expect(page.locator('.error-alert')).toContainText(m.errors.DIRECTORY_FINGERPRINT_MISMATCH);
    await checkScreen(page, 'a1-directory-verify-mismatch-lt');
    // Typed without spaces, from the keyboard.
    await typed.fill(info.fingerprint.replaceAll(' ', ''));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: m.directory.verified })).toBeVisible();
    await expect(row).toContainText(m.directory.states.verified);
    await checkScreen(page, 'a2-directory-verified-lt');
    await page.getByRole('button', { name: m.home.lock }).click();

    // 2. The caseworker composes and previews: exactly the consented fields, the rest listed.
    await unlockAs(page, m, CASEWORKER);
    await openTheCase(page, m, code);
    await expect(page.getByRole('heading', { name: m.summaries.compose.title })).toBeVisible();
    await checkScreen(page, 'a3-summaries-empty-lt');
    await choose(page, page, m.summaries.compose.recipient, `${PROSECUTOR_OFFICE} (Prokuratūra)`);
    await page.getByRole('button', { name: m.summaries.compose.preview, exact: true }).click();
    const preview = page.locator('.summary-preview');
    await expect(preview.getByRole('heading', { name: m.summaries.preview.title })).toBeVisible();
    await expect(preview).toContainText(GIVEN);
    await expect(preview).toContainText(FAMILY);
    await expect(preview).toContainText(INVESTIGATOR);
    await expect(preview).toContainText(info.fingerprint);
    const omittedFields = preview.getByTestId('omitted-fields');
    await expect(omittedFields).toContainText(
      `${m.fields.identity.phone} – ${m.summaries.preview.reasons.NOT_CONSENTED}`,
    );
    await expect(preview.getByTestId('omitted-categories')).toContainText(m.summaries.preview.reasons.OTHER_PEOPLE);
    // Left out of the data, not blacked out: the phone number is nowhere on the screen.
    await expect(page.locator('body')).not.toContainText(PHONE);
    await checkScreen(page, 'a4-summary-preview-lt');
    await page.getByRole('button', { name: m.summaries.compose.saveDraft, exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: m.summaries.compose.saved })).toBeVisible();
    const draft = page.locator('article.summary-draft').first();
    await expect(draft).toHaveAttribute('data-status', 'draft');
    await draft.getByRole('button', { name: m.summaries.drafts.requestApproval }).click();
    await expect(draft).toHaveAttribute('data-status', 'pending_approval');
    // Nothing can be exported before a supervisor approves.
    await expect(draft.getByRole('button', { name: m.summaries.export.button })).toHaveCount(0);
    await checkScreen(page, 'a5-summary-pending-lt');
    await page.getByRole('button', { name: m.home.lock }).click();

    // 3. A supervisor approves and exports; a closed save dialog saves and logs nothing.
    await unlockAs(page, m, SUPERVISOR);
    await openTheCase(page, m, code);
    const toApprove = page.locator('article.summary-draft').first();
    await toApprove.getByRole('button', { name: m.summaries.drafts.showPreview }).click();
    await expect(toApprove.locator('.summary-preview')).toContainText(GIVEN);
    await toApprove.getByRole('button', { name: m.summaries.drafts.approve, exact: true }).click();
    await expect(toApprove).toHaveAttribute('data-status', 'approved');
    await checkScreen(page, 'a6-summary-approved-lt');

    host.savePath = undefined;
    const exportButton = toApprove.getByRole('button', { name: m.summaries.export.button });
    await exportButton.click();
    await expect.poll(() => host.saveDialogs.length).toBe(1);
    await expect(toApprove).toHaveAttribute('data-status', 'approved');
    await expect(page.locator('.error-alert')).toHaveCount(0);
    expect(host.saveDialogs[0]).toMatch(/^sauga-summary-[0-9a-f]{12}\.age$/u);
    // The name says nothing about the person or the case.
    for (const revealing of [GIVEN, FAMILY, code]) expect(host.saveDialogs[0]).not.toContain(revealing);

    const saved = join(host.dir, 'santrauka.age');
    host.savePath = saved;
    await exportButton.focus();
    await page.keyboard.press('Enter');
    const done = page.getByRole('status').filter({ hasText: m.summaries.export.done });
    await expect(done).toBeVisible();
    await expect(done.locator('.stat-sha')).toHaveText(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/u);
    expect(existsSync(saved) && statSync(saved).size > 0).toBe(true);
    // An age file: the case data is not readable in it.
    const bytes = readFileSync(saved);
    expect(bytes.subarray(0, 21).toString('latin1')).toBe('age-encryption.org/v1');
    for (const plain of [GIVEN, FAMILY, PHONE]) expect(bytes.includes(Buffer.from(plain))).toBe(false);
    await expect(page.locator('article.summary-draft').first()).toHaveAttribute('data-status', 'sent');

    // The disclosure log, and what withdrawing the consent would affect.
    const log = page.getByRole('table', { name: m.summaries.log.title });
    await expect(log.getByRole('row')).toHaveCount(2);
    await expect(log).toContainText(PROSECUTOR_OFFICE);
    await expect(log).toContainText(m.summaries.log.byConsent);
    await page.getByRole('button', { name: new RegExp(`^${m.summaries.withdrawal.show}`, 'u') }).click();
    await expect(page.locator('.summary-consent')).toContainText(PROSECUTOR_OFFICE);
    await checkScreen(page, 'a7-summary-exported-lt');
    expect(
      host
        .audit()
        .filter((a) => a.subject === caseId)
        .map((a) => a.action),
    ).toEqual(expect.arrayContaining(['summary.draft_created', 'summary.approved', 'summary.disclosed']));

    // Withdrawing the consent names the disclosure it affects, before anything is saved.
    await tab(page, m.sections.dataProtection).click();
    await page.getByRole('button', { name: m.items.withdraw, exact: true }).click();
    const impact = page.locator('.summary-withdrawal-impact');
    await expect(impact).toContainText(m.summaries.withdrawal.editHint);
    await expect(impact).toContainText(PROSECUTOR_OFFICE);
    await checkScreen(page, 'a75-consent-withdraw-impact-lt');
    await page.getByRole('button', { name: m.form.cancel, exact: true }).click();
    await expect(impact).toHaveCount(0);
    await tab(page, m.sections.summaries).click();

    // English: the same screen, translated.
    await page.getByRole('radio', { name: en.language.en }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { name: en.summaries.log.title })).toBeVisible();
    await checkScreen(page, 'a8-summary-exported-en');
    await page.getByRole('radio', { name: lt.language.lt }).click();

    // 4. The prosecutor opens it in their own vault and reads it, with the PDF.
    const pPage = await openContext(browser, prosecutor);
    await pPage.goto(APP_URL);
    await unlockAs(pPage, m, PROSECUTOR);
    await expect(heading(pPage)).toHaveText(m.inbox.title);
    await expect(nav(pPage).getByRole('button', { name: m.nav.cases })).toHaveCount(0);
    await expect(pPage.getByText(info.fingerprint)).toBeVisible();
    await expect(pPage.getByRole('table', { name: m.inbox.senders.title })).toContainText(NGO);
    await checkScreen(pPage, 'a9-inbox-empty-lt');
    prosecutor.openPath = undefined;
    await pPage.getByRole('button', { name: m.inbox.open }).click();
    await expect.poll(() => prosecutor.openDialogs.length).toBe(1);
    await expect(pPage.locator('.error-alert')).toHaveCount(0);
    prosecutor.openPath = saved;
    await pPage.getByRole('button', { name: m.inbox.open }).click();
    await expect(pPage.getByRole('status').filter({ hasText: m.inbox.opened })).toBeVisible();
    const received = pPage.locator('.inbox-summary');
    await expect(
      received.getByRole('heading', { name: m.inbox.summaryTitle.replace('{{caseCode}}', code) }),
    ).toBeVisible();
    await expect(received).toContainText(GIVEN);
    await expect(received).toContainText(INVESTIGATOR);
    await expect(received).toContainText(m.inbox.signature.replace('{{organisation}}', NGO));
    await expect(received).not.toContainText(PHONE);
    await expect(pPage.getByRole('table', { name: m.inbox.list }).getByRole('row')).toHaveCount(2);
    await checkScreen(pPage, 'b0-inbox-received-lt');
    await received.getByRole('button', { name: m.inbox.showPdf }).click();
    await expect(received.locator('canvas')).toBeVisible();
    const firstPage = m.attachments.pdfPage.replace('{{page}}', '1').replace('{{pages}}', '\\d+');
    await expect(received.getByRole('status').filter({ hasText: new RegExp(`^${firstPage}$`, 'u') })).toBeVisible();
    await checkScreen(pPage, 'b1-inbox-pdf-lt');
    await pPage.context().close();

    // 5. The other prosecutor's vault refuses the package, and says why.
    const oPage = await openContext(browser, other);
    await oPage.goto(APP_URL);
    await unlockAs(oPage, m, OTHER_PROSECUTOR);
    other.openPath = saved;
    await oPage.getByRole('button', { name: m.inbox.open }).click();
    await expect(oPage.locator('.error-alert')).toContainText(m.errors.SUMMARY_PACKAGE_NOT_FOR_YOU);
    await expect(oPage.getByText(m.inbox.none)).toBeVisible();
    await checkScreen(oPage, 'b2-inbox-refused-lt');
    await oPage.context().close();

    for (const h of [prosecutor, other]) {
      expect(h.problems, 'console errors, page errors or CSP violations').toEqual([]);
      expect(h.blocked, 'requests outside the app').toEqual([]);
    }
  } finally {
    prosecutor.dispose();
    other.dispose();
  }
});
