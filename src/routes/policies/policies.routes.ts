import { createRoute } from '@hono/zod-openapi';
import { listPolicies } from '../../domain/policies';
import { PolicyListSchema, PolicyParamsSchema, PolicySchema } from '../../schemas/policy.schema';
import { readErrorResponses } from '../../schemas/problem.schema';
import { jsonResponse } from '../router';

const tags = ['reference'];
const security: [] = [];

export const listPoliciesRoute = createRoute({
  method: 'get',
  path: '/v1/policies',
  operationId: 'listPolicies',
  tags,
  security,
  summary: 'Carrier policies',
  description: 'Every carrier policy the calculators know, with its version and source.',
  responses: {
    200: jsonResponse(PolicyListSchema, 'All policies', { items: listPolicies().slice(0, 1) }),
    500: readErrorResponses[500],
  },
});

export const getPolicyRoute = createRoute({
  method: 'get',
  path: '/v1/policies/{id}',
  operationId: 'getPolicy',
  tags,
  security,
  summary: 'One carrier policy',
  request: { params: PolicyParamsSchema },
  responses: {
    200: jsonResponse(PolicySchema, 'The policy', listPolicies()[0]),
    ...readErrorResponses,
  },
});
