/**
 * The orders API: the shipment service does the work; the answer is the order with its
 * version as ETag. Errors go to the one error handler.
 */
import type { RouteHandler } from '@hono/zod-openapi';
import type { HonoEnv } from '../../hono-env';
import type { getOrderRoute, putOrderRoute } from './orders.routes';

export const putOrderHandler: RouteHandler<typeof putOrderRoute, HonoEnv> = async (c) => {
  const { orderId } = c.req.valid('param');
  const { order, created } = await c.var.services.shipments.putOrder(
    c.var.principal,
    orderId,
    c.req.valid('json'),
  );
  c.header('etag', `"${order.version}"`);
  return created ? c.json(order, 201) : c.json(order, 200);
};

export const getOrderHandler: RouteHandler<typeof getOrderRoute, HonoEnv> = async (c) => {
  const { orderId } = c.req.valid('param');
  const { shopId } = c.req.valid('query');
  const order = await c.var.services.shipmentClaims.getOrder(c.var.principal, orderId, shopId);
  return c.json(order, 200);
};
