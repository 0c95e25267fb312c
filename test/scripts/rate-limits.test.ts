import { describe, expect, it } from 'vitest';
import { unstable_readConfig } from 'wrangler';
import type { RateLimitBindingName } from '../../src/env';
import { RATE_LIMIT_PERIOD_SECONDS } from '../../src/http/rate-limit';

describe('the rate limits in wrangler.toml', () => {
  interface Limiter {
    name: string;
    namespace_id: string;
    simple: { limit: number; period: number };
  }
  const limiters: Limiter[] = unstable_readConfig({ config: 'wrangler.toml' }).ratelimits;

  it('bind both limiters the code uses, each with the period a 429 announces', () => {
    const names: RateLimitBindingName[] = ['RATE_LIMIT_PER_KEY', 'RATE_LIMIT_PER_ADDRESS'];
    const bound = limiters.map((r) => r.name).sort();
    expect(bound).toEqual([...names].sort());
    for (const limiter of limiters) {
      expect(limiter.simple.period, limiter.name).toBe(RATE_LIMIT_PERIOD_SECONDS);
      expect(limiter.simple.limit, limiter.name).toBeGreaterThanOrEqual(60);
    }
    expect(new Set(limiters.map((r) => r.namespace_id)).size).toBe(names.length);
  });
});
