import { createRouter, route } from '../router';
import { healthHandler, problemTypeHandler, readyHandler } from './meta.handlers';
import { healthRoute, problemTypeRoute, readyRoute } from './meta.routes';

export const metaRouter = createRouter();
route(metaRouter, healthRoute, healthHandler);
route(metaRouter, readyRoute, readyHandler);
route(metaRouter, problemTypeRoute, problemTypeHandler);
