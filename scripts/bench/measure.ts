/** Tiny benchmarking helpers: warm up, then time a fixed number of runs. */

export interface Timing {
  name: string;
  runs: number;
  totalMs: number;
  perOpUs: number;
  opsPerSec: number;
  /** CPU time this process spent per run (user + system), µs: less disturbed by other processes. */
  cpuPerOpUs: number;
  /** Runs per second of this process's CPU time. */
  opsPerCpuSec: number;
}

/** Runs `fn` `runs` times after `warmup` runs; returns the timing. */
export async function measure(
  name: string,
  runs: number,
  fn: () => unknown,
  warmup = Math.max(50, runs / 10),
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  const totalMs = performance.now() - start;
  const { user, system } = process.cpuUsage(cpu);
  const cpuUs = user + system;
  return {
    name,
    runs,
    totalMs,
    perOpUs: (totalMs * 1000) / runs,
    opsPerSec: (runs / totalMs) * 1000,
    cpuPerOpUs: cpuUs / runs,
    opsPerCpuSec: (runs / cpuUs) * 1e6,
  };
}

/** Milliseconds one call takes. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** The median of samples. */
export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * The nearest-rank percentile of samples (`p` from 0 to 100).
 * @example percentile([1, 2, 3, 4], 95) // 4
 */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export const fmt = (n: number, digits = 2) => n.toFixed(digits);

/**
 * A section that measured and missed its hard limit: bench.ts prints its rows, then the
 * message, and exits non-zero (the rows are what one needs to see why).
 * @example throw new BenchFailure('bundle over 200 KB gzip', ['| bundle | KB |', …]);
 */
export class BenchFailure extends Error {
  constructor(
    message: string,
    readonly lines: string[],
  ) {
    super(message);
    this.name = 'BenchFailure';
  }
}
