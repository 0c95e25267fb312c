/**
 * The webhook events' examples in the OpenAPI document: each body as the outbox sends it
 * (src/services/webhook-outbox.ts `payloadOf`), its `data` an answer of the API computed by
 * the domain code (the claims', remedies', shipments' and endpoints' own examples).
 */
import { shipmentContext, summarizeShipment, type ShipmentEvent } from '../../domain/shipment';
import { orderInputExample } from '../../schemas/shipment.examples';
import type { RecordedEvent } from '../../services/events';
import type { WebhookEventType } from '../../webhooks/types';
import { claimExamples } from '../claims/claims.examples';
import { remedyExamples } from '../remedies/remedies.examples';
import { shipmentClaimExamples } from '../shipments/shipment-claims.examples';
import { disabledExample } from '../webhook-endpoints/webhook-endpoints.examples';

const { filed, inReview, paid } = claimExamples;
const [filing, review, , payment] = claimExamples.history;
const late = shipmentClaimExamples.shipment;

// The example shipment, delivered on 12 June: its lateness final.
const facts = orderInputExample.shipments[0]!;
const delivery: ShipmentEvent = {
  eventId: 'cdek-7781-0004',
  status: 'delivered',
  at: '2025-06-12T15:00:00+03:00',
};
const deliveredEvents = [...late.events, delivery];
const { lateViewDate: _lateViewDate, ...deliveredSummary } = summarizeShipment(
  facts,
  deliveredEvents,
  shipmentContext(facts, '2025-06-16'),
);
const delivered = {
  ...late,
  ...deliveredSummary,
  version: late.version + 1,
  updatedAt: '2025-06-12T12:00:01.000Z',
};

const gone = {
  ...disabledExample,
  disabledReason: 'gone' as const,
  disabledAt: '2026-12-07T08:00:00.000Z',
};

/** Each event type's body, as an endpoint receives it. */
export const webhookEventExamples = {
  'claim.filed': {
    type: 'claim.filed',
    timestamp: filing?.at ?? filed.createdAt,
    sequence: filing?.seq ?? 1,
    data: filed,
  },
  'claim.status_changed': {
    type: 'claim.status_changed',
    timestamp: review?.at ?? inReview.updatedAt,
    sequence: review?.seq ?? inReview.version,
    data: inReview,
  },
  'claim.paid': {
    type: 'claim.paid',
    timestamp: payment?.at ?? paid.updatedAt,
    sequence: payment?.seq ?? paid.version,
    data: paid,
  },
  'claim.acknowledgement_overdue': {
    type: 'claim.acknowledgement_overdue',
    timestamp: filed.acknowledgeBy ?? filed.createdAt,
    sequence: filed.version,
    data: filed,
  },
  'shipment.late': {
    type: 'shipment.late',
    timestamp: '2025-06-11T00:00:00.000Z',
    sequence: late.version,
    data: late,
  },
  'shipment.delivered': {
    type: 'shipment.delivered',
    timestamp: delivered.statusAt ?? delivery.at,
    sequence: delivered.version,
    data: delivered,
  },
  'remedy.answered': {
    type: 'remedy.answered',
    timestamp: remedyExamples.accepted.answeredAt ?? remedyExamples.accepted.offeredAt,
    sequence: 2,
    data: remedyExamples.accepted,
  },
  'webhook.test': {
    type: 'webhook.test',
    timestamp: '2026-12-07T06:00:00.000Z',
    data: {
      endpointId: disabledExample.id,
      message: 'A test event: your endpoint receives and verifies webhooks.',
    },
  },
  'endpoint.disabled': {
    type: 'endpoint.disabled',
    timestamp: gone.disabledAt,
    sequence: gone.version,
    data: gone,
  },
} satisfies Record<WebhookEventType, Omit<RecordedEvent, 'id'>>;

const claimEvent = (seq: number) => `evt_${filed.id}_${seq}`;

/** A page of GET /v1/events: a claim filed, taken into review, decided and paid. */
export const eventListExample: { items: RecordedEvent[] } = {
  items: [
    { id: claimEvent(1), ...webhookEventExamples['claim.filed'] },
    { id: claimEvent(2), ...webhookEventExamples['claim.status_changed'] },
    { id: claimEvent(payment?.seq ?? 4), ...webhookEventExamples['claim.paid'] },
  ],
};

const instance = 'urn:uuid:0b6f1c2e-8a9d-4c1e-9f3a-1d2e3f4a5b6c';

/** The refusals of GET /v1/events, as the API answers them (on 2025-06-16T09:00:00Z). */
export const eventRefusals = {
  sinceMissing: {
    summary: 'No `since`',
    value: {
      type: '/problems/validation-failed',
      title: 'The request is not valid',
      status: 422,
      detail: 'since: is required',
      instance,
      errors: [{ parameter: 'since', code: 'required', detail: 'is required' }],
    },
  },
  sinceTooOld: {
    summary: '`since` more than 30 days ago',
    value: {
      type: '/problems/invalid-input',
      title: 'The input breaks a rule',
      status: 422,
      detail:
        'since (2025-05-01T00:00:00Z) is more than 30 days ago: events are kept 30 days; ask from 2025-05-17T09:00:00.000Z on.',
      instance,
      errors: [
        {
          parameter: 'since',
          code: 'invalid_value',
          detail:
            'is more than 30 days ago: events are kept 30 days; ask from 2025-05-17T09:00:00.000Z on',
        },
      ],
    },
  },
};
