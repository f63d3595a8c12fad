/**
 * `npm run bench`: case files at 100,000 cases, encrypted vault beside the same data
 * unencrypted, plus the SQLCipher and unlock micro-benchmark. Writes bench/results/latest.json
 * and latest.md and prints the summary.
 *
 *   npm run bench -- --quick         3,000 cases, fewer samples (results in quick.json / quick.md)
 *   npm run bench -- --cases N       another size (results in custom.*)
 *   options: --samples N --insert N --no-micro --keep --dir PATH (where the databases go)
 *            --cache-mib N (what-if: that page cache on both databases; results in custom.*)
 *            --reuse DIR (keep the generated pair in DIR and reuse it on later runs of that size)
 *
 * Timings are reported against targets with PASS/FAIL but never fail the process: they
 * depend on the machine and its load. Tests never time anything.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runCaseBench } from './cases';
import { runMicroBench, type MicroResult } from './micro';
import { evaluate, renderMarkdown, writeReport, type BenchReport } from './report';

const intOption = (v: string | undefined, fallback: number, min: number, max: number): number => {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`expected a whole number from ${min} to ${max}: ${v}`);
  return n;
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean' },
      cases: { type: 'string' },
      samples: { type: 'string' },
      insert: { type: 'string' },
      'no-micro': { type: 'boolean' },
      keep: { type: 'boolean' },
      dir: { type: 'string' },
      'cache-mib': { type: 'string' },
      reuse: { type: 'string' },
    },
    strict: true,
  });
  const quick = values.quick ?? false;
  const cacheMiB = values['cache-mib'] === undefined ? undefined : intOption(values['cache-mib'], 0, 1, 4096);
  const mode: BenchReport['mode'] = values.cases || cacheMiB ? 'custom' : quick ? 'quick' : 'full';
  const cases = intOption(values.cases, quick ? 3_000 : 100_000, 100, 200_000);
  const samples = intOption(values.samples, quick ? 100 : 300, 10, 10_000);
  const insertCases = intOption(values.insert, quick ? 200 : 2_000, 4, 100_000);
  const log = (line: string): void => {
    process.stderr.write(`${line}\n`);
  };

  const root = mkdtempSync(join(values.dir ?? tmpdir(), 'sauga-bench-'));
  const started = Date.now();
  const loadBefore = loadavg();
  try {
    const caseFiles = await runCaseBench({
      cases,
      insertCases,
      samples,
      dir: join(root, 'cases'),
      log,
      ...(cacheMiB ? { cacheMiB } : {}),
      ...(values.reuse ? { reuseDir: values.reuse } : {}),
    });
    let micro: MicroResult | undefined;
    if (!values['no-micro']) {
      log('SQLCipher and unlock micro-benchmark ...');
      const rows = Number(process.env.BENCH_ROWS ?? (quick ? 10_000 : 50_000));
      const repeats = Number(process.env.BENCH_REPEATS ?? (quick ? 1 : 3));
      micro = await runMicroBench(root, rows, repeats);
    }
    const report: BenchReport = {
      format: 'sauga-bench',
      version: 1,
      mode,
      startedAt: new Date(started).toISOString(),
      durationSeconds: Math.round((Date.now() - started) / 1000),
      machine: {
        cpu: cpus()[0]?.model ?? 'unknown',
        cores: cpus().length,
        memoryGiB: Math.round(totalmem() / 1024 ** 3),
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
        loadBefore: loadBefore.map((x) => Math.round(x * 100) / 100),
        loadAfter: loadavg().map((x) => Math.round(x * 100) / 100),
      },
      caseFiles,
      targets: evaluate(caseFiles),
      ...(micro ? { micro } : {}),
    };
    const name = mode === 'full' ? 'latest' : mode;
    const files = await writeReport(join(__dirname, 'results'), name, report);
    process.stdout.write(renderMarkdown(report));
    process.stdout.write(
      `\nWritten: ${files.json}, ${files.md} (free memory ${Math.round(freemem() / 1024 ** 2)} MiB)\n`,
    );
  } finally {
    if (values.keep) log(`Kept the databases in ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
