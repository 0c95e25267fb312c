import { createRouter, route } from '../router';
import { healthHandler, problemTypeHandler } from './meta.handlers';
import { healthRoute, problemTypeRoute } from './meta.routes';

export const metaRouter = createRouter();
route(metaRouter, healthRoute, healthHandler);
route(metaRouter, problemTypeRoute, problemTypeHandler);
