/**
 * Issue 19, items 1 and 2, through the shipment service, on DynamoDB Local and on the
 * in-memory reference storage alike: an event more than a day ahead of the clock or before
 * its order was placed is refused; an order placed in the future is too; the events cap lets
 * a final status through. A shipment whose head was written before it kept its order's
 * placedAt (a table migrated from the old layout) is checked against the order's, and
 * learns it with its next event.
 */
import { GetItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors';
import { MAX_EVENTS, type ShipmentEvent } from '../../src/domain/shipment';
import { orderInputExample } from '../../src/schemas/shipment.examples';
import type { Principal } from '../../src/services/actor';
import { createShipmentService } from '../../src/services/shipments';
import { shipmentHeadKey } from '../../src/storage/dynamodb/keys';
import { freshStorage } from '../storage/helpers';
import { MemoryShipments } from './memory-shipments';

const base = await freshStorage();
const clock = () => new Date('2025-06-16T09:00:00.000Z');
const dynamo = createShipmentService({ storage: base, clock });
const memory = createShipmentService({
  storage: { ...base, shipments: new MemoryShipments() },
  clock,
});
const services = { dynamo, memory };
const who: Principal = { keyId: 'k-shop', role: 'shop', shopId: 'shop-bounds' };
const [template] = orderInputExample.shipments;
// orderInputExample.placedAt is 2025-06-01T18:20:00+03:00.
const orderWith = (shipmentId: string, placedAt = orderInputExample.placedAt) => ({
  ...orderInputExample,
  placedAt,
  shipments: [{ ...template!, shipmentId }],
});
const event = (eventId: string, status: ShipmentEvent['status'], at: string) =>
  ({ eventId, status, at }) as ShipmentEvent;
async function refusal(work: Promise<unknown>): Promise<DomainError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('it was accepted');
}

describe.each(Object.entries(services))('on %s', (_name, service) => {
  it('refuses an event from the future or from before the order, at /at', async () => {
    await service.putOrder(who, 'O-1', orderWith('S-1'));
    const typo = event('typo', 'in_transit', '2062-11-17T10:00:00+03:00');
    expect(await refusal(service.recordEvent(who, 'S-1', typo))).toMatchObject({
      pointer: '/at',
      reason: 'in_the_future',
    });
    const early = event('early', 'created', '2025-05-31T18:00:00+03:00');
    expect(await refusal(service.recordEvent(who, 'S-1', early))).toMatchObject({
      pointer: '/at',
      reason: 'date_order',
    });
    const delivered = event('d', 'delivered', '2025-06-09T12:00:00+03:00');
    expect((await service.recordEvent(who, 'S-1', delivered)).shipment.status).toBe('delivered');
  });

  it('refuses an order placed in the future, at /placedAt', async () => {
    const error = await refusal(
      service.putOrder(who, 'O-2', orderWith('S-2', '2025-06-18T10:00:00+03:00')),
    );
    expect(error).toMatchObject({ pointer: '/placedAt', reason: 'in_the_future' });
  });

  it('checks events against the placedAt a replace moved', async () => {
    await service.putOrder(who, 'O-3', orderWith('S-3'));
    await service.putOrder(who, 'O-3', orderWith('S-3', '2025-06-05T10:00:00+03:00'));
    const before = event('b', 'in_transit', '2025-06-03T12:00:00+03:00');
    expect(await refusal(service.recordEvent(who, 'S-3', before))).toMatchObject({
      reason: 'date_order',
      params: { other: 'placedAt', otherDate: '2025-06-05' },
    });
  });

  it('records a delivery after MAX_EVENTS routine events; refuses a routine one', async () => {
    await service.putOrder(who, 'O-4', orderWith('S-4'));
    for (let n = 0; n < MAX_EVENTS; n++) {
      const at = new Date(Date.UTC(2025, 5, 3, 0, n)).toISOString();
      await service.recordEvent(who, 'S-4', event(`r-${n}`, 'in_transit', at));
    }
    const routine = event('one-more', 'with_courier', '2025-06-04T10:00:00+03:00');
    expect(await refusal(service.recordEvent(who, 'S-4', routine))).toMatchObject({
      pointer: '/status',
    });
    const resent = await service.recordEvent(who, 'S-4', event('r-3', 'in_transit', 'ignored'));
    expect(resent.duplicate).toBe(true);
    const delivered = event('d', 'delivered', '2025-06-09T12:00:00+03:00');
    const answer = await service.recordEvent(who, 'S-4', delivered);
    expect(answer).toMatchObject({ duplicate: false, shipment: { status: 'delivered' } });
    expect(answer.shipment.events).toHaveLength(MAX_EVENTS + 1);
  }, 120_000);
});

describe('a shipment stored before its head kept placedAt', () => {
  it('is checked against its order’s, and learns it with its next event', async () => {
    await dynamo.putOrder(who, 'O-old', orderWith('S-old'));
    const Key = shipmentHeadKey(who.shopId!, 'S-old');
    const head = async () =>
      (await base.client.send(new GetItemCommand({ TableName: base.tableName, Key }))).Item;
    expect((await head())?.placedAt?.S).toBe(orderInputExample.placedAt);
    // As the old layout's migration writes it: no placedAt.
    await base.client.send(
      new UpdateItemCommand({
        TableName: base.tableName,
        Key,
        UpdateExpression: 'REMOVE placedAt',
      }),
    );
    expect(await base.shipments.getShipment(who.shopId!, 'S-old')).not.toHaveProperty('placedAt');

    const early = event('early', 'created', '2025-05-30T10:00:00+03:00');
    expect(await refusal(dynamo.recordEvent(who, 'S-old', early))).toMatchObject({
      pointer: '/at',
      reason: 'date_order',
    });
    // The same order body again writes nothing, old head or not.
    const again = await dynamo.putOrder(who, 'O-old', orderWith('S-old'));
    expect(again.order.version).toBe(1);
    expect((await head())?.placedAt).toBeUndefined();

    const fine = event('fine', 'in_transit', '2025-06-03T12:00:00+03:00');
    expect((await dynamo.recordEvent(who, 'S-old', fine)).duplicate).toBe(false);
    expect((await head())?.placedAt?.S).toBe(orderInputExample.placedAt);
  });
});
