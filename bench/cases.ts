/**
 * Case files at scale: the same synthetic vault, encrypted and unencrypted, queried in the
 * same run through the same CaseService code.
 *
 * The cases are generated once, into a real demo vault (SQLCipher), which is then compacted
 * (VACUUM). The unencrypted twin is a copy of that file decrypted in place (rekey to an empty
 * key), so both hold the same rows in the same b-trees; it is opened with the pragmas read
 * back from the vault's own connection and the same migrations, and wrapped in a
 * VaultSession, so every call runs the same code with the same access checks and audit writes.
 *
 * Timed calls alternate between the two databases (ABBA), so a burst of load from another
 * process hurts both sides alike.
 */
import { randomUUID } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { CaseListQuery, CaseId } from '../src/shared/cases/schemas';
import { verifyAudit } from '../src/core/audit/chain';
import { CaseService } from '../src/core/cases/service';
import { fold } from '../src/core/cases/text';
import { isPlaintextSqlite, type Db } from '../src/core/db/connection';
import { migrate, schemaVersion } from '../src/core/db/migrate';
import { migrations } from '../src/core/db/migrations';
import { createDemoVault, DEMO_SUPERVISOR, generateDemoCases } from '../src/core/demo';
import { Random } from '../src/core/demo/random';
import { unlockVault, vaultPaths, VaultSession, type SessionUser, type VaultPaths } from '../src/core/vault/vault';
import { msSince, now, ratio, summarize, time, type Summary } from './stats';
import { runStatsBench, type StatsBenchResult } from './stats-return';
import { runBackupBench, type BackupBenchResult } from './backup';

const PASS = 'lilac kettle mountain, spring 2026';
const SEED = 'bench';
/** Pinned so that a rerun plans the same cases whatever the date. */
const TODAY = '2026-06-30';
/** Rows per page, as the case list asks (renderer useCasePages). */
const PAGE = 100;
/** The pragmas the vault connection sets (openEncrypted); the plain twin copies their values. */
const MIRRORED_PRAGMAS = [
  'journal_mode',
  'synchronous',
  'foreign_keys',
  'secure_delete',
  'temp_store',
  'busy_timeout',
  'cache_size',
] as const;

export interface CaseBenchOptions {
  cases: number;
  /** Cases inserted into each database at full size, to measure the insert rate. */
  insertCases: number;
  /** Timed calls per query kind and database. */
  samples: number;
  dir: string;
  log: (line: string) => void;
  /** What-if: this page cache (MiB) on both connections instead of the vault's own setting. */
  cacheMiB?: number;
  /**
   * A folder keeping the generated, compacted pair between runs: generation at 100,000 cases
   * takes a quarter of an hour and measures only the insert path, so query work can reuse it.
   * Runs copy the pair out and never write into the kept one.
   */
  reuseDir?: string;
}

type Actor = 'supervisor' | 'busiest' | 'typical';

interface Side {
  label: 'encrypted' | 'plain';
  session: VaultSession;
  as: Record<Actor, CaseService>;
  file: string;
}

export interface Paired {
  encrypted: Summary;
  plain: Summary;
  ratioP50: number;
  ratioP95: number;
}

export interface CaseBenchResult {
  cases: number;
  caseworkers: { team: number; busiestCases: number; typicalCases: number };
  generation: {
    seconds: number;
    casesPerSecond: number;
    database: 'encrypted';
    reused?: string;
    /** Schema versions a kept pair was migrated through after it was generated. */
    migrated?: { from: number; to: number; seconds: number };
  };
  preparation: { vacuumSeconds: number; decryptCopySeconds: number };
  pragmas: Record<string, unknown>;
  search: { all: Paired; byKind: Record<string, Paired> };
  list: { all: Paired; byKind: Record<string, Paired> };
  open: Paired;
  insert: {
    cases: number;
    encryptedPerSecond: number;
    plainPerSecond: number;
    costRatio: number;
    cpuMsPerCase: { encrypted: number; plain: number };
    cpuRatio: number;
  };
  size: { encryptedBytes: number; plainBytes: number; ratio: number; bytesPerCase: number };
  auditIntact: { encrypted: boolean; plain: boolean };
  statsReturn: StatsBenchResult;
  backup: BackupBenchResult;
}

