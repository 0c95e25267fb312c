import { createRoute, z } from '@hono/zod-openapi';
import { onlyRole } from '../../http/auth';
import { IfMatchHeaderSchema } from '../../schemas/claim.schema';
import { conflictProblem, problem } from '../../schemas/problem.schema';
import {
  RecoverInputSchema,
  RecoverResultSchema,
  WebhookEndpointInputSchema,
  WebhookEndpointListSchema,
  WebhookEndpointPatchSchema,
  WebhookEndpointSchema,
  WebhookEndpointWithSecretSchema,
  WebhookTestResultSchema,
} from '../../schemas/webhook.schema';
import {
  apiKeyErrors,
  apiKeySecurity,
  describeRole,
  jsonBodyErrors,
  noBodyErrors,
} from '../api-key-contract';
import { jsonBody, jsonResponse } from '../router';
import * as x from './webhook-endpoints.examples';

const tags = ['webhooks'];
const security = apiKeySecurity;
const middleware = [onlyRole('shop')];
const notFound = problem(404, 'No such endpoint (or another shop’s)');
const disabled = conflictProblem(
  'The endpoint is disabled (`webhook-endpoint-disabled`): enable it first',
  'webhookEndpointDisabled',
);

export const EndpointParamsSchema = z.object({
  // Any id of a sane length: one that is not an endpoint's is a 404, as an unknown one.
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: x.endpointExample.id }),
});

export const createEndpointRoute = createRoute({
  method: 'post',
  path: '/v1/webhook-endpoints',
  operationId: 'createWebhookEndpoint',
  tags,
  security,
  middleware,
  summary: 'Add a webhook endpoint (shop key)',
  description: describeRole(
    'shop',
    'Events of the types in `events` are POSTed to `url` from now on, signed (Standard Webhooks) with the secret in this answer, shown once. Payload: `{"type","timestamp","sequence"?,"data"}`, `data` the resource as the API returns it, `sequence` its per-claim or per-shipment order (drop one older than one you had). A 2xx answer within 15 s is success; anything else (a redirect too) is retried 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h later; `410 Gone` disables the endpoint at once, and 5 days of failures with no success disable it too. A shop has at most 10 endpoints (a 422 `webhook-endpoint-limit` with `maximum`).',
  ),
  request: {
    body: jsonBody(
      WebhookEndpointInputSchema.openapi({ example: x.endpointInputExample }),
      'The endpoint',
    ),
  },
  responses: {
    201: jsonResponse(
      WebhookEndpointWithSecretSchema,
      'Added; `Location` names it; `secret` is shown this once',
      { ...x.endpointExample, secret: x.secretExample },
      ['Location', 'ETag'],
    ),
    ...jsonBodyErrors,
    422: problem(
      422,
      'A field breaks a rule (`url` not https, naming a private or loopback address, with credentials, longer than 2048; an unknown event type), or the shop has 10 endpoints already (`webhook-endpoint-limit`, with `maximum`)',
    ),
    ...apiKeyErrors,
  },
});

export const listEndpointsRoute = createRoute({
  method: 'get',
  path: '/v1/webhook-endpoints',
  operationId: 'listWebhookEndpoints',
  tags,
  security,
  middleware,
  summary: 'The shop’s webhook endpoints, oldest first (shop key)',
  description: describeRole('shop', 'At most 10, so one page holds them all. No secrets.'),
  responses: {
    200: jsonResponse(WebhookEndpointListSchema, 'The endpoints', { items: [x.endpointExample] }),
    ...noBodyErrors,
    ...apiKeyErrors,
  },
});

export const getEndpointRoute = createRoute({
  method: 'get',
  path: '/v1/webhook-endpoints/{id}',
  operationId: 'getWebhookEndpoint',
  tags,
  security,
  middleware,
  summary: 'One webhook endpoint (shop key)',
  description: describeRole(
    'shop',
    'Its state (enabled, why disabled, failing since when); no secret.',
  ),
  request: { params: EndpointParamsSchema },
  responses: {
    200: jsonResponse(WebhookEndpointSchema, 'The endpoint', x.endpointExample, ['ETag']),
    404: notFound,
    422: problem(422, 'Bad id'),
    ...noBodyErrors,
    ...apiKeyErrors,
  },
});

