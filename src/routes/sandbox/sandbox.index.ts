import { authenticate } from '../../http/auth';
import { createRouter, route } from '../router';
import * as h from './sandbox.handlers';
import * as r from './sandbox.routes';

export const sandboxRouter = createRouter();
sandboxRouter.use('/v1/test/*', authenticate());
route(sandboxRouter, r.sandboxCarrierEventRoute, h.sandboxCarrierEventHandler);
