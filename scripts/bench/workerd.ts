import { rmSync } from 'node:fs';
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

/** One bundle served by workerd through the Miniflare API on a free port of 127.0.0.1. */
async function serve(outdir: string) {
  const config = unstable_readConfig({ config: 'wrangler.toml' });
  const bindings: Record<string, string> = {};
  for (const [name, value] of Object.entries(config.vars)) {
    if (typeof value === 'string') bindings[name] = value;
  }
  const [script, ...more] = scriptsIn(outdir);
  if (!script || more.length > 0) throw new Error(`expected one script in ${outdir}`);
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
  return { url: await mf.ready, dispose: () => mf.dispose() };
}

/**
 * The runtime we ship: the minified bundle (`wrangler deploy --dry-run
 * --minify`) served by workerd through Miniflare, under a load generator
 * (8 keep-alive connections from this process), against a bare Hono bundle
 * that parses the same JSON and answers a constant (target ≥ 0.6), and,
 * for the record, a bare Hono bundle calling the same domain function.
 * Rounds of 1 s (at most 50,000 requests) alternate ours, bare, bare + domain; ratios are medians of
 * the per-round ratios.
 */
export async function benchWorkerd(): Promise<string[]> {
  const entries = [undefined, 'bare-constant.ts', 'bare-domain.ts'];
  const builds: string[] = [];
  const servers: Awaited<ReturnType<typeof serve>>[] = [];
  const out = [
    '| route | ours req/s | bare req/s | bare + domain req/s | ours ÷ bare (target ≥ 0.6) | ours ÷ bare + domain |',
    '|---|---|---|---|---|---|',
  ];
  try {
    for (const entry of entries) {
      const outdir = buildWorker(entry && `scripts/bench/workers/${entry}`);
      builds.push(outdir);
      servers.push(await serve(outdir));
    }
    for (const [path, example] of calculatorRoutes) {
      const body = JSON.stringify(example);
      const sides = servers.map(({ url }) => new URL(path, url));
      for (const url of sides) await load(url, body, WARMUP);
      const rates: number[][] = [[], [], []];
      for (let round = 0; round < ROUNDS; round++) {
        for (const [k, url] of sides.entries()) {
          rates[k]?.push((await load(url, body, LOAD)).opsPerSec);
        }
      }
      const [o = [], b = [], d = []] = rates;
      const ratio = (base: number[]) =>
        fmt(median(o.map((rate, k) => rate / (base[k] ?? Number.NaN))));
      out.push(
        `| POST ${path} | ${fmt(median(o), 0)} | ${fmt(median(b), 0)} | ${fmt(median(d), 0)} | ${ratio(b)} | ${ratio(d)} |`,
      );
    }
  } finally {
    await Promise.all(servers.map((s) => s.dispose()));
    for (const dir of builds) rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
