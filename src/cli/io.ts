import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { ErrorCode } from '../shared/errors';
import { AppError } from '../core/errors';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Reads all of standard input; only called for `-` arguments. */
  readStdin: () => Buffer;
  env: NodeJS.ProcessEnv;
}

export const nodeIo = (): CliIo => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin: () => readFileSync(0),
  env: process.env,
});

const SECRET_FILE_MAX = 64 * 1024;

/**
 * A passphrase or word list from a file or stdin (`-`), never from argv, where other users
 * and shell history could see it. One trailing newline is removed; nothing else is trimmed.
 */
export function readSecret(pathOrDash: string, io: CliIo, what: string): string {
  let raw: Buffer;
  try {
    raw = pathOrDash === '-' ? io.readStdin() : readFileSync(pathOrDash);
  } catch {
    throw new AppError(ErrorCode.FileUnreadable, `cannot read the ${what} file`);
  }
  if (raw.length > SECRET_FILE_MAX) throw new AppError(ErrorCode.InvalidInput, `the ${what} file is too large`);
  const text = raw.toString('utf8').replace(/\r?\n$/u, '');
  if (text.length === 0) throw new AppError(ErrorCode.InvalidInput, `the ${what} file is empty`);
  return text;
}

/** A file path argument: a bounded string, never interpreted. */
export const FilePath = z.string().min(1).max(4096);

/**
 * Reads a whole file the user named, refusing it as `tooLarge` when it is over `max` bytes;
 * the size is checked before reading, so a huge file is never loaded. `what` names it in messages.
 */
export function readBounded(path: string, max: number, tooLarge: ErrorCode, what: string): Buffer {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new AppError(ErrorCode.FileUnreadable, `cannot read the ${what}`);
  }
  if (size > max) throw new AppError(tooLarge, `the ${what} is over ${max} bytes`);
  try {
    return readFileSync(path);
  } catch {
    throw new AppError(ErrorCode.FileUnreadable, `cannot read the ${what}`);
  }
}

/** The one file named after a command (`sauga directory import FILE`). */
export function oneFileArg(args: readonly string[] | undefined, what: string): string {
  const parsed = z
    .array(FilePath)
    .length(1)
    .safeParse(args ?? []);
  if (!parsed.success) throw new AppError(ErrorCode.InvalidInput, `give exactly one ${what}`);
  return parsed.data[0] as string;
}
