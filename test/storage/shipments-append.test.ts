/**
 * A routine event appended on DynamoDB Local with no read: one UpdateItem, whatever the
 * instance has seen. What it writes is what the read-then-put path writes; what it may not
 * write (a resend, a shipment no longer on its way, the event limit, an item that keeps its
 * events the old way, a missing shipment) it refuses, handing back the item as stored.
 */
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  recordEvent,
  reportEffect,
  type ShipmentEvent,
  type StatusEvent,
} from '../../src/domain/shipment';
import type { DynamoShipmentRepository } from '../../src/storage/dynamodb';
import { shipmentToItem } from '../../src/storage/dynamodb/shipment-items';
import type { EventDecision, ShipmentRecord } from '../../src/storage/repository';
import { freshStorage, shipment } from './helpers';
import { createShipment, shipmentInstance } from './shipment-instances';

let tableName = '';
beforeAll(async () => {
  tableName = (await freshStorage()).tableName;
});
const instance = () => shipmentInstance(tableName);
const record = (id: string, over: Partial<ShipmentRecord> = {}) =>
  shipment('shop-a', `O-${id}`, id, over);
const routine = (eventId: string, minute = 0, status: StatusEvent['status'] = 'in_transit') => ({
  eventId,
  status,
  at: new Date(Date.UTC(2025, 2, 8, 7, minute)).toISOString(),
});
/** Records `event` as the service does: told from itself, appended with no read. */
const report = (
  repo: DynamoShipmentRepository,
  shopId: string,
  shipmentId: string,
  event: ShipmentEvent,
  how: { updatedAt: string; maxEvents: number },
) => repo.appendReport(shopId, shipmentId, event, reportEffect(event)!, how);
const write = (n: number) => ({
  updatedAt: new Date(Date.UTC(2025, 2, 9, 0, 0, n)).toISOString(),
  maxEvents: 200,
});
/** The read-then-put path's own decision for the same event and write time. */
const putPath =
  (e: StatusEvent, updatedAt: string) =>
  (current: ShipmentRecord): EventDecision<null> => {
    const recorded = recordEvent(current.events, e);
    if (recorded.duplicate) return { answer: null };
    return {
      answer: null,
      next: { ...current, events: recorded.events, version: current.version + 1, updatedAt },
    };
  };

