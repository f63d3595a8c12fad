import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { en, lt } from '../../src/shared/i18n';
import {
  CASE_USERS,
  CASEWORKER,
  choose,
  chooseMany,
  fill,
  form,
  input,
  makePdf,
  makePng,
  OTHER_CASEWORKER,
  SUPERVISOR,
  unlockAs,
} from './caseFlows';
import { APP_URL, expect, test, type Host } from './host';
import { checkScreen, heading } from './screens';

const m = lt;
const f = m.fields;

const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });

async function openTab(page: Page, name: string): Promise<void> {
  await tab(page, name).click();
  await expect(tab(page, name)).toHaveAttribute('aria-selected', 'true');
}

async function saveSection(page: Page, section: string): Promise<void> {
  const scope = form(page, section);
  await scope.getByRole('button', { name: m.form.save, exact: true }).click();
  await expect(scope.getByRole('status').filter({ hasText: m.form.saved })).toBeVisible();
}

const caseVersion = (page: Page) => page.getByTestId('case-version');

/** A case of another worker's, with a name like the one the test will type: the duplicate. */
async function seedOtherCase(host: Host): Promise<string> {
  await host.core.unlock(SUPERVISOR.userName, SUPERVISOR.passphrase);
  const cases = host.core.cases();
  const other = cases.listWorkers().find((w) => w.name === OTHER_CASEWORKER.userName);
  const created = cases.createCase({
    openedOn: '2025-01-10',
    identity: { givenNames: 'Žėrūnė', familyNames: 'Kazlauskaitė', dateOfBirth: '1998' },
    ownerId: other?.id,
  });
  host.core.lock();
  return created.code;
}

