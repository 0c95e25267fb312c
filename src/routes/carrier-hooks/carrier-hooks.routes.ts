import { createRoute } from '@hono/zod-openapi';
import { onlyRole } from '../../http/auth';
import {
  CarrierHookInputSchema,
  CarrierHookListQuerySchema,
  CarrierHookListSchema,
  CarrierHookParamsSchema,
  CarrierHookSchema,
  CarrierHookTokenParamsSchema,
  CdekWebhookSchema,
  HookSummarySchema,
  UnmatchedListSchema,
  UnmatchedQuerySchema,
} from '../../schemas/carrier-hook.schema';
import { problem } from '../../schemas/problem.schema';
import { responseHeaders } from '../../schemas/headers.schema';
import { MAX_HOOKS_PER_SHOP } from '../../services/carrier-hooks';
import { UNMATCHED_KEEP_DAYS } from '../../services/carrier-events';
import { apiKeyErrors, jsonBodyErrors, noBodyErrors } from '../api-key-contract';
import { jsonBody, jsonResponse } from '../router';
import { carrierHookExamples } from './carrier-hooks.examples';

const tags = ['shipments'];
const security = [{ apiKey: [] }];
const SHOP_ONLY = 'Who may call: a **shop** key (its own hooks).';

export const createCarrierHookRoute = createRoute({
  method: 'post',
  path: '/v1/carrier-hooks',
  operationId: 'createCarrierHook',
  tags,
  security,
  middleware: [onlyRole('shop')],
  summary: 'Create a carrier hook: the URL CDEK posts its webhooks to (shop key)',
  description: `${SHOP_ONLY} Answers the hook with its \`url\` (\`<this API>/v1/carrier-hooks/cdek/<secret token>\`), shown this once: only the token’s SHA-256 is kept. Register it with CDEK for \`ORDER_STATUS\` and \`ORDER_MODIFIED\` (and \`DELIV_PROBLEM\`): \`POST https://api.cdek.ru/v2/webhooks {"url": "<url>", "type": "ORDER_STATUS"}\`. From then on CDEK’s reports move the shop’s shipments with no code on its side. A shop has at most ${MAX_HOOKS_PER_SHOP} hooks (more is a 422 naming \`/carrier\`). \`forwardTo\`: see its description.`,
  request: { body: jsonBody(CarrierHookInputSchema, 'The carrier, and where to pass payloads on') },
  responses: {
    201: jsonResponse(
      CarrierHookSchema,
      'Created; `url` holds the token, shown this once; `Location` names the hook',
      carrierHookExamples.created,
      ['Location'],
    ),
    ...jsonBodyErrors,
    ...apiKeyErrors,
  },
});

export const listCarrierHooksRoute = createRoute({
  method: 'get',
  path: '/v1/carrier-hooks',
  operationId: 'listCarrierHooks',
  tags,
  security,
  middleware: [onlyRole('shop')],
  summary: 'The shop’s carrier hooks, without their tokens',
  description: `${SHOP_ONLY} By id. The URL of a hook is never shown again: a lost one is revoked and a new hook made. Cursor pagination.`,
  request: { query: CarrierHookListQuerySchema },
  responses: {
    200: jsonResponse(CarrierHookListSchema, 'A page of hooks', {
      items: [carrierHookExamples.hook, carrierHookExamples.forwarding],
    }),
    422: problem(422, 'A bad `limit` or `cursor`'),
    ...apiKeyErrors,
  },
});

export const revokeCarrierHookRoute = createRoute({
  method: 'delete',
  path: '/v1/carrier-hooks/{id}',
  operationId: 'revokeCarrierHook',
  tags,
  security,
  middleware: [onlyRole('shop')],
  summary: 'Revoke a carrier hook',
  description: `${SHOP_ONLY} Its URL answers a bare 404 from now on (CDEK’s calls to it are lost: remove it at CDEK too, \`DELETE /v2/webhooks/{uuid}\`).`,
  request: { params: CarrierHookParamsSchema },
  responses: {
    204: { description: 'Revoked', headers: responseHeaders() },
    404: problem(404, 'No such hook (another shop’s is not revealed)'),
    422: problem(422, 'A bad hook id'),
    ...noBodyErrors,
    ...apiKeyErrors,
  },
});

