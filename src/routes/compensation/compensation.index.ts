import { createRouter, route } from '../router';
import { damagedHandler, lateHandler, lostHandler } from './compensation.handlers';
import { damagedRoute, lateRoute, lostRoute } from './compensation.routes';

export const compensationRouter = createRouter();
route(compensationRouter, lateRoute, lateHandler);
route(compensationRouter, lostRoute, lostHandler);
route(compensationRouter, damagedRoute, damagedHandler);
