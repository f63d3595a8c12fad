/**
 * UI benchmark: the case list of a large vault in Chromium, filtered and scrolled, watched
 * with the Long Tasks API and requestAnimationFrame. Target: no long task and no frame over
 * 50 ms. Prints the figures and writes bench/results/ui-list.json; never fails on timing.
 *
 *   npx tsx bench/ui-list.bench.ts                 100,000 cases
 *   npx tsx bench/ui-list.bench.ts --cases 20000   fewer
 *   options: --skip-build (use out/renderer as it is)
 *
 * The vault is a demo vault (src/core/demo), filled through CaseService in one transaction:
 * case, identity and status, and for most cases the forms of exploitation. Names carry
 * Lithuanian letters so that the searches fold diacritics as real ones do.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { CaseService } from '../src/core/cases/service';
import { createDemoVault, DEMO_SUPERVISOR } from '../src/core/demo';
import { EXPLOITATION_FORMS, VICTIM_STATUSES } from '../src/shared/cases/codes';
import { en } from '../src/shared/i18n';
import { APP_URL, Host } from '../tests/e2e/host';

const PASSPHRASE = 'šiltas vėjas neša debesis per lauką 5190';
const GIVEN = [
  'Ona',
  'Žėrūnė',
  'Rūta',
  'Inga',
  'Olena',
  'Marija',
  'Iryna',
  'Aistė',
  'Tetiana',
  'Giedrė',
  'Nino',
  'Lina',
];
const FAMILY = ['Kazlauskaitė', 'Petrauskienė', 'Jankauskaitė', 'Šimkutė', 'Bondarenko', 'Kovalenko', 'Žukauskaitė'];

interface PhaseResult {
  phase: string;
  longTasks: number;
  longestTaskMs: number;
  frames: number;
  framesOver50: number;
  longestFrameMs: number;
  p95FrameMs: number;
}

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

function seed(host: Host, count: number): Promise<number> {
  return (async () => {
    const { session } = await createDemoVault({ dir: host.vaultDir, passphrase: PASSPHRASE, caseworkers: [] });
    const cases = new CaseService(session);
    const started = Date.now();
    const chunk = 5000;
    for (let from = 0; from < count; from += chunk) {
      session.db.transaction(() => {
        for (let i = from; i < Math.min(count, from + chunk); i++) {
          const created = cases.createCase(
            {
              openedOn: `${2019 + (i % 7)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
              identity: {
                givenNames: pick(GIVEN, i * 7),
                familyNames: pick(FAMILY, i * 13),
                dateOfBirth: String(1970 + (i % 35)),
              },
              status: { victimStatus: pick(VICTIM_STATUSES, i).code },
            },
            { source: 'demo' },
          );
          if (i % 4 !== 0) {
            cases.updateSection(
              created.id,
              'experience',
              { exploitationForms: [pick(EXPLOITATION_FORMS, i).code] },
              created.version,
            );
          }
        }
      })();
      process.stdout.write(`\r  seeded ${Math.min(count, from + chunk)} / ${count}`);
    }
    process.stdout.write('\n');
    session.lock();
    return Date.now() - started;
  })();
}

/** Written as source text: tsx would wrap named arrow functions in a helper the page lacks. */
const PROBE = `(() => {
  const perf = { tasks: [], frames: [] };
  window.__perf = perf;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) perf.tasks.push(e.duration);
  }).observe({ type: 'longtask' });
  let last = performance.now();
  const tick = (t) => {
    perf.frames.push(t - last);
    last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

async function installProbe(page: Page): Promise<void> {
  await page.evaluate(PROBE);
}

async function phase(page: Page, name: string, run: () => Promise<void>): Promise<PhaseResult> {
  await page.evaluate('window.__perf.tasks.length = 0; window.__perf.frames.length = 0;');
  await run();
  await page.waitForTimeout(300);
  const { tasks, frames } = (await page.evaluate(
    '({ tasks: [...window.__perf.tasks], frames: [...window.__perf.frames] })',
  )) as {
    tasks: number[];
    frames: number[];
  };
  const sorted = [...frames].sort((a, b) => a - b);
  return {
    phase: name,
    longTasks: tasks.length,
    longestTaskMs: Math.round(Math.max(0, ...tasks)),
    frames: frames.length,
    framesOver50: frames.filter((f) => f > 50).length,
    longestFrameMs: Math.round(Math.max(0, ...frames)),
    p95FrameMs: Math.round(sorted[Math.floor(sorted.length * 0.95)] ?? 0),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { cases: { type: 'string' }, 'skip-build': { type: 'boolean' } },
    strict: true,
  });
  const count = Number(values.cases ?? 100_000);
  if (!Number.isInteger(count) || count < 100 || count > 200_000) throw new Error('--cases: 100 to 200000');
  const root = resolve(__dirname, '..');
  if (!values['skip-build']) {
    execFileSync(process.execPath, [join(root, 'tests/e2e/build-renderer.mjs')], { cwd: root, stdio: 'inherit' });
  }
  const host = new Host();
  console.log(`UI list benchmark: ${count} cases`);
  const seedMs = await seed(host, count);
  const browser = await chromium.launch({
    executablePath: process.env.SAUGA_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    await host.attach(context);
    const page = await context.newPage();
    host.watch(page);
    host.core.setLanguage('en');
    await page.goto(APP_URL);
    await page.getByRole('button', { name: new RegExp(en.unlock.user, 'u') }).click();
    await page.getByRole('option', { name: DEMO_SUPERVISOR, exact: true }).click();
    await page.getByLabel(en.passphrase.label, { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: en.unlock.submit }).click();
    const grid = page.getByRole('grid', { name: en.caseList.gridLabel });
    await grid.getByRole('row').nth(5).waitFor();
    await installProbe(page);
    const body = page.locator('.grid-body');
    const box = await body.boundingBox();
    const results: PhaseResult[] = [];

    results.push(await phase(page, 'idle for 3 s (baseline)', () => page.waitForTimeout(3000)));
    results.push(
      await phase(page, 'scroll with the wheel (60 × 1200 px)', async () => {
        await page.mouse.move((box?.x ?? 0) + 200, (box?.y ?? 0) + 200);
        for (let i = 0; i < 60; i++) {
          await page.mouse.wheel(0, 1200);
          await page.waitForTimeout(40);
        }
      }),
    );
    results.push(
      await phase(page, 'keyboard: End, then 20 × PageUp', async () => {
        await page.locator('.grid-body-row[tabindex="0"]').focus();
        await page.keyboard.press('End');
        await page.waitForTimeout(500);
        for (let i = 0; i < 20; i++) {
          await page.keyboard.press('PageUp');
          await page.waitForTimeout(60);
        }
      }),
    );
    // SAUGA_PROFILE=search or =filter: a CPU profile of that phase in /tmp/ui.cpuprofile.
    const profiled = process.env.SAUGA_PROFILE;
    const cdp = profiled ? await context.newCDPSession(page) : undefined;
    await cdp?.send('Profiler.enable');
    if (profiled === 'search') await cdp?.send('Profiler.start');
    results.push(
      await phase(page, 'type a search ("zerune"), then clear it', async () => {
        const search = page.getByRole('searchbox', { name: en.caseList.search });
        await search.pressSequentially('zerune', { delay: 90 });
        await page.waitForTimeout(800);
        await search.fill('');
        await page.waitForTimeout(800);
      }),
    );
    results.push(
      await phase(page, 'open the filter panel', async () => {
        await page.getByRole('button', { name: en.caseList.showFilters }).click();
        await page.waitForTimeout(300);
      }),
    );
    const field = (label: string) => page.locator('.field').filter({ hasText: label }).getByRole('button');
    if (profiled === 'search' && cdp)
      writeFileSync('/tmp/ui.cpuprofile', JSON.stringify((await cdp.send('Profiler.stop')).profile));
    if (profiled === 'filter') await cdp?.send('Profiler.start');
    results.push(
      await phase(page, 'filter by victim status (choose from the list)', async () => {
        await field(en.caseList.victimStatus).click();
        await page.getByRole('option', { name: 'Presumed victim', exact: true }).click();
        await page.keyboard.press('Escape');
        await page.waitForTimeout(600);
      }),
    );
    if (profiled === 'filter' && cdp)
      writeFileSync('/tmp/ui.cpuprofile', JSON.stringify((await cdp.send('Profiler.stop')).profile));
    results.push(
      await phase(page, 'sort by case code', async () => {
        await field(en.caseList.sort).click();
        await page.getByRole('option', { name: en.caseList.sortFields.code, exact: true }).click();
        await page.waitForTimeout(600);
      }),
    );
    results.push(
      await phase(page, 'scroll the filtered list (20 × 1500 px)', async () => {
        for (let i = 0; i < 20; i++) {
          await page.mouse.move((box?.x ?? 0) + 200, (box?.y ?? 0) + 300);
          await page.mouse.wheel(0, 1500);
          await page.waitForTimeout(40);
        }
      }),
    );

    console.log(`\nseeded in ${(seedMs / 1000).toFixed(1)} s; target: no long task and no frame over 50 ms\n`);
    console.log('phase'.padEnd(44), 'long tasks', 'longest task', 'frames>50ms', 'longest frame', 'p95 frame');
    for (const r of results) {
      console.log(
        r.phase.padEnd(44),
        String(r.longTasks).padStart(10),
        `${r.longestTaskMs} ms`.padStart(12),
        String(r.framesOver50).padStart(11),
        `${r.longestFrameMs} ms`.padStart(13),
        `${r.p95FrameMs} ms`.padStart(9),
        r.longTasks === 0 && r.framesOver50 === 0 ? ' PASS' : ' FAIL',
      );
    }
    if (host.problems.length > 0) console.log('\npage problems:', host.problems);
    const out = join(root, 'bench/results');
    mkdirSync(out, { recursive: true });
    writeFileSync(
      join(out, 'ui-list.json'),
      `${JSON.stringify({ cases: count, seedMs, at: new Date().toISOString(), results }, null, 2)}\n`,
    );
    await context.close();
  } finally {
    await browser.close();
    host.dispose();
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
