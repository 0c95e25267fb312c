import { createRoute, z } from '@hono/zod-openapi';
import { readErrorResponses, typeUris } from '../../schemas/problem.schema';
import { jsonResponse } from '../router';

export const HealthSchema = z
  .object({ status: z.literal('ok'), service: z.string(), version: z.string() })
  .openapi('Health');

export const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  operationId: 'getHealth',
  tags: ['meta'],
  security: [],
  summary: 'Liveness',
  responses: {
    200: jsonResponse(HealthSchema, 'The service is up', {
      status: 'ok',
      service: 'parcel-claims-api',
      version: '0.1.0',
    }),
  },
});

const ProblemTypeSchema = z
  .object({ type: z.enum(typeUris()), title: z.string(), status: z.number().int() })
  .openapi('ProblemType');

export const problemTypeRoute = createRoute({
  method: 'get',
  path: '/problems/{slug}',
  operationId: 'getProblemType',
  tags: ['meta'],
  security: [],
  summary: 'What a problem `type` means',
  description: 'Every problem `type` URI this API sends resolves here.',
  request: {
    params: z.object({
      slug: z.string().openapi({ param: { name: 'slug', in: 'path' }, example: 'not-found' }),
    }),
  },
  responses: {
    200: jsonResponse(ProblemTypeSchema, 'The problem type', {
      type: '/problems/not-found',
      title: 'Not found',
      status: 404,
    }),
    404: readErrorResponses[404],
  },
});
