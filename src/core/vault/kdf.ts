import { argon2id } from 'hash-wasm';
import { z } from 'zod';
import { ErrorCode } from '../../shared/errors';
import { AppError } from '../errors';

/**
 * The floor compiled into the app. A slot file asking for less is refused before any
 * derivation: an attacker who edits the file must not be able to make guessing cheaper.
 */
export const KDF_FLOOR = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 } as const;
/** Ceilings stop a hostile slot file from making unlock exhaust memory or hang. */
// 1 GiB: hash-wasm on Node 20 fails from about 2 GiB, and no workstation should need more.
export const KDF_CEILING = { memoryKiB: 1024 * 1024, iterations: 64, parallelism: 16 } as const;
export const KDF_DEFAULT = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 } as const;

export const KdfParams = z.strictObject({
  alg: z.literal('argon2id'),
  version: z.literal(19),
  memoryKiB: z.number().int().positive(),
  iterations: z.number().int().positive(),
  parallelism: z.number().int().positive(),
  salt: z.base64().refine((s) => Buffer.from(s, 'base64').length === 16, { message: 'salt must be 16 bytes' }),
});
export type KdfParams = z.infer<typeof KdfParams>;

export function assertKdfStrongEnough(p: KdfParams): void {
  if (
    p.memoryKiB < KDF_FLOOR.memoryKiB ||
    p.iterations < KDF_FLOOR.iterations ||
    p.parallelism < KDF_FLOOR.parallelism
  ) {
    throw new AppError(ErrorCode.KdfBelowFloor, 'key slot KDF parameters are below the minimum');
  }
  if (
    p.memoryKiB > KDF_CEILING.memoryKiB ||
    p.iterations > KDF_CEILING.iterations ||
    p.parallelism > KDF_CEILING.parallelism
  ) {
    throw new AppError(ErrorCode.SlotFileInvalid, 'key slot KDF parameters are above the maximum');
  }
}

/** Counts derivations so tests can prove a bad input was refused before any work was done. */
export const kdfStats = { derivations: 0 };

/** Argon2id(secret, salt) -> 32-byte key encryption key. The caller zeroes the result. */
export async function deriveKek(secret: Uint8Array, p: KdfParams): Promise<Buffer> {
  assertKdfStrongEnough(p);
  kdfStats.derivations++;
  const out = await argon2id({
    password: secret,
    salt: Buffer.from(p.salt, 'base64'),
    iterations: p.iterations,
    parallelism: p.parallelism,
    memorySize: p.memoryKiB,
    hashLength: 32,
    outputType: 'binary',
  });
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}
