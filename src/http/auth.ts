import type { MiddlewareHandler } from 'hono';
import type { ActorRole } from '../domain/claim';
import type { HonoEnv, Principal } from '../hono-env';
import { hashApiKey, sandboxShopId } from '../storage/api-keys';
import { ProblemError } from './problem';
import { spendRateLimit } from './rate-limit';

/** Claims carry personal data: no answer to a keyed call may be stored by a cache. */
const NO_STORE = { 'cache-control': 'no-store' };
const CHALLENGE = { 'www-authenticate': 'Bearer realm="parcel-claims"', ...NO_STORE };

/**
 * Resolves `Authorization: Bearer <key>` to a principal. Only the SHA-256 of
 * the key is looked up; the key itself is never stored or logged. A missing,
 * unknown or revoked key is 401. A test key's principal is in its shop's sandbox (`<shop>~test`). Each key then spends one request of its rate
 * limit (429 over it). Every answer, errors included, is `Cache-Control: no-store`.
 *
 * @example
 * app.use('/v1/claims/*', authenticate());
 */
export function authenticate(): MiddlewareHandler<HonoEnv> {
  return async function authenticateMiddleware(c, next) {
    // Mounted on `/v1/claims` and `/v1/claims/*`, which both match `/v1/claims`: one run is
    // enough (a second would spend the key's rate limit twice).
    if (c.get('principal')) return next();
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) {
      throw new ProblemError('unauthorized', 'Send Authorization: Bearer <API key>.', {
        headers: CHALLENGE,
      });
    }
    const record = await c.get('deps').storage.apiKeys.findByHash(await hashApiKey(match[1]));
    if (!record) {
      throw new ProblemError('unauthorized', 'The API key is unknown or revoked.', {
        headers: CHALLENGE,
      });
    }
    const principal: Principal = { keyId: record.keyId, role: record.role };
    // A test key works in its shop's sandbox: every service scopes by shopId, so its data
    // stays apart from the live shop's with no rule of their own.
    if (record.shopId)
      principal.shopId = record.test ? sandboxShopId(record.shopId) : record.shopId;
    if (record.test) principal.test = true;
    c.set('principal', principal);
    await spendRateLimit(c, 'RATE_LIMIT_PER_KEY', record.keyId, NO_STORE);
    await next();
    // After the route's own answer or the error handler's (Hono hands either back here). A
    // route's own `no-store` (a file download's `private, no-store`) is kept.
    if (!/\bno-store\b/.test(c.res.headers.get('cache-control') ?? '')) {
      c.res.headers.set('cache-control', 'no-store');
    }
  };
}

/**
 * A contract's middleware: the caller's key must be of `role`, else 403. It
 * runs after `authenticate` and before the request is validated, so a key
 * that may not make the call learns that first, not what its body lacks.
 *
 * @example
 * createRoute({ method: 'post', path: '/v1/claims', middleware: [onlyRole('shop')], … });
 */
export function onlyRole(role: ActorRole): MiddlewareHandler<HonoEnv> {
  return async function onlyRoleMiddleware(c, next) {
    const principal = c.get('principal');
    if (principal.role !== role) {
      throw new ProblemError(
        'forbidden',
        `Only a ${role} key may do this; yours is a ${principal.role} key.`,
      );
    }
    await next();
  };
}

/** The actor recorded in history (defined beside the claim service, which records it). */
export { actorOf } from '../services/actor';

/**
 * A contract's middleware: the caller's key must be a test key (`pct_test_…`, a shop's
 * sandbox), else a 403 `test-key-required`: the sandbox never writes into a live shop.
 *
 * @example
 * createRoute({ method: 'post', path: '/v1/test/carrier-events', middleware: [onlyTestKey()], … });
 */
export function onlyTestKey(): MiddlewareHandler<HonoEnv> {
  return async function onlyTestKeyMiddleware(c, next) {
    if (c.get('principal').test !== true) {
      throw new ProblemError(
        'testKeyRequired',
        'The sandbox takes test keys only (pct_test_…: npm run keys -- create --test --shop <id>); yours is a live key.',
      );
    }
    await next();
  };
}
