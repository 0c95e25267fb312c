import { authenticate } from '../../http/auth';
import { createRouter, route } from '../router';
import * as h from './webhook-endpoints.handlers';
import * as r from './webhook-endpoints.routes';

/** Under /v1/webhook-endpoints: a shop's endpoints (shop keys). */
export const webhookEndpointsRouter = createRouter();
webhookEndpointsRouter.use('/v1/webhook-endpoints', authenticate());
webhookEndpointsRouter.use('/v1/webhook-endpoints/*', authenticate());
route(webhookEndpointsRouter, r.createEndpointRoute, h.createEndpointHandler);
route(webhookEndpointsRouter, r.listEndpointsRoute, h.listEndpointsHandler);
route(webhookEndpointsRouter, r.getEndpointRoute, h.getEndpointHandler);
route(webhookEndpointsRouter, r.patchEndpointRoute, h.patchEndpointHandler);
route(webhookEndpointsRouter, r.deleteEndpointRoute, h.deleteEndpointHandler);
route(webhookEndpointsRouter, r.rotateSecretRoute, h.rotateSecretHandler);
route(webhookEndpointsRouter, r.testEndpointRoute, h.testEndpointHandler);
route(webhookEndpointsRouter, r.recoverRoute, h.recoverHandler);
