/** A shop's CDEK credentials: the carrier-account service does the work (src/services/carrier-accounts.ts). */
import type { RouteHandler } from '@hono/zod-openapi';
import type { HonoEnv } from '../../hono-env';
import type * as routes from './carrier-accounts.routes';

export const putCdekAccountHandler: RouteHandler<
  typeof routes.putCdekAccountRoute,
  HonoEnv
> = async (c) => {
  const { account, created } = await c.var.services.carrierAccounts.put(
    c.var.principal,
    'cdek',
    c.req.valid('json'),
  );
  return created ? c.json(account, 201) : c.json(account, 200);
};

export const getCdekAccountHandler: RouteHandler<
  typeof routes.getCdekAccountRoute,
  HonoEnv
> = async (c) => c.json(await c.var.services.carrierAccounts.get(c.var.principal, 'cdek'), 200);

export const deleteCdekAccountHandler: RouteHandler<
  typeof routes.deleteCdekAccountRoute,
  HonoEnv
> = async (c) => {
  await c.var.services.carrierAccounts.remove(c.var.principal, 'cdek');
  return c.body(null, 204);
};
