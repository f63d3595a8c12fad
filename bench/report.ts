import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import type { CaseBenchResult, Paired } from './cases';
import type { MicroResult } from './micro';

/** Targets of issue 3. Timings are of the encrypted vault; ratios are encrypted / plain. */
/** Issue 4: the statistics return for a year of the full vault, export included. */
/** Issue 7: a backup of the full vault. */
export const TARGETS = {
  searchP95Ms: 20,
  listP95Ms: 15,
  openP95Ms: 20,
  maxRatio: 1.3,
  statsExportMs: 3000,
  backupMs: 10_000,
} as const;

export interface Target {
  name: string;
  value: number;
  limit: number;
  unit: 'ms' | 'ratio';
  pass: boolean;
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
  loadBefore: number[];
  loadAfter: number[];
}

export interface BenchReport {
  format: 'sauga-bench';
  version: 1;
  mode: 'full' | 'quick' | 'custom';
  startedAt: string;
  durationSeconds: number;
  machine: MachineInfo;
  caseFiles: CaseBenchResult;
  targets: Target[];
  micro?: MicroResult;
}

export function evaluate(c: CaseBenchResult): Target[] {
  const ms = (name: string, value: number, limit: number): Target => ({
    name,
    value,
    limit,
    unit: 'ms',
    pass: value <= limit,
  });
  const ratio = (name: string, value: number): Target => ({
    name,
    value,
    limit: TARGETS.maxRatio,
    unit: 'ratio',
    pass: value <= TARGETS.maxRatio,
  });
  return [
    ms('search p95', c.search.all.encrypted.p95, TARGETS.searchP95Ms),
    ms('list page p95', c.list.all.encrypted.p95, TARGETS.listP95Ms),
    ms('open case p95', c.open.encrypted.p95, TARGETS.openP95Ms),
    ratio('search p50 ratio', c.search.all.ratioP50),
    ratio('search p95 ratio', c.search.all.ratioP95),
    ratio('list page p95 ratio', c.list.all.ratioP95),
    ratio('open case p95 ratio', c.open.ratioP95),
    ratio('insert cost ratio (time per case)', c.insert.costRatio),
    ratio('database size ratio', c.size.ratio),
    ms('statistics return export (first)', c.statsReturn.exportMs[0] ?? Infinity, TARGETS.statsExportMs),
    ms('statistics return export (slowest)', Math.max(...c.statsReturn.exportMs), TARGETS.statsExportMs),
    ms(`backup of the vault (${mib(c.backup.bytes)})`, c.backup.ms, TARGETS.backupMs),
  ];
}

const f1 = (x: number): string => x.toFixed(1);
const f2 = (x: number): string => x.toFixed(2);
const mib = (b: number): string => `${(b / 1024 / 1024).toFixed(1)} MiB`;

function kindRows(byKind: Record<string, Paired>): string[] {
  return Object.entries(byKind).map(
    ([kind, p]) =>
      `| ${kind} | ${p.encrypted.n} | ${f1(p.encrypted.p50)} / ${f1(p.encrypted.p95)} | ${f1(p.plain.p50)} / ${f1(p.plain.p95)} | ${f2(p.ratioP50)} / ${f2(p.ratioP95)} |`,
  );
}

