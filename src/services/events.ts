/**
 * The shop's recorded events (GET /v1/events): every event announced for it in the last 30
 * days, whether or not an endpoint received it, so nothing raised while it had none (or
 * while one was down) is lost. Each is listed as its endpoints were sent it.
 */
import { DomainError, type BlamedInput } from '../domain/errors';
import { parseInstant } from '../domain/shipment/instant';
import type { OutboundEvent, WebhookEventType } from '../webhooks/types';
import { EVENT_RETENTION_DAYS, type WebhookDeps } from './webhook-deps';

/** Reads of the event partition one page makes at most (a `type` filter may skip many). */
export const EVENT_PAGE_READS = 5;

/** An event as listed: its id, then the body its endpoints were sent. */
export interface RecordedEvent {
  id: string;
  type: WebhookEventType;
  timestamp: string;
  sequence?: number;
  data: unknown;
}

/** What GET /v1/events asks for. */
export interface EventQuery {
  since: string;
  type?: WebhookEventType | undefined;
  limit: number;
  cursor?: string | undefined;
}

/**
 * `since` older than the events are kept (a 422 naming the parameter).
 * @example throw new SinceTooOldError('2026-10-01T00:00:00Z', '2026-11-07T09:00:00.000Z');
 */
export class SinceTooOldError extends DomainError {
  override readonly name = 'SinceTooOldError';
  override readonly blamed: BlamedInput;
  constructor(since: string, oldest: string) {
    const detail = `is more than ${EVENT_RETENTION_DAYS} days ago: events are kept ${EVENT_RETENTION_DAYS} days; ask from ${oldest} on`;
    super('invalid-input', `since (${since}) ${detail}.`);
    this.blamed = { parameter: 'since', code: 'invalid_value', detail };
  }
}

/**
 * The listed form of an event: `id` and exactly what `payloadOf` (./webhook-outbox.ts) sends.
 * @example recordedEvent(event) // { id: 'evt_…', type: 'claim.paid', timestamp, sequence: 4, data }
 */
export const recordedEvent = (e: OutboundEvent): RecordedEvent => ({
  id: e.id,
  type: e.type,
  timestamp: e.timestamp,
  ...(e.subject ? { sequence: e.subject.sequence } : {}),
  data: e.data,
});

/**
 * `since` as the events' sort keys are written (`toISOString`, UTC with milliseconds), so
 * an event at exactly that instant is listed; refused when older than the events are kept,
 * unless a cursor goes on with a listing begun when it was not.
 */
function sinceKey(since: string, now: Date, continuing: boolean): string {
  const ms = parseInstant(since, '/since').ms;
  const oldest = now.getTime() - EVENT_RETENTION_DAYS * 86_400_000;
  if (ms < oldest && !continuing) throw new SinceTooOldError(since, new Date(oldest).toISOString());
  return new Date(ms).toISOString();
}

/**
 * @example
 * const events = createEventService(deps);
 * const page = await events.list('shop-1', { since: '2026-12-01T00:00:00Z', limit: 20 });
 */
export function createEventService(deps: Pick<WebhookDeps, 'storage' | 'clock'>) {
  return {
    /**
     * A page of the shop's events from `since` on, oldest first; `cursor` when more may
     * follow. With a `type`, up to EVENT_PAGE_READS reads fill the page (it may stay short).
     */
    async list(
      shopId: string,
      query: EventQuery,
    ): Promise<{ items: RecordedEvent[]; cursor?: string }> {
      const since = sinceKey(query.since, deps.clock(), query.cursor !== undefined);
      const items: RecordedEvent[] = [];
      let cursor = query.cursor;
      for (let read = 0; read < EVENT_PAGE_READS && items.length < query.limit; read++) {
        // Never more read than the page has room for: the cursor stays on the last one kept.
        const page = await deps.storage.webhooks.listEvents(shopId, since, {
          limit: query.limit - items.length,
          ...(cursor === undefined ? {} : { cursor }),
        });
        for (const e of page.items) {
          if (query.type === undefined || e.type === query.type) items.push(recordedEvent(e));
        }
        cursor = page.cursor;
        if (cursor === undefined) break;
      }
      return cursor === undefined ? { items } : { items, cursor };
    },
  };
}

export type EventService = ReturnType<typeof createEventService>;
