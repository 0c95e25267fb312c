import type { Context } from 'hono';
import { authenticate } from '../../http/auth';
import type { HonoEnv } from '../../hono-env';
import { createRouter, route } from '../router';
import * as h from './carrier-hooks.handlers';
import * as r from './carrier-hooks.routes';

export const carrierHooksRouter = createRouter();
const keyed = authenticate();
// The hook's own calls carry no key (the token is in the path); every other call does. (One
// wildcard, not `/v1/carrier-hooks/:id`: a parameter beside the fixed `unmatched` and `cdek`
// would cost every request Hono's RegExpRouter.)
carrierHooksRouter.use('/v1/carrier-hooks', keyed);
carrierHooksRouter.use('/v1/carrier-hooks/*', async function keyedUnlessHookCall(c, next) {
  return isCarrierHookCall(c) ? next() : keyed(c, next);
});
route(carrierHooksRouter, r.createCarrierHookRoute, h.createCarrierHookHandler);
route(carrierHooksRouter, r.listCarrierHooksRoute, h.listCarrierHooksHandler);
route(carrierHooksRouter, r.listUnmatchedRoute, h.listUnmatchedHandler);
route(carrierHooksRouter, r.revokeCarrierHookRoute, h.revokeCarrierHookHandler);
// Documented with CDEK's payload as its body; served with the path checked only.
carrierHooksRouter.openAPIRegistry.registerPath(r.receiveCdekHookRoute);
route(carrierHooksRouter, r.receiveCdekHookServedRoute, h.receiveCdekHookHandler);

/**
 * An inbound hook call: its body is its route's own (any Content-Type, its own size check),
 * as an evidence file's is (src/http/body-guard.ts `rawBody`).
 * @example isCarrierHookCall(c) // true for POST /v1/carrier-hooks/cdek/<token>
 */
export const isCarrierHookCall = (c: Context<HonoEnv>): boolean =>
  c.req.method === 'POST' && c.req.path.startsWith('/v1/carrier-hooks/cdek/');
