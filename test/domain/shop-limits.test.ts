import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors';
import { listPolicies } from '../../src/domain/policies';
import { offerRemedy, type OfferContext } from '../../src/domain/remedy';
import { LIMIT_CURRENCIES, limitCurrencyProblem } from '../../src/domain/shop';

const money = (amount: string, currency: 'RUB' | 'USD') => ({ amount, currency });

describe('the currency of a shop’s remedy limits (issue 19, item 5)', () => {
  it('is one the carriers’ policies state their sums in (today RUB only)', () => {
    expect(LIMIT_CURRENCIES).toEqual([...new Set(listPolicies().map((p) => p.currency))]);
    expect(LIMIT_CURRENCIES).toEqual(['RUB']);
    expect(limitCurrencyProblem(money('1000.00', 'RUB'))).toBeUndefined();
  });

  it('refuses another, saying which it must be and why', () => {
    const problem = limitCurrencyProblem(money('50.00', 'USD'));
    expect(problem?.code).toBe('currency_mismatch');
    expect(problem?.message).toContain('must be in RUB');
    expect(problem?.message).toContain('USD');
  });
});

describe('a gift on a claim in another currency than the shop’s limit', () => {
  it('says the limit and the claim differ, not that the claim is in the limit’s currency', () => {
    const context: OfferContext = {
      claimStatus: 'submitted',
      currency: 'USD',
      limits: { maxDiscountPercent: 15, maxGiftValue: money('1000.00', 'RUB') },
      id: 'rm_1',
      claimId: 'clm_1',
      at: '2025-06-16T09:00:00.000Z',
      by: 'demo-shop',
    };
    let refused: unknown;
    try {
      offerRemedy({ kind: 'gift', value: money('10.00', 'USD') }, context);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'currency-mismatch', pointer: '/value/currency' });
    const message = (refused as DomainError).message;
    expect(message).toContain('maxGiftValue is in RUB');
    expect(message).toContain('this claim is in USD');
    expect(message).not.toContain('the claim is in RUB');
  });
});
