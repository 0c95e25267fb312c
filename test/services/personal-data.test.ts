/**
 * Issue 25 on DynamoDB Local: erasing a person leaves no readable copy in any item or index
 * entry (the whole table is scanned), a search by their phone or name finds nothing, the
 * counts still add up, an erased claim can still be decided and paid, a second erasure finds
 * nothing new, and two erasures of different people at once each erase only their own.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { TOMBSTONES, type ErasureAct } from '../../src/domain/personal-data';
import type { Principal } from '../../src/services/actor';
import {
  IVAN,
  leftoversOf,
  move,
  OLGA,
  personalDataWorld,
  seedPerson,
  type World,
} from './personal-data-helpers';

const SHOP = 'pd-shop';
const shopKey: Principal = { keyId: 'key-1', role: 'shop', shopId: SHOP };

describe('erasing a person by phone', () => {
  let world: World;
  let ivan: Awaited<ReturnType<typeof seedPerson>>;
  let countsBefore: unknown;

  beforeAll(async () => {
    world = await personalDataWorld();
    ivan = await seedPerson(world, IVAN, SHOP, 'ivan');
    await seedPerson(world, OLGA, SHOP, 'olga');
    countsBefore = await world.storage.statusCounts.counts(SHOP);
  }, 30_000);

  it('finds the person everywhere before (the scan can fail)', async () => {
    const found = await leftoversOf(world, IVAN);
    expect(found.length).toBeGreaterThan(5);
    expect(found.some((where) => where.includes('gsi3sk'))).toBe(true);
  }, 30_000);

  it('erases every claim, order, message and webhook event of theirs, and says so in the act', async () => {
    const act = await world.personalData.erase(
      shopKey,
      { phone: '8 (912) 345 67 89' },
      { kind: 'request' },
    );
    expect(act).toMatchObject({
      shopId: SHOP,
      status: 'completed',
      method: 'overwritten in place with tombstones; index entries deleted',
      instruction: { kind: 'request', keyId: 'key-1', role: 'shop' },
    });
    expect(act.id).toMatch(/^pde_[0-9a-f]{32}$/);
    expect(act.subjectRef).toMatch(/^[0-9a-f]{16}$/);
    expect(act.categories.sort()).toEqual(['customer_text', 'email', 'name', 'phone']);
    const ids = act.records.map((r) => `${r.kind}:${r.id}`).sort();
    expect(ids).toEqual(
      [
        ...ivan.claims.map((id) => `claim:${id}`),
        `message:${ivan.claims[0]}/ack`,
        `order:${ivan.order.orderId}`,
        `webhook_event:${ivan.eventId}`,
      ].sort(),
    );
    const read = await world.personalData.getErasure(shopKey, act.id);
    expect(read.act.records).toHaveLength(act.records.length);
    expect(read.steps.map((s) => s.action)).toContain('erasure_started');
    expect(read.steps.at(-1)?.action).toBe('erasure_completed');
    expect(read.steps.every((s) => s.actor === 'key:key-1')).toBe(true);
    const listed = await world.personalData.listErasures(shopKey, { limit: 10 });
    expect(listed.items.map((a) => a.id)).toEqual([act.id]);
  }, 30_000);

  it('leaves no readable copy in any item or index entry', async () => {
    expect(await leftoversOf(world, IVAN)).toEqual([]);
    // The other customer is untouched.
    expect((await leftoversOf(world, OLGA)).length).toBeGreaterThan(5);
  }, 30_000);

  it('answers the erased records with tombstones, ids, dates and money kept', async () => {
    const claim = (await world.storage.claims.get(ivan.claims[0]!))!;
    expect(claim.claimant).toEqual({
      name: TOMBSTONES.name,
      email: TOMBSTONES.email,
      phone: TOMBSTONES.phone,
    });
    expect(claim.description).toBe('[erased]');
    expect(claim.personalData?.erasureId).toMatch(/^pde_/);
    expect(claim.compensation).toBeDefined();
    const history = await world.storage.claims.history(claim.id);
    expect(history.map((e) => e.note)).toContain('[erased]');
    const notes = await world.storage.notes.list(claim.id);
    expect(notes[0]?.text).toBe('[erased]');
    const order = await world.storage.shipments.getOrder(SHOP, ivan.order.orderId);
    expect(order?.customer.email).toBe(TOMBSTONES.email);
    expect(order?.shipmentIds).toEqual(ivan.order.shipmentIds);
  }, 30_000);

  it('finds nothing by the erased phone or name, and the counts still add up', async () => {
    for (const search of [
      { field: 'phone' as const, text: IVAN.phone },
      { field: 'name' as const, text: IVAN.name },
    ]) {
      const page = await world.storage.claims.list(
        { shopId: SHOP, search },
        { limit: 50, caller: 't' },
      );
      expect(page.items).toEqual([]);
    }
    for (const id of ivan.claims) await world.derive(id);
    expect(await world.storage.statusCounts.counts(SHOP)).toEqual(countsBefore);
    expect(await leftoversOf(world, IVAN)).toEqual([]);
  }, 30_000);

  it('lets an erased claim be read, decided and paid', async () => {
    const claim = (await world.storage.claims.get(ivan.claims[0]!))!;
    const approved = await move(world, claim, {
      type: 'decide',
      decision: 'approved',
      reason: 'Lost in transit',
    });
    const paid = await move(world, approved, {
      type: 'pay',
      amount: approved.decision!.approvedAmount ?? approved.compensation.amount,
      paidOn: '2025-03-02',
      reference: 'PP-1',
    });
    expect(paid.status).toBe('paid');
    expect(paid.claimant.name).toBe(TOMBSTONES.name);
    expect(await leftoversOf(world, IVAN)).toEqual([]);
  }, 30_000);

  it('finds nothing new the second time, by phone, e-mail or an erased claim', async () => {
    for (const selector of [
      { phone: IVAN.phone },
      { email: IVAN.email },
      { claimId: ivan.claims[1]! },
      { orderId: ivan.order.orderId },
    ]) {
      const again = await world.personalData.erase(shopKey, selector, { kind: 'request' });
      expect(again.records).toEqual([]);
    }
  }, 30_000);

  it('exports what is left of a person: everything of Olga, nothing of Ivan', async () => {
    const olga = await world.personalData.exportPersonalData(shopKey, { email: OLGA.email });
    expect(olga.claims).toHaveLength(2);
    expect(olga.claims[0]?.claimant.phone).toBe(OLGA.phone);
    expect(olga.orders.map((o) => o.customer.name)).toEqual([OLGA.name]);
    expect(olga.messages).toEqual([
      expect.objectContaining({ messageId: 'ack', sentAt: '2025-03-01T12:00:00.000Z' }),
    ]);
    const ivanLeft = await world.personalData.exportPersonalData(shopKey, { phone: IVAN.phone });
    expect(ivanLeft.claims).toEqual([]);
    expect(ivanLeft.orders).toEqual([]);
  }, 30_000);
});

describe('two erasures at once', () => {
  it('each erases its own person, and nothing of either is left', async () => {
    const world = await personalDataWorld();
    const ivan = await seedPerson(world, IVAN, SHOP, 'ivan');
    const olga = await seedPerson(world, OLGA, SHOP, 'olga');
    const [a, b] = await Promise.all([
      world.personalData.erase(shopKey, { phone: IVAN.phone }, { kind: 'request' }),
      world.personalData.erase(shopKey, { email: OLGA.email }, { kind: 'request' }),
    ]);
    const claimsOf = (act: ErasureAct) =>
      act.records.flatMap((r) => (r.kind === 'claim' ? [r.id] : [])).sort();
    expect(claimsOf(a)).toEqual([...ivan.claims].sort());
    expect(claimsOf(b)).toEqual([...olga.claims].sort());
    expect(await leftoversOf(world, IVAN)).toEqual([]);
    expect(await leftoversOf(world, OLGA)).toEqual([]);
  }, 30_000);

  it('of the same person join one act', async () => {
    const world = await personalDataWorld();
    await seedPerson(world, IVAN, SHOP, 'ivan');
    const acts = await Promise.all([
      world.personalData.erase(shopKey, { phone: IVAN.phone }, { kind: 'request' }),
      world.personalData.erase(shopKey, { email: IVAN.email }, { kind: 'request' }),
    ]);
    expect(await leftoversOf(world, IVAN)).toEqual([]);
    const listed = await world.personalData.listErasures(shopKey, { limit: 10 });
    const withRecords = await Promise.all(
      listed.items.map((act) => world.personalData.getErasure(shopKey, act.id)),
    );
    // Every record is in exactly one act.
    const claims = withRecords.flatMap((e) => e.act.records.filter((r) => r.kind === 'claim'));
    expect(new Set(claims.map((r) => r.id)).size).toBe(claims.length);
    expect(claims).toHaveLength(2);
    expect(acts.every((act) => act.status === 'completed')).toBe(true);
  }, 30_000);
});

describe('an erasure racing a decision on the same claim', () => {
  it('both land: the claim decided, nothing of the person left', async () => {
    const world = await personalDataWorld();
    const ivan = await seedPerson(world, IVAN, SHOP, 'ivan');
    const claim = (await world.storage.claims.get(ivan.claims[1]!))!;
    const [act, decided] = await Promise.all([
      world.personalData.erase(shopKey, { phone: IVAN.phone }, { kind: 'request' }),
      move(world, claim, { type: 'review' }),
    ]);
    expect(act.records).toContainEqual({ kind: 'claim', id: claim.id });
    expect(decided.status).toBe('in_review');
    const now = (await world.storage.claims.get(claim.id))!;
    expect([now.status, now.claimant.name]).toEqual(['in_review', TOMBSTONES.name]);
    expect(await leftoversOf(world, IVAN)).toEqual([]);
  }, 30_000);
});
