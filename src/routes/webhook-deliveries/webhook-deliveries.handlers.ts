/** Webhook deliveries: thin handlers over the delivery service (src/services/webhook-deliveries.ts). */
import type { RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { HonoEnv } from '../../hono-env';
import { deliveryView } from '../../services/webhook-view';
import type * as routes from './webhook-deliveries.routes';

type Handler<R extends RouteConfig> = RouteHandler<R, HonoEnv>;

export const listDeliveriesHandler: Handler<typeof routes.listDeliveriesRoute> = async (c) => {
  const { endpointId, status, limit, cursor } = c.req.valid('query');
  const page = await c.var.services.webhookDeliveries.list(
    c.var.principal.shopId ?? '',
    endpointId,
    status === undefined ? {} : { status },
    cursor === undefined ? { limit } : { limit, cursor },
  );
  const items = page.items.map(deliveryView);
  return c.json(page.cursor === undefined ? { items } : { items, nextCursor: page.cursor }, 200);
};

export const replayDeliveryHandler: Handler<typeof routes.replayDeliveryRoute> = async (c) => {
  const replayed = await c.var.services.webhookDeliveries.replay(
    c.var.principal.shopId ?? '',
    c.req.valid('param').id,
  );
  return c.json(deliveryView(replayed), 202);
};
