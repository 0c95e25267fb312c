import { describe, expect, it } from 'vitest';
import { getCalendar } from '../../src/domain/calendar';
import { call, fieldErrorsOf, rub } from './helpers';

const late = (extra: Record<string, unknown>) =>
  call('POST', '/v1/compensation/late', { deliveryCost: rub('500.00'), ...extra });

describe('POST /v1/compensation/late', () => {
  it('counts business days on the RU calendar across the May holidays', async () => {
    const a = await late({ promisedDate: '2025-04-30', deliveredDate: '2025-05-06' });
    expect(a.status, a.text).toBe(200);
    expect(a.body).toMatchObject({
      businessDaysLate: 2,
      lateDates: ['2025-05-05', '2025-05-06'],
      amount: rub('30.00'),
      capped: false,
      policy: { id: 'cdek' },
    });
  });

  it('caps the penalty at the delivery cost', async () => {
    const a = await late({ promisedDate: '2025-01-31', deliveredDate: '2025-06-30' });
    expect(a.status, a.text).toBe(200);
    expect(a.body).toMatchObject({ amount: rub('500.00'), capped: true });
  });

  it('derives the promised date from shipping date and transit business days', async () => {
    const a = await late({ shippedDate: '2025-04-28', transitBusinessDays: 2, asOf: '2025-05-06' });
    expect(a.status, a.text).toBe(200);
    expect(a.body).toMatchObject({
      promisedDate: '2025-04-30',
      delivered: false,
      businessDaysLate: 2,
    });
  });

  it('answers 422 calendar-year-unknown for a year without data', async () => {
    const next = getCalendar('RU').lastYear + 1;
    const a = await late({ promisedDate: '2025-12-20', deliveredDate: `${next}-01-20` });
    expect(a.status, a.text).toBe(422);
    expect(String(a.body.type)).toMatch(/calendar-year-unknown$/);
  });

  it.each([
    [{ deliveryCost: { amount: 500, currency: 'RUB' } }, '/deliveryCost/amount'],
    [{ deliveryCost: rub('500.001') }, '/deliveryCost/amount'],
    [{ deliveryCost: rub('-1.00') }, '/deliveryCost/amount'],
    [{ deliveryCost: { amount: '1', currency: 'XYZ' } }, '/deliveryCost/currency'],
    [{ deliveredDate: '2025-02-30' }, '/deliveredDate'],
  ])('refuses bad money or dates (%j) naming %s', async (override, pointer) => {
    const a = await late({ promisedDate: '2025-01-10', deliveredDate: '2025-01-20', ...override });
    expect(a.status, a.text).toBe(422);
    expect(fieldErrorsOf(a).map((e) => e.pointer)).toContain(pointer);
  });

  it('refuses a request with neither a promised date nor a shipping date', async () => {
    const a = await late({ deliveredDate: '2025-01-20' });
    expect(a.status, a.text).toBe(422);
    expect(fieldErrorsOf(a).length).toBeGreaterThan(0);
  });
});

describe('POST /v1/compensation/lost', () => {
  it('pays the delivery cost plus the documented value up to the declared value', async () => {
    const a = await call('POST', '/v1/compensation/lost', {
      deliveryCost: rub('500.00'),
      insurance: { declaredValue: rub('10000.00'), documentedValue: rub('8000.00') },
    });
    expect(a.status, a.text).toBe(200);
    expect(a.body).toMatchObject({ amount: rub('8500.00'), missingEvidence: [] });
  });

  it('pays a flat 3000 RUB without insurance', async () => {
    const a = await call('POST', '/v1/compensation/lost', { deliveryCost: rub('500.00') });
    expect(a.status, a.text).toBe(200);
    expect(a.body.amount).toEqual(rub('3000.00'));
  });

  it('holds the insured part back until the value is proven', async () => {
    const a = await call('POST', '/v1/compensation/lost', {
      deliveryCost: rub('500.00'),
      insurance: { declaredValue: rub('10000.00') },
    });
    expect(a.status, a.text).toBe(200);
    expect(a.body).toMatchObject({ amount: rub('500.00'), missingEvidence: ['proof_of_value'] });
  });

  it('refuses two currencies in one calculation, naming the field', async () => {
    const a = await call('POST', '/v1/compensation/lost', {
      deliveryCost: rub('500.00'),
      insurance: { declaredValue: { amount: '100.00', currency: 'USD' } },
    });
    expect(a.status, a.text).toBe(422);
    expect(a.body.type).toBe('/problems/currency-mismatch');
    expect(fieldErrorsOf(a)[0]?.pointer).toMatch(/^\/insurance\/declaredValue/);
  });
});

describe('POST /v1/compensation/damaged', () => {
  it('pays the documented damage up to the declared value', async () => {
    const a = await call('POST', '/v1/compensation/damaged', {
      deliveryCost: rub('500.00'),
      insurance: { declaredValue: rub('10000.00') },
      documentedDamage: rub('2500.00'),
    });
    expect(a.status, a.text).toBe(200);
    expect(a.body.amount).toEqual(rub('2500.00'));
  });
});