test('a caseworker opens, fills and finds a case; nobody else sees it; a supervisor assigns it', async ({
  page,
  host,
}) => {
  test.setTimeout(240_000);
  await host.seedVault({ users: CASE_USERS });
  const otherCode = await seedOtherCase(host);
  await page.goto(APP_URL);
  await unlockAs(page, m, CASEWORKER);

  // Home is the case list; another worker's case is not in it.
  await expect(heading(page)).toHaveText(m.caseList.title);
  await expect(page.getByText(m.caseList.emptyAssigned)).toBeVisible();
  await checkScreen(page, '40-case-list-empty-lt');

  // New case, with a duplicate warning that gives a count but no code.
  await page.getByRole('navigation').getByRole('button', { name: m.nav.newCase }).click();
  await expect(heading(page)).toHaveText(m.newCase.title);
  await checkScreen(page, '41-new-case-lt');
  await fill(page, f.identity.givenNames, 'Žėrūnė');
  await fill(page, f.identity.familyNames, 'Kazlauskaitė');
  await fill(page, f.identity.dateOfBirth, 'vakar');
  await choose(page, page, f.identity.sex, 'Moteris');
  await choose(page, page, f.status.victimStatus, 'Tikėtina prekybos žmonėmis auka');
  await page.getByRole('button', { name: m.newCase.submit }).click();
  await expect(input(page, f.identity.dateOfBirth)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(m.validation.dateInvalid)).toBeVisible();
  await checkScreen(page, '42-new-case-invalid-lt');
  await fill(page, f.identity.dateOfBirth, '~1998');
  await page.getByRole('button', { name: m.newCase.submit }).click();
  const warning = page.getByRole('alert').filter({ hasText: m.newCase.duplicateTitle });
  await expect(warning).toContainText(m.newCase.duplicateCount.replace('{{count}}', '1'));
  await expect(warning).not.toContainText(otherCode);
  await checkScreen(page, '43-new-case-duplicate-lt');
  await page.getByRole('button', { name: m.newCase.createAnyway }).click();

  const code = await expect(heading(page))
    .toHaveText(/^\d{4}-\d{5}$/u)
    .then(() => heading(page).innerText());
  expect(code).not.toBe(otherCode);
  const caseId = (host.core.cases().listCases({ search: code }).rows[0]?.id ?? '') as string;
  expect(caseId).not.toBe('');
  await expect(tab(page, m.sections.status)).toHaveAttribute('aria-selected', 'true');
  await checkScreen(page, '44-case-status-lt');

  // Status: a reflection period shorter than 30 days is refused inline, and nothing is saved.
  const status = form(page, m.sections.status);
  await choose(status, page, f.status.decidedBy, 'Policija');
  await fill(status, f.status.decidedOn, '2025-02');
  await choose(status, page, f.status.firstIdentifier, 'Policija');
  await fill(status, f.status.firstContactOn, '~2025-01');
  await fill(status, f.status.reflectionStart, '2025-03-01');
  await fill(status, f.status.reflectionEnd, '2025-03-10');
  const before = await caseVersion(page).innerText();
  await status.getByRole('button', { name: m.form.save, exact: true }).click();
  await expect(status.getByText(m.validation.reflectionTooShort)).toBeVisible();
  await expect(input(status, f.status.reflectionEnd)).toHaveAttribute('aria-invalid', 'true');
  await expect(status.getByRole('alert').filter({ hasText: m.form.invalid })).toBeVisible();
  await checkScreen(page, '45-case-status-invalid-lt');
  expect(await caseVersion(page).innerText()).toBe(before);
  expect(host.core.cases().getCase(caseId).sections.status.reflectionStart).toBeUndefined();
  await fill(status, f.status.reflectionEnd, '2025-04-15');
  await choose(status, page, f.status.residencePermit, 'Netaikoma (ES ar EEE pilietis)');
  await saveSection(page, m.sections.status);
  expect(host.core.cases().getCase(caseId).sections.status).toMatchObject({
    victimStatus: 'PRESUMED',
    decidedBy: 'POLICE',
    reflectionEnd: '2025-04-15',
  });

  // Identity: hidden until revealed, and revealing it is logged.
  await openTab(page, m.sections.identity);
  await expect(page.getByText(m.caseScreen.revealBody)).toBeVisible();
  await expect(page.getByText('Žėrūnė')).toHaveCount(0);
  await checkScreen(page, '46-case-identity-hidden-lt');
  await page.getByRole('button', { name: m.caseScreen.reveal }).click();
  await expect(page.getByRole('alertdialog')).toContainText(m.caseScreen.revealConfirm);
  await checkScreen(page, '47-case-identity-confirm-lt');
  await page.getByRole('button', { name: m.caseScreen.revealYes }).click();
  const identity = form(page, m.sections.identity);
  await expect(input(identity, f.identity.givenNames)).toHaveValue('Žėrūnė');
  expect(host.audit().some((e) => e.action === 'case.identity_revealed' && e.subject === caseId)).toBe(true);
  await fill(identity, f.identity.aliases, 'Žėrė\nRūna');
  await chooseMany(identity, page, f.identity.citizenships, ['Ukraina']);
  await chooseMany(identity, page, f.identity.languages, ['ukrainiečių', 'rusų']);
  await choose(identity, page, f.identity.interpreterNeeded, m.form.yes);
  await choose(identity, page, f.identity.gender, 'Moteris');
  await fill(identity, f.identity.phone, '+370 600 00000');
  await identity.getByRole('button', { name: m.lists.documents.add }).click();
  await choose(identity, page, f.documents.type, 'Pasas');
  await choose(identity, page, f.documents.withheldByExploiter, m.form.yes);
  await checkScreen(page, '48-case-identity-lt');
  await saveSection(page, m.sections.identity);
  expect(host.core.cases().getCase(caseId, { revealIdentity: true }).sections.identity).toMatchObject({
    aliases: ['Žėrė', 'Rūna'],
    citizenships: ['UA'],
    interpreterNeeded: true,
    documents: [{ type: 'PASSPORT', withheldByExploiter: true }],
  });

  // Experience.
  await openTab(page, m.sections.experience);
  const experience = form(page, m.sections.experience);
  await chooseMany(experience, page, f.experience.exploitationForms, [
    'Seksualinis išnaudojimas',
    'Priverstinis darbas ar paslaugos',
  ]);
  await chooseMany(experience, page, f.experience.meansOfControl, ['Skolų vergija']);
  await fill(experience, f.experience.exploitationFrom, '~2023');
  await fill(experience, f.experience.exploitationTo, '2024-11');
  await experience.getByRole('button', { name: m.lists.events.add }).click();
  await choose(experience, page, f.events.kind, 'Verbavimas');
  await choose(experience, page, f.events.country, 'Ukraina');
  await fill(experience, f.events.place, 'Lvivas');
  await fill(experience, f.experience.summary, 'Pažadėtas darbas sandėlyje.');
  await checkScreen(page, '49-case-experience-lt');
  await saveSection(page, m.sections.experience);

  // Consent and data protection, with a consent that is given and then withdrawn.
  await openTab(page, m.sections.dataProtection);
  const dp = form(page, m.sections.dataProtection);
  await choose(dp, page, f.dataProtection.consentGiver, 'Pats asmuo');
  await chooseMany(dp, page, f.dataProtection.legalBases, ['BDAR 9 str. 2 d. a p. – aiškus sutikimas']);
  await fill(dp, f.dataProtection.privacyNoticeGivenOn, '2025-01-12');
  await saveSection(page, m.sections.dataProtection);
  await page.getByRole('button', { name: m.items.consents.add }).click();
  const consent = form(page, m.items.consents.add);
  await choose(consent, page, f.consents.giver, 'Pats asmuo');
  await choose(consent, page, f.consents.recipient, 'Policija');
  await choose(consent, page, f.consents.purpose, 'Baudžiamasis procesas');
  await fill(consent, f.consents.givenOn, '2025-01-12');
  await fill(consent, f.consents.formVersion, 'v2');
  await consent.getByRole('button', { name: m.form.save, exact: true }).click();
  await expect(page.getByRole('article', { name: m.items.consents.one })).toContainText(m.items.active);
  await checkScreen(page, '50-case-consents-lt');
  await page.getByRole('button', { name: m.items.withdraw }).click();
  const withdrawal = form(page, m.items.withdrawTitle);
  await fill(withdrawal, f.consents.withdrawnOn, '2025-01-05');
  await withdrawal.getByRole('button', { name: m.items.withdraw }).click();
  await expect(withdrawal.getByText(m.validation.dateOrder)).toBeVisible();
  await fill(withdrawal, f.consents.withdrawnOn, '2025-02-20');
  await fill(withdrawal, f.consents.withdrawalNote, 'Atšaukė žodžiu.');
  await withdrawal.getByRole('button', { name: m.items.withdraw }).click();
  await expect(page.getByRole('article', { name: m.items.consents.one })).toContainText(
    m.items.withdrawn.replace('{{date}}', '2025-02-20'),
  );

  // Assistance: the plan, an assessment and a service.
  await openTab(page, m.sections.assistance);
  const assistance = form(page, m.sections.assistance);
  await fill(assistance, f.assistance.planAgreedOn, '2025-01-20');
  await fill(assistance, f.assistance.supportPlan, 'Saugus apgyvendinimas, psichologo konsultacijos.');
  await saveSection(page, m.sections.assistance);
  await page.getByRole('button', { name: m.items.assessments.add }).click();
  const assessment = form(page, m.items.assessments.add);
  await choose(assessment, page, f.assessments.type, 'Rizikos vertinimas');
  await choose(assessment, page, f.assessments.riskLevel, 'Didelė');
  await assessment.getByRole('button', { name: m.form.save, exact: true }).click();
  await expect(page.getByRole('article', { name: m.items.assessments.one })).toContainText('Rizikos vertinimas');
  await page.getByRole('button', { name: m.items.services.add }).click();
  const service = form(page, m.items.services.add);
  await choose(service, page, f.services.type, 'Saugus apgyvendinimas');
  await choose(service, page, f.services.status, 'Suteikta mūsų organizacijos');
  await fill(service, f.services.provider, 'Vilties namai');
  await service.getByRole('button', { name: m.form.save, exact: true }).click();
  await expect(page.getByRole('article', { name: m.items.services.one })).toContainText('Saugus apgyvendinimas');
  await checkScreen(page, '51-case-assistance-lt');

  // Rights information: one item of the art. 4 list.
  await openTab(page, m.sections.rights);
  const rights = form(page, m.sections.rights);
  const itemA = rights.getByRole('group', { name: /^a\)/u });
  await fill(itemA, f.rightsEntry.informedOn, '2025-01-12');
  await choose(itemA, page, f.rightsEntry.language, 'ukrainiečių');
  await choose(itemA, page, f.rightsEntry.method, 'Žodžiu ir raštu');
  await saveSection(page, m.sections.rights);
  await checkScreen(page, '51b-case-rights-lt');

  // Referrals: the incoming one, and an outgoing referral relying on the consent.
  await openTab(page, m.sections.referral);
  const referral = form(page, m.sections.referral);
  await choose(referral, page, f.referral.incomingFrom, 'Policija');
  await fill(referral, f.referral.incomingOn, '2025-01-10');
  await saveSection(page, m.sections.referral);
  await page.getByRole('button', { name: m.items.referrals.add }).click();
  const outgoing = form(page, m.items.referrals.add);
  await choose(outgoing, page, f.referrals.direction, 'Siunčiama');
  await choose(outgoing, page, f.referrals.kind, 'Nukreipimas');
  await choose(outgoing, page, f.referrals.recipient, 'Sveikatos priežiūros įstaiga');
  await choose(outgoing, page, f.referrals.status, 'Išsiųsta');
  await outgoing.getByRole('button', { name: m.form.save, exact: true }).click();
  await expect(page.getByRole('article', { name: m.items.referrals.one })).toContainText('Siunčiama');
  await checkScreen(page, '51c-case-referrals-lt');

  // Criminal justice, with an amount in euros written with a decimal comma.
  await openTab(page, m.sections.justice);
  const justice = form(page, m.sections.justice);
  await choose(justice, page, f.justice.complaintFiled, m.form.yes);
  await choose(justice, page, f.justice.cooperation, 'Bendradarbiauja su tyrimu');
  await fill(justice, f.justice.compensationClaimedEur, '1500,50');
  await saveSection(page, m.sections.justice);
  expect(host.core.cases().getCase(caseId).sections.justice.compensationClaimedEur).toBe(1500.5);
  await page.getByRole('button', { name: m.items.cjEvents.add }).click();
  const cj = form(page, m.items.cjEvents.add);
  await choose(cj, page, f.cjEvents.type, 'Pradėtas ikiteisminis tyrimas');
  await fill(cj, f.cjEvents.date, '2025-02');
  await cj.getByRole('button', { name: m.form.save, exact: true }).click();
  await expect(page.getByRole('article', { name: m.items.cjEvents.one })).toContainText('2025-02');
  await checkScreen(page, '51d-case-justice-lt');

  // Notes and attachments: a PNG and a PDF, previewed inside the app; one copy saved out.
  await openTab(page, m.sections.notes);
  await page.getByRole('button', { name: m.items.notes.add }).click();
  const note = form(page, m.items.notes.add);
  await fill(note, f.notes.text, 'Susitikimas su psichologe antradienį.');
  await note.getByRole('button', { name: m.form.save, exact: true }).click();
  await expect(page.getByRole('article', { name: m.items.notes.one })).toContainText('psichologe');

  const png = makePng();
  const pdf = makePdf();
  const fileInput = page.locator('input[type=file]');
  await fileInput.setInputFiles({ name: 'paso-kopija.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByRole('status').filter({ hasText: 'paso-kopija.png' })).toBeVisible();
  await fileInput.setInputFiles({ name: 'pažyma.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(page.getByRole('heading', { name: 'pažyma.pdf' })).toBeVisible();
  await fileInput.setInputFiles({ name: 'raštas.txt', mimeType: 'text/plain', buffer: Buffer.from('ne paveikslas') });
  await expect(page.getByRole('alert').filter({ hasText: m.errors.ATTACHMENT_TYPE_REFUSED })).toBeVisible();
  // Over the limit: refused before any byte crosses to core (a sparse file, passed by path).
  const tooLarge = join(host.dir, 'didelis.pdf');
  writeFileSync(tooLarge, '%PDF-1.4\n');
  truncateSync(tooLarge, 25 * 1024 * 1024 + 1);
  await fileInput.setInputFiles(tooLarge);
  await expect(page.getByRole('alert').filter({ hasText: m.errors.ATTACHMENT_TOO_LARGE })).toBeVisible();
  expect(
    host.core
      .cases()
      .getCase(caseId)
      .attachments.map((a) => a.fileName),
  ).toEqual(['paso-kopija.png', 'pažyma.pdf']);

  await page.getByRole('button', { name: `${m.attachments.preview}: paso-kopija.png` }).click();
  const image = page.getByRole('img', { name: m.attachments.imageAlt.replace('{{name}}', 'paso-kopija.png') });
  await expect(image).toBeVisible();
  expect(await image.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.src.startsWith('blob:')])).toEqual([
    48,
    true,
  ]);
  await checkScreen(page, '52-case-attachment-image-lt');
  await page.getByRole('button', { name: m.attachments.closePreview }).click();

  await page.getByRole('button', { name: `${m.attachments.preview}: pažyma.pdf` }).click();
  await expect(page.getByText(m.attachments.pdfPage.replace('{{page}}', '1').replace('{{pages}}', '1'))).toBeVisible();
  const canvas = page.getByRole('img', { name: m.attachments.pdfLabel.replace('{{name}}', 'pažyma.pdf') });
  await expect
    .poll(() =>
      canvas.evaluate((c: HTMLCanvasElement) => {
        const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
        let coloured = 0;
        for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 100 && (data[i + 2] ?? 0) > 80) coloured++;
        return coloured;
      }),
    )
    .toBeGreaterThan(1000);
  await checkScreen(page, '53-case-attachment-pdf-lt');

  const copy = join(host.dir, 'kopija.png');
  host.savePath = copy;
  await page.getByRole('button', { name: `${m.attachments.export} paso-kopija.png` }).click();
  await expect(page.getByRole('status').filter({ hasText: m.attachments.exported })).toBeVisible();
  expect(readFileSync(copy).equals(png)).toBe(true);
  expect(host.saveDialogs).toEqual(['paso-kopija.png']);
  expect(host.audit().filter((e) => e.action === 'case.attachment_exported' && e.subject === caseId)).toHaveLength(1);
  const attachmentId = host.core.cases().getCase(caseId).attachments[0]?.id ?? '';

  // Case management.
  await openTab(page, m.sections.management);
  const management = form(page, m.sections.management);
  await fill(management, f.management.nextReviewOn, '2031-06-01');
  await chooseMany(management, page, f.management.flags, ['Didelė grėsmė saugumui']);
  await saveSection(page, m.sections.management);
  await checkScreen(page, '54-case-management-lt');

  // A stale save: the case changes behind the form's back; the input stays, nothing is lost.
  await fill(management, f.management.note, 'Peržiūrėti po mėnesio.');
  const stale = host.core.cases().getCase(caseId);
  host.core
    .cases()
    .updateSection(caseId, 'assistance', { ...stale.sections.assistance, needsSummary: 'Būstas.' }, stale.version);
  await management.getByRole('button', { name: m.form.save, exact: true }).click();
  await expect(management.getByRole('alert').filter({ hasText: m.errors.STALE_VERSION })).toBeVisible();
  await expect(input(management, f.management.note)).toHaveValue('Peržiūrėti po mėnesio.');
  expect(host.core.cases().getCase(caseId).sections.management.note).toBeUndefined();
  await checkScreen(page, '55-case-stale-lt');
  // Moving to another tab asks first, since the form is dirty.
  await tab(page, m.sections.history).click();
  await expect(page.getByRole('alertdialog')).toContainText(m.guard.body);
  await page.getByRole('button', { name: m.guard.stay }).click();
  await expect(input(management, f.management.note)).toHaveValue('Peržiūrėti po mėnesio.');
  await management.getByRole('button', { name: m.form.reload }).click();
  await expect(input(form(page, m.sections.management), f.management.note)).toHaveValue('');

  // The history shows who changed what, old and new.
  await openTab(page, m.sections.history);
  const history = page.getByRole('table', { name: m.history.title });
  await expect(history).toBeVisible();
  // Newest first: the change made behind the form's back, by the same caseworker, old -> new.
  await expect(history.getByRole('row').nth(1)).toContainText(f.assistance.needsSummary);
  await expect(history.getByRole('row').nth(1)).toContainText(`${m.history.empty} → Būstas.`);
  await expect(history.getByRole('row').nth(1)).toContainText(CASEWORKER.userName);
  await checkScreen(page, '56-case-history-lt');
  // Older pages hold the first changes, e.g. the reflection period.
  const reflection = history.getByRole('row').filter({ hasText: f.status.reflectionEnd });
  for (let i = 0; i < 3 && (await reflection.count()) === 0; i++) {
    await page.getByRole('button', { name: m.history.older }).click();
    await expect(history).toBeVisible();
  }
  await expect(reflection).toContainText('2025-04-15');
  await page.getByRole('button', { name: m.history.showViewLog }).click();
  await expect(page.getByRole('table', { name: m.history.viewLogTitle })).toContainText(
    m.audit.case_attachment_exported,
  );

  // Search without diacritics finds the case (among this worker's two); the other worker's
  // "Žėrūnė" stays invisible.
  host.core.cases().createCase({ openedOn: '2025-03-02', identity: { givenNames: 'Ona', familyNames: 'Petraitienė' } });
  await page.getByRole('navigation').getByRole('button', { name: m.nav.cases }).click();
  await expect(heading(page)).toHaveText(m.caseList.title);
  const search = page.getByRole('searchbox', { name: m.caseList.search });
  const grid = page.getByRole('grid', { name: m.caseList.gridLabel });
  await expect(grid.getByRole('row')).toHaveCount(3);
  await search.fill('ze');
  await expect(page.getByText(m.caseList.searchTooShort)).toBeVisible();
  await search.fill('zerune');
  await expect(page.getByText(m.caseList.searchTooShort)).toHaveCount(0);
  await expect(grid.getByRole('row')).toHaveCount(2);
  await expect(grid.getByRole('row').nth(1)).toContainText(code);
  await expect(grid).not.toContainText(otherCode);
  await checkScreen(page, '57-case-list-search-lt');
  // Keyboard: into the grid, Enter opens the case.
  await grid.getByRole('row').nth(1).focus();
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText(code);

  // A second caseworker sees nothing of it, by any channel.
  await page.getByRole('button', { name: m.home.lock }).click();
  await unlockAs(page, m, OTHER_CASEWORKER);
  await expect(heading(page)).toHaveText(m.caseList.title);
  await expect(page.getByRole('grid')).not.toContainText(code);
  const denied = await page.evaluate(
    async ({ caseId, attachmentId }) => {
      const s = (
        window as unknown as {
          sauga: Record<string, Record<string, (i: unknown) => Promise<{ ok: boolean; error?: { code: string } }>>>;
        }
      ).sauga.cases!;
      const calls = {
        get: s.get!({ caseId }),
        getRevealed: s.get!({ caseId, revealIdentity: true }),
        updateSection: s.updateSection!({
          caseId,
          update: { section: 'status', data: { victimStatus: 'NOT_VICTIM' }, expectedVersion: 1 },
        }),
        history: s.history!({ caseId, query: {} }),
        readAttachment: s.readAttachment!({ caseId, attachmentId }),
        exportAttachment: s.exportAttachment!({ caseId, attachmentId }),
      };
      const out: Record<string, string | undefined> = {};
      for (const [name, call] of Object.entries(calls)) out[name] = (await call).error?.code;
      return out;
    },
    { caseId, attachmentId },
  );
  expect(denied).toEqual({
    get: 'FORBIDDEN',
    getRevealed: 'FORBIDDEN',
    updateSection: 'FORBIDDEN',
    history: 'FORBIDDEN',
    readAttachment: 'FORBIDDEN',
    exportAttachment: 'FORBIDDEN',
  });
  const denials = host
    .audit()
    .filter((e) => e.action === 'case.access_denied' && e.subject === caseId && e.actor === OTHER_CASEWORKER.userName);
  expect(denials.length).toBeGreaterThanOrEqual(6);

  // A supervisor sees the case and assigns the second caseworker to it.
  await page.getByRole('button', { name: m.home.lock }).click();
  await unlockAs(page, m, SUPERVISOR);
  const all = page.getByRole('grid', { name: m.caseList.gridLabel });
  await expect(all).toContainText(code);
  await expect(all).toContainText(otherCode);
  await all.getByRole('row').filter({ hasText: code }).click();
  await expect(heading(page)).toHaveText(code);
  await openTab(page, m.sections.management);
  await choose(page, page, m.management.worker, OTHER_CASEWORKER.userName);
  await page.getByRole('button', { name: m.management.assign, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: m.management.done })).toBeVisible();
  await expect(page.locator('.assignees')).toContainText(OTHER_CASEWORKER.userName);
  await expect(page.locator('.plain-list')).toContainText(OTHER_CASEWORKER.userName);
  await checkScreen(page, '58-case-management-supervisor-lt');
});

