import { authenticate } from '../../http/auth';
import { createRouter, route } from '../router';
import * as h from './shipments.handlers';
import * as r from './shipments.routes';

export const shipmentsRouter = createRouter();
shipmentsRouter.use('/v1/shipments', authenticate());
shipmentsRouter.use('/v1/shipments/*', authenticate());
route(shipmentsRouter, r.listLateShipmentsRoute, h.listLateShipmentsHandler);
route(shipmentsRouter, r.getShipmentRoute, h.getShipmentHandler);
route(shipmentsRouter, r.recordEventRoute, h.recordEventHandler);
