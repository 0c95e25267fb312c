/**
 * Rate limits, with the Workers Rate Limiting binding as the pool emulates it: an app built
 * like the Worker, handed limiters of 3 requests a minute (vitest.config.ts) in place of the
 * shipped ones, reaches each limit and answers 429 with Retry-After.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import type { Bindings } from '../../src/env';
import { RATE_LIMIT_PERIOD_SECONDS } from '../../src/http/rate-limit';
import { seedKey, storage } from './claims-helpers';

const low = env as { LOW_RATE_LIMIT_PER_KEY: RateLimit; LOW_RATE_LIMIT_PER_ADDRESS: RateLimit };
const LIMIT = 3;

const app = createApp(
  { clock: () => new Date(), maxBodyBytes: 65_536, storage, newId: () => 'clm_unused' },
  { log: () => undefined },
);
const limited: Bindings = {
  RATE_LIMIT_PER_KEY: low.LOW_RATE_LIMIT_PER_KEY,
  RATE_LIMIT_PER_ADDRESS: low.LOW_RATE_LIMIT_PER_ADDRESS,
};

const weight = (address: string | undefined, bindings?: Bindings) =>
  app.request(
    '/v1/weight',
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(address ? { 'cf-connecting-ip': address } : {}),
      },
      body: JSON.stringify({
        carrier: 'cdek',
        packages: [{ lengthCm: '10', widthCm: '10', heightCm: '10', weightKg: '1' }],
      }),
    },
    bindings,
  );

const listClaims = (auth: Record<string, string>, bindings?: Bindings) =>
  app.request('/v1/claims', { headers: auth }, bindings);

async function expectRateLimited(res: Response, whose: RegExp) {
  const body = (await res.json()) as Record<string, unknown>;
  expect(res.status, JSON.stringify(body)).toBe(429);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  expect(res.headers.get('retry-after')).toBe(String(RATE_LIMIT_PERIOD_SECONDS));
  expect(body).toMatchObject({ type: '/problems/rate-limited', status: 429 });
  expect(String(body.detail)).toMatch(whose);
}

describe('the rate limit per client address, on the open calculators', () => {
  it('answers 429 with Retry-After past the limit; another address still gets through', async () => {
    const address = `203.0.113.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < LIMIT; i++) expect((await weight(address, limited)).status).toBe(200);
    await expectRateLimited(await weight(address, limited), /your address/);
    expect((await weight('198.51.100.7', limited)).status).toBe(200);
  });

  it('lets every request through when the app has no limiter', async () => {
    for (let i = 0; i < LIMIT + 2; i++) expect((await weight('192.0.2.1')).status).toBe(200);
  });
});

describe('the rate limit per API key', () => {
  it('answers 429 with Retry-After and no-store past the limit; another key still gets through', async () => {
    const shop = await seedKey('shop', `shop-${crypto.randomUUID().slice(0, 8)}`);
    for (let i = 0; i < LIMIT; i++) {
      const answer = await listClaims(shop.auth, limited);
      expect(answer.status, await answer.text()).toBe(200);
    }
    const refused = await listClaims(shop.auth, limited);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    await expectRateLimited(refused, /this API key/);
    const other = await seedKey('clerk');
    expect((await listClaims(other.auth, limited)).status).toBe(200);
  });

  it('lets every request through when the app has no limiter', async () => {
    const shop = await seedKey('shop', `shop-${crypto.randomUUID().slice(0, 8)}`);
    for (let i = 0; i < LIMIT + 2; i++) expect((await listClaims(shop.auth)).status).toBe(200);
  });
});
