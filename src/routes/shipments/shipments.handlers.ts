/**
 * The shipments API: the shipment service does the work. Errors go to the one error handler.
 */
import type { RouteHandler } from '@hono/zod-openapi';
import { deferOf } from '../../http/defer';
import type { HonoEnv } from '../../hono-env';
import type * as routes from './shipments.routes';

export const getShipmentHandler: RouteHandler<typeof routes.getShipmentRoute, HonoEnv> = async (
  c,
) => {
  const { shipmentId } = c.req.valid('param');
  const { shopId } = c.req.valid('query');
  return c.json(
    await c.var.services.shipmentClaims.getShipment(c.var.principal, shipmentId, shopId),
    200,
  );
};

export const recordEventHandler: RouteHandler<typeof routes.recordEventRoute, HonoEnv> = async (
  c,
) => {
  const { shipmentId } = c.req.valid('param');
  const answer = await c.var.services.shipments.recordEvent(
    c.var.principal,
    shipmentId,
    c.req.valid('json'),
    { defer: deferOf(c) },
  );
  return c.json(answer, 200);
};

export const listLateShipmentsHandler: RouteHandler<
  typeof routes.listLateShipmentsRoute,
  HonoEnv
> = async (c) => {
  const { late: _late, ...query } = c.req.valid('query');
  const page = await c.var.services.shipments.listLate(c.var.principal, query, {
    defer: deferOf(c),
  });
  return c.json(page, 200);
};
