/**
 * Money: a big.js amount and a currency. Amounts travel as decimal strings, are computed
 * exactly, and are rounded once, at the end, half-up to the currency's minor unit.
 * A JavaScript `number` never holds an amount: 0.1 + 0.2 is not 0.3 there.
 */
import Big from 'big.js';
import { DomainError } from './errors';

/**
 * Currencies as data: `exponent` is the number of decimals of the minor unit.
 * @example CURRENCIES.RUB.exponent // 2
 */
export const CURRENCIES = {
  RUB: { code: 'RUB', exponent: 2 },
  BYN: { code: 'BYN', exponent: 2 },
  KZT: { code: 'KZT', exponent: 2 },
  UZS: { code: 'UZS', exponent: 2 },
  USD: { code: 'USD', exponent: 2 },
  EUR: { code: 'EUR', exponent: 2 },
} as const;

/** @example const c: CurrencyCode = 'KZT'; */
export type CurrencyCode = keyof typeof CURRENCIES;

/**
 * Every currency code, as a tuple a schema can turn into an enum.
 * @example CURRENCY_CODES.includes('USD') // true
 */
export const CURRENCY_CODES = [
  'RUB',
  'BYN',
  'KZT',
  'UZS',
  'USD',
  'EUR',
] as const satisfies readonly CurrencyCode[];

/**
 * Money on the wire: a plain decimal string and a currency code.
 * @example const fee: MoneyJson = { amount: '500.00', currency: 'RUB' };
 */
export interface MoneyJson {
  amount: string;
  currency: CurrencyCode;
}

/**
 * Money inside the domain: an exact amount, never rounded until the result is written.
 * @example const fee: Money = { amount: new Big('500'), currency: 'RUB' };
 */
export interface Money {
  readonly amount: Big;
  readonly currency: CurrencyCode;
}

/** Rounding modes by name, never a bare 0..3. @example amount.round(2, ROUNDING.halfUp) */
export const ROUNDING = {
  down: Big.roundDown,
  halfUp: Big.roundHalfUp,
  halfEven: Big.roundHalfEven,
  up: Big.roundUp,
} as const;

/**
 * Integer digits allowed in an amount: far above any parcel, far below a denial-of-service.
 * @example amountProblem('1'.repeat(16), 'RUB') // 'has 16 digits before the point; at most 15 allowed'
 */
export const MAX_INTEGER_DIGITS = 15;

const PLAIN_DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** Why a string that is not a plain decimal fails, most telling reason first. */
function malformedDecimalProblem(value: string): string {
  if (value === '') return 'is empty; expected a decimal such as 150.00';
  if (/\s/.test(value)) return 'contains spaces; write only digits and a "." point';
  if (value.startsWith('-')) return 'is negative; it must be 0 or more';
  if (/[eE]/.test(value)) return 'uses exponent notation; write it out, e.g. 1000';
  if (value.includes(',')) return 'uses a comma; write the decimal point as ".", e.g. 1.5';
  return 'is not a plain decimal number (expected e.g. 150.00)';
}

/**
 * Why `value` is not a plain non-negative decimal with at most `maxDecimals` decimals, or null.
 * Shared by money and measurements; the messages are what a user reads next to the field.
 * @example decimalProblem('1e3', 3) // 'uses exponent notation; write it out, e.g. 1000'
 */
export function decimalProblem(value: string, maxDecimals: number, unit = ''): string | null {
  // Most values are well formed, so one match decides; only a failure is diagnosed (a plain
  // decimal has no space, sign, exponent or comma: the checks there could not fire for it).
  // A number from an unchecked caller must not pass as its digits: it fails as it always did.
  const match = typeof value === 'string' ? PLAIN_DECIMAL.exec(value) : null;
  if (!match) return malformedDecimalProblem(value);
  const [, integer = '', fraction = ''] = match;
  if (integer.length > MAX_INTEGER_DIGITS) {
    return `has ${integer.length} digits before the point; at most ${MAX_INTEGER_DIGITS} allowed`;
  }
  if (fraction.length > maxDecimals) {
    const who = unit === '' ? '' : `${unit} `;
    return `has ${fraction.length} decimals; ${who}allows at most ${maxDecimals}`;
  }
  return null;
}

/**
 * Why `amount` is not a valid amount of `currency`, or null when it is.
 * @example amountProblem('150.555', 'RUB') // 'has 3 decimals; RUB allows at most 2'
 * @example amountProblem('150.5', 'RUB') // null
 */
export function amountProblem(amount: string, currency: CurrencyCode): string | null {
  // A caller that skipped the currency check must get a reason, not a TypeError.
  if (!isCurrencyCode(currency)) return `cannot be checked: unknown currency "${String(currency)}"`;
  return decimalProblem(amount, CURRENCIES[currency].exponent, currency);
}

/** A currency we know (a guard for inputs that skipped the schema). @example isCurrencyCode('RUB') // true */
export function isCurrencyCode(code: string): code is CurrencyCode {
  return (CURRENCY_CODES as readonly string[]).includes(code);
}

/**
 * Wire money to domain money. `pointer` names the money object; errors point into it.
 * @example moneyFromJson({ amount: '500.00', currency: 'RUB' }, '/deliveryCost').amount.toString() // '500'
 */
export function moneyFromJson(json: MoneyJson, pointer: string): Money {
  if (!isCurrencyCode(json.currency)) {
    const known = CURRENCY_CODES.join(', ');
    const message = `unknown currency "${String(json.currency)}"; known: ${known}`;
    throw new DomainError('invalid-input', message, `${pointer}/currency`);
  }
  const problem = amountProblem(json.amount, json.currency);
  if (problem !== null) {
    const message = `amount "${json.amount}" ${problem}`;
    throw new DomainError('invalid-input', message, `${pointer}/amount`);
  }
  return { amount: new Big(json.amount), currency: json.currency };
}

/**
 * Domain money to wire money: the one rounding, half-up to the currency's exponent.
 * @example toMoneyJson({ amount: new Big('9.9999'), currency: 'RUB' }) // { amount: '10.00', currency: 'RUB' }
 */
export function toMoneyJson(m: Money): MoneyJson {
  const { exponent } = CURRENCIES[m.currency];
  return { amount: m.amount.toFixed(exponent, ROUNDING.halfUp), currency: m.currency };
}

/**
 * Throws `currency-mismatch` at `pointer` unless `m` is in `expected`: amounts of two
 * currencies never meet in one sum, since no exchange rate is part of any rule.
 * @example requireSameCurrency('RUB', { amount: '1.00', currency: 'USD' }, '/insurance/declaredValue/currency') // throws
 */
export function requireSameCurrency(
  expected: CurrencyCode,
  m: Money | MoneyJson,
  pointer: string,
): void {
  if (m.currency !== expected) {
    const message = `amount is in ${m.currency} but the claim is in ${expected}; all amounts of a claim must share one currency`;
    throw new DomainError('currency-mismatch', message, pointer);
  }
}

/**
 * Human form for explanation lines, rounded like the wire form.
 * @example formatMoney({ amount: '150', currency: 'RUB' }) // '150.00 RUB'
 */
export function formatMoney(m: Money | MoneyJson): string {
  const amount = new Big(m.amount).toFixed(CURRENCIES[m.currency].exponent, ROUNDING.halfUp);
  return `${amount} ${m.currency}`;
}
