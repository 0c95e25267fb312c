import { createRoute, z } from '@hono/zod-openapi';
import { onlyRole } from '../../http/auth';
import { conflictProblem, problem } from '../../schemas/problem.schema';
import {
  DeliveryStatusSchema,
  WebhookDeliveryListSchema,
  WebhookDeliverySchema,
} from '../../schemas/webhook.schema';
import { apiKeyErrors, apiKeySecurity, describeRole, noBodyErrors } from '../api-key-contract';
import { jsonResponse } from '../router';
import { deliveryExample, replayedExample } from '../webhook-endpoints/webhook-endpoints.examples';

const tags = ['webhooks'];
const security = apiKeySecurity;
const middleware = [onlyRole('shop')];

export const listDeliveriesRoute = createRoute({
  method: 'get',
  path: '/v1/webhook-deliveries',
  operationId: 'listWebhookDeliveries',
  tags,
  security,
  middleware,
  summary: 'An endpoint’s deliveries with every attempt, newest first (shop key)',
  description: describeRole(
    'shop',
    'Each delivery is one event sent to the endpoint, with every attempt: when, the status code, how long it took, the first 1 KB of the answer (or why none came). `status` keeps one kind: `pending` (being tried), `succeeded`, `failed` (the last attempt failed, or the endpoint answered 410 or was disabled). Kept 30 days. A page may hold fewer than `limit` when filtered by `status` (the filter runs on each page read): follow `nextCursor` until it is absent.',
  ),
  request: {
    query: z.object({
      endpointId: z
        .string()
        .regex(/^we_[0-9a-f]{32}$/, 'is not an endpoint id (we_ and 32 hex digits)')
        .openapi({ example: deliveryExample.endpointId }),
      status: DeliveryStatusSchema.optional(),
      limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ example: 20 }),
      cursor: z.string().max(2000).optional().openapi({
        description: 'nextCursor of the previous page, unchanged (bound to the query)',
      }),
    }),
  },
  responses: {
    200: jsonResponse(WebhookDeliveryListSchema, 'A page of deliveries', {
      items: [deliveryExample],
    }),
    404: problem(404, 'No such endpoint (or another shop’s)'),
    422: problem(422, 'A query parameter breaks a rule, or the cursor is not this listing’s'),
    ...noBodyErrors,
    ...apiKeyErrors,
  },
});

export const replayDeliveryRoute = createRoute({
  method: 'post',
  path: '/v1/webhook-deliveries/{id}/replay',
  operationId: 'replayWebhookDelivery',
  tags,
  security,
  middleware,
  summary: 'Send a delivery again now (shop key)',
  description: describeRole(
    'shop',
    'A new attempt series of the same event to the same endpoint: the same `webhook-id` and body (a receiver that kept it drops the repeat), retried on the schedule like the first. Its attempts so far stay listed. An endpoint that is disabled answers 409: enable it first.',
  ),
  request: {
    params: z.object({
      // Any id of a sane length: one that is not a delivery's is a 404, as an unknown one.
      id: z
        .string()
        .min(1)
        .max(600)
        .openapi({ param: { name: 'id', in: 'path' }, example: deliveryExample.id }),
    }),
  },
  responses: {
    202: jsonResponse(WebhookDeliverySchema, 'Sent to the delivery queue', replayedExample),
    404: problem(404, 'No such delivery (or another shop’s), or its endpoint was deleted'),
    409: conflictProblem(
      'The endpoint is disabled (`webhook-endpoint-disabled`): enable it first',
      'webhookEndpointDisabled',
    ),
    422: problem(422, 'Bad id'),
    ...noBodyErrors,
    ...apiKeyErrors,
  },
});
