import { createRouter, route } from '../router';
import { getPolicyHandler, listPoliciesHandler } from './policies.handlers';
import { getPolicyRoute, listPoliciesRoute } from './policies.routes';

export const policiesRouter = createRouter();
route(policiesRouter, listPoliciesRoute, listPoliciesHandler);
route(policiesRouter, getPolicyRoute, getPolicyHandler);