// ---------------------------------------------------------------------------------------------
// Setup

/** SQLCipher's raw-key literal x'<hex>' in a Buffer (zeroed by the caller), as connection.ts does. */
function rawKeyLiteral(dek: Buffer): Buffer {
  const hex = Buffer.from('0123456789abcdef', 'latin1');
  const out = Buffer.alloc(3 + 2 * dek.length);
  out[0] = 0x78;
  out[1] = 0x27;
  for (let i = 0; i < dek.length; i++) {
    const b = dek[i] as number;
    out[2 + 2 * i] = hex[b >> 4] as number;
    out[3 + 2 * i] = hex[b & 15] as number;
  }
  out[out.length - 1] = 0x27;
  return out;
}

/** A copy of the vault database, decrypted in place: same pages, no key. */
function decryptedCopy(encryptedFile: string, plainFile: string, key: Buffer): void {
  copyFileSync(encryptedFile, plainFile);
  const db = new Database(plainFile);
  try {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.key(key);
    // SQLite3 Multiple Ciphers rekeys only outside WAL mode; the pragmas are set again below.
    db.pragma('journal_mode = DELETE');
    db.rekey(Buffer.alloc(0));
  } finally {
    db.close();
  }
  if (!isPlaintextSqlite(plainFile)) throw new Error('the decrypted copy is not a plain SQLite file');
}

function mirrorPragmas(from: Db, to: Db): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const name of MIRRORED_PRAGMAS) {
    const value = from.pragma(name, { simple: true });
    values[name] = value;
    to.pragma(`${name} = ${String(value)}`);
    const back = to.pragma(name, { simple: true });
    if (String(back) !== String(value)) throw new Error(`pragma ${name}: ${String(back)} != ${String(value)}`);
  }
  return values;
}

/** A session for another user over the same connection, like the testkit's. */
function sessionAs(base: VaultSession, db: Db, user: SessionUser, paths = base.paths): VaultSession {
  return new VaultSession(
    paths,
    base.vaultId,
    db,
    Buffer.alloc(32),
    Buffer.from(base.auditKeyForVerification()),
    user,
    {},
  );
}

/**
 * A team in proportion to the caseload (one caseworker per 2,500 cases), as user rows: they
 * never sign in here, and access control depends only on the row and its roles (testkit).
 */
function addCaseworkers(db: Db, count: number): void {
  const insert = db.prepare('INSERT INTO users (id, name, roles, slot_id, created_at) VALUES (?, ?, ?, ?, ?)');
  for (let i = 1; i <= count; i++) {
    const id = randomUUID();
    insert.run(id, `Atvejo vadybininkė ${String(i).padStart(2, '0')}`, '["caseworker"]', `bench-${id}`, TODAY);
  }
}

/** The caseworker with the most assigned cases, and the one in the middle. */
function caseworkersByLoad(db: Db): {
  busiest: SessionUser & { cases: number };
  typical: SessionUser & { cases: number };
} {
  const rows = db
    .prepare(
      `SELECT u.id, u.name, count(a.case_n) AS cases FROM users u
       JOIN case_assignments a ON a.user_id = u.id AND a.unassigned_at IS NULL
       WHERE u.roles LIKE '%caseworker%' GROUP BY u.id ORDER BY cases DESC, u.name`,
    )
    .all() as { id: string; name: string; cases: number }[];
  const pick = (r: { id: string; name: string; cases: number } | undefined) => {
    if (!r) throw new Error('the demo vault has no caseworker with cases');
    return { id: r.id, name: r.name, roles: ['caseworker' as const], cases: r.cases };
  };
  return { busiest: pick(rows[0]), typical: pick(rows[Math.floor(rows.length / 2)]) };
}

const fileBytes = (file: string): number =>
  statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);

