import { authenticate } from '../../http/auth';
import { createRouter, route } from '../router';
import { getOrderHandler, putOrderHandler } from './orders.handlers';
import { getOrderRoute, putOrderRoute } from './orders.routes';

export const ordersRouter = createRouter();
ordersRouter.use('/v1/orders/*', authenticate());
route(ordersRouter, putOrderRoute, putOrderHandler);
route(ordersRouter, getOrderRoute, getOrderHandler);
