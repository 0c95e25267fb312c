/**
 * Webhook endpoints and deliveries as the API reads and answers them.
 */
import { z } from '@hono/zod-openapi';
import { INSTANT_PATTERN } from '../domain/shipment/instant';
import { DELIVERY_STATUSES } from '../webhooks/delivery-status';
import { WEBHOOK_EVENT_TYPES } from '../webhooks/types';
import { MAX_WEBHOOK_URL_LENGTH } from '../webhooks/url-rules';

const endpointId = 'we_3f2b8c1d4e5f60718293a4b5c6d7e8f9';

export const WebhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES).openapi('WebhookEventType');

const EventsSchema = z
  .array(z.union([WebhookEventTypeSchema, z.literal('*')]))
  .min(1)
  .max(WEBHOOK_EVENT_TYPES.length + 1)
  .openapi({
    description:
      'The event types it receives, or `["*"]` for every type (new ones included). `webhook.test` and `endpoint.disabled` reach it whatever it subscribes to: a test is sent to the one endpoint named, and a disabling is told to every other enabled endpoint of the shop.',
    example: ['claim.status_changed', 'claim.paid'],
  });

const UrlSchema = z.string().min(1).max(MAX_WEBHOOK_URL_LENGTH).openapi({
  description:
    'Where events are POSTed: https, no credentials, no fragment; a name or address of this machine or of a private network (loopback, private, link-local, CGNAT, unspecified; IPv4 and IPv6; `localhost`, `*.localhost`) is refused. Where WEBHOOK_ALLOW_LOCAL=true (`npm start`), http and https to 127.0.0.1, localhost and [::1] are allowed.',
  example: 'https://shop.example.com/hooks/parcel-claims',
});

const DescriptionSchema = z.string().max(500).openapi({ example: 'Order system (production)' });

export const WebhookEndpointInputSchema = z
  .object({ url: UrlSchema, events: EventsSchema, description: DescriptionSchema.optional() })
  .strict()
  .openapi('WebhookEndpointInput');

export const WebhookEndpointPatchSchema = z
  .object({
    url: UrlSchema.optional(),
    events: EventsSchema.optional(),
    description: DescriptionSchema.optional().openapi({
      description: 'An empty string removes it',
    }),
    enabled: z.boolean().optional().openapi({
      description:
        '`false` stops deliveries to it (pending ones stop too); `true` enables it again and clears its failure record (send what failed with recover or a replay)',
    }),
  })
  .strict()
  .openapi('WebhookEndpointPatch');

export const WebhookEndpointSchema = z
  .object({
    id: z.string().openapi({ example: endpointId }),
    url: z.string(),
    events: EventsSchema,
    description: z.string().optional(),
    enabled: z.boolean(),
    disabledReason: z.enum(['manual', 'gone', 'failing']).optional().openapi({
      description:
        '`manual`: by the shop; `gone`: it answered 410 Gone; `failing`: its deliveries kept failing for 5 days',
    }),
    disabledAt: z.string().optional(),
    failingSince: z.string().optional().openapi({
      description: 'The first failed delivery since the last success (cleared by a success)',
    }),
    previousSecretExpiresAt: z.string().optional().openapi({
      description:
        'After a rotation: until when the previous secret still signs beside the new one',
    }),
    version: z.number().int().openapi({ description: 'Its ETag' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('WebhookEndpoint');

export const WebhookEndpointWithSecretSchema = WebhookEndpointSchema.extend({
  secret: z.string().openapi({
    description:
      'The signing secret, `whsec_` + base64 of 32 random bytes: shown in this answer only (kept sealed). Verify with any Standard Webhooks library.',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3p0ZZrOLQZk=',
  }),
}).openapi('WebhookEndpointWithSecret');

export const WebhookEndpointListSchema = z
  .object({ items: z.array(WebhookEndpointSchema) })
  .openapi('WebhookEndpointList');

export const WebhookAttemptSchema = z
  .object({
    at: z.string(),
    series: z.number().int().openapi({ description: '1: the first sending; one more per replay' }),
    statusCode: z.number().int().optional().openapi({ description: 'Absent when no answer came' }),
    durationMs: z.number().int(),
    response: z.string().optional().openapi({ description: 'The first 1 KB of the answer' }),
    error: z.string().optional().openapi({ description: 'Why no answer came (network, timeout)' }),
  })
  .openapi('WebhookAttempt');

export const DeliveryStatusSchema = z.enum(DELIVERY_STATUSES);

export const WebhookDeliverySchema = z
  .object({
    id: z
      .string()
      .openapi({ example: `wd_${endpointId.slice(3)}_1796623140000_evt_clm_1_3_claim.paid` }),
    endpointId: z.string(),
    eventId: z.string().openapi({ description: 'The `webhook-id` it is sent with' }),
    eventType: WebhookEventTypeSchema,
    eventTimestamp: z.string(),
    status: DeliveryStatusSchema,
    series: z.number().int(),
    attemptCount: z.number().int(),
    createdAt: z.string(),
    lastAttemptAt: z.string().optional(),
    nextAttemptAt: z.string().optional(),
    attempts: z.array(WebhookAttemptSchema),
  })
  .openapi('WebhookDelivery');

export const WebhookDeliveryListSchema = z
  .object({
    items: z.array(WebhookDeliverySchema),
    nextCursor: z.string().optional().openapi({ description: 'Present when more may follow' }),
  })
  .openapi('WebhookDeliveryList');

export const RecoverInputSchema = z
  .object({
    since: z
      .string()
      .regex(INSTANT_PATTERN, 'must be an instant with its offset, e.g. 2026-12-06T00:00:00Z')
      .openapi({
        description: 'Failed deliveries of events that happened at this instant or later',
        example: '2026-12-06T00:00:00Z',
      }),
    cursor: z.string().max(2000).optional().openapi({
      description: 'The `nextCursor` of the previous recover call, to go on',
    }),
  })
  .strict()
  .openapi('WebhookRecoverInput');

export const RecoverResultSchema = z
  .object({
    replayed: z.number().int().openapi({ example: 3 }),
    nextCursor: z.string().optional().openapi({
      description: 'Present when more failed deliveries may remain: call again with it',
    }),
  })
  .openapi('WebhookRecoverResult');

export const WebhookTestResultSchema = z
  .object({
    eventId: z.string(),
    deliveryId: z.string(),
    delivery: WebhookDeliverySchema.optional(),
  })
  .openapi('WebhookTestResult');