// ---------------------------------------------------------------------------------------------
// Workloads: built from the data, identical for both sides.

interface Query<T> {
  kind: string;
  input: T;
}

function searchQueries(db: Db, cases: number, r: Random, perKind: number): Query<string>[] {
  const identityOf = (n: number): { givenNames?: string; familyNames?: string } => {
    const row = db.prepare(`SELECT data FROM case_sections WHERE case_n = ? AND section = 'identity'`).get(n) as
      { data: string } | undefined;
    return row ? (JSON.parse(row.data) as { givenNames?: string; familyNames?: string }) : {};
  };
  const codeOf = (n: number): string =>
    (db.prepare('SELECT code FROM cases WHERE n = ?').get(n) as { code: string }).code;
  const part = (word: string, min: number, max: number): string => {
    const len = Math.min(word.length, r.int(min, max));
    const start = r.int(0, word.length - len);
    return word.slice(start, start + len);
  };
  const out: Query<string>[] = [];
  // Partial names without diacritics: a piece of a surname, or a first name and a piece of a surname.
  for (let tries = 0; out.length < perKind && tries < perKind * 100; tries++) {
    const id = identityOf(r.int(1, cases));
    const family = fold(id.familyNames ?? '').replace(/[^a-z]/g, '');
    const given = fold(id.givenNames ?? '').split(/\s+/u)[0] ?? '';
    if (family.length < 4) continue;
    const input = r.chance(0.5) || given.length < 3 ? part(family, 4, 7) : `${given} ${part(family, 4, 6)}`;
    out.push({ kind: 'name', input });
  }
  // Case codes: whole, the tail of the number, or year and the start of the number.
  for (let i = 0; i < perKind; i++) {
    const code = codeOf(r.int(1, cases));
    const way = r.int(0, 2);
    out.push({ kind: 'code', input: way === 0 ? code : way === 1 ? code.slice(5) : code.slice(2, 8) });
  }
  // Words from notes, in Lithuanian and English, alone or with a name.
  const words = [
    'konsultacij',
    'apgyvendin',
    'psicholog',
    'policij',
    'uzimtumo',
    'advokat',
    'shelter',
    'interpreter',
    'passport',
    'lawyer',
    'dokument',
    'vertej',
  ];
  for (let i = 0; i < perKind; i++) {
    const word = r.pick(words);
    const family = fold(identityOf(r.int(1, cases)).familyNames ?? '').replace(/[^a-z]/g, '');
    out.push({ kind: 'note', input: r.chance(0.5) && family.length >= 4 ? `${word} ${part(family, 4, 6)}` : word });
  }
  return out;
}

/**
 * Pages as the case list asks for them (renderer useCasePages): 100 rows, the total only with
 * the first page; further pages while scrolling come without it.
 */
