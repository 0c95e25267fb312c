/**
 * GET /v1/events: the shop's recorded events, each the body its endpoints were sent, with
 * its id (the `webhook-id` it is sent with).
 */
import { z } from '@hono/zod-openapi';
import { INSTANT_PATTERN, parseInstant } from '../domain/shipment/instant';
import { EVENT_RETENTION_DAYS } from '../services/webhook-deps';
import { WebhookEventTypeSchema } from './webhook.schema';
import { WEBHOOK_EVENT_SCHEMAS } from './webhook-event.schema';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../webhooks/types';

/** One type's recorded shape: `id` and the type's body. */
type RecordedShape = z.ZodIntersection<
  typeof EventIdSchema,
  (typeof WEBHOOK_EVENT_SCHEMAS)[WebhookEventType]
>;

/** Whether a string of the instant's pattern names one that exists (no 31 June, no 25 h). */
const isInstant = (text: string) => {
  if (!INSTANT_PATTERN.test(text)) return true; // the pattern's own message says it
  try {
    return Number.isFinite(parseInstant(text, '').ms);
  } catch {
    return false;
  }
};

/** Events one page holds at most. */
export const MAX_EVENTS_PAGE = 100;

export const EventsQuerySchema = z.object({
  since: z
    .string()
    .regex(INSTANT_PATTERN, 'must be an instant with its offset, e.g. 2026-12-06T00:00:00Z')
    .refine(isInstant, 'is not an instant that exists (month, day, hour, minute or second)')
    .openapi({
      description: `Required: events that happened at this instant or later (their \`timestamp\`), at most ${EVENT_RETENTION_DAYS} days ago (events are kept ${EVENT_RETENTION_DAYS} days; an older \`since\` is a 422 naming it, unless a \`cursor\` of its listing goes on). Required rather than defaulted: a page’s cursor is bound to it, and “30 days ago” would move between two pages.`,
      example: '2026-12-06T00:00:00Z',
    }),
  type: WebhookEventTypeSchema.optional().openapi({
    description:
      'One event type only. The filter runs on each page read: a page may hold fewer than `limit` (even none) while `nextCursor` says more may follow.',
  }),
  limit: z.coerce.number().int().min(1).max(MAX_EVENTS_PAGE).default(20).openapi({ example: 20 }),
  cursor: z.string().max(2000).optional().openapi({
    description:
      'nextCursor of the previous page, unchanged (bound to the shop and `since`: with another, a 422)',
  }),
});

const EventIdSchema = z
  .object({
    id: z.string().openapi({
      description:
        'The event id: the `webhook-id` header its deliveries carry (a receiver’s idempotency key: drop one already handled)',
      example: 'evt_clm_3f2b8c1d4e5f60718293a4b5c6d7e8f9_1',
    }),
  })
  .openapi('RecordedEventId');

/**
 * A recorded event: its id, then the body as sent, one shape per type (each the type's
 * named body with `id`, so a generated client narrows it by `type` as it does a webhook's).
 */
export const RecordedEventSchema = z
  .union(
    WEBHOOK_EVENT_TYPES.map((type) =>
      EventIdSchema.and(WEBHOOK_EVENT_SCHEMAS[type]),
    ) as unknown as [RecordedShape, RecordedShape, ...RecordedShape[]],
  )
  .openapi('RecordedEvent', {
    description:
      'An event as recorded: `id`, then exactly the members of the body its endpoints were sent (`type`, `timestamp`, `sequence` but for `webhook.test`, `data` as it was when the event was raised)',
  });

export const EventListSchema = z
  .object({
    items: z.array(RecordedEventSchema).openapi({
      description:
        'Oldest first (by `timestamp`, then id). Events of the last 30 days, whether or not an endpoint received them',
    }),
    nextCursor: z.string().optional().openapi({ description: 'Present when more may follow' }),
  })
  .openapi('EventList');
