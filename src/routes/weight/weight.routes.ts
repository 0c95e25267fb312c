import { createRoute } from '@hono/zod-openapi';
import { withExamples } from '../../schemas/problem.examples';
import { bodyErrorResponses } from '../../schemas/problem.schema';
import { WeightRequestSchema, WeightResultSchema } from '../../schemas/weight.schema';
import { examples } from '../examples';
import { jsonBody, jsonResponse } from '../router';

export const weightRoute = createRoute({
  method: 'post',
  path: '/v1/weight',
  operationId: 'computeChargeableWeight',
  tags: ['calculators'],
  security: [],
  summary: 'Chargeable weight of a shipment',
  description:
    'Per package: volumetric weight (L×W×H / divisor), physical weight, and the larger of the two, rounded up to the policy step. The shipment total is the sum. `carrier` picks the policy (default cdek) and so its divisor; `divisor` (1000–10000) overrides it.',
  request: { body: jsonBody(WeightRequestSchema, 'The packages, as measured') },
  responses: {
    200: jsonResponse(
      WeightResultSchema,
      'Weights and the lines that explain them',
      examples.weight,
    ),
    ...bodyErrorResponses,
    422: withExamples(bodyErrorResponses[422], 'fieldErrors'),
    429: withExamples(bodyErrorResponses[429], 'rateLimitedAddress'),
  },
});
