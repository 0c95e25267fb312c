/** A late shipment's delay notice: the query becomes the message service's arguments. */
import type { RouteHandler } from '@hono/zod-openapi';
import type { HonoEnv } from '../../hono-env';
import type { shipmentMessageSentRoute, shipmentMessagesRoute } from './shipment-messages.routes';

export const shipmentMessagesHandler: RouteHandler<typeof shipmentMessagesRoute, HonoEnv> = async (
  c,
) => {
  const { shipmentId } = c.req.valid('param');
  const { lang, shopId } = c.req.valid('query');
  const { messages } = c.var.services;
  return c.json(
    { items: await messages.forShipment(c.var.principal, shipmentId, lang, shopId) },
    200,
  );
};

export const shipmentMessageSentHandler: RouteHandler<
  typeof shipmentMessageSentRoute,
  HonoEnv
> = async (c) => {
  const { shipmentId, messageId } = c.req.valid('param');
  const { lang, shopId } = c.req.valid('query');
  const { messages } = c.var.services;
  const sent = await messages.markShipmentSent(
    c.var.principal,
    shipmentId,
    messageId,
    lang,
    shopId,
  );
  return c.json(sent, 200);
};
