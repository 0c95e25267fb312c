/**
 * An event on DynamoDB Local from the shipment as this instance last saw it: one conditional
 * PutItem when it has seen the shipment, a read first when not; stale copies (another
 * instance wrote since, or the shipment was deleted and created again) are decided again
 * from the item the failed condition returns, and every event lands exactly once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { recordEvent, type ShipmentEvent } from '../../src/domain/shipment';
import { DynamoShipmentRepository } from '../../src/storage/dynamodb';
import type { EventDecision, ShipmentRecord } from '../../src/storage/repository';
import { freshStorage, shipment } from './helpers';
import { createShipment, shipmentInstance } from './shipment-instances';

let tableName = '';
beforeAll(async () => {
  tableName = (await freshStorage()).tableName;
});

const instance = () => shipmentInstance(tableName);

const record = (shipmentId: string, over: Partial<ShipmentRecord> = {}) =>
  shipment('shop-e', `O-${shipmentId}`, shipmentId, over);

const event = (eventId: string, minute = 0): ShipmentEvent => ({
  eventId,
  status: 'in_transit',
  at: new Date(Date.UTC(2025, 2, 8, 7, minute)).toISOString(),
});

let clock = 0;
/** What the service does, minus the views: append unless resent; answer the version seen. */
const append =
  (e: ShipmentEvent) =>
  (current: ShipmentRecord): EventDecision<{ duplicate: boolean; version: number }> => {
    const recorded = recordEvent(current.events, e);
    if (recorded.duplicate) return { answer: { duplicate: true, version: current.version } };
    const next = {
      ...current,
      events: recorded.events,
      version: current.version + 1,
      updatedAt: new Date(Date.UTC(2025, 2, 9) + ++clock).toISOString(),
    };
    return { answer: { duplicate: false, version: next.version }, next };
  };

const create = createShipment;

