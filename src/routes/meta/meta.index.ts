import { createRouter } from '../router';
import { docsPage, healthHandler, problemTypeHandler } from './meta.handlers';
import { healthRoute, problemTypeRoute } from './meta.routes';

export const metaRouter = createRouter()
  .openapi(healthRoute, healthHandler)
  .openapi(problemTypeRoute, problemTypeHandler)
  .get('/docs', (c) => c.html(docsPage));
