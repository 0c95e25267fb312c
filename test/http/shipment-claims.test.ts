/**
 * POST /v1/shipments/{shipmentId}/claims through the Worker, on DynamoDB Local (today is
 * 2025-06-16): a claim filed from the shipment's facts, listed by the shipment, summed by
 * the order.
 */
import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import { move, seedKey, seedShop } from './claims-helpers';
import { call, fieldErrorsOf, rub } from './helpers';
import { orderBody, postEvent, putOrderOk, shipmentBody } from './shipments-helpers';

type Money = { amount: string; currency: string };
type Claim = {
  id: string;
  type: string;
  carrier: string;
  waybill: string;
  orderId: string;
  shipmentId: string;
  shippedDate: string;
  claimant: unknown;
  shipment: Record<string, unknown>;
  compensation: { amount: Money; businessDaysLate?: number };
};
type ShipmentClaim = { id: string; type: string; status: string; amount: Money };
type Totals = { currency: string; claims: number; computed: Money; approved: Money; paid: Money };

const at = (date: string) => `${date}T12:00:00+03:00`;
const late = { type: 'late', description: 'Promised by 5 June, still on its way' };
const fileOn = (
  auth: Record<string, string>,
  shipmentId: string,
  body: unknown,
  headers: Record<string, string> = {},
  query = '',
) => call('POST', `/v1/shipments/${shipmentId}/claims${query}`, body, { ...auth, ...headers });

describe('POST /v1/shipments/{shipmentId}/claims', () => {
  it('files a late claim from the shipment’s facts, as the shipment’s lateness shows it', async () => {
    const shop = await seedShop();
    await putOrderOk(shop.auth, 'O-1', [shipmentBody('S-1')]);
    const shipment = await call('GET', '/v1/shipments/S-1', undefined, shop.auth);
    const lateness = shipment.body.lateness as { amount: Money; businessDaysLate: number };

    const a = await fileOn(shop.auth, 'S-1', late);
    expect(a.status, a.text).toBe(201);
    const claim = a.body as unknown as Claim;
    expect(a.headers.get('location')).toBe(`/v1/claims/${claim.id}`);
    expect(a.headers.get('etag')).toBe('"1"');
    expect(claim).toMatchObject({
      type: 'late',
      carrier: 'cdek',
      waybill: 'WB-S-1',
      orderId: 'O-1',
      shipmentId: 'S-1',
      shippedDate: '2025-06-02',
      claimant: orderBody([]).customer,
      // Undelivered: late up to today, from the tariff (cdek's delivery cost, no packaging).
      shipment: { deliveryCost: rub('500.00'), promisedDate: '2025-06-05', asOf: '2025-06-16' },
    });
    expect(claim.compensation.amount).toEqual(lateness.amount);
    expect(claim.compensation.businessDaysLate).toBe(lateness.businessDaysLate);

    const read = await call('GET', `/v1/claims/${claim.id}`, undefined, shop.auth);
    expect(read.body).toMatchObject({ shipmentId: 'S-1', orderId: 'O-1' });
  });

  it('measures from the first promise and up to the delivery event', async () => {
    const shop = await seedShop();
    await putOrderOk(shop.auth, 'O-2', [shipmentBody('S-2')]);
    await postEvent(shop.auth, 'S-2', {
      eventId: 'r',
      status: 'rescheduled',
      at: at('2025-06-04'),
      promisedDate: '2025-06-09',
      reason: 'courier_late',
    });
    await postEvent(shop.auth, 'S-2', { eventId: 'd', status: 'delivered', at: at('2025-06-10') });
    const a = await fileOn(shop.auth, 'S-2', late);
    expect(a.status, a.text).toBe(201);
    expect((a.body as unknown as Claim).shipment).toEqual({
      deliveryCost: rub('500.00'),
      promisedDate: '2025-06-05',
      deliveredDate: '2025-06-10',
    });
  });

  it('refuses a late claim for a shipment delivered on time (not-late)', async () => {
    const shop = await seedShop();
    await putOrderOk(shop.auth, 'O-3', [shipmentBody('S-3')]);
    await postEvent(shop.auth, 'S-3', { eventId: 'd', status: 'delivered', at: at('2025-06-05') });
    const a = await fileOn(shop.auth, 'S-3', late);
    expect(a.status, a.text).toBe(422);
    expect(a.body.type).toBe('/problems/not-late');
  });

  it('refuses a shipment without a waybill, naming it', async () => {
    const shop = await seedShop();
    const { waybill: _none, ...noWaybill } = shipmentBody('S-4');
    await putOrderOk(shop.auth, 'O-4', [noWaybill]);
    const a = await fileOn(shop.auth, 'S-4', late);
    expect(a.status, a.text).toBe(422);
    expect(a.headers.get('content-type')).toContain('application/problem+json');
    expect(fieldErrorsOf(a)[0]).toMatchObject({ pointer: '/waybill' });
    expect(fieldErrorsOf(a)[0]?.detail).toContain('S-4');
  });

  it('files lost with the paid tariff and the insurance, damaged with the documented damage', async () => {
    const shop = await seedShop();
    await putOrderOk(shop.auth, 'O-5', [
      shipmentBody('S-5', { insurance: { declaredValue: rub('10000.00') } }),
      shipmentBody('S-6'),
    ]);
    const lost = await fileOn(shop.auth, 'S-5', {
      type: 'lost',
      description: 'Never arrived',
      documentedValue: rub('8000.00'),
      evidence: [{ kind: 'receipt', name: 'receipt.pdf' }],
    });
    expect(lost.status, lost.text).toBe(201);
    expect(lost.body).toMatchObject({
      shipment: {
        deliveryCost: rub('500.00'),
        deliveryPaid: true,
        insurance: { declaredValue: rub('10000.00'), documentedValue: rub('8000.00') },
      },
      compensation: { amount: rub('8500.00') }, // the tariff back + the documented value
    });
    const damaged = await fileOn(shop.auth, 'S-6', {
      type: 'damaged',
      description: 'Crushed box',
      documentedDamage: rub('2500.00'),
    });
    expect(damaged.status, damaged.text).toBe(201);
    expect(damaged.body).toMatchObject({
      shipment: { deliveryCost: rub('500.00'), documentedDamage: rub('2500.00') },
    });
  });

  it('refuses a field the type does not take and a missing description, naming them', async () => {
    const shop = await seedShop();
    await putOrderOk(shop.auth, 'O-7', [shipmentBody('S-7')]);
    const a = await fileOn(shop.auth, 'S-7', { type: 'late' });
    expect(a.status, a.text).toBe(422);
    expect(fieldErrorsOf(a).map((e) => e.pointer)).toContain('/description');
    const unknownType = await fileOn(shop.auth, 'S-7', { type: 'stolen', description: 'x' });
    expect(unknownType.status).toBe(422);
    expect(fieldErrorsOf(unknownType).map((e) => e.pointer)).toContain('/type');
  });

  it('replays a retry under the same Idempotency-Key, and refuses the key for another body', async () => {
    const shop = await seedShop();
    await putOrderOk(shop.auth, 'O-8', [shipmentBody('S-8')]);
    const key = { 'idempotency-key': `k-${crypto.randomUUID()}` };
    const first = await fileOn(shop.auth, 'S-8', late, key);
    const again = await fileOn(shop.auth, 'S-8', late, key);
    expect(first.status, first.text).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    const other = await fileOn(shop.auth, 'S-8', { ...late, description: 'Other' }, key);
    expect(other.status, other.text).toBe(422);
    expect(other.body.type).toBe('/problems/idempotency-key-reused');
  });

  it('lets a clerk file for a shop named by shopId; a shop sees only its own shipments', async () => {
    const shop = await seedShop();
    const clerk = await seedKey('clerk');
    const stranger = await seedShop();
    await putOrderOk(shop.auth, 'O-9', [shipmentBody('S-9')]);
    const unnamed = await fileOn(clerk.auth, 'S-9', late);
    expect(unnamed.status, unnamed.text).toBe(422);
    expect(fieldErrorsOf(unnamed)[0]).toMatchObject({ parameter: 'shopId' });
    const a = await fileOn(clerk.auth, 'S-9', late, {}, `?shopId=${shop.shopId}`);
    expect(a.status, a.text).toBe(201);
    expect(a.body).toMatchObject({ shopId: shop.shopId, shipmentId: 'S-9' });
    const other = await fileOn(stranger.auth, 'S-9', late);
    expect(other.status).toBe(404);
  });
});

