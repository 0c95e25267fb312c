import { authenticate } from '../../http/auth';
import { createRouter, route } from '../router';
import { fileShipmentClaimHandler } from './shipment-claims.handlers';
import { fileShipmentClaimRoute } from './shipment-claims.routes';
import { shipmentMessageSentHandler, shipmentMessagesHandler } from './shipment-messages.handlers';
import { shipmentMessageSentRoute, shipmentMessagesRoute } from './shipment-messages.routes';
import * as h from './shipments.handlers';
import * as r from './shipments.routes';

export const shipmentsRouter = createRouter();
shipmentsRouter.use('/v1/shipments', authenticate());
shipmentsRouter.use('/v1/shipments/*', authenticate());
route(shipmentsRouter, r.listLateShipmentsRoute, h.listLateShipmentsHandler);
route(shipmentsRouter, r.getShipmentRoute, h.getShipmentHandler);
route(shipmentsRouter, r.recordEventRoute, h.recordEventHandler);
route(shipmentsRouter, fileShipmentClaimRoute, fileShipmentClaimHandler);
route(shipmentsRouter, shipmentMessagesRoute, shipmentMessagesHandler);
route(shipmentsRouter, shipmentMessageSentRoute, shipmentMessageSentHandler);