test('a supervisor in English: every case screen passes axe, duplicates name their cases, closing and reopening', async ({
  page,
  host,
}) => {
  test.setTimeout(240_000);
  const e = en;
  await host.seedVault({ users: CASE_USERS });
  host.core.setLanguage('en');
  const otherCode = await seedOtherCase(host);
  await page.goto(APP_URL);
  await unlockAs(page, e, SUPERVISOR);
  await expect(heading(page)).toHaveText(e.caseList.title);
  for (let i = 0; i < 3; i++) {
    host.core.cases().createCase({
      openedOn: `2025-0${i + 1}-15`,
      identity: { givenNames: ['Ona', 'Inga', 'Rasa'][i], familyNames: 'Jonaitė' },
      status: { victimStatus: 'IDENTIFIED' },
    });
  }
  await page.getByRole('navigation').getByRole('button', { name: e.nav.cases }).click();
  const grid = page.getByRole('grid', { name: e.caseList.gridLabel });
  await expect(grid.getByRole('row')).toHaveCount(5);
  await page.getByRole('button', { name: e.caseList.showFilters }).click();
  await chooseMany(page, page, e.caseList.victimStatus, ['Formally identified victim']);
  await expect(grid.getByRole('row')).toHaveCount(4);
  await fill(page, e.caseList.openedFrom, '2025-13-01');
  await expect(page.getByText(e.validation.dateInvalid)).toBeVisible();
  await fill(page, e.caseList.openedFrom, '2025-02-01');
  await expect(grid.getByRole('row')).toHaveCount(3);
  await checkScreen(page, '60-case-list-filters-en');
  await page.getByRole('button', { name: e.caseList.clearFilters }).click();
  await expect(grid.getByRole('row')).toHaveCount(5);
  await choose(page, page, e.caseList.sort, e.caseList.sortFields.code);
  await choose(page, page, e.caseList.direction, e.caseList.asc);
  await expect(grid.getByRole('row').nth(1)).toContainText(otherCode);

  // The keyboard alone: into the grid, down two rows, Enter opens that case.
  await grid.getByRole('row').nth(1).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(grid.getByRole('row').nth(3)).toBeFocused();
  const third = (await grid.getByRole('row').nth(3).locator('.col-code').innerText()).trim();
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText(third);

  // Every tab of the case screen, with the identity revealed, through axe.
  await tab(page, e.sections.identity).click();
  await page.getByRole('button', { name: e.caseScreen.reveal }).click();
  await page.getByRole('button', { name: e.caseScreen.revealYes }).click();
  await expect(input(form(page, e.sections.identity), e.fields.identity.familyNames)).toHaveValue('Jonaitė');
  for (const [name, label] of Object.entries(e.sections)) {
    await openTab(page, label);
    if (name === 'history') await expect(page.getByRole('table', { name: e.history.title })).toBeVisible();
    await checkScreen(page, `61-case-${name}-en`);
  }
  await openTab(page, e.sections.assistance);
  await page.getByRole('button', { name: e.items.services.add }).click();
  await form(page, e.items.services.add).getByRole('button', { name: e.form.save, exact: true }).click();
  await expect(form(page, e.items.services.add).getByText(e.validation.required).first()).toBeVisible();
  await checkScreen(page, '62-case-service-invalid-en');

  // Unsaved changes: leaving through the menu asks, and staying keeps the input.
  await openTab(page, e.sections.justice);
  await fill(form(page, e.sections.justice), e.fields.justice.court, 'Vilniaus apygardos teismas');
  await page.getByRole('navigation').getByRole('button', { name: e.nav.cases }).click();
  await expect(page.getByRole('alertdialog')).toContainText(e.guard.body);
  await checkScreen(page, '63-unsaved-guard-en');
  await page.getByRole('button', { name: e.guard.stay }).click();
  await expect(input(form(page, e.sections.justice), e.fields.justice.court)).toHaveValue('Vilniaus apygardos teismas');
  // Closing or reloading the window is held back too (Electron then asks in main).
  const held = await page.evaluate(() => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });
  expect(held).toBe(true);
  await page.getByRole('navigation').getByRole('button', { name: e.nav.cases }).click();
  await page.getByRole('button', { name: e.guard.leave }).click();
  await expect(heading(page)).toHaveText(e.caseList.title);

  // A supervisor learns which cases may be the same person.
  await page.getByRole('navigation').getByRole('button', { name: e.nav.newCase }).click();
  await fill(page, e.fields.identity.givenNames, 'Zerune');
  await fill(page, e.fields.identity.familyNames, 'KAZLAUSKAITE');
  await fill(page, e.fields.identity.dateOfBirth, '1998-05');
  await page.getByRole('button', { name: e.newCase.submit }).click();
  await expect(page.getByRole('alert').filter({ hasText: e.newCase.duplicateTitle })).toContainText(otherCode);
  await checkScreen(page, '64-new-case-duplicate-supervisor-en');
  await page.getByRole('button', { name: e.newCase.createAnyway }).click();
  await expect(heading(page)).toHaveText(/^\d{4}-\d{5}$/u);

  // Close the new case, see that it refuses edits, reopen it.
  await openTab(page, e.sections.management);
  await choose(page, page, e.management.reason, 'Referred to another organisation');
  await page.getByRole('button', { name: e.management.close, exact: true }).click();
  await expect(page.getByText(e.caseScreen.closedNotice)).toBeVisible();
  await expect(page.getByRole('button', { name: e.form.save, exact: true })).toHaveCount(0);
  await checkScreen(page, '65-case-closed-en');
  await page.getByRole('button', { name: e.management.reopen }).click();
  await expect(page.getByText(e.caseScreen.closedNotice)).toHaveCount(0);
  await expect(page.getByRole('button', { name: e.form.save, exact: true })).toBeVisible();
});
