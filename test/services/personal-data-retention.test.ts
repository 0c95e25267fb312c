/**
 * Issue 25's retention and recovery on DynamoDB Local: the cron erases only the settled
 * records past the shop's retainDays (each with an act instructed by that policy), moves an
 * entry the shop's longer period no longer makes due, and an erasure interrupted half-way is
 * completed, under the same act, by running it again.
 */
import { describe, expect, it } from 'vitest';
import { isErasedPerson } from '../../src/domain/personal-data';
import { shopInputExample } from '../../src/routes/shop/shop.routes';
import { runRetention } from '../../src/services/personal-data-retention';
import { rebuildAggregates } from '../../scripts/rebuild-aggregates';
import { newClaim } from '../storage/helpers';
import { orderOf } from '../storage/shipment-helpers';
import { orderInputExample } from '../../src/schemas/shipment.examples';
import { createShipmentService } from '../../src/services/shipments';
import { createPersonalDataService } from '../../src/services/personal-data';
import { reconcileClaim } from '../../src/services/claim-changes';
import { applyCommand } from '../../src/domain/claim';
import * as pd from './personal-data-helpers';
import type { World } from './personal-data-helpers';

const { IVAN, OLGA, leftoversOf, move, personalDataWorld, seedPerson } = pd;
const SHOP = 'pd-retention-shop';
const shopKey = pd.shopKeyOf(SHOP);

async function setRetainDays(world: World, retainDays: number, version: number) {
  await world.storage.shops.put({
    shopId: SHOP,
    ...shopInputExample,
    personalData: { retainDays },
    version,
    updatedAt: world.clock().toISOString(),
  });
}

const erased = async (world: World, claimId: string) =>
  isErasedPerson((await world.storage.claims.get(claimId))!.claimant);

describe('the retention cron', () => {
  it('erases only what is past due, one act per record, and moves what a longer period keeps', async () => {
    const world = await personalDataWorld();
    await setRetainDays(world, 30, 1);
    const ivan = await seedPerson(world, IVAN, SHOP, 'ivan');
    const olga = await seedPerson(world, OLGA, SHOP, 'olga');
    const [settled, open] = ivan.claims as [string, string];
    world.setNow('2025-03-02T09:00:00.000Z');
    await move(world, (await world.storage.claims.get(settled))!, {
      type: 'decide',
      decision: 'rejected',
      reason: 'Delivered on time',
    });
    world.setNow('2025-03-10T09:00:00.000Z');
    await move(world, (await world.storage.claims.get(olga.claims[1]!))!, { type: 'cancel' });
    const deps = { storage: world.storage, personalData: world.personalData, clock: world.clock };

    world.setNow('2025-03-31T23:00:00.000Z');
    expect(await runRetention(deps)).toEqual({ due: 0, erased: 0, moved: 0, failed: 0 });

    world.setNow('2025-04-01T00:40:00.000Z');
    expect(await runRetention(deps)).toEqual({ due: 1, erased: 1, moved: 0, failed: 0 });
    expect(await erased(world, settled)).toBe(true);
    // The same person's open claim, their order, the other customer: kept.
    expect(await erased(world, open)).toBe(false);
    expect(await erased(world, olga.claims[1]!)).toBe(false);
    expect(
      isErasedPerson((await world.storage.shipments.getOrder(SHOP, ivan.order.orderId))!.customer),
    ).toBe(false);
    const [act] = (await world.personalData.listErasures(shopKey, { limit: 5 })).items;
    const read = await world.personalData.getErasure(shopKey, act!.id);
    expect(read.act.instruction).toEqual({ kind: 'retention', retainDays: 30 });
    expect(read.act.records.filter((r) => r.kind === 'claim')).toEqual([
      { kind: 'claim', id: settled },
    ]);
    expect(read.steps.every((s) => s.actor === 'system:retention')).toBe(true);

    // The shop keeps its records longer now: Olga's entry moves to its new day.
    await setRetainDays(world, 60, 2);
    world.setNow('2025-04-09T00:40:00.000Z');
    expect(await runRetention(deps)).toEqual({ due: 1, erased: 0, moved: 1, failed: 0 });
    expect(await erased(world, olga.claims[1]!)).toBe(false);
    world.setNow('2025-05-09T00:40:00.000Z');
    expect(await runRetention(deps)).toEqual({ due: 1, erased: 1, moved: 0, failed: 0 });
    expect(await erased(world, olga.claims[1]!)).toBe(true);
    expect(await runRetention(deps)).toEqual({ due: 0, erased: 0, moved: 0, failed: 0 });
  }, 30_000);
});

describe('an erasure interrupted half-way', () => {
  it('is completed by running it again, under the same act', async () => {
    const world = await personalDataWorld();
    const ivan = await seedPerson(world, IVAN, SHOP, 'ivan');
    // The first run: its act started, one claim erased, then the Worker died.
    const first = await world.storage.personalData.begin({
      id: 'pde_crashed0000000000000000000000',
      shopId: SHOP,
      subjectRef: 'ref',
      subjectRefs: [await refOfPhone(world)],
      categories: [],
      records: [],
      startedAt: '2025-03-02T00:00:00.000Z',
      status: 'running',
      method: 'overwritten in place with tombstones; index entries deleted',
      instruction: { kind: 'request', keyId: 'key-1', role: 'shop' },
    });
    const who = world.personalData.identifiersOf([IVAN]);
    await world.storage.personalData.eraseClaim(
      ivan.claims[0]!,
      who,
      { erasedAt: first.startedAt, erasureId: first.id },
      [],
    );
    expect((await leftoversOf(world, IVAN)).length).toBeGreaterThan(0);

    const again = await world.personalData.erase(
      shopKey,
      { phone: IVAN.phone },
      { kind: 'request' },
    );
    expect(again.id).toBe(first.id);
    expect(again.status).toBe('completed');
    expect(
      again.records
        .filter((r) => r.kind !== 'webhook_event' && r.kind !== 'message')
        .map((r) => r.id)
        .sort(),
    ).toEqual([...ivan.claims, ivan.order.orderId].sort());
    expect(await leftoversOf(world, IVAN)).toEqual([]);
    expect((await world.personalData.listErasures(shopKey, { limit: 5 })).items).toHaveLength(1);
  }, 30_000);
});

