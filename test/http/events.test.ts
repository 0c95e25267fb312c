/**
 * GET /v1/events through the Worker (workerd): the shop's recorded events, each the body its
 * endpoints were sent. Events are raised here through the outbox itself (the sources call
 * it the same way), on the same table the Worker reads; a webhook.test goes through the
 * Worker to the suite's receiver, so what was listed is compared with what arrived.
 */
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOutbox } from '../../src/services/webhook-outbox';
import { webhookDepsOf } from '../../src/services/webhook-wiring';
import type { OutboundEvent, WebhookEventType } from '../../src/webhooks/types';
import { eventRefusals } from '../../src/routes/events/events.examples';
import { fixedClock } from '../support/answer';
import { fileOk, seedKey, seedShop, seedTestKey, storage } from './claims-helpers';
import { call, type Answer } from './helpers';

const receiver = (env as { WEBHOOK_TEST_RECEIVER: string }).WEBHOOK_TEST_RECEIVER;
const outbox = createOutbox(
  webhookDepsOf({}, { storage, clock: fixedClock }, { sendBatch: async () => undefined }),
);

let shop: Awaited<ReturnType<typeof seedShop>>;
let other: Awaited<ReturnType<typeof seedShop>>;
beforeAll(async () => {
  shop = await seedShop();
  other = await seedShop();
});

/** An event of the shop at `at`, with a subject (a sequence) unless it is a test. */
const eventOf = (
  shopId: string,
  at: string,
  type: WebhookEventType = 'claim.status_changed',
  data: unknown = { at },
): OutboundEvent => ({
  id: `evt_${crypto.randomUUID().replaceAll('-', '')}`,
  type,
  timestamp: at,
  shopId,
  ...(type === 'webhook.test' ? {} : { subject: { kind: 'claim', id: 'clm_x', sequence: 2 } }),
  data,
});

const listed = (auth: Record<string, string>, query: string) =>
  call('GET', `/v1/events?${query}`, undefined, auth);
const items = (a: Answer) => a.body.items as Record<string, unknown>[];

/** Every page of a listing, following nextCursor. */
async function allPages(auth: Record<string, string>, query: string) {
  const pages: Record<string, unknown>[][] = [];
  let cursor: string | undefined;
  do {
    const next = cursor === undefined ? '' : `&cursor=${encodeURIComponent(cursor)}`;
    const page = await listed(auth, `${query}${next}`);
    expect(page.status, page.text).toBe(200);
    pages.push(items(page));
    cursor = page.body.nextCursor as string | undefined;
  } while (cursor !== undefined && pages.length < 20);
  return pages;
}

