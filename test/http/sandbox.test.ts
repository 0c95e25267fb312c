/**
 * Test keys and POST /v1/test/carrier-events through the Worker, on DynamoDB Local (today is
 * pinned to 2025-06-16): a test key drives a parcel from created to delivered late through the
 * hook path, and the shipment, the late list (GET /v1/shipments?late=true) and a claim filed from it react; its data is apart
 * from the live key's of the same shop.
 */
import { describe, expect, it } from 'vitest';
import { seedKey, seedTestKey } from './claims-helpers';
import { call, fieldErrorsOf } from './helpers';
import { putOrderOk, shipmentBody } from './shipments-helpers';

const send = (auth: Record<string, string>, body: unknown) =>
  call('POST', '/v1/test/carrier-events', body, auth);

describe('the sandbox', () => {
  it('drives a test parcel from created to delivered late; the shipment, the late list and a claim react', async () => {
    const shopId = `shop-${crypto.randomUUID().slice(0, 8)}`;
    const test = await seedTestKey(shopId);
    expect(test.key).toMatch(/^pct_test_[0-9a-f]{16}_/);
    await putOrderOk(test.auth, 'O-1', [shipmentBody('S-1', { waybill: '1106207236' })]);
    const created = await send(test.auth, {
      waybill: '1106207236',
      code: 'RECEIVED_AT_SHIPMENT_WAREHOUSE',
      at: '2025-06-02T10:00:00+0700',
    });
    expect(created.status, created.text).toBe(200);
    expect(created.body).toMatchObject({
      results: [{ outcome: 'applied', shipmentId: 'S-1' }],
      payload: {
        type: 'ORDER_STATUS',
        attributes: { cdek_number: '1106207236', status_date_time: '2025-06-02T10:00:00+0700' },
      },
    });
    await send(test.auth, {
      waybill: '1106207236',
      code: 'SENT_TO_TRANSIT_CITY',
      at: '2025-06-03T09:00:00+07:00',
    });
    const shipment = await call('GET', '/v1/shipments/S-1', undefined, test.auth);
    expect(shipment.body).toMatchObject({ shopId: `${shopId}~test`, status: 'in_transit' });
    const lateList = await call('GET', '/v1/shipments?late=true', undefined, test.auth);
    expect(lateList.text).toContain('"S-1"');
    const claim = await call(
      'POST',
      '/v1/shipments/S-1/claims',
      { type: 'late', description: 'Late' },
      test.auth,
    );
    expect(claim.status, claim.text).toBe(201);
    expect(claim.body).toMatchObject({ shopId: `${shopId}~test`, shipmentId: 'S-1' });
    const delivered = await send(test.auth, {
      waybill: '1106207236',
      code: 'DELIVERED',
      at: '2025-06-10T14:00:00+0300',
    });
    expect(delivered.body).toMatchObject({ results: [{ outcome: 'applied' }] });
    const after = await call('GET', '/v1/shipments/S-1', undefined, test.auth);
    expect(after.body).toMatchObject({
      status: 'delivered',
      lateness: { delivered: true, businessDaysLate: 3 },
    });
    const events = (after.body.events as { source?: string }[]).map((e) => e.source);
    expect(events).toEqual(['sandbox', 'sandbox', 'sandbox']);
    // The same event again: recorded once.
    const again = await send(test.auth, {
      waybill: '1106207236',
      code: 'DELIVERED',
      at: '2025-06-10T14:00:00+0300',
    });
    expect(again.body).toMatchObject({ results: [{ outcome: 'duplicate' }] });
  });

  it('keeps a test key’s orders from the live key of the same shop, and the other way round', async () => {
    const shopId = `shop-${crypto.randomUUID().slice(0, 8)}`;
    const live = await seedKey('shop', shopId);
    const test = await seedTestKey(shopId);
    await putOrderOk(test.auth, 'O-T', [shipmentBody('S-T')]);
    await putOrderOk(live.auth, 'O-L', [shipmentBody('S-L')]);
    expect((await call('GET', '/v1/orders/O-T', undefined, live.auth)).status).toBe(404);
    expect((await call('GET', '/v1/orders/O-L', undefined, test.auth)).status).toBe(404);
    expect((await call('GET', '/v1/shipments/S-T', undefined, test.auth)).status).toBe(200);
  });

  it('refuses a live key with a 403 test-key-required, and names a bad field', async () => {
    const live = await seedKey('shop', `shop-${crypto.randomUUID().slice(0, 8)}`);
    const body = { waybill: '1', code: 'DELIVERED', at: '2025-06-10T14:00:00+0300' };
    const refused = await send(live.auth, body);
    expect(refused.status).toBe(403);
    expect(refused.body.type).toBe('/problems/test-key-required');
    const test = await seedTestKey(`shop-${crypto.randomUUID().slice(0, 8)}`);
    const missing = await send(test.auth, { code: 'DELIVERED', at: body.at });
    expect(missing.status).toBe(422);
    expect(fieldErrorsOf(missing).map((e) => e.pointer)).toEqual(['/waybill']);
    const badAt = await send(test.auth, { ...body, at: 'yesterday' });
    expect(badAt.status).toBe(422);
    expect(fieldErrorsOf(badAt).map((e) => e.pointer)).toEqual(['/at']);
    // A parcel no shipment has yet: kept, listed as unmatched.
    const kept = await send(test.auth, body);
    expect(kept.body).toMatchObject({ results: [{ outcome: 'unmatched' }] });
  });
});