/** The act's subject reference of Ivan's phone, as the service computes it. */
async function refOfPhone(world: World): Promise<string> {
  const exported = await world.personalData.exportPersonalData(shopKey, { phone: IVAN.phone });
  return exported.subjectRef;
}

describe('records stored before the subject index', () => {
  it('are indexed by the rebuild (npm run rebuild-aggregates), then found by e-mail', async () => {
    const world = await personalDataWorld();
    const { storage } = world;
    const claimant = { name: IVAN.name, email: IVAN.email, phone: IVAN.phone };
    const { claim, event } = newClaim({ shopId: SHOP, claimant });
    await storage.claims.create(claim, event);
    const order = { ...orderOf(SHOP, 'O-old', []), customer: claimant };
    await storage.shipments.replaceOrder({ order, puts: [], removes: [] });
    const before = await world.personalData.exportPersonalData(shopKey, { email: IVAN.email });
    expect([before.claims, before.orders]).toEqual([[], []]);

    const options = { tableName: storage.tableName, viewShards: storage.viewShards };
    const report = await rebuildAggregates(storage.client, options, world.clock, pd.SECRET);
    expect(report.indexedOrders).toBe(1);
    const after = await world.personalData.exportPersonalData(shopKey, { email: IVAN.email });
    expect(after.claims.map((c) => c.id)).toEqual([claim.id]);
    expect(after.orders.map((o) => o.orderId)).toEqual(['O-old']);
  }, 30_000);
});

describe('an order put through the shipments service', () => {
  it('is indexed under its customer at once, and erased by their e-mail', async () => {
    const world = await personalDataWorld();
    const shipments = createShipmentService({
      storage: world.storage,
      clock: () => new Date(),
      personalData: world.personalData,
    });
    const customer = { name: IVAN.name, email: IVAN.email, phone: IVAN.phone };
    await shipments.putOrder(shopKey, 'O-put', { ...orderInputExample, customer });
    const act = await world.personalData.erase(shopKey, { email: IVAN.email }, { kind: 'request' });
    expect(act.records).toContainEqual({ kind: 'order', id: 'O-put' });
    expect(await leftoversOf(world, IVAN)).toEqual([]);
  }, 30_000);
});

describe('an order settling', () => {
  it('gets its retention entry once every shipment is final and its last claim settled', async () => {
    const world = await personalDataWorld();
    const { storage } = world;
    await setRetainDays(world, 30, 1);
    const clock = () => new Date('2025-06-20T00:00:00.000Z');
    const service = createPersonalDataService({
      storage,
      clock,
      newId: () => 'e'.repeat(32),
      referenceSecret: pd.SECRET,
      orderStatuses: (shopId, orderId) =>
        shipments
          .getOrder({ keyId: 'k', role: 'clerk' }, orderId, shopId)
          .then((order) => order.shipments.map((s) => s.status)),
    });
    const shipments = createShipmentService({ storage, clock, personalData: service });
    const [template] = orderInputExample.shipments;
    await shipments.putOrder(shopKey, 'O-1', {
      ...orderInputExample,
      shipments: ['S-a', 'S-b'].map((shipmentId, n) => ({
        ...template!,
        shipmentId,
        waybill: `W-${n}`,
      })),
    });
    const { claim, event } = newClaim({
      shopId: SHOP,
      orderId: 'O-1',
      createdAt: '2025-06-10T00:00:00.000Z',
    });
    await storage.claims.create(claim, event);
    const derive = (id: string) =>
      reconcileClaim({ storage, clock, log: () => undefined, personalData: service }, id);
    await derive(claim.id);
    const orderEntries = async () =>
      (await storage.personalData.dueForRetention('2100-01-01', 100)).filter(
        (e) => e.record.kind === 'order',
      );
    const delivered = (id: string) =>
      shipments.recordEvent(shopKey, id, {
        eventId: `d-${id}`,
        status: 'delivered',
        at: '2025-06-16T11:05:00+03:00',
      });

    await delivered('S-a');
    expect(await orderEntries()).toEqual([]);
    await delivered('S-b');
    // Its claim is still open.
    expect(await orderEntries()).toEqual([]);
    const next = applyCommand(
      claim,
      { type: 'cancel' },
      {
        at: '2025-06-20T00:00:00.000Z',
        today: '2025-06-20',
        by: { role: 'shop', id: SHOP },
      },
    );
    await storage.claims.update(claim, next.claim, next.events);
    await derive(claim.id);
    expect(await orderEntries()).toEqual([
      { shopId: SHOP, record: { kind: 'order', id: 'O-1' }, dueDay: '2025-07-20' },
    ]);
  }, 30_000);
});
