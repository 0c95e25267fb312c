import { authenticate } from '../../http/auth';
import { createRouter, route } from '../router';
import * as h from './shop.handlers';
import * as r from './shop.routes';

export const shopRouter = createRouter();
shopRouter.use('/v1/shop', authenticate());
route(shopRouter, r.getShopRoute, h.getShopHandler);
route(shopRouter, r.putShopRoute, h.putShopHandler);