describe('an event through applyEvent', () => {
  it('reads first on a cold instance, then writes in one PutItem on the copy it keeps', async () => {
    await create(record('S-1'), instance().repo);
    const a = instance();
    const first = await a.repo.applyEvent('shop-e', 'S-1', 'e1', append(event('e1')));
    expect(first).toEqual({ duplicate: false, version: 2 });
    expect(a.calls).toEqual(['GetItemCommand', 'PutItemCommand']);
    a.calls.length = 0;
    const second = await a.repo.applyEvent('shop-e', 'S-1', 'e2', append(event('e2', 1)));
    expect(second).toEqual({ duplicate: false, version: 3 });
    expect(a.calls).toEqual(['PutItemCommand']);
  });

  it('on a stale copy decides again from the item the failed condition returns, no read', async () => {
    const a = instance();
    const b = instance();
    await create(record('S-2'), a.repo);
    await b.repo.applyEvent('shop-e', 'S-2', 'b1', append(event('b1')));
    a.calls.length = 0;
    const answer = await a.repo.applyEvent('shop-e', 'S-2', 'a1', append(event('a1', 1)));
    expect(answer).toEqual({ duplicate: false, version: 3 });
    expect(a.calls).toEqual(['PutItemCommand', 'PutItemCommand']);
    const stored = await b.repo.getShipment('shop-e', 'S-2');
    expect(stored?.events.map((e) => e.eventId)).toEqual(['b1', 'a1']);
  });

  it('answers a resend seen in a stale copy from the shipment as stored, writing nothing', async () => {
    const a = instance();
    const b = instance();
    await create(record('S-3'), a.repo);
    await a.repo.applyEvent('shop-e', 'S-3', 'e1', append(event('e1')));
    await b.repo.applyEvent('shop-e', 'S-3', 'e2', append(event('e2', 1)));
    a.calls.length = 0;
    const again = await a.repo.applyEvent('shop-e', 'S-3', 'e1', append(event('e1')));
    expect(again).toEqual({ duplicate: true, version: 3 });
    expect(a.calls).toEqual(['GetItemCommand']);
    // A resend the copy does not know of is told by the failed condition's item.
    const b1 = await b.repo.applyEvent('shop-e', 'S-3', 'e2', append(event('e2', 1)));
    expect(b1).toEqual({ duplicate: true, version: 3 });
  });

  it('judges a refusal made on a cached copy again on the stored shipment', async () => {
    const a = instance();
    const b = instance();
    await create(record('S-4'), a.repo);
    await b.repo.applyEvent('shop-e', 'S-4', 'e1', append(event('e1')));
    // Refuses a shipment without events: true of a's copy, not of the stored one.
    const picky = (current: ShipmentRecord) => {
      if (current.events.length === 0) throw new Error('no events yet');
      return append(event('e2', 1))(current);
    };
    await expect(a.repo.applyEvent('shop-e', 'S-4', 'e2', picky)).resolves.toEqual({
      duplicate: false,
      version: 3,
    });
    const fresh = instance();
    await create(record('S-5'), fresh.repo);
    await expect(fresh.repo.applyEvent('shop-e', 'S-5', 'e1', picky)).rejects.toThrow(
      'no events yet',
    );
  });

  it('never writes a copy of a shipment that was deleted and created again at the same version', async () => {
    const a = instance();
    const b = instance();
    await create(record('S-6'), a.repo);
    await a.repo.applyEvent('shop-e', 'S-6', 'old', append(event('old')));
    // b drops it from its order, then another order creates it again: version 1 again.
    await b.repo.replaceOrder({
      order: {
        shopId: 'shop-e',
        orderId: 'O-S-6',
        placedAt: '2025-03-01T10:00:00+03:00',
        customer: { name: 'Анна Петрова', email: 'anna@example.com', phone: '+7 900 000-00-00' },
        b2b: false,
        shipmentIds: [],
        version: 2,
        updatedAt: '2025-03-02T10:00:00.000Z',
      },
      expectedOrderVersion: 1,
      puts: [],
      removes: [{ shipmentId: 'S-6', expectedVersion: 2 }],
    });
    const reborn = record('S-6', {
      orderId: 'O-F',
      version: 2,
      updatedAt: '2025-03-03T10:00:00.000Z',
      facts: { ...record('S-6').facts, promisedDate: '2025-03-20' },
    });
    await create(reborn, b.repo);
    // a still holds its copy at version 2 (its own write): the same version, another shipment.
    await a.repo.applyEvent('shop-e', 'S-6', 'x1', append(event('x1', 2)));
    const stored = await b.repo.getShipment('shop-e', 'S-6');
    expect(stored?.orderId).toBe('O-F');
    expect(stored?.facts.promisedDate).toBe('2025-03-20');
    expect(stored?.events.map((e) => e.eventId)).toEqual(['x1']);
  });

  it('from two instances at once, with each other resending, lands every event exactly once', async () => {
    const a = instance();
    const b = instance();
    await create(record('S-7'), a.repo);
    await b.repo.getShipment('shop-e', 'S-7'); // both warm, soon both stale
    const ids = Array.from({ length: 24 }, (_, i) => `c${i}`);
    const lane = async (repo: DynamoShipmentRepository, mine: string[]) => {
      const answers = [];
      for (const id of mine) {
        answers.push(
          await repo.applyEvent('shop-e', 'S-7', id, append(event(id, ids.indexOf(id)))),
        );
      }
      return answers;
    };
    const even = ids.filter((_, i) => i % 2 === 0);
    const odd = ids.filter((_, i) => i % 2 === 1);
    // Each lane sends its own events, then the other lane's again (the carrier resending).
    const [fromA, fromB] = await Promise.all([
      lane(a.repo, [...even, ...odd]),
      lane(b.repo, [...odd, ...even]),
    ]);
    const recorded = [...fromA, ...fromB].filter((x) => !x.duplicate);
    expect(recorded).toHaveLength(ids.length);
    expect(new Set(recorded.map((x) => x.version)).size).toBe(ids.length);
    const stored = await a.repo.getShipment('shop-e', 'S-7');
    expect(stored?.version).toBe(1 + ids.length);
    expect([...(stored?.events.map((e) => e.eventId) ?? [])].sort()).toEqual([...ids].sort());
  });
});
