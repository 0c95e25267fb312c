/**
 * PUT/GET /v1/orders/{orderId} through the Worker, on DynamoDB Local.
 */
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createDynamoClient } from '../../src/storage/dynamodb';
import { orderKey } from '../../src/storage/dynamodb/keys';
import { seedKey, seedShop } from './claims-helpers';
import { call, fieldErrorsOf } from './helpers';
import { orderBody, postEvent, putOrderOk, shipmentBody } from './shipments-helpers';

type Shipment = {
  shipmentId: string;
  status: string;
  charges: {
    total: { amount: string };
    deliveryCost: { amount: string };
    lines: { key: string }[];
  };
  weight: { totalChargeableKg: string };
  events: { eventId: string }[];
};
type Order = { status: string; version: number; shipments: Shipment[] };
const bindings = env as { DYNAMODB_ENDPOINT: string; DYNAMODB_TABLE: string };

describe('PUT /v1/orders/{orderId}', () => {
  it('creates the order with each shipment’s charges, chargeable weight and status', async () => {
    const shop = await seedShop();
    const a = await call('PUT', '/v1/orders/O-1', orderBody([shipmentBody('S-1')]), shop.auth);
    expect(a.status, a.text).toBe(201);
    expect(a.headers.get('etag')).toBe('"1"');
    expect(a.headers.get('cache-control')).toBe('no-store');
    const order = a.body as unknown as Order;
    const [s] = order.shipments;
    expect(s?.charges.total.amount).toBe('645.00'); // 500 + crate M 130 + envelope A4 15
    expect(s?.charges.deliveryCost.amount).toBe('500.00');
    expect(s?.weight.totalChargeableKg).toBe('4.800'); // 40×30×20 / 5000
    expect(s?.status).toBe('created');
    expect(order.status).toBe('created');
  });

  it('is idempotent: the same body again changes nothing', async () => {
    const shop = await seedShop();
    const first = await putOrderOk(shop.auth, 'O-2', [shipmentBody('S-2')]);
    const again = await call('PUT', '/v1/orders/O-2', orderBody([shipmentBody('S-2')]), shop.auth);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
  });

  it('refuses a packaging item the carrier does not sell, naming it', async () => {
    const shop = await seedShop();
    const body = orderBody([shipmentBody('S-3', { packaging: [{ item: 'crate_xl' }] })]);
    const a = await call('PUT', '/v1/orders/O-3', body, shop.auth);
    expect(a.status, a.text).toBe(422);
    expect(a.headers.get('content-type')).toContain('application/problem+json');
    expect(fieldErrorsOf(a)[0]).toMatchObject({ pointer: '/shipments/0/packaging/0/item' });
    expect(fieldErrorsOf(a)[0]?.detail).toContain('crate_xl');
  });

  it('refuses a body that breaks the schema, naming the field', async () => {
    const shop = await seedShop();
    const body = orderBody([
      shipmentBody('S-4', { deliveryCost: { amount: 500, currency: 'RUB' } }),
    ]);
    const a = await call('PUT', '/v1/orders/O-4', body, shop.auth);
    expect(a.status).toBe(422);
    expect(fieldErrorsOf(a).map((e) => e.pointer)).toContain('/shipments/0/deliveryCost/amount');
  });

  it('deletes the shipments a replace drops and keeps the events of the ones it keeps', async () => {
    const shop = await seedShop();
    await putOrderOk(shop.auth, 'O-5', [shipmentBody('S-5a'), shipmentBody('S-5b')]);
    const e = { eventId: 'e1', status: 'in_transit', at: '2025-06-03T10:00:00+03:00' };
    expect((await postEvent(shop.auth, 'S-5a', e)).status).toBe(200);
    const replaced = await putOrderOk(shop.auth, 'O-5', [
      shipmentBody('S-5a', { waybill: 'WB-NEW' }),
    ]);
    const order = replaced.body as unknown as Order;
    expect(order.version).toBe(2);
    expect(order.shipments.map((s) => [s.shipmentId, s.status, s.events.length])).toEqual([
      ['S-5a', 'in_transit', 1],
    ]);
    expect((await call('GET', '/v1/shipments/S-5b', undefined, shop.auth)).status).toBe(404);
  });

  it('refuses a shipment id that belongs to another order of the shop', async () => {
    const shop = await seedShop();
    await putOrderOk(shop.auth, 'O-6', [shipmentBody('S-6')]);
    const a = await call('PUT', '/v1/orders/O-7', orderBody([shipmentBody('S-6')]), shop.auth);
    expect(a.status).toBe(422);
    expect(fieldErrorsOf(a)[0]).toMatchObject({ pointer: '/shipments/0/shipmentId' });
  });

  it('answers a replace that a concurrent one keeps out with a 409 worded for the order, never a claim', async () => {
    const shop = await seedShop();
    await putOrderOk(shop.auth, 'O-L', [shipmentBody('S-L')]);
    // Another replace holds the order (its lock, as a replace of many shipments takes it) for
    // longer than this one's retries last.
    const client = createDynamoClient({
      endpoint: bindings.DYNAMODB_ENDPOINT,
      region: 'eu-central-1',
    });
    await client.send(
      new UpdateItemCommand({
        TableName: bindings.DYNAMODB_TABLE,
        Key: orderKey(shop.shopId, 'O-L'),
        UpdateExpression: 'SET #lock = :token, #until = :until',
        ExpressionAttributeNames: { '#lock': 'lock', '#until': 'lockUntil' },
        ExpressionAttributeValues: {
          ':token': { S: 'another-replace' },
          ':until': { N: String(Date.now() + 60_000) },
        },
      }),
    );
    const a = await call(
      'PUT',
      '/v1/orders/O-L',
      orderBody([shipmentBody('S-L', { waybill: 'WB-CHANGED' })]),
      shop.auth,
    );
    expect(a.status, a.text).toBe(409);
    expect(a.body).toMatchObject({
      type: '/problems/order-changed',
      title: 'The order changed meanwhile',
    });
    expect(`${String(a.body.title)} ${String(a.body.detail)}`).not.toMatch(/claim/i);
    expect(a.body).not.toHaveProperty('currentVersion');
  });

  it('is for shop keys: a clerk key is a 403, no key a 401', async () => {
    const clerk = await seedKey('clerk');
    const body = orderBody([shipmentBody('S-8')]);
    expect((await call('PUT', '/v1/orders/O-8', body, clerk.auth)).status).toBe(403);
    const none = await call('PUT', '/v1/orders/O-8', body);
    expect(none.status).toBe(401);
    expect(none.headers.get('cache-control')).toBe('no-store');
  });
});