export const listUnmatchedRoute = createRoute({
  method: 'get',
  path: '/v1/carrier-hooks/unmatched',
  operationId: 'listUnmatchedCarrierEvents',
  tags,
  security,
  summary: 'Carrier events no shipment took (yet), newest first',
  description: `Who may call: a **shop** key (its own) or a **clerk** key (one shop’s, named by \`shopId\`). Events a hook received for a parcel the shop has no shipment for (\`no_shipment\`: neither its waybill nor its order id), could not tell apart (\`ambiguous\`), or whose shipment refused it (\`refused: …\`, e.g. dated before the order was placed). Each is applied as soon as an order brings its waybill (PUT /v1/orders/{orderId}), or its order id when the order is new, and then leaves this list; kept ${UNMATCHED_KEEP_DAYS} days. Read from an index: one just received may take a moment to show. Cursor pagination.`,
  request: { query: UnmatchedQuerySchema },
  responses: {
    200: jsonResponse(UnmatchedListSchema, 'A page of kept events', {
      items: [carrierHookExamples.unmatched],
    }),
    422: problem(
      422,
      'A bad `limit` or `cursor`; `shopId` with a shop key other than its own, or without one with a clerk key',
    ),
    ...apiKeyErrors,
  },
});

/** Documented with CDEK’s payload as its body; served without body validation (see index). */
export const receiveCdekHookRoute = createRoute({
  method: 'post',
  path: '/v1/carrier-hooks/cdek/{token}',
  operationId: 'receiveCdekWebhook',
  tags: ['carriers'],
  security: [],
  summary: 'The URL CDEK calls (a hook’s `url`): its webhooks in',
  description: `No API key: the secret token in the path is the credential (CDEK signs nothing). Takes CDEK’s payload as it comes (any Content-Type, read as UTF-8 JSON), and answers at once, 200, with what it came to, also when nothing changed: CDEK never sends a report again, so a 4xx would only lose it. \`ORDER_STATUS\` moves the shipment whose \`waybill\` is \`cdek_number\` (else the one shipment of the order \`number\`); \`status_date_time\`’s offset (\`+0700\`) decides the local day. An event for a parcel not known yet, or that the shipment refuses, is kept (GET /v1/carrier-hooks/unmatched) and applied when an order brings its waybill; the same event again is recorded once. The hook’s \`forwardTo\` gets the payload after the answer. An unknown or revoked token: a bare 404 (no body). Not rate-limited by address: CDEK sends every shop’s reports from a few.`,
  request: {
    params: CarrierHookTokenParamsSchema,
    body: {
      required: true,
      description: 'CDEK’s webhook payload',
      content: {
        'application/json': {
          schema: CdekWebhookSchema,
          example: carrierHookExamples.cdekOrderStatus,
        },
      },
    },
  },
  responses: {
    200: jsonResponse(
      HookSummarySchema,
      'Read; what its events came to',
      carrierHookExamples.summary,
    ),
    400: problem(400, 'The body is no JSON, or no CDEK payload (no object with a string `type`)'),
    404: {
      description: 'No such hook (unknown or revoked token): no body',
      headers: responseHeaders(),
    },
    413: problem(413, 'The body is larger than the limit'),
    503: problem(
      503,
      'Storage unavailable or busy; what was not recorded is lost (CDEK does not retry)',
    ),
    500: problem(500, 'Unexpected failure; quote `instance` to support'),
  },
});

/**
 * The same operation as served: the path checked, the body left to the handler (it reads the
 * bytes itself, to pass them on as they came, and never answers a 422). Not documented twice.
 */
export const receiveCdekHookServedRoute = createRoute({
  ...receiveCdekHookRoute,
  request: { params: CarrierHookTokenParamsSchema },
  hide: true,
});
