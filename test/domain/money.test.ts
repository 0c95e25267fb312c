import Big from 'big.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  amountProblem,
  CURRENCIES,
  CURRENCY_CODES,
  decimalProblem,
  formatMoney,
  moneyFromJson,
  requireSameCurrency,
  toMoneyJson,
  type CurrencyCode,
} from '../../src/domain/money';

describe('amountProblem', () => {
  it.each(['0', '0.00', '150', '150.5', '150.55', '999999999999999.99'])('accepts %j', (amount) => {
    expect(amountProblem(amount, 'RUB')).toBeNull();
  });

  it.each([
    ['150.555', 'has 3 decimals; RUB allows at most 2'],
    ['-1', 'is negative; it must be 0 or more'],
    ['1e3', 'uses exponent notation; write it out, e.g. 1000'],
    ['1E3', 'uses exponent notation; write it out, e.g. 1000'],
    ['1,5', 'uses a comma; write the decimal point as ".", e.g. 1.5'],
    [' 1', 'contains spaces; write only digits and a "." point'],
    ['', 'is empty; expected a decimal such as 150.00'],
    ['.5', 'is not a plain decimal number (expected e.g. 150.00)'],
    ['5.', 'is not a plain decimal number (expected e.g. 150.00)'],
    ['+5', 'is not a plain decimal number (expected e.g. 150.00)'],
    ['0x10', 'is not a plain decimal number (expected e.g. 150.00)'],
    ['NaN', 'is not a plain decimal number (expected e.g. 150.00)'],
    ['1234567890123456', 'has 16 digits before the point; at most 15 allowed'],
  ])('refuses %j: %s', (amount, reason) => {
    expect(amountProblem(amount, 'RUB')).toBe(reason);
  });

  it.each(CURRENCY_CODES.map((c) => [c]))(
    'names %s and its exponent when there are too many decimals',
    (code) => {
      const { exponent } = CURRENCIES[code];
      const amount = `1.${'1'.repeat(exponent + 1)}`;
      expect(amountProblem(amount, code)).toBe(
        `has ${exponent + 1} decimals; ${code} allows at most ${exponent}`,
      );
    },
  );
});

describe('moneyFromJson', () => {
  it('reads an exact amount', () => {
    expect(moneyFromJson({ amount: '0.10', currency: 'RUB' }, '/x').amount.eq('0.1')).toBe(true);
  });

  it.each([
    [
      { amount: '1.234', currency: 'RUB' as const },
      '/deliveryCost/amount',
      'amount "1.234" has 3 decimals; RUB allows at most 2',
    ],
    [
      { amount: '1', currency: 'XXX' as CurrencyCode },
      '/deliveryCost/currency',
      'unknown currency "XXX"; known: RUB, BYN, KZT, UZS, USD, EUR',
    ],
  ])('refuses %j at %s', (json, pointer, message) => {
    expect(() => moneyFromJson(json, '/deliveryCost')).toThrow(
      expect.objectContaining({ code: 'invalid-input', pointer, message }),
    );
  });
});

describe('toMoneyJson rounds once, half-up, to the exponent', () => {
  it.each([
    ['9.9999', '10.00'],
    ['0.005', '0.01'],
    ['0.004', '0.00'],
    ['1.125', '1.13'],
    ['2.675', '2.68'],
    ['500', '500.00'],
    ['0', '0.00'],
  ])('writes %s as %s', (exact, written) => {
    expect(toMoneyJson({ amount: new Big(exact), currency: 'RUB' })).toEqual({
      amount: written,
      currency: 'RUB',
    });
  });
});

describe('requireSameCurrency', () => {
  it('accepts the expected currency', () => {
    expect(() =>
      requireSameCurrency('RUB', { amount: '1.00', currency: 'RUB' }, '/x'),
    ).not.toThrow();
  });

  it('refuses another currency at the given pointer', () => {
    const run = () =>
      requireSameCurrency(
        'RUB',
        { amount: '1.00', currency: 'USD' },
        '/insurance/declaredValue/currency',
      );
    expect(run).toThrow(
      expect.objectContaining({
        code: 'currency-mismatch',
        pointer: '/insurance/declaredValue/currency',
      }),
    );
    expect(run).toThrow('amount is in USD but the claim is in RUB');
  });
});

describe('formatMoney', () => {
  it.each([
    [{ amount: '150', currency: 'RUB' as const }, '150.00 RUB'],
    [{ amount: new Big('0.125'), currency: 'USD' as const }, '0.13 USD'],
    [{ amount: '1234567.5', currency: 'KZT' as const }, '1234567.50 KZT'],
  ])('writes %j as %s', (m, text) => {
    expect(formatMoney(m)).toBe(text);
  });
});

describe('amountProblem with a currency the schema did not check', () => {
  it('gives a reason instead of failing', () => {
    expect(amountProblem('1.00', 'XYZ' as CurrencyCode)).toBe(
      'cannot be checked: unknown currency "XYZ"',
    );
  });
});

describe('decimalProblem', () => {
  /** The checks in their original order, each run on every value: the reference. */
  const reference = (value: string, maxDecimals: number, unit = ''): string | null => {
    if (value === '') return 'is empty; expected a decimal such as 150.00';
    if (/\s/.test(value)) return 'contains spaces; write only digits and a "." point';
    if (value.startsWith('-')) return 'is negative; it must be 0 or more';
    if (/[eE]/.test(value)) return 'uses exponent notation; write it out, e.g. 1000';
    if (value.includes(',')) return 'uses a comma; write the decimal point as ".", e.g. 1.5';
    const match = /^(\d+)(?:\.(\d+))?$/.exec(value);
    if (!match) return 'is not a plain decimal number (expected e.g. 150.00)';
    const [, integer = '', fraction = ''] = match;
    if (integer.length > 15)
      return `has ${integer.length} digits before the point; at most 15 allowed`;
    if (fraction.length > maxDecimals) {
      return `has ${fraction.length} decimals; ${unit === '' ? '' : `${unit} `}allows at most ${maxDecimals}`;
    }
    return null;
  };
  const chars = fc.constantFrom(...'0123456789.,-+eE x\n'.split(''), '١');
  const values = fc.oneof(
    fc.array(chars, { maxLength: 20 }).map((c) => c.join('')),
    fc.tuple(fc.nat(), fc.nat()).map(([i, f]) => `${i}.${f}`),
  );

  it('gives the reason the checks in their original order give, for any string', () => {
    fc.assert(
      fc.property(values, fc.nat(8), fc.constantFrom('', 'RUB'), (value, max, unit) => {
        expect(decimalProblem(value, max, unit)).toBe(reference(value, max, unit));
      }),
      { numRuns: 3000 },
    );
  });

  it('does not take a number from an unchecked caller for its digits', () => {
    expect(() => decimalProblem(5 as unknown as string, 2)).toThrow(TypeError);
  });
});