function listQueries(
  cases: number,
  load: { busiest: number; typical: number },
  r: Random,
  perKind: number,
): Query<{ q: CaseListQuery; as: Actor }>[] {
  const first = { page: { offset: 0, limit: PAGE }, withTotal: true };
  const deep = (offset: number) => ({ page: { offset: Math.max(0, offset), limit: PAGE }, withTotal: false });
  const year = (back: number): string => `${Number(TODAY.slice(0, 4)) - back}`;
  const kinds: { kind: string; as?: Actor; make: () => CaseListQuery }[] = [
    { kind: 'first page', make: () => first },
    {
      kind: 'first page, status filter, opened asc',
      make: () => ({
        ...first,
        filter: { victimStatus: ['IDENTIFIED', 'PRESUMED'] },
        sort: { field: 'openedAt', direction: 'asc' },
      }),
    },
    {
      kind: 'first page, labour + open, by code',
      make: () => ({
        ...first,
        filter: { exploitationForm: ['FORCED_LABOUR'], state: 'open' },
        sort: { field: 'code', direction: 'asc' },
      }),
    },
    {
      kind: 'first page, opened in a year',
      make: () => {
        const y = year(r.int(1, 5));
        return {
          ...first,
          filter: { openedFrom: `${y}-01-01`, openedTo: `${y}-12-31` },
          sort: { field: 'openedAt', direction: 'desc' },
        };
      },
    },
    {
      kind: 'first page, closed recently',
      make: () => ({
        ...first,
        filter: { state: 'closed', closedFrom: `${year(2)}-01-01` },
        sort: { field: 'closedAt', direction: 'desc' },
      }),
    },
    { kind: 'deep page (10%)', make: () => deep(Math.floor(cases * 0.1) + r.int(0, 99)) },
    {
      kind: 'deep page (50%), by code',
      make: () => ({ ...deep(Math.floor(cases * 0.5) + r.int(0, 99)), sort: { field: 'code', direction: 'asc' } }),
    },
    {
      kind: 'deep page (20%), identified',
      make: () => ({ ...deep(Math.floor(cases * 0.2) + r.int(0, 99)), filter: { victimStatus: ['IDENTIFIED'] } }),
    },
    { kind: `caseworker (typical, ${load.typical} cases) first page`, as: 'typical', make: () => first },
    { kind: `caseworker (busiest, ${load.busiest} cases) first page`, as: 'busiest', make: () => first },
    {
      kind: `caseworker (busiest) deep page (50%)`,
      as: 'busiest',
      make: () => deep(Math.floor(load.busiest * 0.5) + r.int(0, 99)),
    },
  ];
  const out: Query<{ q: CaseListQuery; as: Actor }>[] = [];
  for (const k of kinds) {
    for (let i = 0; i < perKind; i++) out.push({ kind: k.kind, input: { q: k.make(), as: k.as ?? 'supervisor' } });
  }
  return out;
}

/** Run each query on both sides, alternating which goes first; returns times per kind. */
function paired<T>(
  sides: readonly [Side, Side],
  queries: readonly Query<T>[],
  run: (side: Side, input: T) => unknown,
  warmup: number,
): Map<string, { encrypted: number[]; plain: number[] }> {
  for (const q of queries.slice(0, warmup)) for (const s of sides) run(s, q.input);
  const times = new Map<string, { encrypted: number[]; plain: number[] }>();
  queries.forEach((q, i) => {
    const order = i % 2 === 0 ? sides : ([sides[1], sides[0]] as const);
    for (const s of order) {
      const ms = time(() => run(s, q.input));
      let t = times.get(q.kind);
      if (!t) times.set(q.kind, (t = { encrypted: [], plain: [] }));
      t[s.label].push(ms);
    }
  });
  return times;
}

const pair = (t: { encrypted: number[]; plain: number[] }): Paired => {
  const encrypted = summarize(t.encrypted);
  const plain = summarize(t.plain);
  return { encrypted, plain, ratioP50: ratio(encrypted.p50, plain.p50), ratioP95: ratio(encrypted.p95, plain.p95) };
};

function pairAll(times: Map<string, { encrypted: number[]; plain: number[] }>): {
  all: Paired;
  byKind: Record<string, Paired>;
} {
  const all = { encrypted: [] as number[], plain: [] as number[] };
  const byKind: Record<string, Paired> = {};
  for (const [kind, t] of times) {
    all.encrypted.push(...t.encrypted);
    all.plain.push(...t.plain);
    byKind[kind] = pair(t);
  }
  return { all: pair(all), byKind };
}

// ---------------------------------------------------------------------------------------------

interface Prepared {
  team: number;
  generation: CaseBenchResult['generation'];
  preparation: CaseBenchResult['preparation'];
}

const KEPT = 'kept.json';
/**
 * Bump when the generator changes what it writes. A schema change alone does not need a new
 * pair: upgradeKept migrates the kept pair once, as an installed vault would be migrated.
 */
const KEPT_VERSION = 1;

function readKept(dir: string, cases: number): (Prepared & { createdAt: string }) | undefined {
  try {
    const k = JSON.parse(readFileSync(join(dir, KEPT), 'utf8')) as Prepared & {
      createdAt: string;
      cases: number;
      version: number;
      seed: string;
      today: string;
    };
    if (k.cases !== cases || k.version !== KEPT_VERSION || k.seed !== SEED || k.today !== TODAY) return undefined;
    return k;
  } catch {
    return undefined;
  }
}

