import { describe, expect, it } from 'vitest';
import { getCalendar } from '../../src/domain/calendar';
import { prepareClaim, type ClaimFiling } from '../../src/domain/claim/filing';
import { DomainError, nested } from '../../src/domain/errors';
import { resolvePolicy } from '../../src/domain/policies';

const rub = (amount: string) => ({ amount, currency: 'RUB' as const });
const ctx = {
  policy: resolvePolicy('cdek'),
  calendar: getCalendar('RU'),
  shopId: 'shop-1',
  today: '2025-06-16',
  at: '2025-06-16T09:00:00.000Z',
};
const common = {
  carrier: 'cdek',
  waybill: 'WB-1',
  shippedDate: '2025-04-28',
  claimant: { name: 'Anna', email: 'anna@example.com', phone: '+7 900 000-00-00' },
  description: 'Late.',
  evidence: [],
};
const late = (shipment: Record<string, unknown>): ClaimFiling => ({
  ...common,
  type: 'late',
  shipment: { deliveryCost: rub('500.00'), ...shipment },
});
const refusal = (filing: ClaimFiling) => {
  try {
    prepareClaim(filing, ctx);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the filing was accepted');
};

describe('nested', () => {
  it('points a domain error from a part of the input into the whole, keeping its reason', () => {
    const error = new DomainError('invalid-input', 'x is before y', '/promisedDate', {
      reason: 'date_order',
      params: { field: 'promisedDate' },
    });
    const thrown = (() => {
      try {
        nested('/shipment', () => {
          throw error;
        });
      } catch (e) {
        return e;
      }
    })();
    expect(thrown).toMatchObject({
      code: 'invalid-input',
      message: 'x is before y',
      pointer: '/shipment/promisedDate',
      reason: 'date_order',
      params: { field: 'promisedDate' },
    });
    expect(nested('/shipment', () => 42)).toBe(42);
  });
});

describe('prepareClaim points where the client sent it', () => {
  it('names a currency mismatch in a lost claim’s insurance inside the shipment', () => {
    const filing: ClaimFiling = {
      ...common,
      type: 'lost',
      shipment: {
        deliveryCost: rub('500.00'),
        deliveryPaid: true,
        insurance: { declaredValue: { amount: '100.00', currency: 'USD' } },
      },
    };
    expect(refusal(filing)).toMatchObject({
      code: 'currency-mismatch',
      pointer: '/shipment/insurance/declaredValue/currency',
    });
  });

  it('names a damaged claim’s bad amount inside the shipment', () => {
    const filing: ClaimFiling = {
      ...common,
      type: 'damaged',
      shipment: { deliveryCost: rub('500.001') },
    };
    expect(refusal(filing).pointer).toBe('/shipment/deliveryCost/amount');
  });

  it('keeps the claim’s own fields at the top: a shipping date in the future', () => {
    const filing = { ...late({ promisedDate: '2025-06-20', asOf: '2025-06-16' }) };
    // Tomorrow is within the day of tolerance (src/domain/happened.ts); the day after is not.
    expect(refusal({ ...filing, shippedDate: '2025-06-18' })).toMatchObject({
      pointer: '/shippedDate',
      reason: 'in_the_future',
      params: { field: 'shippedDate', latest: '2025-06-17' },
    });
  });

  it.each([
    ['deliveredDate', { promisedDate: '2025-06-05', deliveredDate: '2025-06-18' }],
    ['asOf', { promisedDate: '2025-06-05', asOf: '2030-01-01' }],
    ['shippedDate', { promisedDate: '2025-06-20', shippedDate: '2025-06-18', asOf: '2025-06-16' }],
  ])('refuses a late shipment’s %s after tomorrow, pointing into the shipment', (field, dates) => {
    expect(refusal(late(dates))).toMatchObject({
      pointer: `/shipment/${field}`,
      reason: 'in_the_future',
    });
  });
});

describe('prepareClaim refuses a late claim whose dates contradict each other', () => {
  it('refuses a promised date before the claim’s shipping date', () => {
    const error = refusal(late({ promisedDate: '2025-04-25', deliveredDate: '2025-05-06' }));
    expect(error).toMatchObject({
      code: 'invalid-input',
      reason: 'date_order',
      pointer: '/shipment/promisedDate',
      params: { date: '2025-04-25', other: 'shippedDate', otherDate: '2025-04-28' },
    });
  });

  it('refuses a shipment with no way to its promised date as the calculator does', () => {
    const error = refusal(late({ deliveredDate: '2025-05-06' }));
    expect(error).toMatchObject({ reason: 'one_of', pointer: '/shipment/promisedDate' });
  });

  it('counts a transit time from the claim’s shipping date when the shipment states none', () => {
    const claim = prepareClaim(late({ transitBusinessDays: 2, deliveredDate: '2025-05-06' }), ctx);
    // 2025-04-28 + 2 business days = 2025-04-30; 2025-05-01..02 are holidays, 05-05 and 05-06 count.
    expect(claim.compensation).toMatchObject({ promisedDate: '2025-04-30', businessDaysLate: 2 });
    expect(claim.shipment).not.toHaveProperty('shippedDate');
  });
});

describe('prepareClaim refuses a late claim for a parcel that was not late', () => {
  it.each([
    ['delivered on the promised date', { deliveredDate: '2025-04-30' }, '/shipment/deliveredDate'],
    ['delivered before it', { deliveredDate: '2025-04-29' }, '/shipment/deliveredDate'],
    ['still on its way, within the term', { asOf: '2025-04-30' }, '/shipment/asOf'],
  ])('refuses one %s as not-late', (_name, end, pointer) => {
    const error = refusal(late({ promisedDate: '2025-04-30', ...end }));
    expect(error).toMatchObject({
      code: 'not-late',
      pointer,
      params: { promisedDate: '2025-04-30', dayBasis: 'business' },
    });
    expect(error.message).toContain('nothing to claim');
  });

  it('files one a business day late', () => {
    const claim = prepareClaim(
      late({ promisedDate: '2025-04-30', deliveredDate: '2025-05-05' }),
      ctx,
    );
    expect(claim.compensation).toMatchObject({ daysLate: 1, amount: rub('15.00') });
  });
});
