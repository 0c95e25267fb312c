import { z } from '@hono/zod-openapi';
import { CARRIER_HOOK_CARRIERS } from '../carriers/types';
import { MAX_FORWARD_URL_LENGTH } from '../services/carrier-forward';
import { ShipmentEventSchema } from './shipment.schema';

const hookId = z.string().openapi({ example: 'hk_Q2x8mV0aTfR3kLpZ' });
const carrier = z
  .enum(CARRIER_HOOK_CARRIERS)
  .openapi({ example: 'cdek', description: 'The carrier that calls the hook' });
const forwardTo = z
  .string()
  .max(MAX_FORWARD_URL_LENGTH)
  .openapi({
    example: 'https://shop.example/cdek-webhooks',
    description: `Where each payload the hook receives is passed on unchanged (the same bytes, \`Content-Type: application/json\`), after our answer: for a shop that already receives CDEK’s webhooks elsewhere (CDEK takes one URL per event type). An https URL (plain http only to localhost), at most ${MAX_FORWARD_URL_LENGTH} characters, no user name or password, not a carrier hook of this API. One attempt, 5 s, failures logged, never retried.`,
  });

export const CarrierHookInputSchema = z
  .object({ carrier, forwardTo: forwardTo.optional() })
  .openapi('CarrierHookInput', { example: { carrier: 'cdek' } });

export const CarrierHookSchema = z
  .object({
    id: hookId,
    carrier,
    url: z.string().optional().openapi({
      example:
        'https://api.example/v1/carrier-hooks/cdek/3q2-7wEXAMPLEtokenXq9Zb1mKf0sL4vT8yNd6hJc2gA',
      description:
        'The URL to give the carrier (CDEK: `POST /v2/webhooks {"url", "type"}`), with the hook’s secret token: in the answer that created it only, never again',
    }),
    createdAt: z.string().openapi({ example: '2025-06-16T09:00:00.000Z' }),
    forwardTo: forwardTo.optional(),
  })
  .openapi('CarrierHook');

export const CarrierHookListSchema = z
  .object({ items: z.array(CarrierHookSchema), nextCursor: z.string().optional() })
  .openapi('CarrierHookList');

const limit = z.coerce
  .number({ error: 'must be a whole number from 1 to 100' })
  .int('must be a whole number from 1 to 100')
  .min(1)
  .max(100)
  .default(20);
const cursor = z.string().max(2000).optional().openapi({
  description:
    'nextCursor of the previous page, unchanged. Opaque, and bound to the caller (its API key) and to the shop listed.',
});

export const CarrierHookListQuerySchema = z.object({ limit, cursor });

export const UnmatchedQuerySchema = z.object({
  shopId: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .openapi({ description: 'Clerk keys: the shop (required). Shop keys: leave it out.' }),
  limit,
  cursor,
});

export const CarrierHookParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'hk_Q2x8mV0aTfR3kLpZ' }),
});

/** The token of an inbound call: any text (one that is not a live hook’s is a bare 404). */
export const CarrierHookTokenParamsSchema = z.object({
  token: z.string().openapi({
    param: { name: 'token', in: 'path' },
    example: '3q2-7wEXAMPLEtokenXq9Zb1mKf0sL4vT8yNd6hJc2gA',
  }),
});

/** CDEK’s webhook payload (API v2), as documented: what the inbound route reads. */
export const CdekWebhookSchema = z
  .object({
    type: z.string().openapi({ example: 'ORDER_STATUS' }),
    date_time: z.string().optional(),
    uuid: z.string().optional().openapi({ description: 'CDEK’s id of the order' }),
    attributes: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('CdekWebhook', {
    description:
      'What CDEK posts (its API v2 “Webhooks”): `ORDER_STATUS` (`attributes.code`: Appendix 1 of CDEK’s API documentation; `cdek_number` is the waybill, `number` the shop’s order id; `status_date_time` with the city’s offset), `ORDER_MODIFIED`, `DELIV_PROBLEM`. Other types are answered and counted as `ignored`.',
  });

export const HookSummarySchema = z
  .object({
    received: z.number().int().openapi({ description: 'Events read from the payload' }),
    applied: z.number().int().openapi({ description: 'Recorded on a shipment' }),
    duplicate: z
      .number()
      .int()
      .openapi({ description: 'Recorded (or kept) before: nothing changed' }),
    unmatched: z.number().int().openapi({
      description: 'No shipment of the shop takes it yet: kept (GET /v1/carrier-hooks/unmatched)',
    }),
    refused: z.number().int().openapi({
      description: 'The shipment rules refused it (e.g. dated before the order): kept, with why',
    }),
    ignored: z.number().int().openapi({ description: '1 for a payload of no parcel event' }),
  })
  .openapi('CarrierHookSummary');

export const UnmatchedEventSchema = z
  .object({
    eventId: z.string(),
    carrier,
    waybill: z.string().optional(),
    orderNumber: z.string().optional(),
    receivedAt: z.string(),
    reason: z.string().openapi({
      description:
        '`no_shipment` (no shipment of the shop has its waybill or order yet), `ambiguous` (more than one could be meant), or `refused: <why>` (the shipment rules refused it)',
      example: 'no_shipment',
    }),
    event: ShipmentEventSchema,
  })
  .openapi('UnmatchedCarrierEvent');

export const UnmatchedListSchema = z
  .object({ items: z.array(UnmatchedEventSchema), nextCursor: z.string().optional() })
  .openapi('UnmatchedCarrierEventList');
