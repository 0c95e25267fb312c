/** The shop's events: a thin handler over the event service (src/services/events.ts). */
import type { RouteHandler, z } from '@hono/zod-openapi';
import type { HonoEnv } from '../../hono-env';
import type { EventListSchema } from '../../schemas/event.schema';
import type { listEventsRoute } from './events.routes';

type Listed = z.output<typeof EventListSchema>['items'];

export const listEventsHandler: RouteHandler<typeof listEventsRoute, HonoEnv> = async (c) => {
  const page = await c.var.services.events.list(c.var.principal.shopId ?? '', c.req.valid('query'));
  // The bodies as recorded: each source wrote its `data` from the answer these schemas describe.
  const items = page.items as Listed;
  return c.json(page.cursor === undefined ? { items } : { items, nextCursor: page.cursor }, 200);
};
