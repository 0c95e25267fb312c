import { authenticate } from '../../http/auth';
import { createRouter, route } from '../router';
import * as h from './personal-data.handlers';
import * as r from './personal-data.routes';

/** Under /v1/personal-data: shop keys (each contract says so). */
export const personalDataRouter = createRouter();
personalDataRouter.use('/v1/personal-data', authenticate());
personalDataRouter.use('/v1/personal-data/*', authenticate());
route(personalDataRouter, r.createErasureRoute, h.createErasureHandler);
route(personalDataRouter, r.listErasuresRoute, h.listErasuresHandler);
route(personalDataRouter, r.getErasureRoute, h.getErasureHandler);
route(personalDataRouter, r.exportPersonalDataRoute, h.exportPersonalDataHandler);
