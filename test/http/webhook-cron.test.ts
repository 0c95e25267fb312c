/**
 * The time-driven event sources in workerd, through the Worker's cron (`scheduled()`): a
 * claim left unacknowledged past its `acknowledgeBy` arrives as
 * claim.acknowledgement_overdue, and a shipment that turns late with nothing written arrives
 * as shipment.late, each once, at the suite's receiver (test/setup/webhook-receiver.global.ts).
 * The Worker is the deployed factory with a clock the test moves. The table is the suite's,
 * shared with the other files: a tick takes a bounded stretch of every shop's claims and
 * shipments, so the test ticks until its own events arrive.
 */
import {
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Bindings } from '../../src/env';
import { createWorker } from '../../src/worker';
import { caller } from '../support/answer';
import { lostFiling, seedShop } from './claims-helpers';
import { orderBody, shipmentBody } from './shipments-helpers';

const state = { now: Date.parse('2025-06-16T09:00:00.000Z') };
const worker = createWorker({
  clock: () => new Date(state.now),
  changes: 'inline',
  webhooks: 'inline',
});
const bindings = env as Bindings;
const receiver = (env as { WEBHOOK_TEST_RECEIVER: string }).WEBHOOK_TEST_RECEIVER;
const call = caller((url, init) => {
  const request = new Request(url, init) as Parameters<NonNullable<typeof worker.fetch>>[0];
  return Promise.resolve(worker.fetch!(request, bindings, createExecutionContext()));
});
const arrived = async (label: string) =>
  ((await (await fetch(`${receiver}/received/${label}`)).json()) as { body: string }[]).map(
    (m) => JSON.parse(m.body) as { type: string; data: { id?: string; shipmentId?: string } },
  );

/** One tick of the 5-minute cron at the clock's time. */
async function tick() {
  const ctx = createExecutionContext();
  const controller = createScheduledController({
    scheduledTime: new Date(state.now),
    cron: '*/5 * * * *',
  });
  await worker.scheduled!(controller, bindings, ctx);
  await waitOnExecutionContext(ctx);
}

/** Ticks (a minute apart) until `done`, at most `max` times. */
async function tickUntil(done: () => Promise<boolean>, max = 40) {
  for (let i = 0; i < max && !(await done()); i++) {
    await tick();
    state.now += 60_000;
  }
}

describe('the cron raises the time-driven events, in workerd', () => {
  it('claim.acknowledgement_overdue, then shipment.late, each once', async () => {
    const shop = await seedShop();
    const label = crypto.randomUUID().slice(0, 8);
    const url = `${receiver}/hooks/${label}/200`;
    const events = ['claim.acknowledgement_overdue', 'shipment.late'];
    const made = await call('POST', '/v1/webhook-endpoints', { url, events }, shop.auth);
    expect(made.status, made.text).toBe(201);
    const filed = await call('POST', '/v1/claims', lostFiling(), shop.auth);
    expect(filed.status, filed.text).toBe(201);
    const claimId = filed.body.id as string;
    // Shipped the 13th, promised the 17th: not late today (16 June).
    const shipmentId = `S-${crypto.randomUUID().slice(0, 8)}`;
    const order = orderBody([
      shipmentBody(shipmentId, { shippedDate: '2025-06-13', promisedDate: '2025-06-17' }),
    ]);
    expect((await call('PUT', `/v1/orders/O-${shipmentId}`, order, shop.auth)).status).toBe(201);

    // Acknowledgement due within 60 minutes: nothing before, the overdue event after.
    await tick();
    expect(await arrived(label)).toEqual([]);
    state.now = Date.parse(filed.body.acknowledgeBy as string) + 60_000;
    await tickUntil(async () => (await arrived(label)).length > 0);
    await tick();
    expect((await arrived(label)).map((e) => [e.type, e.data.id])).toEqual([
      ['claim.acknowledgement_overdue', claimId],
    ]);

    // 20 June: two business days past the promise, nothing written since.
    state.now = Date.parse('2025-06-20T09:00:00.000Z');
    await tickUntil(async () => (await arrived(label)).length > 1);
    await tick();
    const all = await arrived(label);
    expect(all.map((e) => [e.type, e.data.id ?? e.data.shipmentId])).toEqual([
      ['claim.acknowledgement_overdue', claimId],
      ['shipment.late', shipmentId],
    ]);
  }, 180_000);
});
