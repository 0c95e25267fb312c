/**
 * The one write path of an event on DynamoDB Local: one Query, one two-item transaction; a
 * lost race decided again on the shipment as stored; every event lands exactly once, a
 * resend is a duplicate; leftovers of a dropped shipment never join one that reuses its id.
 */
import { PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordEvent, type ShipmentEvent } from '../../src/domain/shipment';
import { shipmentEventKey, shipmentHeadKey } from '../../src/storage/dynamodb/keys';
import {
  StorageBusyError,
  type EventDecision,
  type ShipmentRecord,
} from '../../src/storage/repository';
import { freshStorage, shipment } from './helpers';
import { createOrder, orderOf, shipmentInstance } from './shipment-helpers';

let tableName = '';
beforeAll(async () => {
  tableName = (await freshStorage()).tableName;
});

const record = (shipmentId: string) => shipment('shop-e', `O-${shipmentId}`, shipmentId);
const event = (eventId: string, minute = 0): ShipmentEvent => ({
  eventId,
  status: 'in_transit',
  at: new Date(Date.UTC(2025, 2, 8, 7, minute)).toISOString(),
});

/** What the service does, minus the views: append unless resent; answer the version seen. */
const append =
  (e: ShipmentEvent) =>
  (current: ShipmentRecord): EventDecision<{ duplicate: boolean; version: number }> => {
    const recorded = recordEvent(current.events, e);
    if (recorded.duplicate) return { answer: { duplicate: true, version: current.version } };
    const next = { ...current, events: recorded.events, version: current.version + 1 };
    return { answer: { duplicate: false, version: next.version }, next };
  };

describe('an event', () => {
  it('is one Query and one transaction; a resend is answered from a read alone', async () => {
    const { repo, meter } = shipmentInstance(tableName);
    await createOrder(repo, [record('S-1')]);
    meter.calls.length = 0;
    expect(await repo.applyEvent('shop-e', 'S-1', 'e1', append(event('e1')))).toEqual({
      duplicate: false,
      version: 2,
    });
    expect(meter.calls).toEqual(['QueryCommand', 'TransactWriteItemsCommand']);
    meter.calls.length = 0;
    expect(await repo.applyEvent('shop-e', 'S-1', 'e1', append(event('e1')))).toEqual({
      duplicate: true,
      version: 2,
    });
    expect(meter.calls).toEqual(['QueryCommand']);
    const stored = await repo.getShipment('shop-e', 'S-1');
    expect(stored).toEqual({ ...record('S-1'), events: [event('e1')], version: 2 });
  });

  it('keeps the events in arrival order, whatever their ids', async () => {
    const { repo } = shipmentInstance(tableName);
    await createOrder(repo, [record('S-2')]);
    for (const [i, id] of ['zz', 'aa', 'mm', '%23x'].entries()) {
      await repo.applyEvent('shop-e', 'S-2', id, append(event(id, i)));
    }
    const stored = await repo.getShipment('shop-e', 'S-2');
    expect(stored?.events.map((e) => e.eventId)).toEqual(['zz', 'aa', 'mm', '%23x']);
  });

  // Each from an instance of its own. DynamoDB Local is slow to settle many transactions on
  // one item (hundreds of ms each): a generous timeout.
  it('lands 20 different events sent at once exactly once each', async () => {
    const { repo } = shipmentInstance(tableName);
    await createOrder(repo, [record('S-3')]);
    const ids = Array.from({ length: 20 }, (_, i) => `c${i}`);
    const instances = ids.map(() => shipmentInstance(tableName));

    const answers = await Promise.all(
      ids.map((id, i) => instances[i]!.repo.applyEvent('shop-e', 'S-3', id, append(event(id, i)))),
    );

    expect(answers.every((a) => !a.duplicate)).toBe(true);
    expect(new Set(answers.map((a) => a.version)).size).toBe(20);
    const stored = await repo.getShipment('shop-e', 'S-3');
    expect(stored?.version).toBe(21);
    expect(stored?.events.map((e) => e.eventId).sort()).toEqual([...ids].sort());
  }, 60_000);

  it('lands one event id sent 10 times at once once', async () => {
    const { repo } = shipmentInstance(tableName);
    await createOrder(repo, [record('S-4')]);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        shipmentInstance(tableName).repo.applyEvent('shop-e', 'S-4', 'same', append(event('same'))),
      ),
    );
    expect(answers.filter((a) => !a.duplicate)).toHaveLength(1);
    expect(answers.every((a) => a.version === 2)).toBe(true);
    const stored = await repo.getShipment('shop-e', 'S-4');
    expect(stored?.events.map((e) => e.eventId)).toEqual(['same']);
  }, 60_000);

  it('tells its own write from a resend when a retry of a committed transaction fails', async () => {
    const { repo, client } = shipmentInstance(tableName);
    await createOrder(repo, [record('S-7')]);
    // What an SDK retry does with no ClientRequestToken: the same transaction sent again after
    // the first one committed unanswered; the second fails its own conditions.
    let replays = 1;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName !== 'TransactWriteItemsCommand' || replays-- <= 0)
          return next(args);
        await next(args);
        return next(args);
      },
      { step: 'initialize', name: 'replay' },
    );
    expect(await repo.applyEvent('shop-e', 'S-7', 'e1', append(event('e1')))).toEqual({
      duplicate: false,
      version: 2,
    });
    expect((await repo.getShipment('shop-e', 'S-7'))?.events).toEqual([event('e1')]);
  });

  it('never joins a dropped shipment’s leftovers to one that reuses its id', async () => {
    const { repo, client } = shipmentInstance(tableName);
    await createOrder(repo, [record('S-5')]);
    await repo.applyEvent('shop-e', 'S-5', 'old', append(event('old')));
    // Dropped, its leftovers not cleared (a crash): an event item of the old incarnation.
    const leftover = {
      ...shipmentEventKey('shop-e', 'S-5', 'old'),
      n: { N: '1' },
      born: { S: 'gone' },
    };
    await repo.replaceOrder({
      order: orderOf('shop-e', 'O-S-5', [], 2),
      expectedOrderVersion: 1,
      puts: [],
      removes: [{ shipmentId: 'S-5', expectedVersion: 2 }],
    });
    await client.send(
      new PutItemCommand({
        TableName: tableName,
        Item: { ...leftover, doc: { S: JSON.stringify(event('old')) } },
      }),
    );
    await createOrder(repo, [shipment('shop-e', 'O-new', 'S-5')]);
    expect((await repo.getShipment('shop-e', 'S-5'))?.events).toEqual([]);
    // The old event's id is a new event here, and is recorded.
    expect(await repo.applyEvent('shop-e', 'S-5', 'old', append(event('old')))).toEqual({
      duplicate: false,
      version: 2,
    });
    expect((await repo.getShipment('shop-e', 'S-5'))?.events.map((e) => e.eventId)).toEqual([
      'old',
    ]);
  });

  it('reads again when a read saw part of a write, and gives up as busy storage', async () => {
    const { repo, client } = shipmentInstance(tableName);
    await createOrder(repo, [record('S-6')]);
    // A head that counts an event no read finds: what a read racing a commit could see.
    await client.send(
      new UpdateItemCommand({
        TableName: tableName,
        Key: shipmentHeadKey('shop-e', 'S-6'),
        UpdateExpression: 'SET eventCount = :one',
        ExpressionAttributeValues: { ':one': { N: '1' } },
      }),
    );
    await expect(repo.getShipment('shop-e', 'S-6')).rejects.toBeInstanceOf(StorageBusyError);
  });
});
