import { createRouter, route } from '../router';
import { docsPage, healthHandler, problemTypeHandler } from './meta.handlers';
import { healthRoute, problemTypeRoute } from './meta.routes';

export const metaRouter = createRouter();
route(metaRouter, healthRoute, healthHandler);
route(metaRouter, problemTypeRoute, problemTypeHandler);
metaRouter.get('/docs', (c) => c.html(docsPage));
