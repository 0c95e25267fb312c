/**
 * The event service (GET /v1/events) on DynamoDB Local: the shop's recorded events from
 * `since` on, oldest first, as their endpoints were sent them, page after page; a `type`
 * filter that skips many still reaches every match; `since` held to the 30 days kept.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createEventService,
  EVENT_PAGE_READS,
  recordedEvent,
  SinceTooOldError,
  type EventQuery,
} from '../../src/services/events';
import { createOutbox, payloadOf } from '../../src/services/webhook-outbox';
import type { WebhookRepository } from '../../src/storage/webhook-repository';
import {
  WEBHOOK_EVENT_TYPES,
  type OutboundEvent,
  type WebhookEventType,
} from '../../src/webhooks/types';
import { freshStorage } from '../storage/helpers';
import { keepingQueue, webhookDeps } from './webhook-helpers';

const NOW = '2026-12-07T09:00:00.000Z';
const clock = () => new Date(NOW);
let webhooks: WebhookRepository;
let announce: (e: OutboundEvent) => Promise<unknown>;
let events: ReturnType<typeof createEventService>;
beforeAll(async () => {
  ({ webhooks } = await freshStorage());
  const deps = webhookDeps(webhooks, keepingQueue().queue, clock);
  const outbox = createOutbox(deps);
  announce = (e) => outbox.announce(e);
  events = createEventService(deps);
});

let shops = 0;
const newShop = () => `events-${++shops}-${crypto.randomUUID().slice(0, 8)}`;
const eventOf = (shopId: string, at: string, type: WebhookEventType, n: number): OutboundEvent => ({
  id: `evt_${shopId}_${n}`,
  type,
  timestamp: at,
  shopId,
  ...(type === 'webhook.test' ? {} : { subject: { kind: 'claim', id: 'clm_1', sequence: n } }),
  data: { n, status: 'in_review', lines: [{ amount: { amount: '8500.00', currency: 'RUB' } }] },
});
/** The `i`-th minute of 6 December 2026, as the sources write instants. */
const minute = (i: number) =>
  new Date(Date.parse('2026-12-06T00:00:00Z') + i * 60_000).toISOString();

/** Every page of a query, following the cursor; the pages as listed. */
async function pagesOf(shopId: string, query: Omit<EventQuery, 'cursor'>) {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await events.list(shopId, { ...query, cursor });
    pages.push(page.items.map((e) => e.id));
    cursor = page.cursor;
  } while (cursor !== undefined && pages.length < 50);
  return pages;
}

describe('the event service', () => {
  it('lists each event as `id` and exactly the bytes its endpoints are sent', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...WEBHOOK_EVENT_TYPES),
        fc.jsonValue(),
        fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: undefined }),
        (type, data, sequence) => {
          const event: OutboundEvent = {
            id: 'evt_1',
            type,
            timestamp: NOW,
            shopId: 's',
            ...(sequence === undefined ? {} : { subject: { kind: 'claim', id: 'c', sequence } }),
            data,
          };
          const listed = recordedEvent(event);
          expect(JSON.stringify(listed)).toBe(`{"id":"evt_1",${payloadOf(event).slice(1)}`);
        },
      ),
      { seed: 23, numRuns: 200 },
    );
  });

  it('pages oldest first from `since`, each page at most `limit`, to the last event', async () => {
    const shopId = newShop();
    const raised = Array.from({ length: 11 }, (_, i) =>
      eventOf(shopId, minute(i), 'claim.filed', i),
    );
    await Promise.all(raised.map(announce));
    const pages = await pagesOf(shopId, { since: minute(2), limit: 4 });
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(4);
    expect(pages.flat()).toEqual(raised.slice(2).map((e) => e.id));
    // The instant of `since` in any offset is the same instant: the event at it is listed.
    const offset = await events.list(shopId, { since: '2026-12-06T03:02:00+03:00', limit: 1 });
    expect(offset.items.map((e) => e.id)).toEqual([raised[2]?.id]);
  });

  it('orders and bounds events by their instant, whatever offset their source wrote', async () => {
    const shopId = newShop();
    // A carrier's local time (a delivery's `statusAt`) beside UTC instants around it.
    const raised = [
      eventOf(shopId, '2026-12-06T11:00:00.000Z', 'claim.paid', 1),
      eventOf(shopId, '2026-12-06T15:00:00+03:00', 'shipment.delivered', 2),
      eventOf(shopId, '2026-12-06T13:00:00.000Z', 'claim.paid', 3),
    ];
    await Promise.all(raised.map(announce));
    const all = await events.list(shopId, { since: '2026-12-06T00:00:00Z', limit: 10 });
    expect(all.items.map((e) => e.timestamp)).toEqual(raised.map((e) => e.timestamp));
    const after = await events.list(shopId, { since: '2026-12-06T12:30:00Z', limit: 10 });
    expect(after.items.map((e) => e.id)).toEqual([raised[2]?.id]);
    const from = await events.list(shopId, { since: '2026-12-06T12:00:00Z', limit: 10 });
    expect(from.items.map((e) => e.id)).toEqual([raised[1]?.id, raised[2]?.id]);
  });

  it('finds every event of a `type` however many others lie between, in bounded reads', async () => {
    const shopId = newShop();
    const raised = Array.from({ length: 40 }, (_, i) =>
      eventOf(shopId, minute(i), i === 3 || i === 37 ? 'claim.paid' : 'claim.status_changed', i),
    );
    await Promise.all(raised.map(announce));
    const pages = await pagesOf(shopId, { since: minute(0), limit: 2, type: 'claim.paid' });
    expect(pages.flat()).toEqual([raised[3]?.id, raised[37]?.id]);
    // Each page reads at most EVENT_PAGE_READS × limit events: a short page says more may follow.
    expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(40 / (EVENT_PAGE_READS * 2)));
    const tests = await pagesOf(shopId, { since: minute(0), limit: 5, type: 'webhook.test' });
    expect(tests.flat()).toEqual([]);
  });

  it('holds `since` to the 30 days kept, unless a cursor goes on with its listing', async () => {
    const shopId = newShop();
    const at = (days: number) => new Date(Date.parse(NOW) - days * 86_400_000).toISOString();
    await Promise.all(
      [0, 1, 2].map((i) => announce(eventOf(shopId, at(29.9 - i), 'claim.filed', i))),
    );
    await expect(events.list(shopId, { since: at(30.01), limit: 5 })).rejects.toThrow(
      SinceTooOldError,
    );
    await expect(events.list(shopId, { since: at(30.01), limit: 5 })).rejects.toMatchObject({
      code: 'invalid-input',
      blamed: { parameter: 'since', code: 'invalid_value' },
    });
    const first = await events.list(shopId, { since: at(30), limit: 1 });
    expect(first.items).toHaveLength(1);
    // A day later that `since` is past 30 days, but the listing begun with it goes on.
    const later = createEventService({
      storage: { webhooks },
      clock: () => new Date(Date.parse(NOW) + 86_400_000),
    });
    const rest = await later.list(shopId, { since: at(30), limit: 5, cursor: first.cursor });
    expect(rest.items.map((e) => e.id)).toEqual([`evt_${shopId}_1`, `evt_${shopId}_2`]);
  });

  it('lists nothing of another shop', async () => {
    const [a, b] = [newShop(), newShop()];
    await Promise.all([
      announce(eventOf(a, minute(1), 'claim.paid', 1)),
      announce(eventOf(b, minute(1), 'claim.paid', 1)),
    ]);
    const listed = await pagesOf(a, { since: minute(0), limit: 10 });
    expect(listed.flat()).toEqual([`evt_${a}_1`]);
  });
});
