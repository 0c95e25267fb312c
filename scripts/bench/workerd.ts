import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Miniflare } from 'miniflare';
import { unstable_readConfig } from 'wrangler';
import { buildWorker, scriptsIn } from './bundle';
import { calculatorRoutes } from './calculators';
import { load, type LoadOptions } from './load';
import { fmt, median } from './measure';

const ROUNDS = 7;
const LOAD: LoadOptions = { connections: 8, durationMs: 1000, maxRequests: 50_000 };
const WARMUP: LoadOptions = { connections: 8, durationMs: 300, maxRequests: 5_000 };

/** The workerd processes this process started (Linux `/proc`; none found elsewhere). */
function workerdChildren(): Set<number> {
  const found = new Set<number>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return found;
  }
  for (const pid of entries) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (comm === 'workerd' && ppid === process.pid) found.add(Number(pid));
    } catch {
      // The process ended while the list was read.
    }
  }
  return found;
}

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds (user + system) a process has used so far; NaN when it cannot be read. */
function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

/** One bundle served by workerd through the Miniflare API on a free port of 127.0.0.1. */
async function serve(outdir: string) {
  const config = unstable_readConfig({ config: 'wrangler.toml' });
  const bindings: Record<string, string> = {};
  for (const [name, value] of Object.entries(config.vars)) {
    if (typeof value === 'string') bindings[name] = value;
  }
  const [script, ...more] = scriptsIn(outdir);
  if (!script || more.length > 0) throw new Error(`expected one script in ${outdir}`);
  const before = workerdChildren();
  const mf = new Miniflare({
    modules: true,
    modulesRoot: outdir,
    scriptPath: join(outdir, script),
    compatibilityDate: config.compatibility_date ?? '2025-10-01',
    compatibilityFlags: config.compatibility_flags,
    bindings,
    host: '127.0.0.1',
    port: 0,
    // Our access-log line is written on every request, as in production; nobody reads it
    // here. Errors (a runtime that fails to start) still show.
    handleRuntimeStdio(stdout: Readable, stderr: Readable) {
      stdout.resume();
      stderr.pipe(process.stderr);
    },
  });
  const url = await mf.ready;
  const pid = [...workerdChildren()].find((p) => !before.has(p));
  return { url, pid, dispose: () => mf.dispose() };
}

/**
 * The runtime we ship: the minified bundle (`wrangler deploy --dry-run
 * --minify`) served by workerd through Miniflare, under a load generator
 * (8 keep-alive connections from this process), against a bare Hono bundle
 * that parses the same JSON and answers a constant (target ≥ 0.6), and,
 * for the record, a bare Hono bundle calling the same domain function.
 * Rounds of 1 s (at most 50,000 requests) alternate ours, bare, bare +
 * domain; ratios are medians of the per-round ratios. Beside the answers
 * per second, the answers per CPU-second of the serving workerd process
 * (from /proc): a cross-check that other processes on the machine disturb
 * less, and that leaves out the load generator's own work.
 */
export async function benchWorkerd(): Promise<string[]> {
  const entries = [undefined, 'bare-constant.ts', 'bare-domain.ts'];
  const builds: string[] = [];
  const servers: Awaited<ReturnType<typeof serve>>[] = [];
  const out = [
    '| route | ours req/s | bare req/s | bare + domain req/s | ours ÷ bare (target ≥ 0.6) | ours ÷ bare + domain | per workerd CPU-s: ours ÷ bare | ours ÷ bare + domain |',
    '|---|---|---|---|---|---|---|---|',
  ];
  try {
    for (const entry of entries) {
      const outdir = buildWorker(entry && `scripts/bench/workers/${entry}`);
      builds.push(outdir);
      servers.push(await serve(outdir));
    }
    for (const [path, example] of calculatorRoutes) {
      const body = JSON.stringify(example);
      const sides = servers.map(({ url, pid }) => ({ url: new URL(path, url), pid }));
      for (const { url } of sides) await load(url, body, WARMUP);
      const rates: [number[], number[], number[]] = [[], [], []];
      const perCpu: [number[], number[], number[]] = [[], [], []];
      for (let round = 0; round < ROUNDS; round++) {
        for (const [k, { url, pid }] of sides.entries()) {
          const cpu = cpuSeconds(pid);
          const { opsPerSec, requests } = await load(url, body, LOAD);
          rates[k]?.push(opsPerSec);
          perCpu[k]?.push(requests / (cpuSeconds(pid) - cpu));
        }
      }
      const ratio = (of: number[][], base: 1 | 2) => {
        const ours = of[0] ?? [];
        return fmt(median(ours.map((rate, k) => rate / (of[base]?.[k] ?? Number.NaN))));
      };
      const [o, b, d] = rates.map((side) => fmt(median(side), 0));
      out.push(
        `| POST ${path} | ${o} | ${b} | ${d} | ${ratio(rates, 1)} | ${ratio(rates, 2)} | ${ratio(perCpu, 1)} | ${ratio(perCpu, 2)} |`,
      );
    }
  } finally {
    await Promise.all(servers.map((s) => s.dispose()));
    for (const dir of builds) rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