/**
 * Bring a kept pair to the current schema in place, both sides alike: migrations, an emptied
 * write-ahead log, and VACUUM so the pages a migration freed do not count in the sizes.
 */
async function upgradeKept(
  dir: string,
  log: (line: string) => void,
): Promise<{ from: number; to: number; seconds: number } | undefined> {
  const plainDb = new Database(join(dir, 'plain.db'));
  try {
    const from = schemaVersion(plainDb);
    if (from >= migrations.length) return undefined;
    log(`Migrating the kept pair from schema ${from} to ${migrations.length} (once) ...`);
    const t = now();
    const enc = await unlockVault(join(dir, 'encrypted'), DEMO_SUPERVISOR, PASS);
    try {
      migrate(plainDb, migrations);
      for (const db of [enc.db, plainDb]) {
        db.pragma('wal_checkpoint(TRUNCATE)');
        // Only a migration that freed pages (e.g. a table rewritten) is worth the rewrite.
        const free = db.pragma('freelist_count', { simple: true }) as number;
        const pages = db.pragma('page_count', { simple: true }) as number;
        if (free > pages / 20) db.exec('VACUUM');
        db.pragma('wal_checkpoint(TRUNCATE)');
      }
    } finally {
      enc.lock();
    }
    const migrated = { from, to: migrations.length, seconds: Math.round(msSince(t) / 100) / 10 };
    const keptFile = join(dir, KEPT);
    const k = JSON.parse(readFileSync(keptFile, 'utf8')) as { generation: Record<string, unknown> };
    writeFileSync(keptFile, JSON.stringify({ ...k, generation: { ...k.generation, migrated } }));
    return migrated;
  } finally {
    plainDb.close();
  }
}

async function generatePair(
  o: CaseBenchOptions,
  encDir: string,
  plainFile: string,
): Promise<Prepared & Record<string, unknown>> {
  o.log(`Creating a demo vault and ${o.cases} cases (encrypted) ...`);
  const created = await createDemoVault({ dir: encDir, passphrase: PASS, caseworkers: [] });
  const team = Math.max(3, Math.round(o.cases / 2500));
  addCaseworkers(created.session.db, team);
  let step = 0;
  const gen = generateDemoCases(created.session, {
    cases: o.cases,
    seed: SEED,
    today: TODAY,
    onProgress: (done, total) => {
      const pct = Math.floor((done * 100) / total);
      if (pct >= step) {
        o.log(`  generated ${pct}% (${done}/${total})`);
        step = pct + 10;
      }
    },
  });
  const genSeconds = gen.elapsedMs / 1000;

  o.log('Compacting (VACUUM) and making the decrypted twin ...');
  let t = now();
  created.session.db.pragma('wal_checkpoint(TRUNCATE)');
  created.session.db.exec('VACUUM');
  created.session.db.pragma('wal_checkpoint(TRUNCATE)');
  const vacuumSeconds = msSince(t) / 1000;
  const key = created.session.withDek((dek) => rawKeyLiteral(dek));
  created.session.lock();
  t = now();
  try {
    decryptedCopy(vaultPaths(encDir).db, plainFile, key);
  } finally {
    key.fill(0);
  }
  const decryptCopySeconds = msSince(t) / 1000;

  return {
    cases: o.cases,
    version: KEPT_VERSION,
    seed: SEED,
    today: TODAY,
    team,
    generation: {
      seconds: Math.round(genSeconds * 10) / 10,
      casesPerSecond: Math.round(o.cases / genSeconds),
      database: 'encrypted',
    },
    preparation: {
      vacuumSeconds: Math.round(vacuumSeconds * 10) / 10,
      decryptCopySeconds: Math.round(decryptCopySeconds * 10) / 10,
    },
  };
}

