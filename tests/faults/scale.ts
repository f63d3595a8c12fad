/** `npm test` runs the short form; `npm run test:faults` (vitest.faults.config.ts) the long one. */
export const LONG = process.env.SAUGA_FAULTS === 'long';
export const KILLS = LONG ? 120 : 20;
export const FLIPS = LONG ? 200 : 30;

/** Deterministic per run seed, printed so that a failure can be replayed. */
export const SEED = Number(process.env.SAUGA_FAULT_SEED ?? Date.now() % 1_000_000);

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4_294_967_296;
  };
}

export const SUP = { name: 'Rūta Vadovė', passphrase: 'violet harbour lantern 2026' } as const;
