/**
 * What issue 23's event sources add to a claim move and to a shipment event, in write units
 * as DynamoDB reports them (ReturnConsumedCapacity INDEXES, ../../scripts/bench/capacity.ts):
 * the same change reconciled or recorded without webhooks and with them, for a shop without
 * an endpoint and for one with an endpoint taking the event. Printed for BENCHMARKS.md.
 */
import { describe, expect, it } from 'vitest';
import { meterWrites } from '../../scripts/bench/capacity';
import { transition, type Claim } from '../../src/domain/claim';
import type { ShipmentEvent } from '../../src/domain/shipment';
import { orderInputExample } from '../../src/schemas/shipment.examples';
import { reconcileClaim } from '../../src/services/claim-changes';
import { clerkViews, LOCAL_REFERENCE_SECRET } from '../../src/services/clerk-view';
import { createShipmentAnnouncer } from '../../src/services/shipment-announcements';
import { createShipmentService } from '../../src/services/shipments';
import { createWebhookEndpointService } from '../../src/services/webhook-endpoints';
import { createOutbox } from '../../src/services/webhook-outbox';
import { keepingQueue, webhookDeps } from '../services/webhook-helpers';
import { file } from './figures-helpers';
import { freshStorage } from './helpers';

const storage = await freshStorage();
const meter = meterWrites(storage.client);
const clock = () => new Date('2025-06-03T09:00:00.000Z');
const engine = webhookDeps(storage.webhooks, keepingQueue().queue, clock);
const outbox = createOutbox(engine);
const announcer = { outbox, views: clerkViews(LOCAL_REFERENCE_SECRET) };
const tenthOfJune = () => new Date('2025-06-10T09:00:00.000Z');
const clerk = { role: 'clerk', id: 'clerk:key-1' } as const;

/** A shop, with an endpoint taking every event when `endpoint`. */
async function shop(name: string, endpoint: boolean) {
  const shopId = `shop-units-${name}`;
  if (endpoint) {
    await createWebhookEndpointService(engine).create(shopId, {
      url: 'http://127.0.0.1:9/hooks',
      events: ['*'],
    });
  }
  return shopId;
}

/** Units of reconciling a claim's move into review (the filing reconciled before, alike). */
async function claimMove(shopId: string, webhooks: boolean) {
  const deps = { storage, clock, log: () => undefined, ...(webhooks ? { announcer } : {}) };
  const claim: Claim = await file(storage, { shopId });
  await reconcileClaim(deps, claim.id);
  const review = transition(claim, 'in_review', { at: '2025-06-03T08:00:00.000Z', by: clerk });
  await storage.claims.update(claim, review.claim, [review.event]);
  meter.take();
  await reconcileClaim(deps, claim.id);
  return meter.take().total;
}

/** Units of recording `event` on a fresh shipment of the shop (promised 5 June). */
async function shipmentEvent(
  shopId: string,
  webhooks: boolean,
  event: ShipmentEvent,
  now: () => Date = clock,
) {
  const announcing = webhooks
    ? createShipmentAnnouncer({ storage, clock: now, outbox }).announcer
    : undefined;
  const service = createShipmentService({
    storage,
    clock: now,
    ...(announcing ? { announcer: announcing } : {}),
  });
  const principal = { keyId: 'k', role: 'shop', shopId } as const;
  const shipmentId = `S-${crypto.randomUUID().slice(0, 8)}`;
  await service.putOrder(principal, `O-${shipmentId}`, {
    ...orderInputExample,
    shipments: [{ ...orderInputExample.shipments[0]!, shipmentId }],
  });
  meter.take();
  await service.recordEvent(principal, shipmentId, event);
  return meter.take().total;
}

const delivered: ShipmentEvent = {
  eventId: 'd',
  status: 'delivered',
  at: '2025-06-03T11:00:00+03:00',
};
const inTransit: ShipmentEvent = {
  eventId: 'a',
  status: 'in_transit',
  at: '2025-06-03T11:00:00+03:00',
};

describe('what the event sources add, in write units', () => {
  it('to a claim move and to a shipment event', async () => {
    const none = await shop('none', false);
    const one = await shop('one', true);
    const units = {
      claimMove: {
        without: await claimMove(none, false),
        noEndpoint: await claimMove(none, true),
        oneEndpoint: await claimMove(one, true),
      },
      delivered: {
        without: await shipmentEvent(none, false, delivered),
        noEndpoint: await shipmentEvent(none, true, delivered),
        oneEndpoint: await shipmentEvent(one, true, delivered),
      },
      inTransit: {
        without: await shipmentEvent(none, false, inTransit),
        oneEndpoint: await shipmentEvent(one, true, inTransit),
      },
      // The same report on 10 June, past the 5 June promise: found late, announced once.
      lateInTransit: {
        without: await shipmentEvent(none, false, inTransit, tenthOfJune),
        noEndpoint: await shipmentEvent(none, true, inTransit, tenthOfJune),
        oneEndpoint: await shipmentEvent(one, true, inTransit, tenthOfJune),
      },
    };
    console.log('webhook sources', JSON.stringify(units));
    // A status report that delivers nothing and finds nothing late costs what it did.
    expect(units.inTransit.oneEndpoint).toBe(units.inTransit.without);
    // The event (its guard 2, its item with the claim 4), per endpoint a delivery and its due
    // marker (measured: 6 and 5).
    expect(units.claimMove.noEndpoint - units.claimMove.without).toBeLessThanOrEqual(6);
    expect(units.claimMove.oneEndpoint - units.claimMove.noEndpoint).toBeLessThanOrEqual(6);
    // The delivery mark put and deleted (1 + 1), the event with the shipment as data (its
    // guard 2, its item 6: the shipment is larger than a claim), per endpoint as for a claim
    // (measured: 10 and 5).
    expect(units.delivered.noEndpoint - units.delivered.without).toBeLessThanOrEqual(10);
    expect(units.delivered.oneEndpoint - units.delivered.noEndpoint).toBeLessThanOrEqual(6);
    // Found late: the event alone (no mark), once per shipment.
    expect(units.lateInTransit.noEndpoint - units.lateInTransit.without).toBeLessThanOrEqual(8);
  }, 60_000);
});
