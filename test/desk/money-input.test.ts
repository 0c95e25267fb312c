/**
 * Money as a clerk types it (issue 21): «1 234,50» and "1234.50" are the same amount, a
 * comma and a point together is refused rather than guessed, and an amount the desk shows
 * for editing reads back as the same amount in either language.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moneyInputValue, parseMoneyInput } from '../../src/desk/forms/money-input';
import { moveCommand, MoveFormError } from '../../src/desk/forms/move-form';
import { remedyOffer } from '../../src/desk/forms/remedy-form';
import { filingFromForm } from '../../src/desk/forms/filing-form';
import { shipmentClaimRequest } from '../../src/desk/forms/shipment-claim-form';
import { inLanguage } from '../../src/desk/forms/field-errors';
import { formatDecimal } from '../../src/format';

const amount = (typed: string) => {
  const read = parseMoneyInput(typed);
  return 'amount' in read ? read.amount : read.issue.params.format;
};

describe('reading a typed amount', () => {
  it.each([
    ['500', '500'],
    ['500,00', '500.00'],
    ['500.00', '500.00'],
    [' 1 234,50 ', '1234.50'],
    ['1\u00a0234,50', '1234.50'],
    ['1\u202f234\u202f567,5', '1234567.5'],
    ['1\u2009234.50', '1234.50'],
    ['12,345', '12.345'],
    ['-5,00', '-5.00'],
    ['', ''],
  ])('reads %j as %j', (typed, expected) => {
    expect(amount(typed)).toBe(expected);
  });

  it.each(['1,234.50', '1.234,50', '1.234.567', '1,234,567', '12,5,0'])(
    'refuses %j as ambiguous rather than guess',
    (typed) => {
      expect(amount(typed)).toBe('ambiguous_amount');
    },
  );

  it.each(['12 34,50', '1 2345', '1e3', '500,', ',50', 'five', '+500', '1_000'])(
    'refuses %j as not an amount',
    (typed) => {
      expect(amount(typed)).toBe('amount');
    },
  );

  const decimals = fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), fc.option(fc.integer({ min: 0, max: 99 })))
    .map(([integer, cents]) =>
      cents === null ? String(integer) : `${integer}.${String(cents).padStart(2, '0')}`,
    );

  it('reads back any amount written the Russian way, grouped or as a field shows it', () => {
    fc.assert(
      fc.property(decimals, (decimal) => {
        expect(amount(formatDecimal('ru', decimal))).toBe(decimal);
        expect(amount(moneyInputValue('ru', decimal))).toBe(decimal);
        expect(amount(moneyInputValue('en', decimal))).toBe(decimal);
      }),
    );
  });

  it('says why in each language, the rule included', () => {
    const read = parseMoneyInput('1,234.50');
    if (!('issue' in read)) throw new Error('read');
    expect(inLanguage('en', { amount: read.issue }).amount).toContain('could be read two ways');
    expect(inLanguage('ru', { amount: read.issue }).amount).toContain('можно прочесть двояко');
  });
});

describe('every money field of the desk reads amounts the same way', () => {
  const rub = (value: string) => ({ amount: value, currency: 'RUB' });

  it('a payment and a partial approval', () => {
    const paid = moveCommand(
      'payment',
      { amount: '1 000,50', paidOn: '2025-06-16', reference: 'PP-1' },
      'RUB',
    );
    expect(paid).toMatchObject({ type: 'pay', amount: rub('1000.50') });
    const partial = moveCommand('partial', { amount: '500,00', reason: 'Part' }, 'RUB');
    expect(partial).toMatchObject({ approvedAmount: rub('500.00') });
  });

  it('refuses an ambiguous payment beside the amount, with the other fields’ errors', () => {
    try {
      moveCommand('payment', { amount: '1,000.50', paidOn: '', reference: 'PP-1' }, 'RUB');
      expect.unreachable();
    } catch (error) {
      const { issues } = error as MoveFormError;
      expect(issues.amount?.params).toEqual({ format: 'ambiguous_amount' });
      expect(Object.keys(issues).sort()).toEqual(['amount', 'paidOn']);
    }
  });

  it('a remedy’s value', () => {
    expect(remedyOffer({ kind: 'refund', amount: '1 500,00' }, 'RUB')).toMatchObject({
      value: rub('1500.00'),
    });
  });

  it('the phone claim’s delivery cost, declared and documented values', () => {
    const { body, unreadAmounts } = filingFromForm({
      type: 'lost',
      currency: 'RUB',
      deliveryCost: '500,00',
      declaredValue: '10 000,00',
      documentedValue: '8\u00a0000.00',
    });
    expect(body.shipment).toMatchObject({
      deliveryCost: rub('500.00'),
      insurance: { declaredValue: rub('10000.00'), documentedValue: rub('8000.00') },
    });
    expect(unreadAmounts).toEqual({});
    const bad = filingFromForm({ type: 'lost', currency: 'RUB', deliveryCost: '5.000,00' });
    expect(Object.keys(bad.unreadAmounts)).toEqual(['deliveryCost']);
  });

  it('a documented amount filed from a shipment', () => {
    const asked = shipmentClaimRequest(
      { type: 'lost', description: 'Lost', documentedAmount: '2 500,00' },
      'RUB',
    );
    expect(asked).toMatchObject({ request: { documentedValue: rub('2500.00') } });
  });
});
