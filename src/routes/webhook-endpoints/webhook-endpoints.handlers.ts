/** Webhook endpoints: thin handlers over the endpoint service (src/services/webhook-endpoints.ts). */
import type { RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { HonoEnv } from '../../hono-env';
import { versionPrecondition } from '../../http/if-match';
import type * as routes from './webhook-endpoints.routes';

type Handler<R extends RouteConfig> = RouteHandler<R, HonoEnv>;

/** The shop a shop key belongs to (the routes let only shop keys through). */
const shopOf = (c: { var: HonoEnv['Variables'] }) => c.var.principal.shopId ?? '';
const etag = (e: { version: number }) => ({ etag: `"${e.version}"` });

export const createEndpointHandler: Handler<typeof routes.createEndpointRoute> = async (c) => {
  const made = await c.var.services.webhookEndpoints.create(shopOf(c), c.req.valid('json'));
  return c.json(made, 201, { location: `/v1/webhook-endpoints/${made.id}`, ...etag(made) });
};

export const listEndpointsHandler: Handler<typeof routes.listEndpointsRoute> = async (c) =>
  c.json({ items: await c.var.services.webhookEndpoints.list(shopOf(c)) }, 200);

export const getEndpointHandler: Handler<typeof routes.getEndpointRoute> = async (c) => {
  const endpoint = await c.var.services.webhookEndpoints.get(shopOf(c), c.req.valid('param').id);
  return c.json(endpoint, 200, etag(endpoint));
};

export const patchEndpointHandler: Handler<typeof routes.patchEndpointRoute> = async (c) => {
  const endpoint = await c.var.services.webhookEndpoints.update(
    shopOf(c),
    c.req.valid('param').id,
    c.req.valid('json'),
    versionPrecondition(c.req.header('if-match')),
  );
  return c.json(endpoint, 200, etag(endpoint));
};

export const deleteEndpointHandler: Handler<typeof routes.deleteEndpointRoute> = async (c) => {
  const deleted = await c.var.services.webhookEndpoints.remove(shopOf(c), c.req.valid('param').id);
  return c.json(deleted, 200);
};

export const rotateSecretHandler: Handler<typeof routes.rotateSecretRoute> = async (c) => {
  const rotated = await c.var.services.webhookEndpoints.rotateSecret(
    shopOf(c),
    c.req.valid('param').id,
  );
  return c.json(rotated, 200, etag(rotated));
};

export const testEndpointHandler: Handler<typeof routes.testEndpointRoute> = async (c) =>
  c.json(await c.var.services.webhookEndpoints.test(shopOf(c), c.req.valid('param').id), 202);

export const recoverHandler: Handler<typeof routes.recoverRoute> = async (c) => {
  const { since, cursor } = c.req.valid('json');
  const result = await c.var.services.webhookDeliveries.recover(
    shopOf(c),
    c.req.valid('param').id,
    since,
    cursor,
  );
  const { cursor: next, ...rest } = result;
  return c.json(next === undefined ? rest : { ...rest, nextCursor: next }, 202);
};
