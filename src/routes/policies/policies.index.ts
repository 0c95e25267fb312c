import { createRouter } from '../router';
import { getPolicyHandler, listPoliciesHandler } from './policies.handlers';
import { getPolicyRoute, listPoliciesRoute } from './policies.routes';

export const policiesRouter = createRouter()
  .openapi(listPoliciesRoute, listPoliciesHandler)
  .openapi(getPolicyRoute, getPolicyHandler);
