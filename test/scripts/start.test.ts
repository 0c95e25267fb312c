/**
 * `npm start` builds once and is quiet offline (issue 21): wrangler.toml has no custom build
 * (wrangler dev ran it again when its watcher was ready: "The file src changed, restarting
 * build…"), start.ts copies the /docs assets itself before wrangler starts, and wrangler runs
 * without fetching `Request.cf` from workers.cloudflare.com (an ENOTFOUND stack trace, twice,
 * on a machine without internet) and without sending metrics. Since issue 24: the Worker runs
 * through wrangler's API with no inspector (scripts/worker-dev.ts), crons on /__scheduled.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { workerDevInput, wranglerDevEnv } from '../../scripts/wrangler-dev';

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

describe('npm start', () => {
  it('runs wrangler dev with no custom build, so it builds once', () => {
    const config = read('wrangler.toml');
    expect(config).not.toMatch(/^\[build\]/m);
    expect(config).toMatch(/^\[assets\]\ndirectory = "\.\/public"$/m);
    // What the custom build did is done before wrangler starts, by start.ts and the scripts.
    const start = read('scripts/start.ts');
    expect(start.indexOf('syncDocsAssets();')).toBeGreaterThan(0);
    expect(start.indexOf('syncDocsAssets();')).toBeLessThan(start.indexOf('startWorker(db'));
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> })
      .scripts;
    expect(scripts.dev).toBe('tsx scripts/docs-assets.ts && wrangler dev');
    expect(scripts.deploy).toBe('tsx scripts/docs-assets.ts && wrangler deploy');
  });

  it('runs wrangler without the Request.cf fetch and without metrics, unless told otherwise', () => {
    const env = wranglerDevEnv({ PATH: '/usr/bin' });
    expect(env).toEqual({
      PATH: '/usr/bin',
      CLOUDFLARE_CF_FETCH_ENABLED: 'false',
      WRANGLER_SEND_METRICS: 'false',
    });
    expect(
      wranglerDevEnv({ CLOUDFLARE_CF_FETCH_ENABLED: 'true' }).CLOUDFLARE_CF_FETCH_ENABLED,
    ).toBe('true');
  });

  /** What scripts/start.ts gives the Worker, as a test's defaults. */
  const base = {
    root: '/p',
    port: '8791',
    dataDir: '/p/.data',
    endpoint: 'http://127.0.0.1:8011',
    table: 'parcel-claims',
    deskSessionSecret: 's3cret',
  };

  it('gives the Worker its port, local state and database, and no inspector', () => {
    const input = workerDevInput({ ...base, carrierSecret: 'c4rrier' });
    expect(input.config).toBe('/p/wrangler.toml');
    expect(input.dev).toMatchObject({
      server: { hostname: '127.0.0.1', port: 8791 },
      inspector: false,
      persist: '/p/.data/wrangler',
      remote: false,
      testScheduled: true,
    });
    expect(input.bindings).toEqual({
      DYNAMODB_ENDPOINT: { type: 'plain_text', value: 'http://127.0.0.1:8011' },
      DYNAMODB_TABLE: { type: 'plain_text', value: 'parcel-claims' },
      DESK_SESSION_SECRET: { type: 'plain_text', value: 's3cret' },
      CARRIER_SECRET: { type: 'plain_text', value: 'c4rrier' },
      WEBHOOK_ALLOW_LOCAL: { type: 'plain_text', value: 'true' },
    });
  });

  it('opens a debugger on 127.0.0.1 only when INSPECTOR_PORT asks for one', () => {
    expect(workerDevInput({ ...base, inspectorPort: '9230' }).dev?.inspector).toEqual({
      hostname: '127.0.0.1',
      port: 9230,
    });
    expect(workerDevInput({ ...base, inspectorPort: undefined }).dev?.inspector).toBe(false);
  });

  it('passes a webhook retry schedule on only when one is given', () => {
    expect(workerDevInput({ ...base, webhookRetrySchedule: '1,1,2' }).bindings).toHaveProperty(
      'WEBHOOK_RETRY_SCHEDULE',
      { type: 'plain_text', value: '1,1,2' },
    );
    expect(
      workerDevInput({ ...base, webhookRetrySchedule: undefined }).bindings,
    ).not.toHaveProperty('WEBHOOK_RETRY_SCHEDULE');
  });

  it("bundles with Node's built-ins when wrangler.toml has nodejs_compat, as wrangler dev does", () => {
    const hook = workerDevInput(base).build?.nodejsCompatMode;
    expect(typeof hook).toBe('function');
    const mode = (flags: string[]) =>
      typeof hook === 'function'
        ? hook({ compatibility_flags: flags } as Parameters<typeof hook>[0])
        : hook;
    expect(mode(['nodejs_compat'])).toBe('v2');
    expect(mode([])).toBeNull();
    expect(read('wrangler.toml')).toMatch(/^compatibility_flags = \["nodejs_compat"\]$/m);
  });
});
