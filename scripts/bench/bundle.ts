import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fmt } from './measure';

/** Bundles the Worker as `wrangler deploy` would and reports raw and gzip size. Target ≤ 200 KB gzip. */
export function benchBundle(): string[] {
  const outdir = mkdtempSync(join(tmpdir(), 'pca-bundle-'));
  execFileSync('npx', ['wrangler', 'deploy', '--dry-run', '--minify', '--outdir', outdir], {
    stdio: 'ignore',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  });
  const files = readdirSync(outdir).filter((f) => f.endsWith('.js'));
  const raw = files.reduce((n, f) => n + statSync(join(outdir, f)).size, 0);
  const gz = files.reduce((n, f) => n + gzipSync(readFileSync(join(outdir, f))).length, 0);
  return [
    '| bundle | KB |',
    '|---|---|',
    `| raw (minified) | ${fmt(raw / 1024, 1)} |`,
    `| gzip (target ≤ 200) | ${fmt(gz / 1024, 1)} |`,
  ];
}
