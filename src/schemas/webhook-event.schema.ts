/**
 * The events a shop's endpoints receive, as the OpenAPI document's `webhooks` section names
 * them (so a generated client has a type for each): the body every attempt POSTs,
 * `{"type","timestamp","sequence"?,"data"}` (src/services/webhook-outbox.ts `payloadOf`),
 * with `data` the resource exactly as the API answers it to the shop's key.
 */
import { z } from '@hono/zod-openapi';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../webhooks/types';
import { ClaimSchema } from './claim.schema';
import { RemedySchema } from './remedy.schema';
import { ShipmentWithClaimsSchema } from './shipment-claim.schema';
import { WebhookEndpointSchema } from './webhook.schema';

const TimestampSchema = z.string().openapi({
  description:
    'When the change happened (ISO 8601 with its offset: UTC, but a delivery’s, which is the carrier’s as it reported it): a claim event, its history entry’s `at`; a remedy’s, its answer; `claim.acknowledgement_overdue`, the claim’s `acknowledgeBy`; `shipment.delivered`, the delivery’s; `shipment.late`, when it was found late; a test or a disabling, when it was sent or made',
  example: '2025-06-16T09:00:00.000Z',
});

const SequenceSchema = z.number().int().min(1).openapi({
  description:
    'The subject’s own order, rising with each change of it: a claim’s history number (its `version` after the change), a shipment’s event count, an endpoint’s version, 2 for a remedy’s answer (its offer is 1). Events may arrive out of order or twice: keep the highest seen per subject (`data.id`) and drop a lower one.',
  example: 1,
});

/** What a `webhook.test` event carries: the endpoint tested, and a sentence. */
export const WebhookTestDataSchema = z
  .object({
    endpointId: z.string().openapi({ example: 'we_3f2b8c1d4e5f60718293a4b5c6d7e8f9' }),
    message: z.string().openapi({
      example: 'A test event: your endpoint receives and verifies webhooks.',
    }),
  })
  .openapi('WebhookTestData');

/**
 * What each event type says, in the document: a summary and when it is sent (its `data`).
 * A type added to WEBHOOK_EVENT_TYPES does not compile until it has its words here.
 */
export const WEBHOOK_EVENT_TEXT: Record<
  WebhookEventType,
  { summary: string; description: string }
> = {
  'claim.filed': {
    summary: 'A claim was filed',
    description: 'A claim was filed. `data`: the claim as `GET /v1/claims/{id}` answers it.',
  },
  'claim.status_changed': {
    summary: 'A claim moved',
    description:
      'A claim moved (`data.status` is where to; its history, `GET /v1/claims/{id}/history`, says from where, by whom and why): one per move, every move but the one to `paid` (that one is `claim.paid`). `data`: the claim after the move.',
  },
  'claim.paid': {
    summary: 'A claim was paid',
    description:
      'The payout was recorded and the claim moved to `paid` (`data.payment`): this move’s only event (no `claim.status_changed` is sent for it). `data`: the claim paid.',
  },
  'claim.acknowledgement_overdue': {
    summary: 'A customer was not acknowledged in time',
    description:
      'The customer was not acknowledged by `data.acknowledgeBy` (the policy’s customer-care window): once per claim. `data`: the claim when it was found overdue.',
  },
  'shipment.late': {
    summary: 'A shipment turned late',
    description:
      'A shipment was found late, the first time only: `data.lateness` has the days late and the amount accrued so far. `data`: the shipment as `GET /v1/shipments/{shipmentId}` answers it.',
  },
  'shipment.delivered': {
    summary: 'A shipment was delivered',
    description:
      'A shipment was delivered (`data.deliveredDate`; `data.lateness` is final). `data`: the shipment as `GET /v1/shipments/{shipmentId}` answers it.',
  },
  'remedy.answered': {
    summary: 'A customer answered a remedy',
    description:
      'The customer accepted or declined a remedy offered on a claim (`data.status`). `data`: the remedy as `GET /v1/claims/{id}/remedies` lists it.',
  },
  'webhook.test': {
    summary: 'A test',
    description:
      'Sent by `POST /v1/webhook-endpoints/{id}/test` to that endpoint only, whatever it subscribes to. No `sequence`: it reports no change.',
  },
  'endpoint.disabled': {
    summary: 'Another endpoint of the shop was disabled',
    description:
      'Another endpoint of the shop was disabled by the delivery engine (`data.disabledReason`: `gone`, it answered 410; `failing`, its deliveries failed for 5 days). Sent to the shop’s other enabled endpoints, whatever they subscribe to. `data`: that endpoint as `GET /v1/webhook-endpoints/{id}` answers it.',
  },
};

