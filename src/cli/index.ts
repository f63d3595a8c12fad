import { parseArgs } from 'node:util';
import { ErrorCode } from '../shared/errors';
import { AppError } from '../core/errors';
import { errorText, pickLanguage, tr } from './i18n';
import { nodeIo, type CliIo } from './io';
import { AUDIT_OPTIONS, auditCommands } from './audit';
import { BACKUP_OPTIONS, backupCommands } from './backup';
import { CASES_OPTIONS, casesCommands } from './cases';
import { demoCommands } from './demo';
import { directoryCommands } from './directory';
import { DUTIES_OPTIONS, dutiesCommands } from './duties';
import { IMPORT_OPTIONS, importCommands } from './import';
import { KEYS_OPTIONS, keysCommands } from './keys';
import { RETENTION_OPTIONS, retentionCommands } from './retention';
import { statsCommands } from './stats';
import { SUMMARY_OPTIONS, summaryCommands } from './summary';
import { USERS_OPTIONS, usersCommands } from './users';
import { vaultCommands, type CommandContext } from './vault';

const groups: Record<string, Record<string, (ctx: CommandContext) => ReturnType<(typeof vaultCommands)['info']>>> = {
  vault: vaultCommands,
  audit: auditCommands,
  backup: backupCommands,
  cases: casesCommands,
  demo: demoCommands,
  keys: keysCommands,
  stats: statsCommands,
  directory: directoryCommands,
  duties: dutiesCommands,
  summary: summaryCommands,
  retention: retentionCommands,
  import: importCommands,
  users: usersCommands,
};

/** Commands that take file names after the command (`sauga stats verify PKG`). */
const TAKES_FILES = new Set([
  'retention withdrawal',
  'backup verify',
  'backup restore',
  'stats verify',
  'stats aggregate',
  'directory import',
  'summary open',
  'duties institutions-import',
  'duties rules-import',
  'import ',
  'import suggest',
]);

const OPTIONS = {
  vault: { type: 'string' },
  org: { type: 'string' },
  user: { type: 'string' },
  'passphrase-file': { type: 'string' },
  'new-passphrase-file': { type: 'string' },
  'new-user': { type: 'string' },
  roles: { type: 'string' },
  'words-file': { type: 'string' },
  format: { type: 'string' },
  'trusted-keys': { type: 'string' },
  received: { type: 'string' },
  out: { type: 'string' },
  period: { type: 'string' },
  k: { type: 'string' },
  consent: { type: 'string' },
  cases: { type: 'string' },
  seed: { type: 'string' },
  ...KEYS_OPTIONS,
  ...BACKUP_OPTIONS,
  ...AUDIT_OPTIONS,
  ...CASES_OPTIONS,
  ...SUMMARY_OPTIONS,
  ...DUTIES_OPTIONS,
  ...RETENTION_OPTIONS,
  ...IMPORT_OPTIONS,
  ...USERS_OPTIONS,
  person: { type: 'string' },
  'age-recipient': { type: 'string' },
  'ed25519-key': { type: 'string' },
  'valid-from': { type: 'string' },
  'valid-to': { type: 'string' },
  id: { type: 'string' },
  fingerprint: { type: 'string' },
  'public-key': { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Exit codes: 0 ok, 1 a check failed, 2 bad input (arguments, files, passphrases, vault state). */
export async function run(argv: string[], io: CliIo): Promise<number> {
  let lang = pickLanguage(undefined, io.env);
  let json = argv.includes('--json');
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (e) {
      throw new AppError(ErrorCode.InvalidInput, (e as Error).message.split('\n')[0] ?? 'bad arguments');
    }
    const { values, positionals } = parsed;
    lang = pickLanguage(values.lang, io.env);
    json = values.json ?? false;
    const [group, first, ...more] = positionals;
    // `sauga import FILE`: a group whose default action takes a file gets it in place of a command.
    const fileFirst = group === 'import' && first !== undefined && !(first in importCommands);
    const command = fileFirst ? '' : first;
    const rest = fileFirst ? [first, ...more] : more;
    if (values.help || !group) {
      io.stdout(tr(lang, 'usage'));
      return values.help ? 0 : 2;
    }
    // A group with one action (`sauga demo --vault ...`) registers it under ''.
    const handler = groups[group]?.[command ?? ''];
    if (!handler || (rest.length > 0 && !TAKES_FILES.has(`${group} ${command ?? ''}`))) {
      io.stderr(`${tr(lang, 'unknownCommand')}\n`);
      if (json)
        io.stdout(
          `${JSON.stringify({ ok: false, error: { code: ErrorCode.InvalidInput, message: 'unknown command' } })}\n`,
        );
      return 2;
    }
    // Flags of a command (`--reveal-identity`) arrive as 'true'; --json and --help are the runner's.
    const options = Object.fromEntries(
      Object.entries(values)
        .filter(([k, v]) => typeof v === 'string' || (v === true && k !== 'json' && k !== 'help'))
        .map(([k, v]) => [k, String(v)]),
    ) as Record<string, string>;
    const ctx = { io, lang, json, options, args: rest };
    const result = await handler(ctx);
    if (json) io.stdout(`${JSON.stringify({ ok: result.exitCode === 0, ...result.json })}\n`);
    else (result.exitCode === 0 ? io.stdout : io.stderr)(`${result.text.join('\n')}\n`);
    return result.exitCode;
  } catch (e) {
    const code = e instanceof AppError ? e.code : ErrorCode.Internal;
    // Only the code's translated text and core's data-free message: never a stack or input.
    const detail = e instanceof AppError ? e.message : 'internal error';
    io.stderr(`${tr(lang, 'error')}: ${errorText(lang, code)} (${code}: ${detail})\n`);
    if (json) io.stdout(`${JSON.stringify({ ok: false, error: { code, message: detail } })}\n`);
    return code === ErrorCode.Internal ? 1 : 2;
  }
}

/** Entry point for bin/sauga.cjs and `npm run sauga`. */
export function main(): void {
  void run(process.argv.slice(2), nodeIo()).then((code) => {
    process.exitCode = code;
  });
}

if (typeof require !== 'undefined' && require.main === module) main();