describe('GET /v1/orders/{orderId}', () => {
  it('derives the order’s status from its last shipment to be delivered', async () => {
    const shop = await seedShop();
    await putOrderOk(shop.auth, 'O-9', [shipmentBody('S-9a'), shipmentBody('S-9b')]);
    await postEvent(shop.auth, 'S-9a', {
      eventId: 'a',
      status: 'awaiting_pickup',
      at: '2025-06-04T10:00:00+03:00',
    });
    await postEvent(shop.auth, 'S-9b', {
      eventId: 'b',
      status: 'handed_to_delivery',
      at: '2025-06-03T10:00:00+03:00',
    });
    const a = await call('GET', '/v1/orders/O-9', undefined, shop.auth);
    expect(a.status).toBe(200);
    expect((a.body as unknown as Order).status).toBe('handed_to_delivery');
  });

  it('lets a clerk read any shop’s order by shopId, and asks a clerk for it', async () => {
    const shop = await seedShop();
    const clerk = await seedKey('clerk');
    await putOrderOk(shop.auth, 'O-10', [shipmentBody('S-10')]);
    const read = await call('GET', `/v1/orders/O-10?shopId=${shop.shopId}`, undefined, clerk.auth);
    expect(read.status, read.text).toBe(200);
    const missing = await call('GET', '/v1/orders/O-10', undefined, clerk.auth);
    expect(missing.status).toBe(422);
    expect(fieldErrorsOf(missing)[0]).toMatchObject({ parameter: 'shopId' });
  });

  it('does not reveal another shop’s order', async () => {
    const [a, b] = [await seedShop(), await seedShop()];
    await putOrderOk(a.auth, 'O-11', [shipmentBody('S-11')]);
    expect((await call('GET', '/v1/orders/O-11', undefined, b.auth)).status).toBe(404);
    const named = await call('GET', `/v1/orders/O-11?shopId=${a.shopId}`, undefined, b.auth);
    expect(named.status).toBe(422);
  });
});
