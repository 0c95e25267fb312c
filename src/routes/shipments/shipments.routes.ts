import { createRoute } from '@hono/zod-openapi';
import { CLOCK_TOLERANCE_HOURS } from '../../domain/happened';
import { FINAL_EVENTS_PAST_CAP, FINAL_STATUSES, MAX_EVENTS } from '../../domain/shipment';
import { onlyRole } from '../../http/auth';
import {
  EventAnswerSchema,
  LATENESS_STOP_RULE,
  LateQuerySchema,
  LateShipmentListSchema,
  ShipmentEventSchema,
  ShipmentParamsSchema,
  ShopQuerySchema,
} from '../../schemas/shipment.schema';
import { ShipmentWithClaimsSchema } from '../../schemas/shipment-claim.schema';
import { withExamples, withNamedExamples } from '../../schemas/problem.examples';
import { eventExamples } from '../../schemas/shipment.examples';
import { problem } from '../../schemas/problem.schema';
import { jsonBody, jsonResponse } from '../router';
import { shipmentClaimExamples } from './shipment-claims.examples';
import { keyedErrors, bodyErrors, ROLES, tags, security } from '../orders/orders.routes';
import { shipmentExamples } from './shipments.examples';

export const getShipmentRoute = createRoute({
  method: 'get',
  path: '/v1/shipments/{shipmentId}',
  operationId: 'getShipment',
  tags,
  security,
  summary: 'One shipment: charges, weight, status, events and lateness as of today',
  description: `${ROLES.read} \`claims\` lists the parcel’s claims (id, type, status, computed \`amount\`, \`approvedAmount\`, \`paidAmount\`; at most 100), read from the claim list’s index by the shop and the waybill. A clerk key without \`shopId\` is a 422.`,
  request: { params: ShipmentParamsSchema, query: ShopQuerySchema },
  responses: {
    200: jsonResponse(
      ShipmentWithClaimsSchema,
      'The shipment, with the claims filed for it',
      shipmentClaimExamples.shipment,
    ),
    422: withExamples(bodyErrors[422], 'clerkWithoutShop'),
    ...keyedErrors('No such shipment (another shop’s is not revealed)'),
  },
});

export const recordEventRoute = createRoute({
  method: 'post',
  path: '/v1/shipments/{shipmentId}/events',
  operationId: 'recordShipmentEvent',
  tags,
  security,
  middleware: [onlyRole('shop')],
  summary: 'Record a carrier event (shop key)',
  description: `${ROLES.write} A status, a reschedule (\`rescheduled\`: the new date and why) or a re-measurement (\`remeasured\`: the carrier’s packages and what it charged). A repeated \`eventId\` is ignored (\`duplicate: true\`, nothing changes); events may arrive out of order: the status is that of the latest \`at\`. \`at\` is at most ${CLOCK_TOLERANCE_HOURS} h ahead of the server’s clock and not more than ${CLOCK_TOLERANCE_HOURS} h before the order’s \`placedAt\` (else a 422 naming \`/at\`: \`in_the_future\`, \`date_order\`). A shipment keeps ${MAX_EVENTS} events of any kind; past that only a final status (${FINAL_STATUSES.join(', ')}) is recorded, up to ${FINAL_EVENTS_PAST_CAP} more, so the cap never stops a shipment from ending; any other new event is a 422 naming \`/status\`. A resend is still a duplicate, however many events the shipment has. A reschedule is shown (\`deadline.lines\`) but the deadline stays the date first promised, unless the policy’s \`shipments.rescheduleMovesDeadline\` names its reason (cdek: none). A re-measurement recomputes the chargeable weight and the charges (\`remeasurement\`: declared and measured weight, quoted and charged, the difference).`,
  request: {
    params: ShipmentParamsSchema,
    body: withNamedExamples(jsonBody(ShipmentEventSchema, 'The event'), eventExamples),
  },
  responses: {
    200: jsonResponse(EventAnswerSchema, 'Recorded, or ignored as a resend', {
      duplicate: false,
      shipment: shipmentExamples.shipment,
    }),
    ...bodyErrors,
    422: withExamples(bodyErrors[422], 'eventInTheFuture'),
    ...keyedErrors('No such shipment (another shop’s is not revealed)'),
    // Events sent at once never refuse each other (no 409): each is retried until it lands.
    503: problem(
      503,
      'Storage unavailable, or busy (`storage-busy`: throttled, or the shipment kept changing under a burst of writes through every retry; nothing was written, and no event refuses another); retry after `Retry-After` seconds',
    ),
  },
});

export const listLateShipmentsRoute = createRoute({
  method: 'get',
  path: '/v1/shipments',
  operationId: 'listLateShipments',
  tags,
  security,
  summary: 'Late shipments, oldest deadline first',
  description: `${ROLES.list} Shipments past their deadline as of today that are not delivered, received or cancelled, and those delivered late, each with \`lateness\`: the late calculator’s \`businessDaysLate\` and amount (accrued so far while undelivered), \`cause\`: its latest reschedule’s reason, else \`courier_late\`, and \`claim\`: the claim filed from it, if any. ${LATENESS_STOP_RULE} Read from an index on the deadline of open shipments: it reads late ones only, each shipment with its claims in one read. Cursor pagination.`,
  request: { query: LateQuerySchema },
  responses: {
    200: jsonResponse(LateShipmentListSchema, 'A page of late shipments', {
      items: [
        { ...shipmentExamples.shipment, cause: 'courier_late' },
        shipmentExamples.settledLate,
      ],
    }),
    422: bodyErrors[422],
    ...keyedErrors(),
  },
});
