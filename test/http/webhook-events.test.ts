/**
 * Issue 23's event sources through the Worker (workerd): a claim's changes and a shipment
 * turning late reach the shop's endpoint on the suite's receiver (test/setup/
 * webhook-receiver.global.ts), signed (checked with the `standardwebhooks` package), in
 * sequence order, each once, each `data` what the API answers for the resource.
 */
import { env } from 'cloudflare:test';
import { Webhook } from 'standardwebhooks';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileOk, move, seedKey, seedShop } from './claims-helpers';
import { call, rub } from './helpers';
import { postEvent, putOrderOk, shipmentBody } from './shipments-helpers';

const receiver = (env as { WEBHOOK_TEST_RECEIVER: string }).WEBHOOK_TEST_RECEIVER;

let clerk: Awaited<ReturnType<typeof seedKey>>;
beforeAll(async () => {
  clerk = await seedKey('clerk');
});

interface Arrived {
  headers: Record<string, string>;
  body: string;
}
interface Payload {
  type: string;
  timestamp: string;
  sequence?: number;
  data: Record<string, unknown>;
}

/** A shop with an endpoint on the receiver taking `events`, and the endpoint's secret. */
async function subscribed(events: string[]) {
  const shop = await seedShop();
  const label = crypto.randomUUID().slice(0, 8);
  const url = `${receiver}/hooks/${label}/200`;
  const made = await call('POST', '/v1/webhook-endpoints', { url, events }, shop.auth);
  expect(made.status, made.text).toBe(201);
  const secret = made.body.secret as string;
  /** What arrived, each verified with the secret (throws if a signature is wrong). */
  const arrived = async () => {
    const list = (await (await fetch(`${receiver}/received/${label}`)).json()) as Arrived[];
    return list.map((m) => {
      const at = new Date(Number(m.headers['webhook-timestamp']) * 1000);
      const signed = new Webhook(secret).sign(m.headers['webhook-id'] ?? '', at, m.body);
      expect(m.headers['webhook-signature']?.split(' ')).toContain(signed);
      return { id: m.headers['webhook-id'], ...(JSON.parse(m.body) as Payload) };
    });
  };
  return { shop, arrived };
}

describe('event sources, in workerd', () => {
  it('claim.filed, claim.status_changed and claim.paid arrive in order, signed, with the claim as answered', async () => {
    const { shop, arrived } = await subscribed([
      'claim.filed',
      'claim.status_changed',
      'claim.paid',
    ]);
    const claim = await fileOk(shop.auth);
    /** The claim as GET /v1/claims/{id} answers the shop now. */
    const answered = async () =>
      (await call('GET', `/v1/claims/${claim.id}`, undefined, shop.auth)).body as unknown;
    const seen = [await answered()];
    const moves: [string, unknown][] = [
      ['review', undefined],
      ['decision', { decision: 'approved', reason: 'Loss confirmed' }],
      ['payment', { amount: rub('8500.00'), paidOn: '2025-06-16', reference: 'PP-1' }],
    ];
    for (const [name, body] of moves) {
      const a = await move(claim.id, name, clerk.auth, body);
      expect(a.status, a.text).toBe(200);
      seen.push(await answered());
    }
    const events = await arrived();
    expect(events.map((e) => [e.id, e.type, e.sequence])).toEqual([
      [`evt_${claim.id}_1`, 'claim.filed', 1],
      [`evt_${claim.id}_2`, 'claim.status_changed', 2],
      [`evt_${claim.id}_3`, 'claim.status_changed', 3],
      [`evt_${claim.id}_4`, 'claim.paid', 4],
    ]);
    // Each event's data is the claim as the API answered right after that change.
    expect(events.map((e) => e.data)).toEqual(seen);
    expect(events.map((e) => e.data.status)).toEqual([
      'submitted',
      'in_review',
      'approved',
      'paid',
    ]);
  });

  it('a shipment found late arrives as shipment.late once, with the shipment as answered', async () => {
    const { shop, arrived } = await subscribed(['shipment.late', 'shipment.delivered']);
    const shipmentId = `S-${crypto.randomUUID().slice(0, 8)}`;
    // Promised 5 June; today (the suite's clock) is 16 June.
    await putOrderOk(shop.auth, `O-${shipmentId}`, [shipmentBody(shipmentId)]);
    const first = await postEvent(shop.auth, shipmentId, {
      eventId: 'e1',
      status: 'in_transit',
      at: '2025-06-10T10:00:00+03:00',
    });
    expect(first.status, first.text).toBe(200);
    const shipment = (await call('GET', `/v1/shipments/${shipmentId}`, undefined, shop.auth)).body;
    // Announced after the answer (the request's waitUntil).
    await expect.poll(async () => (await arrived()).length, { timeout: 10_000 }).toBe(1);
    // Another report while late, and the same one again: no second shipment.late.
    await postEvent(shop.auth, shipmentId, {
      eventId: 'e2',
      status: 'with_courier',
      at: '2025-06-16T10:00:00+03:00',
    });
    await postEvent(shop.auth, shipmentId, {
      eventId: 'e1',
      status: 'in_transit',
      at: '2025-06-10T10:00:00+03:00',
    });
    // Time for the two answers' after-work to have run: still the one event.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const events = await arrived();
    expect(events.map((e) => [e.id, e.type])).toEqual([
      [`evt_${shop.shopId}_${shipmentId}_late`, 'shipment.late'],
    ]);
    expect(events[0]?.data).toEqual(shipment);
    expect(events[0]?.data).toMatchObject({ lateness: { late: true } });
  });
});
