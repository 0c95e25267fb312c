import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseConfig } from '../../src/env';
import { RECONCILIATION_CRON } from '../../src/queues/carrier-reconciliation';

describe('Worker configuration', () => {
  it('has documented defaults', () => {
    expect(parseConfig({})).toEqual({
      MAX_BODY_BYTES: 65_536,
      DYNAMODB_TABLE: 'parcel-claims',
      DYNAMODB_REGION: 'eu-central-1',
      API_KEY_CACHE_SECONDS: 30,
      VIEW_SHARDS: 4,
      CDEK_API_BASE_URL: 'https://api.cdek.ru',
      AUDIT_MAX_BYTES: 52_428_800,
    });
  });

  it.each([
    ['0', 0],
    ['300', 300],
  ])('takes API_KEY_CACHE_SECONDS=%s', (value, seconds) => {
    expect(parseConfig({ API_KEY_CACHE_SECONDS: value }).API_KEY_CACHE_SECONDS).toBe(seconds);
  });

  it.each(['-1', '301', '1.5', 'soon'])('refuses API_KEY_CACHE_SECONDS=%s, naming it', (value) => {
    expect(() => parseConfig({ API_KEY_CACHE_SECONDS: value })).toThrow(/API_KEY_CACHE_SECONDS/);
  });

  it('refuses a short desk secret and half a credential pair', () => {
    expect(() => parseConfig({ DESK_SESSION_SECRET: 'short' })).toThrow(/DESK_SESSION_SECRET/);
    expect(() => parseConfig({ AWS_ACCESS_KEY_ID: 'AKIA' })).toThrow(/AWS_SECRET_ACCESS_KEY/);
  });

  it('takes a carrier secret of 32+ characters, refusing a shorter one by name', () => {
    const secret = 'c'.repeat(32);
    expect(parseConfig({ CARRIER_SECRET: secret }).CARRIER_SECRET).toBe(secret);
    expect(() => parseConfig({ CARRIER_SECRET: 'short' })).toThrow(/CARRIER_SECRET/);
    expect(() => parseConfig({ CDEK_API_BASE_URL: 'not a url' })).toThrow(/CDEK_API_BASE_URL/);
  });

  it('takes PUBLIC_BASE_URL as an origin only', () => {
    const base = 'https://api.example';
    expect(parseConfig({ PUBLIC_BASE_URL: base }).PUBLIC_BASE_URL).toBe(base);
    for (const wrong of [
      'api.example',
      'ftp://api.example',
      'https://api.example/v1',
      'https://api.example/?a=1',
    ]) {
      expect(() => parseConfig({ PUBLIC_BASE_URL: wrong }), wrong).toThrow(/PUBLIC_BASE_URL/);
    }
  });
});

describe('wrangler.toml', () => {
  it('runs the claim-change cron and, on its own expression, the carrier reconciliation', () => {
    const crons = /^crons = \[(.*)\]$/m.exec(readFileSync('wrangler.toml', 'utf8'))?.[1] ?? '';
    expect(crons.split(', ').map((c) => JSON.parse(c) as string)).toEqual([
      '*/5 * * * *',
      RECONCILIATION_CRON,
    ]);
  });
});
