import type { Context, MiddlewareHandler } from 'hono';
import type { RateLimitBindingName } from '../env';
import type { HonoEnv } from '../hono-env';
import { ProblemError } from './problem';

/**
 * The window of every `[[ratelimits]]` binding in wrangler.toml, seconds: what
 * a 429 tells the client to wait (`Retry-After`). The binding does not report
 * its period, so wrangler.toml must say the same (test/scripts/rate-limits.test.ts
 * checks it).
 */
export const RATE_LIMIT_PERIOD_SECONDS = 60;

/** Whose budget a request spends, as the 429's `detail` names it. */
const WHO: Record<RateLimitBindingName, string> = {
  RATE_LIMIT_PER_KEY: 'this API key',
  RATE_LIMIT_PER_ADDRESS: 'your address',
};

/**
 * Spends one request of `key`'s budget in the binding `name`; over it, a 429
 * `rate-limited` problem with `Retry-After`. Without the binding (an app built
 * without it, as some tests do) every request passes. The binding counts per
 * Cloudflare location: a guard against floods, not an exact quota.
 *
 * @example
 * await spendRateLimit(c, 'RATE_LIMIT_PER_KEY', principal.keyId);
 */
export async function spendRateLimit(
  c: Context<HonoEnv>,
  name: RateLimitBindingName,
  key: string,
  headers: Record<string, string> = {},
): Promise<void> {
  // c.env is undefined when the app is called as `app.request(path)`, without bindings.
  const limiter = (c.env as HonoEnv['Bindings'] | undefined)?.[name];
  if (!limiter) return;
  // A limiter that fails lets the request through: it is a guard, not a reason for a 500.
  const { success } = await limiter.limit({ key }).catch(() => ({ success: true }));
  if (success) return;
  throw new ProblemError(
    'rateLimited',
    `Too many requests from ${WHO[name]}; retry in ${RATE_LIMIT_PERIOD_SECONDS} seconds.`,
    { headers: { 'retry-after': String(RATE_LIMIT_PERIOD_SECONDS), ...headers } },
  );
}

/**
 * The open calculators' guard: each client address (`CF-Connecting-IP`, which
 * Cloudflare sets on every request) has its own budget. Requests without the
 * header share one.
 *
 * @example
 * app.use('/v1/weight', limitByAddress());
 */
export function limitByAddress(): MiddlewareHandler<HonoEnv> {
  return async function limitByAddressMiddleware(c, next) {
    await spendRateLimit(
      c,
      'RATE_LIMIT_PER_ADDRESS',
      c.req.header('cf-connecting-ip') ?? 'unknown',
    );
    await next();
  };
}
