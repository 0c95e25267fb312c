/**
 * `redocly lint` (Redocly CLI, its recommended rules) on the document the
 * Worker serves: 0 errors. It runs offline: telemetry and the update check
 * are switched off.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { getDoc } from './document';

const REDOCLY = fileURLToPath(
  new URL('../../node_modules/@redocly/cli/bin/cli.js', import.meta.url),
);
let dir = '';
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: {
    ruleId: string;
    severity: string;
    message: string;
    location: { pointer: string }[];
  }[];
}

/** The lint report of `doc`, from the CLI's JSON output (exit code 1 when it found errors). */
async function lint(doc: unknown): Promise<LintReport> {
  dir = await mkdtemp(join(tmpdir(), 'redocly-'));
  const file = join(dir, 'openapi.json');
  await writeFile(file, JSON.stringify(doc));
  const args = [REDOCLY, 'lint', '--extends=recommended', '--format=json', file];
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
  const stdout = await promisify(execFile)(process.execPath, args, { cwd: dir, env }).then(
    (done) => done.stdout,
    (failed: { stdout?: string }) => failed.stdout ?? '',
  );
  return JSON.parse(stdout) as LintReport;
}

describe('redocly lint, recommended rules', () => {
  it('finds no error in /openapi.json', async () => {
    const report = await lint(await getDoc());
    const errors = report.problems
      .filter((p) => p.severity === 'error')
      .map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);
    expect(errors).toEqual([]);
    expect(report.totals.errors).toBe(0);
  }, 30_000);
});