describe('appending a routine event', () => {
  it('is one UpdateItem on a cold instance, and writes what the put path writes', async () => {
    await createShipment(record('S-1'), instance().repo);
    await createShipment(record('S-2'), instance().repo);
    const a = instance();
    const outcome = await report(a.repo, 'shop-a', 'S-1', routine('e1'), write(1));
    expect(a.calls).toEqual(['UpdateItemCommand']);
    expect(outcome.appended).toBe(true);
    await instance().repo.applyEvent(
      'shop-a',
      'S-2',
      'e1',
      putPath(routine('e1'), write(1).updatedAt),
    );
    const [one, two] = await Promise.all(
      ['S-1', 'S-2'].map((id) => instance().repo.getShipment('shop-a', id)),
    );
    expect(one).toEqual({
      ...two,
      shipmentId: 'S-1',
      orderId: 'O-S-1',
      facts: { ...two!.facts, shipmentId: 'S-1' },
    });
    expect(outcome.appended && outcome.record).toEqual(one);
    expect(one?.version).toBe(2);
    // The item reads back whole through the late index as well: it never left it.
    const late = await a.repo.listLate(
      { shopId: 'shop-a', before: '2025-03-20' },
      { limit: 10, caller: 't' },
    );
    expect(late.items.map((s) => [s.shipmentId, s.events.length])).toEqual([
      ['S-1', 1],
      ['S-2', 1],
    ]);
  });

  it('refuses a resend, handing back the shipment that holds it', async () => {
    const a = instance();
    await createShipment(record('S-3'), a.repo);
    await report(a.repo, 'shop-a', 'S-3', routine('e1'), write(1));
    const again = await report(instance().repo, 'shop-a', 'S-3', routine('e1'), write(2));
    expect(again.appended).toBe(false);
    expect(!again.appended && again.current?.events.map((e) => e.eventId)).toEqual(['e1']);
    expect(!again.appended && again.current?.version).toBe(2);
  });

  it('refuses a shipment no longer on its way, and takes it again once a report puts it back', async () => {
    const a = instance();
    const delivered = {
      eventId: 'd',
      status: 'delivered' as const,
      at: '2025-03-08T12:00:00.000Z',
    };
    await createShipment(record('S-4', { events: [delivered] }), a.repo);
    const refused = await report(a.repo, 'shop-a', 'S-4', routine('e1'), write(1));
    expect(refused.appended).toBe(false);
    expect(!refused.appended && refused.current?.events).toEqual([delivered]);
    // Decided on (the put path), a later report puts it back on its way.
    const later = routine('e2', 600);
    await a.repo.applyEvent('shop-a', 'S-4', 'e2', putPath(later, write(2).updatedAt), {
      stored: refused.appended ? undefined : refused.current,
    });
    const next = await report(instance().repo, 'shop-a', 'S-4', routine('e3', 601), write(3));
    expect(next.appended).toBe(true);
  });

  it('refuses past the event limit', async () => {
    const a = instance();
    await createShipment(record('S-5'), a.repo);
    const limit = { ...write(1), maxEvents: 2 };
    expect((await report(a.repo, 'shop-a', 'S-5', routine('e1'), limit)).appended).toBe(true);
    expect((await report(a.repo, 'shop-a', 'S-5', routine('e2', 1), limit)).appended).toBe(true);
    const third = await report(a.repo, 'shop-a', 'S-5', routine('e3', 2), limit);
    expect(third.appended).toBe(false);
    expect(!third.appended && third.current?.events).toHaveLength(2);
  });

  it('refuses an item that keeps its events inside doc, which the put path then moves out', async () => {
    const a = instance();
    const old = record('S-6', { events: [routine('e0')] });
    const item = shipmentToItem(old);
    // As written before events were a list of their own.
    delete item.events;
    delete item.onItsWay;
    item.doc = {
      S: JSON.stringify({
        facts: old.facts,
        events: old.events,
        updatedAt: old.updatedAt,
        watchDate: old.watchDate,
      }),
    };
    await a.client.send(new PutItemCommand({ TableName: tableName, Item: item }));
    expect((await a.repo.getShipment('shop-a', 'S-6'))?.events).toEqual(old.events);
    const refused = await report(a.repo, 'shop-a', 'S-6', routine('e1', 1), write(1));
    expect(refused.appended).toBe(false);
    expect(!refused.appended && refused.current?.events).toEqual(old.events);
    await a.repo.applyEvent('shop-a', 'S-6', 'e1', putPath(routine('e1', 1), write(1).updatedAt), {
      stored: refused.appended ? undefined : refused.current,
    });
    const next = await report(a.repo, 'shop-a', 'S-6', routine('e2', 2), write(2));
    expect(next.appended && next.record.events.map((e) => e.eventId)).toEqual(['e0', 'e1', 'e2']);
  });

  it('refuses a shipment that does not exist, creating nothing', async () => {
    const a = instance();
    const outcome = await report(a.repo, 'shop-a', 'nope', routine('e1'), write(1));
    expect(outcome).toEqual({ appended: false, current: undefined });
    expect(await a.repo.getShipment('shop-a', 'nope')).toBeUndefined();
  });

  it('from two instances at once, each resending the other’s, lands every event exactly once', async () => {
    await createShipment(record('S-7'), instance().repo);
    const [a, b] = [instance(), instance()];
    const ids = Array.from({ length: 24 }, (_, i) => `c${i}`);
    const lane = async (repo: typeof a.repo, mine: string[]) => {
      const appended: boolean[] = [];
      for (const id of mine) {
        const n = ids.indexOf(id);
        appended.push((await report(repo, 'shop-a', 'S-7', routine(id, n), write(n))).appended);
      }
      return appended;
    };
    const even = ids.filter((_, i) => i % 2 === 0);
    const odd = ids.filter((_, i) => i % 2 === 1);
    const [fromA, fromB] = await Promise.all([
      lane(a.repo, [...even, ...odd]),
      lane(b.repo, [...odd, ...even]),
    ]);
    expect([...fromA, ...fromB].filter(Boolean)).toHaveLength(ids.length);
    const stored = await a.repo.getShipment('shop-a', 'S-7');
    expect(stored?.version).toBe(1 + ids.length);
    expect(stored?.events.map((e) => e.eventId).sort()).toEqual([...ids].sort());
  }, 30_000);

  const watched = (id: string, over: Partial<ShipmentRecord> = {}) =>
    record(id, {
      lateFrom: '2025-03-12',
      facts: { ...record(id).facts, shippedDate: '2025-03-07' },
      ...over,
    });
  const ends = (eventId: string, status: 'delivered' | 'received' | 'cancelled', date: string) =>
    ({ eventId, status, at: `${date}T12:00:00+03:00` }) as ShipmentEvent;
  const inIndex = async (id: string) =>
    (
      await instance().repo.listLate(
        { shopId: 'shop-a', before: '2025-04-01' },
        { limit: 100, caller: 't' },
      )
    ).items.some((s) => s.shipmentId === id);
  /** `event` reported to shipment `id` of shop-a through instance `a`, the n-th write. */
  const at = (a: { repo: DynamoShipmentRepository }, id: string, event: ShipmentEvent, n: number) =>
    report(a.repo, 'shop-a', id, event, write(n));

  it('ends the way in one UpdateItem on a cold instance: cancelled leaves the late index at once', async () => {
    await createShipment(watched('S-c'), instance().repo);
    await createShipment(watched('S-d'), instance().repo);
    const a = instance();
    const cancelled = await at(a, 'S-c', ends('c', 'cancelled', '2025-03-09'), 1);
    const delivered = await at(a, 'S-d', ends('d', 'delivered', '2025-03-11'), 2);
    expect(a.calls).toEqual(['UpdateItemCommand', 'UpdateItemCommand']);
    expect(cancelled.appended && delivered.appended).toBe(true);
    // A delivery the instance could not tell is left in the index, for tidyWatch to take out.
    expect(delivered.appended && delivered.record.watchDate).toBe('2025-03-11');
    if (!delivered.appended) throw new Error('not appended');
    const { watchDate: _w, ...onTime } = delivered.record;
    expect(await a.repo.tidyWatch(onTime)).toBe(true);
    for (const id of ['S-c', 'S-d']) {
      const stored = await instance().repo.getShipment('shop-a', id);
      expect(stored?.watchDate).toBeUndefined();
      expect(stored?.lateFrom).toBeUndefined();
      expect(stored?.version).toBe(2);
      expect(await inIndex(id)).toBe(false);
    }
    // No longer on its way: the next report is refused, handed back to be decided on.
    expect((await report(a.repo, 'shop-a', 'S-d', routine('t', 900), write(3))).appended).toBe(
      false,
    );
  });

  it('writes a delivery it cannot tell, cold, in one UpdateItem: late, it is as decided', async () => {
    await createShipment(watched('S-l'), instance().repo);
    await createShipment(watched('S-l2'), instance().repo);
    const cold = instance();
    const late = ends('l', 'delivered', '2025-03-12');
    const outcome = await report(cold.repo, 'shop-a', 'S-l', late, write(1));
    expect(cold.calls).toEqual(['UpdateItemCommand']);
    expect(outcome.appended && outcome.record.watchDate).toBe('2025-03-11');
    expect(await inIndex('S-l')).toBe(true);
    // What the read-then-put path writes for it.
    await instance().repo.applyEvent('shop-a', 'S-l2', 'l', (current) => {
      const { lateFrom: _f, ...rest } = current;
      return {
        answer: null,
        next: { ...rest, events: [late], version: 2, updatedAt: write(1).updatedAt },
      };
    });
    const [one, two] = await Promise.all(
      ['S-l', 'S-l2'].map((id) => instance().repo.getShipment('shop-a', id)),
    );
    expect(one).toEqual({
      ...two,
      shipmentId: 'S-l',
      orderId: 'O-S-l',
      facts: { ...two!.facts, shipmentId: 'S-l' },
    });
  });

  it('tidies only the write it follows', async () => {
    await createShipment(watched('S-t'), instance().repo);
    const a = instance();
    const first = await at(a, 'S-t', ends('t', 'delivered', '2025-03-10'), 1);
    if (!first.appended) throw new Error('not appended');
    // A later report (it puts the shipment back on its way), decided on: the tidy is refused.
    await a.repo.applyEvent('shop-a', 'S-t', 'x', (current) => ({
      answer: null,
      next: {
        ...current,
        events: [...current.events, routine('x', 9000)],
        version: current.version + 1,
        updatedAt: write(2).updatedAt,
      },
    }));
    const { watchDate: _w, ...onTime } = first.record;
    expect(await a.repo.tidyWatch(onTime)).toBe(false);
    expect(await inIndex('S-t')).toBe(true);
  });

  it('guesses a late delivery from the copy it holds: one UpdateItem warm, still watched', async () => {
    await createShipment(watched('S-w'), instance().repo);
    const warm = instance();
    await warm.repo.getShipment('shop-a', 'S-w');
    warm.calls.length = 0;
    const late = await report(
      warm.repo,
      'shop-a',
      'S-w',
      ends('w', 'delivered', '2025-03-12'),
      write(1),
    );
    expect(warm.calls).toEqual(['UpdateItemCommand']);
    expect(late.appended && late.record.watchDate).toBe('2025-03-11');
    expect(await inIndex('S-w')).toBe(true);
  });

  it('refuses a delivery it cannot tell: before shipping, after an earlier one, earlier than the latest report', async () => {
    await createShipment(watched('S-e1'), instance().repo);
    await createShipment(
      watched('S-e2', { events: [ends('d0', 'delivered', '2025-03-09'), routine('t0', 3000)] }),
      instance().repo,
    );
    await createShipment(watched('S-e3', { events: [routine('t0', 3000)] }), instance().repo);
    const a = instance();
    const early = await at(a, 'S-e1', ends('d', 'delivered', '2025-03-06'), 1);
    const again = await at(a, 'S-e2', ends('d', 'delivered', '2025-03-11'), 2);
    const before = await at(a, 'S-e3', ends('d', 'received', '2025-03-08'), 3);
    expect([early.appended, again.appended, before.appended]).toEqual([false, false, false]);
    for (const id of ['S-e1', 'S-e2', 'S-e3']) expect(await inIndex(id)).toBe(true);
  });
});