export const patchEndpointRoute = createRoute({
  method: 'patch',
  path: '/v1/webhook-endpoints/{id}',
  operationId: 'updateWebhookEndpoint',
  tags,
  security,
  middleware,
  summary: 'Change, disable or enable an endpoint (shop key)',
  description: describeRole(
    'shop',
    'Only the fields sent change. `enabled: false` stops its deliveries (pending ones too); `enabled: true` enables it again with a clean record: send what failed meanwhile with `POST …/{id}/recover`. With `If-Match` (its ETag), a change over another one is a 412.',
  ),
  request: {
    params: EndpointParamsSchema,
    headers: IfMatchHeaderSchema,
    body: jsonBody(
      WebhookEndpointPatchSchema.openapi({ example: { enabled: false } }),
      'The changes',
    ),
  },
  responses: {
    200: jsonResponse(WebhookEndpointSchema, 'Changed', x.disabledExample, ['ETag']),
    404: notFound,
    412: problem(412, '`If-Match` names another version of the endpoint'),
    ...jsonBodyErrors,
    ...apiKeyErrors,
  },
});

export const deleteEndpointRoute = createRoute({
  method: 'delete',
  path: '/v1/webhook-endpoints/{id}',
  operationId: 'deleteWebhookEndpoint',
  tags,
  security,
  middleware,
  summary: 'Delete an endpoint (shop key)',
  description: describeRole(
    'shop',
    'Nothing more is sent to it; its deliveries expire with their events (30 days).',
  ),
  request: { params: EndpointParamsSchema },
  responses: {
    200: jsonResponse(WebhookEndpointSchema, 'Deleted; the endpoint as it was', x.endpointExample),
    404: notFound,
    422: problem(422, 'Bad id'),
    ...noBodyErrors,
    ...apiKeyErrors,
  },
});

export const rotateSecretRoute = createRoute({
  method: 'post',
  path: '/v1/webhook-endpoints/{id}/rotate-secret',
  operationId: 'rotateWebhookSecret',
  tags,
  security,
  middleware,
  summary: 'A new signing secret (shop key)',
  description: describeRole(
    'shop',
    'The new secret is shown in this answer only. For 24 hours (`previousSecretExpiresAt`) every message carries two signatures, space-separated in `webhook-signature`: one with the new secret, one with the previous; a Standard Webhooks verifier accepts either, so the receiver can switch at its own pace. After that only the new one signs. A secret rotated out before is dropped at once.',
  ),
  request: { params: EndpointParamsSchema },
  responses: {
    200: jsonResponse(WebhookEndpointWithSecretSchema, 'Rotated', x.rotatedExample, ['ETag']),
    404: notFound,
    422: problem(422, 'Bad id'),
    ...noBodyErrors,
    ...apiKeyErrors,
  },
});

export const testEndpointRoute = createRoute({
  method: 'post',
  path: '/v1/webhook-endpoints/{id}/test',
  operationId: 'testWebhookEndpoint',
  tags,
  security,
  middleware,
  summary: 'Send a webhook.test event to this endpoint (shop key)',
  description: describeRole(
    'shop',
    'A `webhook.test` event, to this endpoint only, signed and retried like any other; follow it with `GET /v1/webhook-deliveries?endpointId=…`.',
  ),
  request: { params: EndpointParamsSchema },
  responses: {
    202: jsonResponse(WebhookTestResultSchema, 'Sent to the delivery queue', {
      eventId: 'evt_test_0b6f1c2e8a9d4c1e9f3a1d2e3f4a5b6c',
      deliveryId: `wd_${x.endpointExample.id.slice(3)}_1796626800000_evt_test_0b6f1c2e8a9d4c1e9f3a1d2e3f4a5b6c`,
    }),
    404: notFound,
    409: disabled,
    422: problem(422, 'Bad id'),
    ...noBodyErrors,
    ...apiKeyErrors,
  },
});

export const recoverRoute = createRoute({
  method: 'post',
  path: '/v1/webhook-endpoints/{id}/recover',
  operationId: 'recoverWebhookEndpoint',
  tags,
  security,
  middleware,
  summary: 'Send again every failed delivery since an instant (shop key)',
  description: describeRole(
    'shop',
    'Every failed delivery of this endpoint whose event happened at `since` or later is sent again (a new attempt series, the same `webhook-id`), oldest first, at most 50 deliveries examined per call: `replayed` says how many were sent, and `nextCursor`, when present, continues (send it back as `cursor` with the same `since`). Events are kept 30 days.',
  ),
  request: {
    params: EndpointParamsSchema,
    body: jsonBody(
      RecoverInputSchema.openapi({ example: { since: '2026-12-06T00:00:00Z' } }),
      'Since when',
    ),
  },
  responses: {
    202: jsonResponse(RecoverResultSchema, 'Sent to the delivery queue', { replayed: 3 }),
    404: notFound,
    409: disabled,
    ...jsonBodyErrors,
    ...apiKeyErrors,
  },
});
