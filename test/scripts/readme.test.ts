/**
 * The README stays a front door (issue 20: at most 20 KB) and its quick start says the ports
 * (issue 21: they were only in the configuration table, far below): the API's, DynamoDB
 * Local's, how to change them, and that `npm run keys` finds what `npm start` runs.
 * test/http/readme-tour.test.ts keeps its tour true.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = (heading: string) => {
  const start = readme.indexOf(`\n## ${heading}\n`);
  const end = readme.indexOf('\n## ', start + 1);
  return start < 0 ? '' : readme.slice(start, end < 0 ? undefined : end);
};

describe('README.md', () => {
  it('is at most 20 KB', () => {
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(20_000);
  });

  it('says the ports in its quick start, and how keys find the database', () => {
    const quick = section('Quick start');
    expect(quick).toContain('http://127.0.0.1:8787');
    expect(quick).toContain('DynamoDB Local on 8000');
    expect(quick).toMatch(/PORT=\d+ DYNAMODB_PORT=\d+ npm start/);
    expect(quick).toContain('npm run keys');
  });
});
