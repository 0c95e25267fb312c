/**
 * Webhooks end to end (issue 23), through the Worker `npm start` runs: claims filed and moved
 * by the API, announced by the claim-change queue's consumer, sent by the webhook queue's
 * consumer to a real receiver on 127.0.0.1 that verifies every signature with the
 * `standardwebhooks` package. Retries come 1 s apart (test/e2e/global-setup.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/dynamodb-local';
import { startReceiver, type WebhookReceiver } from '../../scripts/webhook-receiver';
import {
  api,
  e2e,
  eventually,
  fileClaim,
  newEndpoint,
  newShop,
  startLog,
  type Answer,
} from './helpers';

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

const sleep = (ms: number) => new Promise((wake) => setTimeout(wake, ms));

/** The endpoint's deliveries (one page: each test makes a few). */
const deliveries = async (key: string, endpointId: string) => {
  const page = await api('GET', `/v1/webhook-deliveries?endpointId=${endpointId}`, key);
  expect(page.status, page.text).toBe(200);
  return page.body.items as {
    id: string;
    eventId: string;
    status: string;
    series: number;
    attemptCount: number;
    attempts: { series: number; statusCode?: number; error?: string }[];
  }[];
};

/** A shop with an endpoint at the receiver's `label`, trusted with its secret. */
async function shopListening(label: string, events: string[]) {
  const shop = await newShop();
  const endpoint = await newEndpoint(shop.key, receiver.urlOf(label), events);
  receiver.trust(label, endpoint.secret);
  return { ...shop, endpoint };
}

// At once (each its own shop, endpoint and receiver path): the suite takes as long as the
// receiver that stays down, about 20 s.
describe.concurrent('webhooks through npm start', () => {
  it('tells of a claim filed and moved: signed, one message per change, in sequence', async () => {
    const shop = await shopListening('claims', ['claim.filed', 'claim.status_changed']);
    const claim = await fileClaim(shop.key);
    const reviewed = await api('POST', `/v1/claims/${claim.id}/review`, e2e.clerkKey, undefined, {
      'if-match': '"1"',
    });
    expect(reviewed.status, reviewed.text).toBe(200);
    // Two changes before the consumer ran are sent at once: they may arrive in either order,
    // and the receiver orders them by `sequence`.
    const arrived = [...(await receiver.waitFor('claims', 2))].sort(
      (a, b) => (a.sequence ?? 0) - (b.sequence ?? 0),
    );
    expect(arrived.map((m) => [m.type, m.sequence, m.id, m.verified])).toEqual([
      ['claim.filed', 1, `evt_${claim.id}_1`, true],
      ['claim.status_changed', 2, `evt_${claim.id}_2`, true],
    ]);
    // `data` is the claim as the API answers it, at the change or later.
    const data = arrived.map((m) => (JSON.parse(m.body) as { data: { id: string } }).data);
    expect(data.map((d) => d.id)).toEqual([claim.id, claim.id]);
    await sleep(1500);
    expect(receiver.received('claims')).toHaveLength(2);
  });

  it('retries a 500 once, a second later, with the same webhook-id; then it succeeded', async () => {
    const shop = await shopListening('flaky', ['claim.filed']);
    receiver.answer('flaky', 500);
    const claim = await fileClaim(shop.key);
    const [first, second] = await receiver.waitFor('flaky', 2);
    expect([first?.status, second?.status]).toEqual([500, 200]);
    expect(second?.id).toBe(first?.id);
    expect(first?.id).toBe(`evt_${claim.id}_1`);
    expect(second?.body).toBe(first?.body);
    expect(first?.verified && second?.verified).toBe(true);
    expect((second?.arrivedAt ?? 0) - (first?.arrivedAt ?? 0)).toBeGreaterThanOrEqual(900);
    const [delivery] = await eventually(
      () => deliveries(shop.key, shop.endpoint.id),
      (items) => items[0]?.status === 'succeeded',
    );
    expect(delivery?.attempts.map((a) => a.statusCode)).toEqual([500, 200]);
    await sleep(2500);
    expect(receiver.received('flaky')).toHaveLength(2);
  });

  it('disables an endpoint that answers 410 Gone at once, and sends it nothing more', async () => {
    const shop = await shopListening('gone', ['claim.filed']);
    receiver.answer('gone', 410);
    await fileClaim(shop.key);
    const [gone] = await receiver.waitFor('gone', 1);
    expect(gone?.status).toBe(410);
    const endpoint = await eventually(
      () => api('GET', `/v1/webhook-endpoints/${shop.endpoint.id}`, shop.key),
      (a: Answer) => a.body.enabled === false,
    );
    expect(endpoint.body).toMatchObject({ enabled: false, disabledReason: 'gone' });
    const [delivery] = await deliveries(shop.key, shop.endpoint.id);
    expect(delivery).toMatchObject({ status: 'failed', attemptCount: 1 });
    // Another change: nothing is sent to a disabled endpoint.
    await fileClaim(shop.key);
    await sleep(2500);
    expect(receiver.received('gone')).toHaveLength(1);
  });

  it('fails a delivery to a receiver that stays down, dead-letters it, then a replay delivers it', async () => {
    const port = await freePort(); // nobody listens there: every attempt is refused
    const shop = await newShop();
    const url = `http://127.0.0.1:${port}/down`;
    const endpoint = await newEndpoint(shop.key, url, ['claim.filed']);
    const claim = await fileClaim(shop.key);
    const [failed] = await eventually(
      () => deliveries(shop.key, endpoint.id),
      (items) => items[0]?.status === 'failed',
      60_000,
    );
    // The first attempt and the schedule's seven retries, none answered.
    expect(failed?.attemptCount).toBe(8);
    expect(failed?.attempts.every((a) => a.statusCode === undefined && a.error)).toBe(true);
    await eventually(
      () => Promise.resolve(startLog()),
      (log) => log.includes('to dead letter queue "parcel-claims-webhooks-dlq"'),
      15_000,
    );
    // The receiver comes up on that port; the shop replays the delivery.
    const up = await startReceiver(port);
    try {
      up.trust('down', endpoint.secret);
      const replay = await api('POST', `/v1/webhook-deliveries/${failed?.id}/replay`, shop.key);
      expect(replay.status, replay.text).toBe(202);
      const [message] = await up.waitFor('down', 1);
      expect(message).toMatchObject({ id: `evt_${claim.id}_1`, verified: true, status: 200 });
      const [replayed] = await eventually(
        () => deliveries(shop.key, endpoint.id),
        (items) => items[0]?.status === 'succeeded',
      );
      expect(replayed).toMatchObject({ series: 2, attemptCount: 9 });
      await sleep(1500);
      expect(up.received('down')).toHaveLength(1);
    } finally {
      await up.close();
    }
  });
});