export function renderMarkdown(r: BenchReport): string {
  const c = r.caseFiles;
  const row = (name: string, p: Paired, which: 'p50' | 'p95'): string =>
    `| ${name} | ${f1(p.encrypted[which])} ms | ${f1(p.plain[which])} ms | ${f2(which === 'p50' ? p.ratioP50 : p.ratioP95)} |`;
  const lines = [
    `# Sauga benchmark (${r.mode}): ${c.cases.toLocaleString('en-GB')} cases`,
    '',
    `Run ${r.startedAt}, ${Math.round(r.durationSeconds)} s. ${r.machine.cores} × ${r.machine.cpu}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, ${r.machine.platform}.`,
    `Load average before ${r.machine.loadBefore.map(f2).join(' ')}, after ${r.machine.loadAfter.map(f2).join(' ')}: other work on the machine shows up in the timings (both sides alike, since calls alternate).`,
    '',
    '## Figures (encrypted vault vs the same data unencrypted, same run, same code)',
    '',
    '| figure | encrypted | plain | ratio |',
    '|---|---|---|---|',
    row('search p50', c.search.all, 'p50'),
    row('search p95', c.search.all, 'p95'),
    row('list page p50', c.list.all, 'p50'),
    row('list page p95', c.list.all, 'p95'),
    row('open case p50', c.open, 'p50'),
    row('open case p95', c.open, 'p95'),
    `| insert (whole demo cases, 500 per transaction) | ${c.insert.encryptedPerSecond} cases/s | ${c.insert.plainPerSecond} cases/s | ${f2(c.insert.costRatio)} (time per case) |`,
    `| insert, CPU time of the process (not a target) | ${f2(c.insert.cpuMsPerCase.encrypted)} ms/case | ${f2(c.insert.cpuMsPerCase.plain)} ms/case | ${f2(c.insert.cpuRatio)} |`,
    `| database size | ${mib(c.size.encryptedBytes)} | ${mib(c.size.plainBytes)} | ${f2(c.size.ratio)} |`,
    '',
    '## Targets',
    '',
    '| target | value | limit | result |',
    '|---|---|---|---|',
    ...r.targets.map(
      (t) =>
        `| ${t.name} | ${t.unit === 'ms' ? `${f1(t.value)} ms` : f2(t.value)} | ${t.unit === 'ms' ? `${t.limit} ms` : `≤ ${t.limit}`} | ${t.pass ? 'PASS' : 'FAIL'} |`,
    ),
    '',
    '## Search by kind (ms, p50 / p95)',
    '',
    '| kind | n | encrypted | plain | ratio |',
    '|---|---|---|---|---|',
    ...kindRows(c.search.byKind),
    '',
    '## List pages by kind (ms, p50 / p95; 100 rows, the total with first pages only, as the case list asks)',
    '',
    '| kind | n | encrypted | plain | ratio |',
    '|---|---|---|---|---|',
    ...kindRows(c.list.byKind),
    '',
    '## Statistics return (issue 4)',
    '',
    `Year ${c.statsReturn.period} of the encrypted vault: ${c.statsReturn.casesCounted.toLocaleString('en-GB')} cases counted; ${c.statsReturn.suppressed.primary} primary and ${c.statsReturn.suppressed.secondary} secondary suppressions; audit ${c.statsReturn.auditOk ? 'passed' : 'FAILED'}.`,
    '',
    '| step | ms |',
    '|---|---|',
    ...c.statsReturn.exportMs.map(
      (ms, i) =>
        `| whole export, run ${i + 1}${i === 0 ? ' (first in the process: solver loaded and compiled)' : ''} | ${ms} |`,
    ),
    `| of which: tables T1..T7 in SQL | ${c.statsReturn.buildMs} |`,
    `| of which: suppression and audit | ${c.statsReturn.protectMs} |`,
    '',
    '## How',
    '',
    `- ${c.cases.toLocaleString('en-GB')} synthetic cases (src/core/demo) written through CaseService into a demo vault: ${f1(c.generation.seconds)} s, ${c.generation.casesPerSecond} cases/s${c.generation.reused ? ` (generated ${c.generation.reused} and reused with --reuse${c.generation.migrated ? `; migrated from schema ${c.generation.migrated.from} to ${c.generation.migrated.to} in ${f1(c.generation.migrated.seconds)} s` : ''})` : ''}; ${mib(c.size.bytesPerCase * 1000)} per 1,000 cases (history and audit entries included).`,
    `- The vault was compacted (VACUUM, ${f1(c.preparation.vacuumSeconds)} s) and copied; the copy was decrypted in place (rekey to no key, ${f1(c.preparation.decryptCopySeconds)} s), so both hold the same pages. The copy runs with the vault's pragmas (${Object.entries(
      c.pragmas,
    )
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(', ')}) and the same migrations, inside a VaultSession.`,
    '- Every figure is a call of CaseService as the app makes it: input parsing, access check, SQL, and the audit entry that searches and case views write (a commit with synchronous=FULL).',
    `- Searches (first page of 100 with the total): diacritic-free pieces of surnames (alone or with a first name), case codes (whole or partial), and words from notes (alone or with a name). Lists: first pages with filters and sorts, deep pages, and caseworkers’ own cases (${c.caseworkers.team} caseworkers; the busiest is assigned ${c.caseworkers.busiestCases} cases, a typical one ${c.caseworkers.typicalCases}). Open: getCase of a random case.`,
    '- Calls alternate between the two databases (ABBA) after a warm-up; nearest-rank percentiles. Each phase starts with both write-ahead logs checkpointed and emptied; the statistics return (encrypted side only) runs after the insert phase, so its writes are never checkpointed inside another phase.',
    `- Audit chains intact after the run: encrypted ${c.auditIntact.encrypted ? 'yes' : 'NO'}, plain ${c.auditIntact.plain ? 'yes' : 'NO'}.`,
  ];
  if (r.micro) {
    const m = r.micro;
    lines.push(
      '',
      '## SQLCipher and unlock (micro)',
      '',
      `| workload | plain | Sauga | ratio |`,
      '|---|---|---|---|',
      `| insert ${m.rows} rows + LIKE scan | ${f1(m.insertScan.plainMs)} ms | ${f1(m.insertScan.encryptedMs)} ms | ${f2(m.insertScan.ratio)} |`,
      `| unlock (Argon2id 64 MiB + open) vs plain open | ${f1(m.unlock.plainOpenMs)} ms | ${f1(m.unlock.unlockMs)} ms | – |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Written in the repository's own format, so the committed results pass `prettier --check`. */
export async function writeReport(dir: string, name: string, r: BenchReport): Promise<{ json: string; md: string }> {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, `${name}.json`);
  const md = join(dir, `${name}.md`);
  const options = (await resolveConfig(json)) ?? {};
  writeFileSync(json, await format(JSON.stringify(r), { ...options, filepath: json }));
  writeFileSync(md, await format(renderMarkdown(r), { ...options, filepath: md }));
  return { json, md };
}