export async function runCaseBench(o: CaseBenchOptions): Promise<CaseBenchResult> {
  const encDir = join(o.dir, 'encrypted');
  const plainDir = join(o.dir, 'plain');
  mkdirSync(plainDir, { recursive: true });
  const plainFile = vaultPaths(plainDir).db;

  const kept = o.reuseDir ? readKept(o.reuseDir, o.cases) : undefined;
  let prepared: Prepared;
  if (kept && o.reuseDir) {
    const migrated = (await upgradeKept(o.reuseDir, o.log)) ?? kept.generation.migrated;
    if (migrated) kept.generation = { ...kept.generation, migrated };
    o.log(`Reusing the ${o.cases} generated cases kept in ${o.reuseDir} (copying) ...`);
    cpSync(join(o.reuseDir, 'encrypted'), encDir, { recursive: true });
    copyFileSync(join(o.reuseDir, 'plain.db'), plainFile);
    prepared = { ...kept, generation: { ...kept.generation, reused: kept.createdAt } };
  } else {
    prepared = await generatePair(o, encDir, plainFile);
    if (o.reuseDir) {
      o.log(`Keeping the generated pair in ${o.reuseDir} ...`);
      rmSync(o.reuseDir, { recursive: true, force: true });
      mkdirSync(o.reuseDir, { recursive: true });
      cpSync(encDir, join(o.reuseDir, 'encrypted'), { recursive: true });
      copyFileSync(plainFile, join(o.reuseDir, 'plain.db'));
      writeFileSync(join(o.reuseDir, KEPT), JSON.stringify({ ...prepared, createdAt: new Date().toISOString() }));
    }
  }
  const { team, generation, preparation } = prepared;

  const enc = await unlockVault(encDir, DEMO_SUPERVISOR, PASS);
  const plainDb = new Database(plainFile);
  const pragmas = mirrorPragmas(enc.db, plainDb);
  if (o.cacheMiB) {
    for (const db of [enc.db, plainDb]) db.pragma(`cache_size = ${-o.cacheMiB * 1024}`);
    pragmas.cache_size = `${-o.cacheMiB * 1024} (what-if: --cache-mib ${o.cacheMiB})`;
  }
  migrate(plainDb, migrations);
  const plain = sessionAs(enc, plainDb, enc.user, vaultPaths(plainDir));
  // Each timed phase starts from the same state on both sides: an empty write-ahead log. A
  // migration just run on a kept pair, or the previous phase's writes, would otherwise leave a
  // log whose checkpoint lands inside the next phase's timings.
  const settle = (): void => {
    for (const db of [enc.db, plainDb]) db.pragma('wal_checkpoint(TRUNCATE)');
  };
  settle();
  const load = caseworkersByLoad(enc.db);
  const actors = (session: VaultSession, db: Db, paths: VaultPaths): Record<Actor, CaseService> => ({
    supervisor: new CaseService(session),
    busiest: new CaseService(sessionAs(enc, db, load.busiest, paths)),
    typical: new CaseService(sessionAs(enc, db, load.typical, paths)),
  });
  const sides: [Side, Side] = [
    { label: 'encrypted', session: enc, as: actors(enc, enc.db, enc.paths), file: vaultPaths(encDir).db },
    { label: 'plain', session: plain, as: actors(plain, plainDb, plain.paths), file: plainFile },
  ];
  const size = { encryptedBytes: fileBytes(sides[0].file), plainBytes: fileBytes(sides[1].file) };

  const r = new Random('bench-queries', SEED, o.cases);
  const warmup = Math.min(20, o.samples);

  o.log('Search ...');
  const searches = searchQueries(enc.db, o.cases, r, o.samples);
  const search = pairAll(
    paired(
      sides,
      searches,
      (s, text) => s.as.supervisor.listCases({ search: text, page: { offset: 0, limit: PAGE }, withTotal: true }),
      warmup,
    ),
  );

  settle();
  o.log('List pages ...');
  const lists = listQueries(
    o.cases,
    { busiest: load.busiest.cases, typical: load.typical.cases },
    r,
    Math.max(10, Math.floor(o.samples / 2)),
  );
  const list = pairAll(paired(sides, lists, (s, { q, as }) => s.as[as].listCases(q), warmup));

  settle();
  o.log('Open case ...');
  const ids = Array.from({ length: o.samples * 2 }, () => ({
    kind: 'open',
    input: (enc.db.prepare('SELECT id FROM cases WHERE n = ?').get(r.int(1, o.cases)) as { id: CaseId }).id,
  }));
  const open = pair(
    paired(sides, ids, (s, id) => s.as.supervisor.getCase(id), warmup).get('open') ?? { encrypted: [], plain: [] },
  );

  // A warm-up round on each side, untimed, as the query phases have: the first cases written
  // in the process compile the generator's and the case service's code paths, and whichever
  // side went first would otherwise carry that cost alone.
  const warmupCases = Math.max(1, Math.min(50, Math.floor(o.insertCases / 10)));
  for (const s of sides) generateDemoCases(s.session, { cases: warmupCases, seed: SEED, today: TODAY });
  settle();
  o.log(`Insert rate: ${o.insertCases} more cases into each ...`);
  // Short rounds, alternating which side goes first, so a change in machine load hits both alike.
  const rounds = 8;
  const insertMs = { encrypted: 0, plain: 0 };
  // The process's CPU time beside the clock: the clock also counts waiting for the disk and for
  // the other core's work, the CPU time only what this side computed (SQLite, crypto, JS).
  const insertCpuMs = { encrypted: 0, plain: 0 };
  for (let i = 0; i < rounds; i++) {
    const n = Math.floor(o.insertCases / rounds) + (i < o.insertCases % rounds ? 1 : 0);
    const order = i % 2 === 0 ? sides : ([sides[1], sides[0]] as const);
    for (const s of order) {
      const cpu = process.cpuUsage();
      insertMs[s.label] += generateDemoCases(s.session, { cases: n, seed: SEED, today: TODAY }).elapsedMs;
      const used = process.cpuUsage(cpu);
      insertCpuMs[s.label] += (used.user + used.system) / 1000;
    }
  }
  const insert = {
    cases: o.insertCases,
    encryptedPerSecond: Math.round((o.insertCases / insertMs.encrypted) * 1000),
    plainPerSecond: Math.round((o.insertCases / insertMs.plain) * 1000),
    costRatio: ratio(insertMs.encrypted, insertMs.plain),
    cpuMsPerCase: {
      encrypted: Math.round((insertCpuMs.encrypted / o.insertCases) * 100) / 100,
      plain: Math.round((insertCpuMs.plain / o.insertCases) * 100) / 100,
    },
    cpuRatio: ratio(insertCpuMs.encrypted, insertCpuMs.plain),
  };

  // After the insert phase: it runs on the encrypted side only and would leave that side alone
  // with a log to checkpoint and a page cache full of other pages.
  settle();
  o.log('Statistics return for a year (build, protect, audit, sign, write) ...');
  const statsReturn = await runStatsBench(enc, Number(TODAY.slice(0, 4)) - 1, o.dir);

  o.log('Backup of the encrypted vault ...');
  const backup = await runBackupBench(enc, o.dir);

  o.log('Checking both audit chains ...');
  const auditIntact = {
    encrypted: verifyAudit(enc.db, enc.auditKeyForVerification()).ok,
    plain: verifyAudit(plainDb, plain.auditKeyForVerification()).ok,
  };
  enc.lock();
  plainDb.close();

  return {
    cases: o.cases,
    caseworkers: { team, busiestCases: load.busiest.cases, typicalCases: load.typical.cases },
    generation,
    preparation,
    pragmas,
    search,
    list,
    open,
    insert,
    size: {
      ...size,
      ratio: ratio(size.encryptedBytes, size.plainBytes),
      bytesPerCase: Math.round(size.encryptedBytes / o.cases),
    },
    auditIntact,
    statsReturn,
    backup,
  };
}
