/** The sandbox's carrier: the sandbox service does the work (src/services/sandbox.ts). */
import type { RouteHandler } from '@hono/zod-openapi';
import type { HonoEnv } from '../../hono-env';
import type * as routes from './sandbox.routes';

export const sandboxCarrierEventHandler: RouteHandler<
  typeof routes.sandboxCarrierEventRoute,
  HonoEnv
> = async (c) =>
  c.json(await c.var.services.sandbox.carrierEvent(c.var.principal, c.req.valid('json')), 200);
