import { authenticate } from '../../http/auth';
import { createRouter, route } from '../router';
import * as h from './carrier-accounts.handlers';
import * as r from './carrier-accounts.routes';

export const carrierAccountsRouter = createRouter();
carrierAccountsRouter.use('/v1/carrier-accounts/*', authenticate());
route(carrierAccountsRouter, r.putCdekAccountRoute, h.putCdekAccountHandler);
route(carrierAccountsRouter, r.getCdekAccountRoute, h.getCdekAccountHandler);
route(carrierAccountsRouter, r.deleteCdekAccountRoute, h.deleteCdekAccountHandler);
