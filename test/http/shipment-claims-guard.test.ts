/**
 * One open claim per shipment and type: the filing's guard on (shop, waybill, type) holds for
 * claims filed from a shipment too.
 */
import { describe, expect, it } from 'vitest';
import { seedShop } from './claims-helpers';
import { call } from './helpers';
import { putOrderOk, shipmentBody } from './shipments-helpers';

const late = { type: 'late', description: 'Promised by 5 June, still on its way' };

describe('POST /v1/shipments/{shipmentId}/claims: one open claim per shipment and type', () => {
  it('refuses a second open claim of the same type with 409 claim-exists naming the first', async () => {
    const shop = await seedShop();
    await putOrderOk(shop.auth, 'O-G1', [shipmentBody('S-G1')]);
    const first = await call('POST', '/v1/shipments/S-G1/claims', late, shop.auth);
    expect(first.status, first.text).toBe(201);
    const second = await call('POST', '/v1/shipments/S-G1/claims', late, shop.auth);
    expect(second.status, second.text).toBe(409);
    expect(second.headers.get('content-type')).toContain('application/problem+json');
    expect(second.body.type).toBe('/problems/claim-exists');
    expect(second.body.existingClaimId).toBe(first.body.id);
  });

  it('takes a claim of another type for the same shipment', async () => {
    const shop = await seedShop();
    await putOrderOk(shop.auth, 'O-G2', [shipmentBody('S-G2')]);
    expect((await call('POST', '/v1/shipments/S-G2/claims', late, shop.auth)).status).toBe(201);
    const damaged = { type: 'damaged', description: 'Crushed box' };
    const second = await call('POST', '/v1/shipments/S-G2/claims', damaged, shop.auth);
    expect(second.status, second.text).toBe(201);
  });
});
