/**
 * The document's `webhooks` section (OpenAPI 3.1): one entry per event type, the POST a
 * shop's endpoint receives (src/services/webhook-send.ts), so a client generated from
 * /openapi.json has each body's type.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { ATTEMPT_TIMEOUT_MS, RESPONSE_KEPT_BYTES } from '../../services/webhook-send';
import { EVENT_RETENTION_DAYS, FAILING_DAYS_BEFORE_DISABLE } from '../../services/webhook-deps';
import { STANDARD_RETRY_SCHEDULE } from '../../webhooks/retry-schedule';
import {
  WEBHOOK_EVENT_SCHEMAS,
  WEBHOOK_EVENT_TEXT,
  WebhookEventSchema,
  WebhookHeadersSchema,
  eventSchemaName,
} from '../../schemas/webhook-event.schema';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../../webhooks/types';
import { webhookEventExamples } from './events.examples';

/** @example webhookOperationId('claim.status_changed') // 'onClaimStatusChanged' */
export const webhookOperationId = (type: WebhookEventType): string =>
  `on${eventSchemaName(type).replace(/Event$/, '')}`;

const seconds = (s: number) => (s < 60 ? `${s} s` : s < 3600 ? `${s / 60} min` : `${s / 3600} h`);

const DELIVERY = `POSTed as JSON (\`content-type: application/json\`, \`user-agent: parcel-claims-webhooks/1\`), signed (the \`webhook-*\` headers, Standard Webhooks), to each enabled endpoint subscribed to the type. The same event may arrive more than once (a retry whose answer was lost, a replay): \`webhook-id\` tells. Events of one subject carry a rising \`sequence\`: drop one lower than the last you kept. Every event is also listed for ${EVENT_RETENTION_DAYS} days by \`GET /v1/events\`.`;

const responses = {
  200: {
    description: `Any 2xx: received. The body is not read beyond its first ${RESPONSE_KEPT_BYTES} bytes, kept with the attempt (\`GET /v1/webhook-deliveries\`).`,
  },
  410: {
    description:
      'Gone: the endpoint is disabled at once (`disabledReason: gone`), its pending deliveries stop, and the shop’s other endpoints get `endpoint.disabled`. Enable it again with `PATCH /v1/webhook-endpoints/{id}`.',
  },
  default: {
    description: `Any other answer, a redirect (not followed), or none within ${ATTEMPT_TIMEOUT_MS / 1000} s: a failure, retried after ${STANDARD_RETRY_SCHEDULE.map(seconds).join(', ')}; then the delivery is \`failed\` (replay it, or recover the endpoint). An endpoint with no success for ${FAILING_DAYS_BEFORE_DISABLE} days is disabled (\`disabledReason: failing\`).`,
  },
};

/**
 * Registers every event type as a webhook of the document.
 * @example registerWebhooks(app.openAPIRegistry);
 */
export function registerWebhooks(registry: OpenAPIHono['openAPIRegistry']): void {
  // Any event's body, told apart by `type`: what one receiver for every type takes.
  registry.register('WebhookEvent', WebhookEventSchema);
  for (const type of WEBHOOK_EVENT_TYPES) {
    const schema = WEBHOOK_EVENT_SCHEMAS[type];
    registry.registerWebhook({
      method: 'post',
      path: type,
      operationId: webhookOperationId(type),
      tags: ['webhooks'],
      summary: `${type}: ${WEBHOOK_EVENT_TEXT[type].summary}`,
      description: `${WEBHOOK_EVENT_TEXT[type].description} ${DELIVERY}`,
      security: [],
      request: {
        headers: WebhookHeadersSchema,
        body: {
          required: true,
          description: `The \`${type}\` event`,
          content: { 'application/json': { schema, example: webhookEventExamples[type] } },
        },
      },
      responses,
    });
  }
}