/**
 * A type's component name.
 * @example eventSchemaName('claim.status_changed') // 'ClaimStatusChangedEvent'
 */
export const eventSchemaName = (type: WebhookEventType): string =>
  `${type
    .split(/[._]/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('')}Event`;

/** One event type's body: its `type`, when, its subject's sequence, and the resource. */
const eventBody = <T extends WebhookEventType, D extends z.ZodType>(type: T, data: D) =>
  z
    .object({ type: z.literal(type), timestamp: TimestampSchema, sequence: SequenceSchema, data })
    .openapi(eventSchemaName(type), { description: WEBHOOK_EVENT_TEXT[type].description });

/** Each event type's body, named `<Type>Event` in the document. */
export const WEBHOOK_EVENT_SCHEMAS = {
  'claim.filed': eventBody('claim.filed', ClaimSchema),
  'claim.status_changed': eventBody('claim.status_changed', ClaimSchema),
  'claim.paid': eventBody('claim.paid', ClaimSchema),
  'claim.acknowledgement_overdue': eventBody('claim.acknowledgement_overdue', ClaimSchema),
  'shipment.late': eventBody('shipment.late', ShipmentWithClaimsSchema),
  'shipment.delivered': eventBody('shipment.delivered', ShipmentWithClaimsSchema),
  'remedy.answered': eventBody('remedy.answered', RemedySchema),
  // A test reports no change: no sequence.
  'webhook.test': z
    .object({
      type: z.literal('webhook.test'),
      timestamp: TimestampSchema,
      data: WebhookTestDataSchema,
    })
    .openapi(eventSchemaName('webhook.test'), {
      description: WEBHOOK_EVENT_TEXT['webhook.test'].description,
    }),
  'endpoint.disabled': eventBody('endpoint.disabled', WebhookEndpointSchema),
} as const satisfies Record<WebhookEventType, z.ZodObject>;

/** Every event body, told apart by `type`. */
export const WebhookEventSchema = z
  .discriminatedUnion(
    'type',
    WEBHOOK_EVENT_TYPES.map((type) => WEBHOOK_EVENT_SCHEMAS[type]) as unknown as [
      (typeof WEBHOOK_EVENT_SCHEMAS)[WebhookEventType],
      ...(typeof WEBHOOK_EVENT_SCHEMAS)[WebhookEventType][],
    ],
  )
  .openapi('WebhookEvent', {
    description:
      'An event as its endpoints receive it (the request body of each of the document’s `webhooks`): `type` says which.',
  });
export type WebhookEventBody = z.output<typeof WebhookEventSchema>;

/** The Standard Webhooks headers every message carries (src/webhooks/signing.ts). */
export const WebhookHeadersSchema = z.object({
  'webhook-id': z.string().openapi({
    description:
      'The event id, the same on every attempt and replay of the event: the receiver’s idempotency key (drop a message whose id was handled). The `id` of the event in `GET /v1/events`.',
    example: 'evt_clm_3f2b8c1d4e5f60718293a4b5c6d7e8f9_1',
  }),
  'webhook-timestamp': z.string().regex(/^\d+$/).openapi({
    description:
      'When this attempt was signed, in seconds since the epoch: refuse a message far from your clock (Standard Webhooks libraries allow 5 minutes), against replays.',
    example: '1750064400',
  }),
  'webhook-signature': z
    .string()
    .regex(/^v1,[A-Za-z0-9+/]+={0,2}( v1,[A-Za-z0-9+/]+={0,2})*$/)
    .openapi({
      description:
        '`v1,` + base64 of HMAC-SHA256 over `{webhook-id}.{webhook-timestamp}.{body}` (the raw bytes received), keyed with the base64-decoded part of the endpoint’s `whsec_` secret. For 24 hours after a rotation two, space-separated (new secret, then previous): accept the message when any verifies. Any Standard Webhooks library (`standardwebhooks` on npm) verifies it.',
      example: 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=',
    }),
});
