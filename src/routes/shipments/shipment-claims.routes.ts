import { createRoute } from '@hono/zod-openapi';
import { ClaimSchema, IdempotencyHeaderSchema } from '../../schemas/claim.schema';
import { withExamples } from '../../schemas/problem.examples';
import { conflictProblem } from '../../schemas/problem.schema';
import { ShipmentParamsSchema, ShopQuerySchema } from '../../schemas/shipment.schema';
import { ShipmentClaimRequestSchema } from '../../schemas/shipment-claim.schema';
import { bodyErrors, keyedErrors, security, tags } from '../orders/orders.routes';
import { jsonBody, jsonResponse } from '../router';
import { shipmentClaimExamples } from './shipment-claims.examples';

export const fileShipmentClaimRoute = createRoute({
  method: 'post',
  path: '/v1/shipments/{shipmentId}/claims',
  operationId: 'fileShipmentClaim',
  tags,
  security,
  summary: 'File a claim from a shipment',
  description: `Who may call: a **shop** key (its own shipments) or a **clerk** key filing for a shop (named by \`shopId\`). Files the claim from what the shipment states, with no retyping: its carrier, waybill, shipping date and order; the order’s customer as claimant; for **late**, the date first promised (unless the policy moves it on a reschedule) and the delivery, or today while undelivered (not late yet: \`not-late\`); for **lost** and **damaged**, the delivery cost the policy counts and the shipment’s insurance. The body adds only what the shipment cannot know: \`documentedValue\` (lost) or \`documentedDamage\` (damaged). The claim carries \`shipmentId\` and \`orderId\`; the shipment lists its claims (GET /v1/shipments/{shipmentId}). A shipment without a waybill or a shipping date is a 422 naming the field. Send \`Idempotency-Key\` to make retries safe (24 h): the same request for the same shipment gets the first answer back, with \`Idempotent-Replayed: true\`.`,
  request: {
    params: ShipmentParamsSchema,
    query: ShopQuerySchema,
    headers: IdempotencyHeaderSchema,
    body: jsonBody(ShipmentClaimRequestSchema, 'What the claim adds to the shipment'),
  },
  responses: {
    201: jsonResponse(
      ClaimSchema,
      'Filed (or replayed); `Location` names it',
      shipmentClaimExamples.claim,
      ['Location', 'ETag', 'Idempotent-Replayed'],
    ),
    ...bodyErrors,
    409: withExamples(
      conflictProblem(
        'The parcel has an open claim of this type already (`claim-exists`; `existingClaimId` names it). `conflict`: the new claim’s id was taken meanwhile; nothing was filed, send it again',
        'claimExists',
        'conflict',
      ),
      'claimExists',
    ),
    ...keyedErrors('No such shipment (another shop’s is not revealed)'),
  },
});
