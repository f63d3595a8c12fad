import { parseArgs } from 'node:util';
import { ErrorCode } from '../shared/errors';
import { AppError } from '../core/errors';
import { errorText, pickLanguage, tr } from './i18n';
import { nodeIo, type CliIo } from './io';
import { auditCommands } from './audit';
import { demoCommands } from './demo';
import { directoryCommands } from './directory';
import { KEYS_OPTIONS, keysCommands } from './keys';
import { statsCommands } from './stats';
import { vaultCommands, type CommandContext } from './vault';

const groups: Record<string, Record<string, (ctx: CommandContext) => ReturnType<(typeof vaultCommands)['info']>>> = {
  vault: vaultCommands,
  audit: auditCommands,
  demo: demoCommands,
  keys: keysCommands,
  stats: statsCommands,
  directory: directoryCommands,
};

/** Commands that take file names after the command (`sauga stats verify PKG`). */
const TAKES_FILES = new Set(['stats verify', 'stats aggregate', 'directory import']);

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
    const [group, command, ...rest] = positionals;
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
    const options = Object.fromEntries(Object.entries(values).filter(([, v]) => typeof v === 'string')) as Record<
      string,
      string
    >;
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
