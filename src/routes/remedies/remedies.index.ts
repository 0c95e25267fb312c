import { authenticate } from '../../http/auth';
import { createRouter, route } from '../router';
import * as h from './remedies.handlers';
import * as r from './remedies.routes';

/** Under /v1/claims/{id}/remedies (authenticated like the claims: `claimsRouter` runs first). */
export const remediesRouter = createRouter();
remediesRouter.use('/v1/claims/*', authenticate());
route(remediesRouter, r.offerRemedyRoute, h.offerRemedyHandler);
route(remediesRouter, r.listRemediesRoute, h.listRemediesHandler);
route(remediesRouter, r.acceptRemedyRoute, h.acceptRemedyHandler);
route(remediesRouter, r.declineRemedyRoute, h.declineRemedyHandler);
