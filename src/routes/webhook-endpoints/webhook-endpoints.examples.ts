/**
 * The examples of the webhook operations in the OpenAPI document, each an answer the API
 * gives (ids and secrets made the document's own).
 */
import type { WebhookDeliveryView, WebhookEndpointView } from '../../services/webhook-view';

const endpointId = 'we_3f2b8c1d4e5f60718293a4b5c6d7e8f9';
const eventId = 'evt_clm_3f2b8c1d4e5f60718293a4b5c6d7e8f9_4_claim.paid';

export const endpointExample: WebhookEndpointView = {
  id: endpointId,
  url: 'https://shop.example.com/hooks/parcel-claims',
  events: ['claim.status_changed', 'claim.paid'],
  description: 'Order system (production)',
  enabled: true,
  version: 1,
  createdAt: '2026-12-07T06:00:00.000Z',
  updatedAt: '2026-12-07T06:00:00.000Z',
};

export const endpointInputExample = {
  url: endpointExample.url,
  events: endpointExample.events,
  description: 'Order system (production)',
};

export const secretExample = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3p0ZZrOLQZk=';

export const rotatedExample = {
  ...endpointExample,
  version: 2,
  updatedAt: '2026-12-07T07:00:00.000Z',
  previousSecretExpiresAt: '2026-12-08T07:00:00.000Z',
  secret: 'whsec_q0cbo8MYyX6nl3T3Pw0S7dB8Zg2kR9w8c4fLq5t7tMY=',
};

export const disabledExample: WebhookEndpointView = {
  ...endpointExample,
  enabled: false,
  disabledReason: 'manual',
  disabledAt: '2026-12-07T08:00:00.000Z',
  version: 2,
  updatedAt: '2026-12-07T08:00:00.000Z',
};

export const deliveryExample: WebhookDeliveryView = {
  id: `wd_${endpointId.slice(3)}_1796623140000_${eventId}`,
  endpointId,
  eventId,
  eventType: 'claim.paid',
  eventTimestamp: '2026-12-07T05:59:00.000Z',
  status: 'succeeded',
  series: 1,
  attemptCount: 2,
  createdAt: '2026-12-07T05:59:00.120Z',
  lastAttemptAt: '2026-12-07T05:59:05.410Z',
  attempts: [
    {
      at: '2026-12-07T05:59:00.150Z',
      series: 1,
      statusCode: 500,
      durationMs: 84,
      response: 'Internal Server Error',
    },
    { at: '2026-12-07T05:59:05.410Z', series: 1, statusCode: 200, durationMs: 31, response: 'ok' },
  ],
};

export const replayedExample: WebhookDeliveryView = {
  ...deliveryExample,
  status: 'pending',
  series: 2,
  nextAttemptAt: '2026-12-07T09:00:00.000Z',
  attempts: [],
};
