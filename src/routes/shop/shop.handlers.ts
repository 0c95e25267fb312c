/** The shop's profile: the shop service does the work, the answer carries its ETag. */
import type { RouteHandler } from '@hono/zod-openapi';
import type { HonoEnv } from '../../hono-env';
import type * as routes from './shop.routes';

export const getShopHandler: RouteHandler<typeof routes.getShopRoute, HonoEnv> = async (c) => {
  const profile = await c.var.services.shops.get(c.var.principal, c.req.valid('query').shopId);
  return c.json(profile, 200, { etag: `"${profile.version}"` });
};

export const putShopHandler: RouteHandler<typeof routes.putShopRoute, HonoEnv> = async (c) => {
  const { profile, created } = await c.var.services.shops.put(c.var.principal, c.req.valid('json'));
  const etag = `"${profile.version}"`;
  if (created) return c.json(profile, 201, { etag });
  return c.json(profile, 200, { etag });
};
