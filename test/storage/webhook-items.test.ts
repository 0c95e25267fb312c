/**
 * The webhook items at their largest, on DynamoDB Local (and YDB's Document API in the
 * storage-ydb project): an endpoint at every maximum, a delivery with a long event id, an
 * attempt with 1 KB of answer, an event whose body is over a megabyte of incompressible
 * text (split over parts beside its item), announced to 10 endpoints in one transaction of
 * at most 25 items. Each item stays below DynamoDB's 400 KB with a quarter to spare.
 */
import { QueryCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_ENDPOINTS_PER_SHOP } from '../../src/services/webhook-deps';
import { createWebhookEndpointService } from '../../src/services/webhook-endpoints';
import { createOutbox } from '../../src/services/webhook-outbox';
import { StorageTooLargeError } from '../../src/storage/errors';
import { WEBHOOK_EVENT_TYPES, type OutboundEvent } from '../../src/webhooks/types';
import { keepingQueue, movableClock, webhookDeps } from '../services/webhook-helpers';
import { freshStorage } from './helpers';

const ITEM_LIMIT = 400 * 1024;
let storage: Awaited<ReturnType<typeof freshStorage>>;
beforeAll(async () => {
  storage = await freshStorage();
});

function attributeBytes(value: AttributeValue): number {
  if (value.S !== undefined) return Buffer.byteLength(value.S);
  if (value.N !== undefined) return value.N.length;
  if (value.B !== undefined) return value.B.byteLength;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  throw new TypeError(`unexpected attribute ${Object.keys(value).join()}`);
}
const itemBytes = (item: Record<string, AttributeValue>) =>
  Object.entries(item).reduce((n, [k, v]) => n + Buffer.byteLength(k) + attributeBytes(v), 0);

/** Every item whose partition key starts with `prefix`'s partitions, by exact partition. */
async function partition(pk: string) {
  const answer = await storage.client.send(
    new QueryCommand({
      TableName: storage.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: pk } },
    }),
  );
  return answer.Items ?? [];
}

/** JSON's worst: control characters, 6 bytes each once escaped. */
const escaped = (n: number) => '\u0001'.repeat(n);
/** Deflate's worst: random 3-byte characters. */
const incompressible = (n: number) =>
  Array.from(
    randomBytes(n * 2)
      .toString('hex')
      .match(/.{4}/g) ?? [],
    (h) => String.fromCharCode(0x4e00 + (parseInt(h, 16) % 0x5000)),
  ).join('');

describe('webhook items at their largest', () => {
  it('keeps an endpoint at every maximum, a delivery and an attempt with 1 KB of answer well inside an item', async () => {
    const shopId = 's'.repeat(64);
    const time = movableClock();
    const kq = keepingQueue();
    const deps = webhookDeps(storage.webhooks, kq.queue, time.clock, [1]);
    const endpoints = createWebhookEndpointService(deps);
    const made = await endpoints.create(shopId, {
      url: `https://shop.example.com/${'я'.repeat(2048 - 25)}`,
      events: [...WEBHOOK_EVENT_TYPES, '*'],
      description: escaped(500),
    });
    await endpoints.rotateSecret(shopId, made.id);
    const event: OutboundEvent = {
      id: `evt_${'c'.repeat(200)}_999999_claim.acknowledgement_overdue`,
      type: 'claim.acknowledgement_overdue',
      timestamp: time.clock().toISOString(),
      shopId,
      subject: { kind: 'claim', id: 'c'.repeat(200), sequence: 999_999 },
      data: { note: escaped(1000) },
    };
    await createOutbox(deps).announce(event);
    const [delivery] = kq.take();
    // An attempt that keeps 1 KB of answer: the receiver's body, as the consumer keeps it.
    const stored = await storage.webhooks.getDelivery(shopId, delivery!.deliveryId);
    await storage.webhooks.recordAttempt(stored!, {
      attempt: {
        at: time.clock().toISOString(),
        series: 1,
        statusCode: 500,
        durationMs: 15_000,
        response: escaped(1024),
        error: escaped(300),
      },
      status: 'pending',
      nextAttemptAt: time.clock().toISOString(),
    });
    const items = [
      ...(await partition(`SHOP#${shopId}#WEBHOOKS`)),
      ...(await partition(`SHOP#${shopId}#WHEP#${made.id}`)),
    ];
    const sizes = Object.fromEntries(
      items.map((i) => [String(i.entity?.S), itemBytes(i)] as const),
    );
    expect(Object.keys(sizes).sort()).toEqual([
      'WEBHOOK_ATTEMPT',
      'WEBHOOK_COUNT',
      'WEBHOOK_DELIVERY',
      'WEBHOOK_ENDPOINT',
    ]);
    for (const [kind, bytes] of Object.entries(sizes))
      expect(bytes, kind).toBeLessThan(ITEM_LIMIT * 0.75);
    const page = await storage.webhooks.listDeliveries(shopId, made.id, {}, { limit: 5 });
    expect(page.items[0]?.attemptList[0]?.response).toBe(escaped(1024));
  });

  it('splits a body of over a megabyte (incompressible) over parts, announced to 10 endpoints at once', async () => {
    const shopId = `shop-big-${Date.now()}`;
    const time = movableClock();
    const kq = keepingQueue();
    const deps = webhookDeps(storage.webhooks, kq.queue, time.clock, [1]);
    const endpoints = createWebhookEndpointService(deps);
    for (let i = 0; i < MAX_ENDPOINTS_PER_SHOP; i++) {
      await endpoints.create(shopId, { url: `https://shop.example.com/${i}`, events: ['*'] });
    }
    const data = { text: incompressible(380_000) }; // ~1.1 MB of UTF-8, as deflate leaves it
    const event: OutboundEvent = {
      id: 'evt_big_1_claim.filed',
      type: 'claim.filed',
      timestamp: time.clock().toISOString(),
      shopId,
      data,
    };
    expect(await createOutbox(deps).announce(event)).toEqual({ recorded: true, deliveries: 10 });
    const body = await storage.webhooks.eventBody(shopId, event.id);
    expect(JSON.parse(body!)).toEqual({ type: 'claim.filed', timestamp: event.timestamp, data });
    const parts = await partition(`SHOP#${shopId}#EVENT#${event.id}`);
    expect(parts.length).toBeGreaterThan(2); // the guard and at least two parts
    for (const item of [...parts, ...(await partition(`SHOP#${shopId}#EVENTS`))]) {
      expect(itemBytes(item)).toBeLessThan(ITEM_LIMIT * 0.9);
    }
    const listed = await storage.webhooks.listEvents(shopId, '2000', { limit: 5 });
    expect(listed.items[0]?.data).toEqual(data);

    // Past what a transaction beside 10 deliveries holds: refused whole, nothing written.
    const huge = {
      ...event,
      id: 'evt_big_2_claim.filed',
      data: { text: incompressible(1_000_000) },
    };
    await expect(createOutbox(deps).announce(huge)).rejects.toBeInstanceOf(StorageTooLargeError);
    expect(await storage.webhooks.eventBody(shopId, huge.id)).toBeUndefined();
  });
});
