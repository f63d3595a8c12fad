/** Timing helpers for the benchmarks: wall-clock milliseconds and nearest-rank percentiles. */

export function now(): bigint {
  return process.hrtime.bigint();
}

export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function time(fn: () => unknown): number {
  const t = now();
  fn();
  return msSince(t);
}

export async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const t = now();
  await fn();
  return msSince(t);
}

/** Nearest-rank percentile (p in 0..100) of a non-empty sample. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[Math.min(s.length, rank) - 1] as number;
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

export function summarize(xs: readonly number[]): Summary {
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  return {
    n: xs.length,
    p50: round(percentile(xs, 50)),
    p95: round(percentile(xs, 95)),
    max: round(Math.max(...xs)),
    mean: round(xs.reduce((s, x) => s + x, 0) / xs.length),
  };
}

export const ratio = (a: number, b: number): number => Math.round((a / b) * 1000) / 1000;
