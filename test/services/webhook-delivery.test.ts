/**
 * The delivery engine end to end on DynamoDB Local, against a real receiver on 127.0.0.1
 * that verifies every signature with the `standardwebhooks` package.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { consumeDeliveries, sendDue } from '../../src/services/webhook-delivery';
import { createWebhookDeliveryService } from '../../src/services/webhook-deliveries';
import { createWebhookEndpointService } from '../../src/services/webhook-endpoints';
import { createOutbox } from '../../src/services/webhook-outbox';
import type { WebhookRepository } from '../../src/storage/webhook-repository';
import type { OutboundEvent } from '../../src/webhooks/types';
import { freshStorage } from '../storage/helpers';
import {
  keepingQueue,
  movableClock,
  queueMessage,
  startReceiver,
  webhookDeps,
} from './webhook-helpers';

let webhooks: WebhookRepository;
beforeAll(async () => {
  ({ webhooks } = await freshStorage());
});

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

let shopSeq = 0;
/** A shop with one endpoint at a fresh receiver, and the engine around it. */
async function setUp(options: { answers?: number[]; fallback?: number; schedule?: number[] } = {}) {
  const shopId = `shop-${++shopSeq}-${Date.now()}`;
  const receiver = await startReceiver(options);
  closers.push(receiver.close);
  const kq = keepingQueue();
  const time = movableClock();
  const deps = webhookDeps(webhooks, kq.queue, time.clock, options.schedule);
  const endpoints = createWebhookEndpointService(deps);
  const made = await endpoints.create(shopId, { url: receiver.url, events: ['claim.paid'] });
  receiver.secrets.push(made.secret);
  /** Every queued message consumed once; what each was told. */
  const drain = async () => {
    const told = [];
    for (const body of kq.take()) {
      const { message, told: t } = queueMessage(body);
      await consumeDeliveries([message], deps);
      told.push({ body, ...t });
    }
    return told;
  };
  return { shopId, receiver, kq, time, deps, endpoints, endpoint: made, drain };
}

const paid = (shopId: string, n = 1): OutboundEvent => ({
  id: `evt_clm_${shopId}_${n}_claim.paid`,
  type: 'claim.paid',
  timestamp: '2026-12-07T05:59:00.000Z',
  shopId,
  subject: { kind: 'claim', id: `clm_${shopId}`, sequence: n },
  data: { id: `clm_${shopId}`, status: 'paid' },
});

