/**
 * The webhook delivery queue in workerd: a Worker as deployed, whose WEBHOOK_DELIVERIES
 * binding is a stand-in that keeps what it was sent; its `queue()` handed those messages
 * as a batch of `parcel-claims-webhooks` (told apart from the claim changes by the queue's
 * name), and its `scheduled()` sending what the queue refused. The receiver is the suite's
 * (test/setup/webhook-receiver.global.ts).
 */
import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  env,
  getQueueResult,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Bindings } from '../../src/env';
import type { DeliveryMessage } from '../../src/services/webhook-deps';
import { createWorker, WEBHOOK_QUEUE } from '../../src/worker';
import { caller, fixedClock } from '../support/answer';
import { seedShop } from './claims-helpers';

const worker = createWorker({ clock: fixedClock, changes: 'inline' });
const sent: DeliveryMessage[] = [];
let queueDown = false;
const standIn = {
  sendBatch: async (messages: { body: DeliveryMessage }[]) => {
    if (queueDown) throw new Error('queue unavailable');
    sent.push(...messages.map((m) => m.body));
  },
};
const bindings = {
  ...(env as Bindings),
  WEBHOOK_DELIVERIES: standIn as unknown as Queue<DeliveryMessage>,
  WEBHOOK_RETRY_SCHEDULE: '7,60',
};
const receiver = (env as { WEBHOOK_TEST_RECEIVER: string }).WEBHOOK_TEST_RECEIVER;
const call = caller((url, init) => {
  const request = new Request(url, init) as Parameters<NonNullable<typeof worker.fetch>>[0];
  return Promise.resolve(worker.fetch!(request, bindings, createExecutionContext()));
});
const arrived = async (label: string) =>
  ((await (await fetch(`${receiver}/received/${label}`)).json()) as unknown[]).length;

/** Runs a batch of the webhook queue through `queue()`; what each message was told. */
async function consume(messages: DeliveryMessage[]) {
  const batch = createMessageBatch<unknown>(
    WEBHOOK_QUEUE,
    messages.map((body, i) => ({ id: `m-${i}`, timestamp: new Date(), attempts: 1, body })),
  );
  const ctx = createExecutionContext();
  await worker.queue!(batch as MessageBatch<unknown>, bindings, ctx);
  return (await getQueueResult(batch, ctx)) as {
    explicitAcks: string[];
    retryMessages: { msgId: string; delaySeconds?: number }[];
  };
}

async function endpointAt(status: number) {
  const shop = await seedShop();
  const label = crypto.randomUUID().slice(0, 8);
  const url = `${receiver}/hooks/${label}/${status}`;
  const made = await call('POST', '/v1/webhook-endpoints', { url, events: ['*'] }, shop.auth);
  expect(made.status, made.text).toBe(201);
  return { shop, label, id: made.body.id as string };
}

describe('the webhook delivery queue, in workerd', () => {
  it('a delivery is queued; the consumer sends it and acks, or retries on the schedule', async () => {
    const ok = await endpointAt(200);
    const down = await endpointAt(503);
    for (const e of [ok, down]) {
      const test = await call('POST', `/v1/webhook-endpoints/${e.id}/test`, undefined, e.shop.auth);
      expect(test.status, test.text).toBe(202);
    }
    const messages = sent.splice(0);
    expect(messages).toHaveLength(2);
    const result = await consume(messages);
    expect(result.explicitAcks).toEqual(['m-0']);
    expect(result.retryMessages.map((m) => m.msgId)).toEqual(['m-1']);
    expect(await arrived(ok.label)).toBe(1);
    expect(await arrived(down.label)).toBe(1);
    // Retried after the schedule's first delay (WEBHOOK_RETRY_SCHEDULE 7,60): due in 7 s.
    const list = await call(
      'GET',
      `/v1/webhook-deliveries?endpointId=${down.id}`,
      undefined,
      down.shop.auth,
    );
    expect(list.body.items).toMatchObject([
      { status: 'pending', attemptCount: 1, nextAttemptAt: '2025-06-16T09:00:07.000Z' },
    ]);
  });

  it('a delivery the queue refused is queued by the cron', async () => {
    const ok = await endpointAt(200);
    queueDown = true;
    try {
      await call('POST', `/v1/webhook-endpoints/${ok.id}/test`, undefined, ok.shop.auth);
    } finally {
      queueDown = false;
    }
    expect(sent).toHaveLength(0);
    const ctx = createExecutionContext();
    const controller = createScheduledController({
      scheduledTime: new Date('2025-06-16T09:05:00.000Z'),
      cron: '*/5 * * * *',
    });
    await worker.scheduled!(controller, bindings, ctx);
    await waitOnExecutionContext(ctx);
    const queued = sent.splice(0).filter((m) => m.shopId === ok.shop.shopId);
    expect(queued).toHaveLength(1);
    const result = await consume(queued);
    expect(result.explicitAcks).toEqual(['m-0']);
    expect(await arrived(ok.label)).toBe(1);
  });
});
