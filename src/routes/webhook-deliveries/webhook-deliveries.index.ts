import { authenticate } from '../../http/auth';
import { createRouter, route } from '../router';
import * as h from './webhook-deliveries.handlers';
import * as r from './webhook-deliveries.routes';

/** Under /v1/webhook-deliveries: a shop's deliveries (shop keys). */
export const webhookDeliveriesRouter = createRouter();
webhookDeliveriesRouter.use('/v1/webhook-deliveries', authenticate());
webhookDeliveriesRouter.use('/v1/webhook-deliveries/*', authenticate());
route(webhookDeliveriesRouter, r.listDeliveriesRoute, h.listDeliveriesHandler);
route(webhookDeliveriesRouter, r.replayDeliveryRoute, h.replayDeliveryHandler);