describe('GET /v1/events', () => {
  it('lists an event raised while the shop had no endpoint, as it would have been sent', async () => {
    const fresh = await seedShop();
    const filed = await fileOk(fresh.auth);
    const claim = await call('GET', `/v1/claims/${filed.id}`, undefined, fresh.auth);
    const filedAt = claim.body.createdAt as string;
    // The claim's own source raises claim.filed (the claim-change consumer, from its history).
    const id = `evt_${filed.id}_1`;
    await expect
      .poll(async () => items(await listed(fresh.auth, `since=${filedAt}`)).map((e) => e.id), {
        timeout: 15_000,
      })
      .toContain(id);
    const page = await listed(fresh.auth, `since=${filedAt}`);
    expect(page.status, page.text).toBe(200);
    // The body as sent: the claim exactly as GET answered it (nothing moved it since).
    expect(page.body).toEqual({
      items: [{ id, type: 'claim.filed', timestamp: filedAt, sequence: 1, data: claim.body }],
    });
    // A later `since` leaves it out; the listing's own headers are those of every answer.
    const after = new Date(Date.parse(filedAt) + 1).toISOString();
    const later = await listed(fresh.auth, `since=${after}`);
    expect(items(later)).toEqual([]);
    expect(page.headers.get('x-request-id')).toBeTruthy();
  });

  it('lists exactly the body and id a receiver got', async () => {
    const fresh = await seedShop();
    const label = crypto.randomUUID().slice(0, 8);
    const made = await call(
      'POST',
      '/v1/webhook-endpoints',
      { url: `${receiver}/hooks/${label}/200`, events: ['claim.paid'] },
      fresh.auth,
    );
    expect(made.status, made.text).toBe(201);
    const sent = await call(
      'POST',
      `/v1/webhook-endpoints/${made.body.id as string}/test`,
      undefined,
      fresh.auth,
    );
    expect(sent.status, sent.text).toBe(202);
    const got = (await (await fetch(`${receiver}/received/${label}`)).json()) as {
      headers: Record<string, string>;
      body: string;
    }[];
    expect(got).toHaveLength(1);

    const page = await listed(fresh.auth, 'since=2025-06-16T00:00:00Z&type=webhook.test');
    expect(page.status, page.text).toBe(200);
    const [only] = items(page);
    const { id, ...body } = only ?? {};
    expect(id).toBe(got[0]?.headers['webhook-id']);
    expect(body).toEqual(JSON.parse(got[0]?.body ?? 'null'));
    expect(body).not.toHaveProperty('sequence');
  });

  it('pages oldest first, following the cursor to the end, and filters by type across pages', async () => {
    const fresh = await seedShop();
    const types: WebhookEventType[] = ['claim.filed', 'claim.paid', 'claim.status_changed'];
    const raised = Array.from({ length: 7 }, (_, i) =>
      eventOf(fresh.shopId, `2025-06-1${i}T08:00:00.000Z`, types[i % 3]),
    );
    // Announced newest first, all at once: the listing orders them itself.
    await Promise.all([...raised].reverse().map((e) => outbox.announce(e)));

    const pages = await allPages(fresh.auth, 'since=2025-06-10T08:00:00%2B00:00&limit=3');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(3);
    expect(pages.flat().map((e) => e.id)).toEqual(raised.map((e) => e.id));

    const paid = await allPages(fresh.auth, 'since=2025-06-10T00:00:00Z&limit=1&type=claim.paid');
    expect(paid.flat().map((e) => e.id)).toEqual(
      raised.filter((e) => e.type === 'claim.paid').map((e) => e.id),
    );
    // An offset `since` is the same instant: the event at exactly that instant is listed.
    const from = await listed(fresh.auth, 'since=2025-06-13T11:00:00%2B03:00&limit=100');
    expect(items(from).map((e) => e.id)).toEqual(raised.slice(3).map((e) => e.id));
  });

  it('never shows another shop’s events, nor takes its cursor', async () => {
    const mine = eventOf(shop.shopId, '2025-06-15T10:00:00.000Z');
    const theirs = eventOf(other.shopId, '2025-06-15T10:00:00.000Z');
    await Promise.all([
      outbox.announce(mine),
      outbox.announce(theirs),
      outbox.announce(eventOf(shop.shopId, '2025-06-15T11:00:00.000Z')),
    ]);

    const ids = (await allPages(shop.auth, 'since=2025-06-15T00:00:00Z&limit=1')).flat();
    expect(ids.map((e) => e.id)).toContain(mine.id);
    expect(ids.map((e) => e.id)).not.toContain(theirs.id);
    const theirList = (await allPages(other.auth, 'since=2025-06-15T00:00:00Z')).flat();
    expect(theirList.map((e) => e.id)).toEqual([theirs.id]);

    const first = await listed(shop.auth, 'since=2025-06-15T00:00:00Z&limit=1');
    const cursor = encodeURIComponent(first.body.nextCursor as string);
    const stolen = await listed(other.auth, `since=2025-06-15T00:00:00Z&limit=1&cursor=${cursor}`);
    expect(stolen.status, stolen.text).toBe(422);
    expect(stolen.body.errors).toEqual([expect.objectContaining({ parameter: 'cursor' })]);
    const moved = await listed(shop.auth, `since=2025-06-14T00:00:00Z&limit=1&cursor=${cursor}`);
    expect(moved.status, moved.text).toBe(422);
  });

  it('is a shop key’s: a clerk key is a 403, no key a 401; a test key lists its sandbox', async () => {
    const clerk = await seedKey('clerk');
    const asClerk = await listed(clerk.auth, 'since=2025-06-15T00:00:00Z');
    expect(asClerk.status, asClerk.text).toBe(403);
    expect(asClerk.body.type).toBe('/problems/forbidden');
    const asNobody = await listed({}, 'since=2025-06-15T00:00:00Z');
    expect(asNobody.status, asNobody.text).toBe(401);

    const fresh = await seedShop();
    const test = await seedTestKey(fresh.shopId);
    const live = eventOf(fresh.shopId, '2025-06-15T12:00:00.000Z');
    const sandboxed = eventOf(`${fresh.shopId}~test`, '2025-06-15T12:00:00.000Z');
    await Promise.all([outbox.announce(live), outbox.announce(sandboxed)]);
    const inSandbox = await listed(test.auth, 'since=2025-06-15T00:00:00Z');
    expect(items(inSandbox).map((e) => e.id)).toEqual([sandboxed.id]);
    const inLive = await listed(fresh.auth, 'since=2025-06-15T00:00:00Z');
    expect(items(inLive).map((e) => e.id)).toEqual([live.id]);
  });

  it.each([
    ['', 'since', 'required'],
    ['since=yesterday', 'since', 'invalid_format'],
    ['since=2025-06-31T00:00:00Z', 'since', 'invalid_value'],
    ['since=2025-06-15', 'since', 'invalid_format'],
    ['since=2025-06-15T00:00:00Z&type=claim.lost', 'type', 'invalid_enum'],
    ['since=2025-06-15T00:00:00Z&limit=0', 'limit', undefined],
    ['since=2025-06-15T00:00:00Z&limit=101', 'limit', undefined],
    ['since=2025-06-15T00:00:00Z&cursor=nope', 'cursor', 'invalid_value'],
  ])('refuses `%s` with a 422 naming %s', async (query, parameter, code) => {
    const refused = await listed(shop.auth, query);
    expect(refused.status, refused.text).toBe(422);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    const errors = refused.body.errors as { parameter?: string; code?: string }[];
    expect(errors.map((e) => e.parameter)).toEqual([parameter]);
    if (code) expect(errors[0]?.code).toBe(code);
  });

  it.each(Object.entries(eventRefusals))('answers the documented refusal %s', async (_, ex) => {
    const query = ex.value.errors[0]?.code === 'required' ? '' : 'since=2025-05-01T00:00:00Z';
    const refused = await listed(shop.auth, query);
    expect({ ...refused.body, instance: ex.value.instance }).toEqual(ex.value);
  });

  it('refuses a `since` more than 30 days ago, saying so, and takes one of exactly 30 days', async () => {
    // The Worker's clock: 2025-06-16T09:00:00Z.
    const old = await listed(shop.auth, 'since=2025-05-17T08:59:59Z');
    expect(old.status, old.text).toBe(422);
    expect(old.body).toMatchObject({
      type: '/problems/invalid-input',
      detail: expect.stringContaining('more than 30 days ago'),
      errors: [
        {
          parameter: 'since',
          code: 'invalid_value',
          detail: expect.stringContaining('2025-05-17T09:00:00.000Z'),
        },
      ],
    });
    const oldest = await listed(shop.auth, 'since=2025-05-17T09:00:00Z');
    expect(oldest.status, oldest.text).toBe(200);
  });
});