describe('delivering an event', () => {
  it('retries a 500 once and succeeds with the same webhook-id, signed and verified', async () => {
    const t = await setUp({ answers: [500, 200] });
    const announced = await createOutbox(t.deps).announce(paid(t.shopId));
    expect(announced).toEqual({ recorded: true, deliveries: 1 });

    const [first] = await t.drain();
    expect(first?.retry).toEqual([{ delaySeconds: 1 }]);
    t.time.advance(1);
    const { message, told } = queueMessage(first!.body, 2);
    await consumeDeliveries([message], t.deps);
    expect(told.ack).toBe(1);

    expect(t.receiver.received).toHaveLength(2);
    const [a, b] = t.receiver.received;
    expect(a?.id).toBe(paid(t.shopId).id);
    expect(b?.id).toBe(a?.id);
    expect(b?.body).toBe(a?.body);
    expect(a?.verifiedBy).toEqual([t.endpoint.secret]);
    expect(a?.verified && b?.verified).toBe(true);
    expect(JSON.parse(a!.body)).toEqual({
      type: 'claim.paid',
      timestamp: '2026-12-07T05:59:00.000Z',
      sequence: 1,
      data: { id: `clm_${t.shopId}`, status: 'paid' },
    });

    const page = await createWebhookDeliveryService(t.deps).list(
      t.shopId,
      t.endpoint.id,
      {},
      { limit: 10 },
    );
    expect(page.items).toHaveLength(1);
    const delivery = page.items[0]!;
    expect(delivery.status).toBe('succeeded');
    expect(delivery.attemptList.map((x) => x.statusCode)).toEqual([500, 200]);
    expect(delivery.attemptList[0]?.response).toBe('answered 500');
  });

  it('disables the endpoint at once on 410 Gone, with no retry', async () => {
    const t = await setUp({ answers: [410] });
    await createOutbox(t.deps).announce(paid(t.shopId));
    const [first] = await t.drain();
    expect(first?.retry).toEqual([]);
    expect(first?.ack).toBe(1);
    const endpoint = await t.endpoints.get(t.shopId, t.endpoint.id);
    expect(endpoint).toMatchObject({ enabled: false, disabledReason: 'gone' });
    const failed = await createWebhookDeliveryService(t.deps).list(
      t.shopId,
      t.endpoint.id,
      { status: 'failed' },
      { limit: 10 },
    );
    expect(failed.items).toHaveLength(1);
    // A disabled endpoint gets nothing new.
    expect(await createOutbox(t.deps).announce(paid(t.shopId, 2))).toEqual({
      recorded: true,
      deliveries: 0,
    });
  });

  it('fails after the last scheduled attempt, dead-letters the message, then a replay succeeds', async () => {
    const t = await setUp({ fallback: 503, schedule: [1, 2] });
    await createOutbox(t.deps).announce(paid(t.shopId));
    const [first] = await t.drain();
    const body = first!.body;
    const tell = async () => {
      const { message, told } = queueMessage(body);
      await consumeDeliveries([message], t.deps);
      return told;
    };
    expect(first?.retry).toEqual([{ delaySeconds: 1 }]);
    expect((await tell()).retry).toEqual([{ delaySeconds: 2 }]);
    // The last attempt: failed, and retried past max_retries (to the dead-letter queue).
    expect((await tell()).retry).toEqual([{ delaySeconds: 0 }]);
    // The same message again (the queue redelivers it): settled, acked, not sent.
    expect((await tell()).ack).toBe(1);
    expect(t.receiver.received).toHaveLength(3);

    const deliveries = createWebhookDeliveryService(t.deps);
    const [failed] = (
      await deliveries.list(t.shopId, t.endpoint.id, { status: 'failed' }, { limit: 5 })
    ).items;
    expect(failed?.attempts).toBe(3);

    t.receiver.state.fallback = 200;
    await deliveries.replay(t.shopId, failed!.id);
    const [replayed] = await t.drain();
    expect(replayed?.ack).toBe(1);
    expect(t.receiver.received.at(-1)?.id).toBe(paid(t.shopId).id);
    const [done] = (await deliveries.list(t.shopId, t.endpoint.id, {}, { limit: 5 })).items;
    expect(done).toMatchObject({ status: 'succeeded', series: 2, attempts: 4 });
    expect(done?.attemptList.map((a) => a.series)).toEqual([1, 1, 1, 2]);
  });

  it('signs with both secrets for 24 hours after a rotation, then with the new one only', async () => {
    const t = await setUp();
    const rotated = await t.endpoints.rotateSecret(t.shopId, t.endpoint.id);
    expect(rotated.secret).not.toBe(t.endpoint.secret);
    t.receiver.secrets.push(rotated.secret);
    await createOutbox(t.deps).announce(paid(t.shopId, 1));
    await t.drain();
    const during = t.receiver.received.at(-1)!;
    expect(during.signature.split(' ')).toHaveLength(2);
    expect(during.verifiedBy.sort()).toEqual([t.endpoint.secret, rotated.secret].sort());

    t.time.advance(24 * 3600 + 1);
    await createOutbox(t.deps).announce(paid(t.shopId, 2));
    await t.drain();
    const after = t.receiver.received.at(-1)!;
    expect(after.signature.split(' ')).toHaveLength(1);
    expect(after.verifiedBy).toEqual([rotated.secret]);
  });

  it('disables an endpoint failing for 5 days and tells the shop’s other endpoint', async () => {
    const t = await setUp({ fallback: 500, schedule: [] });
    const other = await startReceiver();
    closers.push(other.close);
    const second = await t.endpoints.create(t.shopId, { url: other.url, events: ['claim.filed'] });
    other.secrets.push(second.secret);

    await createOutbox(t.deps).announce(paid(t.shopId, 1));
    await t.drain();
    expect(await t.endpoints.get(t.shopId, t.endpoint.id)).toMatchObject({
      enabled: true,
      failingSince: t.time.clock().toISOString(),
    });
    t.time.advance(5 * 86_400);
    await createOutbox(t.deps).announce(paid(t.shopId, 2));
    await t.drain(); // the failure that disables it, then endpoint.disabled to the other
    await t.drain();
    expect(await t.endpoints.get(t.shopId, t.endpoint.id)).toMatchObject({
      enabled: false,
      disabledReason: 'failing',
    });
    expect(other.received).toHaveLength(1);
    const notice = JSON.parse(other.received[0]!.body) as { type: string; data: { id: string } };
    expect(notice.type).toBe('endpoint.disabled');
    expect(notice.data.id).toBe(t.endpoint.id);
    expect(other.received[0]?.verifiedBy).toEqual([second.secret]);
    const notices = await webhooks.listNotices(50);
    expect(notices.find((n) => n.endpointId === t.endpoint.id)).toMatchObject({
      reason: 'failing',
    });
  });

  it('records an event once when it is announced 10 times at once: one delivery per endpoint', async () => {
    const t = await setUp();
    const other = await startReceiver();
    closers.push(other.close);
    await t.endpoints.create(t.shopId, { url: other.url, events: ['*'] });
    const results = await Promise.all(
      Array.from({ length: 10 }, () => createOutbox(t.deps).announce(paid(t.shopId))),
    );
    expect(results.filter((r) => r.recorded)).toEqual([{ recorded: true, deliveries: 2 }]);
    expect(t.kq.take()).toHaveLength(2);
    const events = await webhooks.listEvents(t.shopId, '2026-01-01', { limit: 50 });
    expect(events.items.map((e) => e.id)).toEqual([paid(t.shopId).id]);
  });

  it('keeps a delivery the queue refused, and the cron sends it', async () => {
    const t = await setUp();
    t.kq.state.failing = true;
    await createOutbox(t.deps).announce(paid(t.shopId));
    expect(t.kq.take()).toHaveLength(0);
    t.kq.state.failing = false;
    t.time.advance(60);
    expect(await sendDue(t.deps)).toEqual({ sent: 1 });
    await t.drain();
    expect(t.receiver.received).toHaveLength(1);
    // Taken by the queue: the next pass finds nothing.
    expect(await sendDue(t.deps)).toEqual({ sent: 0 });
  });

  it('clears a marker the queue never took, once the cron queued it, even after a replay', async () => {
    const t = await setUp();
    t.kq.state.failing = true;
    await createOutbox(t.deps).announce(paid(t.shopId));
    t.kq.state.failing = false;
    t.time.advance(10);
    const deliveries = createWebhookDeliveryService(t.deps);
    const [pending] = (await deliveries.list(t.shopId, t.endpoint.id, {}, { limit: 5 })).items;
    await deliveries.replay(t.shopId, pending!.id);
    await t.drain();
    expect(t.receiver.received).toHaveLength(1);
    t.time.advance(60);
    // The first marker: queued once more, found settled, not sent again; then gone.
    expect(await sendDue(t.deps)).toEqual({ sent: 1 });
    const [stale] = await t.drain();
    expect(stale?.ack).toBe(1);
    expect(t.receiver.received).toHaveLength(1);
    expect(await sendDue(t.deps)).toEqual({ sent: 0 });
  });

  it('stops the pending deliveries of an endpoint disabled meanwhile', async () => {
    const t = await setUp();
    await createOutbox(t.deps).announce(paid(t.shopId));
    await t.endpoints.update(t.shopId, t.endpoint.id, { enabled: false }, undefined);
    const [told] = await t.drain();
    expect(told?.ack).toBe(1);
    expect(t.receiver.received).toHaveLength(0);
  });
});
