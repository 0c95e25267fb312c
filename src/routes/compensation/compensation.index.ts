import { createRouter } from '../router';
import { damagedHandler, lateHandler, lostHandler } from './compensation.handlers';
import { damagedRoute, lateRoute, lostRoute } from './compensation.routes';

export const compensationRouter = createRouter()
  .openapi(lateRoute, lateHandler)
  .openapi(lostRoute, lostHandler)
  .openapi(damagedRoute, damagedHandler);
