import { createRoute } from '@hono/zod-openapi';
import { onlyRole } from '../../http/auth';
import { conflictProblem, problem, rateLimitedResponse } from '../../schemas/problem.schema';
import {
  OrderInputSchema,
  OrderParamsSchema,
  OrderSchema,
  ShopQuerySchema,
} from '../../schemas/shipment.schema';
import { withExamples } from '../../schemas/problem.examples';
import { shipmentExamples } from '../shipments/shipments.examples';
import { OrderWithClaimsSchema } from '../../schemas/shipment-claim.schema';
import { shipmentClaimExamples } from '../shipments/shipment-claims.examples';
import { jsonBody, jsonResponse } from '../router';

export const tags = ['shipments'];
export const security = [{ apiKey: [] }];

/** Which key may call an operation, as its description says it. */
export const ROLES = {
  write: 'Who may call: a **shop** key (its own orders and shipments).',
  read: 'Who may call: a **shop** key (its own) or a **clerk** key (any shop’s, named by `shopId`).',
  list: 'Who may call: a **shop** key (its own) or a **clerk** key (every shop’s, or one by `shopId`).',
} as const;

/** The answers every keyed operation can give besides its own. */
export const keyedErrors = (notFound?: string) =>
  ({
    401: problem(401, 'No, unknown or revoked API key'),
    403: problem(403, 'The key’s role may not do this'),
    ...(notFound === undefined ? {} : { 404: problem(404, notFound) }),
    429: rateLimitedResponse('with this API key'),
    503: problem(
      503,
      'Storage unavailable, or busy (`storage-busy`: it refused the work for now, throttled or contended, and nothing was written); retry after `Retry-After` seconds',
    ),
    500: problem(500, 'Unexpected failure; quote `instance` to support'),
  }) as const;

export const bodyErrors = {
  400: problem(400, 'The body is not valid JSON'),
  413: problem(413, 'The body is larger than the limit'),
  415: problem(415, 'The body is not application/json'),
  422: problem(
    422,
    'A field or parameter is missing or breaks a rule (an unknown packaging item among them); `errors` names each one',
  ),
} as const;

export const putOrderRoute = createRoute({
  method: 'put',
  path: '/v1/orders/{orderId}',
  operationId: 'putOrder',
  tags,
  security,
  middleware: [onlyRole('shop')],
  summary: 'Create or replace an order (shop key)',
  description: `${ROLES.write} Idempotent: the same body again changes nothing. Shipments the order no longer lists are deleted, in the same write; the events of those it keeps are kept. A shipment id belongs to one order of the shop (another order’s is a 422 naming \`/shipments/i/shipmentId\`). Ids are the shop’s own: 1–64 letters, digits, \`. _ ~ -\`. Each shipment names its \`carrier\` (a policy id), its \`packages\`, \`packaging\` from the carrier’s catalogue (\`GET /v1/policies/{id}\` → \`packaging\`; another item is a 422), its tariff (\`deliveryCost\`), \`promisedDate\` or \`transitBusinessDays\`, and \`calendar\` (default RU). Which charges are “the delivery cost” a penalty or refund is computed from is the policy’s \`shipments.deliveryCostIncludes\` (cdek: the tariff alone), and the lines say it.`,
  request: { params: OrderParamsSchema, body: jsonBody(OrderInputSchema, 'The order') },
  responses: {
    200: jsonResponse(OrderSchema, 'Replaced (or unchanged)', shipmentExamples.order, ['ETag']),
    201: jsonResponse(OrderSchema, 'Created', shipmentExamples.order, ['ETag']),
    ...bodyErrors,
    422: withExamples(
      problem(
        422,
        `${bodyErrors[422].description}. \`record-too-large\`: what the order would store is larger than storage takes; nothing was written`,
      ),
      'packagingNotSold',
    ),
    409: conflictProblem(
      '`order-changed`: another replace of this order, or carrier events on its shipments, kept landing first through every retry (a concurrent replace holds the order while it writes); the order is as those writes left it. Read it and send the replace again',
      'orderChanged',
    ),
    ...keyedErrors(),
  },
});

export const getOrderRoute = createRoute({
  method: 'get',
  path: '/v1/orders/{orderId}',
  operationId: 'getOrder',
  tags,
  security,
  summary: 'One order, its shipments and its status',
  description: `${ROLES.read} Its \`status\` follows its last shipment to be delivered (one \`awaiting_pickup\`, one \`handed_to_delivery\` → \`handed_to_delivery\`); cancelled shipments do not count, unless all are. \`claimTotals\` sums its shipments’ claims per currency (\`computed\`, \`approved\`, \`paid\`; withdrawn and rejected claims not counted). A clerk key without \`shopId\` is a 422.`,
  request: { params: OrderParamsSchema, query: ShopQuerySchema },
  responses: {
    200: jsonResponse(
      OrderWithClaimsSchema,
      'The order, with its shipments’ claims and what they come to',
      shipmentClaimExamples.order,
    ),
    422: withExamples(bodyErrors[422], 'clerkWithoutShop'),
    ...keyedErrors('No such order (another shop’s is not revealed)'),
  },
});
