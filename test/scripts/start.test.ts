/**
 * `npm start` builds once and is quiet offline (issue 21): wrangler.toml has no custom build
 * (wrangler dev ran it again when its watcher was ready: "The file src changed, restarting
 * build…"), start.ts copies the /docs assets itself before wrangler starts, and wrangler runs
 * without fetching `Request.cf` from workers.cloudflare.com (an ENOTFOUND stack trace, twice,
 * on a machine without internet) and without sending metrics.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { wranglerDevArgs, wranglerDevEnv } from '../../scripts/wrangler-dev';

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

describe('npm start', () => {
  it('runs wrangler dev with no custom build, so it builds once', () => {
    const config = read('wrangler.toml');
    expect(config).not.toMatch(/^\[build\]/m);
    expect(config).toMatch(/^\[assets\]\ndirectory = "\.\/public"$/m);
    // What the custom build did is done before wrangler starts, by start.ts and the scripts.
    const start = read('scripts/start.ts');
    expect(start.indexOf('syncDocsAssets();')).toBeGreaterThan(0);
    expect(start.indexOf('syncDocsAssets();')).toBeLessThan(start.indexOf('startWrangler(db'));
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

  it('gives wrangler dev its port, local state and database', () => {
    const args = wranglerDevArgs({
      port: '8791',
      dataDir: '/p/.data',
      endpoint: 'http://127.0.0.1:8011',
      table: 'parcel-claims',
      deskSessionSecret: 's3cret',
      carrierSecret: 'c4rrier',
    });
    expect(args.join(' ')).toBe(
      'dev --ip 127.0.0.1 --port 8791 --persist-to /p/.data/wrangler --var DYNAMODB_ENDPOINT:http://127.0.0.1:8011 --var DYNAMODB_TABLE:parcel-claims --var DESK_SESSION_SECRET:s3cret --var CARRIER_SECRET:c4rrier --var WEBHOOK_ALLOW_LOCAL:true',
    );
  });

  it('passes a webhook retry schedule on only when one is given', () => {
    const base = {
      port: '8791',
      dataDir: '/p/.data',
      endpoint: 'http://127.0.0.1:8011',
      table: 'parcel-claims',
      deskSessionSecret: 's3cret',
    };
    expect(wranglerDevArgs({ ...base, webhookRetrySchedule: '1,1,2' }).slice(-2)).toEqual([
      '--var',
      'WEBHOOK_RETRY_SCHEDULE:1,1,2',
    ]);
    expect(wranglerDevArgs({ ...base, webhookRetrySchedule: undefined }).join(' ')).not.toContain(
      'WEBHOOK_RETRY_SCHEDULE',
    );
  });
});
