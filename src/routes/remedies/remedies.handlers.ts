/**
 * The remedies API: thin handlers over the remedy service; errors go to the
 * one error handler.
 */
import type { RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { HonoEnv } from '../../hono-env';
import type * as routes from './remedies.routes';

type Handler<R extends RouteConfig> = RouteHandler<R, HonoEnv>;

export const offerRemedyHandler: Handler<typeof routes.offerRemedyRoute> = async (c) => {
  const { id } = c.req.valid('param');
  const remedy = await c.var.services.remedies.offer(c.var.principal, id, c.req.valid('json'));
  c.header('location', `/v1/claims/${id}/remedies/${remedy.id}`);
  return c.json(remedy, 201);
};

export const listRemediesHandler: Handler<typeof routes.listRemediesRoute> = async (c) => {
  const items = await c.var.services.remedies.list(c.var.principal, c.req.valid('param').id);
  return c.json({ items }, 200);
};

export const acceptRemedyHandler: Handler<typeof routes.acceptRemedyRoute> = async (c) => {
  const { id, remedyId } = c.req.valid('param');
  return c.json(
    await c.var.services.remedies.answer(c.var.principal, id, remedyId, 'accepted'),
    200,
  );
};

export const declineRemedyHandler: Handler<typeof routes.declineRemedyRoute> = async (c) => {
  const { id, remedyId } = c.req.valid('param');
  return c.json(
    await c.var.services.remedies.answer(c.var.principal, id, remedyId, 'declined'),
    200,
  );
};
