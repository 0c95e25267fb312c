import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fmt } from './measure';

/**
 * Bundles a Worker as `wrangler deploy` would (wrangler.toml's aliases and
 * flags, minified) into a new temporary folder and returns that folder; by
 * default the Worker itself, or the given entry instead of `main`. The
 * folder holds one script (named after the entry) and its source map.
 */
export function buildWorker(entry?: string): string {
  const outdir = mkdtempSync(join(tmpdir(), 'pca-bundle-'));
  const args = ['wrangler', 'deploy', '--dry-run', '--minify', '--outdir', outdir];
  execFileSync('npx', entry ? [...args, entry] : args, {
    stdio: 'ignore',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  });
  return outdir;
}

/** The bundled scripts in a folder `buildWorker` wrote. */
export const scriptsIn = (outdir: string) => readdirSync(outdir).filter((f) => f.endsWith('.js'));

/** Bundles the Worker as `wrangler deploy` would and reports raw and gzip size. Target ≤ 200 KB gzip. */
export function benchBundle(): string[] {
  const outdir = buildWorker();
  const files = scriptsIn(outdir);
  const raw = files.reduce((n, f) => n + statSync(join(outdir, f)).size, 0);
  const gz = files.reduce((n, f) => n + gzipSync(readFileSync(join(outdir, f))).length, 0);
  rmSync(outdir, { recursive: true, force: true });
  return [
    '| bundle | KB |',
    '|---|---|',
    `| raw (minified) | ${fmt(raw / 1024, 1)} |`,
    `| gzip (target ≤ 200) | ${fmt(gz / 1024, 1)} |`,
  ];
}