describe('appending a report of facts (a reschedule the policy keeps, a re-measurement)', () => {
  const rescheduled = (eventId: string): ShipmentEvent => ({
    eventId,
    status: 'rescheduled',
    at: '2025-03-10T12:00:00+03:00',
    promisedDate: '2025-03-14',
    reason: 'courier_late',
  });
  const remeasured = (eventId: string, currency: 'RUB' | 'EUR' = 'RUB'): ShipmentEvent => ({
    eventId,
    status: 'remeasured',
    at: '2025-03-09T12:00:00+03:00',
    packages: [{ lengthCm: '40', widthCm: '30', heightCm: '20', weightKg: '3' }],
    charged: { amount: '650.00', currency },
  });
  const delivered = (eventId: string): ShipmentEvent => ({
    eventId,
    status: 'delivered',
    at: '2025-03-12T12:00:00+03:00',
  });

  it('is one UpdateItem on a cold instance, in any state, and writes what the put path writes', async () => {
    const done = { events: [delivered('d0')], lateFrom: undefined };
    for (const id of ['F-1', 'F-2']) await createShipment(record(id, done), instance().repo);
    const a = instance();
    const one = await report(a.repo, 'shop-a', 'F-1', rescheduled('r1'), write(1));
    const two = await report(a.repo, 'shop-a', 'F-1', remeasured('m1'), write(2));
    expect(a.calls).toEqual(['UpdateItemCommand', 'UpdateItemCommand']);
    expect(one.appended && two.appended).toBe(true);
    for (const [n, e] of [rescheduled('r1'), remeasured('m1')].entries()) {
      const updatedAt = write(n + 1).updatedAt;
      await instance().repo.applyEvent('shop-a', 'F-2', e.eventId, (current) => {
        const recorded = recordEvent(current.events, e);
        return {
          answer: null,
          next: { ...current, events: recorded.events, version: current.version + 1, updatedAt },
        };
      });
    }
    const [f1, f2] = await Promise.all(
      ['F-1', 'F-2'].map((id) => instance().repo.getShipment('shop-a', id)),
    );
    expect(f1).toEqual({
      ...f2,
      shipmentId: 'F-1',
      orderId: 'O-F-1',
      facts: { ...f2!.facts, shipmentId: 'F-1' },
    });
  });

  it('refuses a resend, another currency, and an item stored before the carrier was kept', async () => {
    await createShipment(record('F-3'), instance().repo);
    const a = instance();
    expect((await report(a.repo, 'shop-a', 'F-3', rescheduled('r'), write(1))).appended).toBe(true);
    const resent = await report(a.repo, 'shop-a', 'F-3', rescheduled('r'), write(2));
    expect(!resent.appended && resent.current?.version).toBe(2);
    const euro = await report(a.repo, 'shop-a', 'F-3', remeasured('m', 'EUR'), write(3));
    expect(!euro.appended && euro.current?.events).toHaveLength(1);
    // An item written before the carrier attribute existed: refused, left as it was.
    const { client } = instance();
    const item = shipmentToItem(record('F-4'));
    delete item.carrier;
    await client.send(new PutItemCommand({ TableName: tableName, Item: item }));
    const old = await report(instance().repo, 'shop-a', 'F-4', rescheduled('r'), write(4));
    expect(!old.appended && old.current?.version).toBe(1);
  });
});
