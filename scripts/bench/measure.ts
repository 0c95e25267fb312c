/** Tiny benchmarking helpers: warm up, then time a fixed number of runs. */

export interface Timing {
  name: string;
  runs: number;
  totalMs: number;
  perOpUs: number;
  opsPerSec: number;
}

/** Runs `fn` `runs` times after `warmup` runs; returns the timing. */
export async function measure(
  name: string,
  runs: number,
  fn: () => unknown,
  warmup = Math.max(50, runs / 10),
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const start = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  const totalMs = performance.now() - start;
  return {
    name,
    runs,
    totalMs,
    perOpUs: (totalMs * 1000) / runs,
    opsPerSec: (runs / totalMs) * 1000,
  };
}

/** Median of per-call latencies, in milliseconds. */
export async function medianLatency(
  runs: number,
  fn: (i: number) => Promise<unknown>,
): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}

export const fmt = (n: number, digits = 2) => n.toFixed(digits);