describe('a shipment’s claims and an order’s sums', () => {
  it('lists the claims on the shipment and sums what they computed, approved and paid', async () => {
    const shop = await seedShop();
    const clerk = await seedKey('clerk');
    await putOrderOk(shop.auth, 'O-10', [
      shipmentBody('S-10', { insurance: { declaredValue: rub('10000.00') } }),
      shipmentBody('S-11'),
    ]);
    const lateClaim = (await fileOn(shop.auth, 'S-11', late)).body as unknown as Claim;
    const lost = await fileOn(shop.auth, 'S-10', {
      type: 'lost',
      description: 'Never arrived',
      documentedValue: rub('8000.00'),
      evidence: [{ kind: 'receipt', name: 'receipt.pdf' }],
    });
    const lostClaim = lost.body as unknown as Claim;
    for (const [name, body] of [
      ['review', undefined],
      [
        'decision',
        { decision: 'partially_approved', reason: 'Part', approvedAmount: rub('6000.00') },
      ],
      ['payment', { amount: rub('6000.00'), paidOn: '2025-06-16', reference: 'PP-10' }],
    ] as const) {
      const m = await move(lostClaim.id, name, clerk.auth, body);
      expect(m.status, `${name}: ${m.text}`).toBe(200);
    }

    const s = await call('GET', '/v1/shipments/S-10', undefined, shop.auth);
    expect(s.status, s.text).toBe(200);
    expect(s.body.claims).toEqual([
      expect.objectContaining({
        id: lostClaim.id,
        type: 'lost',
        status: 'paid',
        amount: rub('8500.00'),
        approvedAmount: rub('6000.00'),
        paidAmount: rub('6000.00'),
      }),
    ]);

    const o = await call('GET', `/v1/orders/O-10?shopId=${shop.shopId}`, undefined, clerk.auth);
    expect(o.status, o.text).toBe(200);
    const shipments = o.body.shipments as { shipmentId: string; claims: ShipmentClaim[] }[];
    expect(shipments.find((x) => x.shipmentId === 'S-11')?.claims.map((c) => c.id)).toEqual([
      lateClaim.id,
    ]);
    const computed = new Big('8500.00').plus(lateClaim.compensation.amount.amount);
    expect(o.body.claimTotals).toEqual([
      {
        currency: 'RUB',
        claims: 2,
        computed: rub(computed.toFixed(2)),
        approved: rub('6000.00'),
        paid: rub('6000.00'),
      },
    ] satisfies Totals[]);

    // A withdrawn claim is listed but owed nothing.
    await move(lateClaim.id, 'cancel', shop.auth);
    const after = await call('GET', '/v1/orders/O-10', undefined, shop.auth);
    expect((after.body.claimTotals as Totals[])[0]).toMatchObject({
      claims: 1,
      computed: rub('8500.00'),
    });
  });
});
