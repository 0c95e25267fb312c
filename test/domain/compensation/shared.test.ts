import Big from 'big.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatExact, roundOnce } from '../../../src/domain/compensation/shared';
import { formatMoney, toMoneyJson } from '../../../src/domain/money';

const rub = (amount: string) => ({ amount: new Big(amount), currency: 'RUB' as const });

describe('roundOnce', () => {
  it('shows the exact value beside the rounded one when rounding changes it', () => {
    const rounding = roundOnce(rub('9.9999'));
    expect(rounding.json).toEqual({ amount: '10.00', currency: 'RUB' });
    expect(rounding.line?.text).toBe(
      'Rounded once, half-up to 2 decimals: 9.9999 RUB → 10.00 RUB.',
    );
  });

  it('builds no line for a figure that is already exact', () => {
    expect(roundOnce(rub('30')).line).toBeNull();
    expect(roundOnce(rub('30.10')).line).toBeNull();
  });

  it('agrees with toMoneyJson and formatMoney for any amount', () => {
    const amounts = fc
      .tuple(fc.nat(), fc.nat({ max: 999_999 }), fc.nat(6))
      .map(([i, f, d]) => new Big(`${i}.${String(f).padStart(6, '0').slice(0, d)}`));
    fc.assert(
      fc.property(amounts, (amount) => {
        const exact = { amount, currency: 'RUB' as const };
        const rounding = roundOnce(exact);
        expect(rounding.json).toEqual(toMoneyJson(exact));
        expect(rounding.text).toBe(formatMoney(rounding.json));
        expect(rounding.amount.toFixed(2)).toBe(rounding.json.amount);
        expect(rounding.line === null).toBe(new Big(rounding.json.amount).eq(amount));
        if (rounding.line) expect(rounding.line.params['exact']).toBe(formatExact(exact));
      }),
    );
  });
});
