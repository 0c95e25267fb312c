import { describe, expect, it } from 'vitest';
import type { MoneyJson } from '../../../src/domain/money';
import { claimTotals, type ShipmentClaimRef } from '../../../src/domain/shipment';

const money = (amount: string, currency: MoneyJson['currency'] = 'RUB'): MoneyJson => ({
  amount,
  currency,
});
const ref = (over: Partial<ShipmentClaimRef>): ShipmentClaimRef => ({
  id: 'clm_1',
  type: 'late',
  status: 'submitted',
  amount: money('30.00'),
  createdAt: '2025-06-16T09:00:00.000Z',
  ...over,
});

describe('claimTotals', () => {
  it('sums computed, approved and paid amounts per currency, exactly', () => {
    const totals = claimTotals([
      ref({ amount: money('0.10') }),
      ref({
        type: 'lost',
        status: 'paid',
        amount: money('8500.20'),
        approvedAmount: money('6000.00'),
        paidAmount: money('6000.00'),
      }),
      ref({
        status: 'approved',
        amount: money('15.00', 'EUR'),
        approvedAmount: money('15.00', 'EUR'),
      }),
    ]);
    expect(totals).toEqual([
      {
        currency: 'EUR',
        claims: 1,
        computed: money('15.00', 'EUR'),
        approved: money('15.00', 'EUR'),
        paid: money('0.00', 'EUR'),
      },
      {
        currency: 'RUB',
        claims: 2,
        computed: money('8500.30'),
        approved: money('6000.00'),
        paid: money('6000.00'),
      },
    ]);
  });

  it('counts nothing for withdrawn or rejected claims', () => {
    expect(claimTotals([ref({ status: 'cancelled' }), ref({ status: 'rejected' })])).toEqual([]);
  });
});
