import { beforeAll, describe, expect, it } from 'vitest';
import { call, rub, type Answer } from './helpers';
import { lostFiling, seedShop } from './claims-helpers';

let shop: Awaited<ReturnType<typeof seedShop>>;
beforeAll(async () => {
  shop = await seedShop();
});

interface Entry {
  pointer?: string;
  parameter?: string;
  code?: string;
  params?: Record<string, unknown>;
  detail: string;
}
const entries = (a: Answer) => (a.body.errors ?? []) as Entry[];
const at = (a: Answer, pointer: string) => entries(a).find((e) => e.pointer === pointer);
const file = (body: unknown) => call('POST', '/v1/claims', body, shop.auth);
const lateFiling = (shipment: Record<string, unknown>) =>
  lostFiling({
    type: 'late',
    shippedDate: '2025-04-28',
    shipment: { deliveryCost: rub('500.00'), ...shipment },
  });

describe('every errors[] entry has a stable code and a message in our words', () => {
  it('says a missing field "is required" (code required), not zod’s wording', async () => {
    const { claimant: _gone, ...body } = lostFiling();
    const a = await file({ ...body, claimant: { name: 'Anna', email: 'anna@example.com' } });
    expect(a.status, a.text).toBe(422);
    expect(at(a, '/claimant/phone')).toEqual({
      pointer: '/claimant/phone',
      code: 'required',
      detail: 'is required',
    });
    expect(a.body.detail).toBe('/claimant/phone: is required');
    expect(a.text).not.toContain('Invalid input');
  });

  it('names a missing claim type as required, and a wrong one with the allowed values', async () => {
    const { type: _gone, ...untyped } = lostFiling();
    expect(at(await file(untyped), '/type')).toMatchObject({ code: 'required' });
    expect(at(await file(lostFiling({ type: 'stolen' })), '/type')).toEqual({
      pointer: '/type',
      code: 'invalid_enum',
      params: { values: ['late', 'lost', 'damaged'] },
      detail: 'must be one of: late, lost, damaged',
    });
  });

  it('gives the limit of a too long field, and keeps a schema’s own message', async () => {
    const a = await file(
      lostFiling({
        waybill: 'W'.repeat(65),
        claimant: { name: 'A', email: 'not-an-email', phone: '+7 900 000 00 00' },
      }),
    );
    expect(at(a, '/waybill')).toEqual({
      pointer: '/waybill',
      code: 'too_long',
      params: { maximum: 64 },
      detail: 'must be at most 64 characters long',
    });
    expect(at(a, '/claimant/email')).toMatchObject({
      code: 'invalid_format',
      detail: 'must be an e-mail address',
    });
  });

  it('says "is required" for a missing field even where the schema words a wrong value', async () => {
    const a = await call('POST', '/v1/weight', {
      packages: [{ lengthCm: '0', widthCm: '10', heightCm: '10' }],
    });
    expect(a.status, a.text).toBe(422);
    expect(entries(a)).toEqual([
      {
        pointer: '/packages/0/lengthCm',
        code: 'invalid_value',
        detail:
          'must be a positive decimal number of centimetres, at most 10000, with at most 6 decimals',
      },
      { pointer: '/packages/0/weightKg', code: 'required', detail: 'is required' },
    ]);
  });

  it('codes a query parameter’s error too', async () => {
    const a = await call('GET', '/v1/claims?limit=0', undefined, shop.auth);
    expect(a.status, a.text).toBe(422);
    expect(entries(a)[0]).toMatchObject({ parameter: 'limit', code: 'too_small' });
  });
});

describe('domain errors point where the client sent the field', () => {
  it('names a currency mismatch in a lost claim’s insurance inside the shipment', async () => {
    const a = await file(
      lostFiling({
        shipment: {
          deliveryCost: rub('500.00'),
          insurance: { declaredValue: { amount: '100.00', currency: 'USD' } },
        },
      }),
    );
    expect(a.status, a.text).toBe(422);
    expect(a.body.type).toBe('/problems/currency-mismatch');
    expect(entries(a)).toEqual([
      expect.objectContaining({
        pointer: '/shipment/insurance/declaredValue/currency',
        code: 'currency_mismatch',
      }),
    ]);
  });

  it('keeps the calculator’s own pointer at the top of its body', async () => {
    const a = await call('POST', '/v1/compensation/lost', {
      deliveryCost: rub('500.00'),
      insurance: { declaredValue: { amount: '100.00', currency: 'USD' } },
    });
    expect(entries(a)[0]?.pointer).toBe('/insurance/declaredValue/currency');
  });
});

describe('dates that contradict each other', () => {
  it('refuses a calculation promised before it was shipped, naming promisedDate', async () => {
    const a = await call('POST', '/v1/compensation/late', {
      deliveryCost: rub('500.00'),
      shippedDate: '2025-04-28',
      promisedDate: '2025-04-25',
      deliveredDate: '2025-05-06',
    });
    expect(a.status, a.text).toBe(422);
    expect(entries(a)).toEqual([
      {
        pointer: '/promisedDate',
        code: 'date_order',
        params: {
          field: 'promisedDate',
          date: '2025-04-25',
          other: 'shippedDate',
          otherDate: '2025-04-28',
        },
        detail: '2025-04-25 is before shippedDate 2025-04-28',
      },
    ]);
  });

  it('refuses a late claim promised before the claim’s shipping date', async () => {
    const a = await file(lateFiling({ promisedDate: '2025-04-25', deliveredDate: '2025-05-06' }));
    expect(a.status, a.text).toBe(422);
    expect(entries(a)[0]).toMatchObject({ pointer: '/shipment/promisedDate', code: 'date_order' });
  });

  it('refuses a late claim for a parcel that was not late (not-late), with the dates', async () => {
    const a = await file(lateFiling({ promisedDate: '2025-04-30', deliveredDate: '2025-04-30' }));
    expect(a.status, a.text).toBe(422);
    expect(a.body).toMatchObject({
      type: '/problems/not-late',
      title: 'The parcel was not late: there is nothing to claim',
      errors: [
        {
          pointer: '/shipment/deliveredDate',
          code: 'not_late',
          params: { promisedDate: '2025-04-30', lateUntil: '2025-04-30', dayBasis: 'business' },
        },
      ],
    });
    const doc = await call('GET', '/problems/not-late');
    expect(doc.status, doc.text).toBe(200);
    expect(doc.body).toMatchObject({ status: 422 });
  });

  it('still answers the same dates with 0 and its lines on the calculator', async () => {
    const a = await call('POST', '/v1/compensation/late', {
      deliveryCost: rub('500.00'),
      promisedDate: '2025-04-30',
      deliveredDate: '2025-04-30',
    });
    expect(a.status, a.text).toBe(200);
    expect(a.body).toMatchObject({ daysLate: 0, amount: rub('0.00') });
    expect((a.body.lines as unknown[]).length).toBeGreaterThan(0);
  });
});
