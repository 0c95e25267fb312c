/**
 * Helpers shared by the late, lost and damaged calculations.
 */
import Big from 'big.js';
import { DomainError } from '../errors';
import { line, type Line } from '../explain';
import {
  CURRENCIES,
  moneyFromJson,
  requireSameCurrency,
  ROUNDING,
  type CurrencyCode,
  type Money,
  type MoneyJson,
} from '../money';
import type { CarrierPolicy } from '../policies';

/**
 * Wire money that must be in the claim's currency; errors point into `pointer`.
 * @example moneyInCurrency({ amount: '1.00', currency: 'USD' }, '/documentedDamage', 'RUB') // throws currency-mismatch at /documentedDamage/currency
 */
export function moneyInCurrency(json: MoneyJson, pointer: string, currency: CurrencyCode): Money {
  const money = moneyFromJson(json, pointer);
  requireSameCurrency(currency, money, `${pointer}/currency`);
  return money;
}

/**
 * An exact amount as a clerk reads it before rounding: all its decimals, no exponent.
 * @example formatExact({ amount: new Big('29.9997'), currency: 'RUB' }) // '29.9997 RUB'
 */
export function formatExact(m: Money): string {
  const exponent = CURRENCIES[m.currency].exponent;
  const decimals = Math.max(exponent, m.amount.c.length - m.amount.e - 1);
  return `${m.amount.toFixed(decimals)} ${m.currency}`;
}

/** Parsed once: a bare 100 would be turned into a string and parsed on every call. */
const HUNDRED = new Big(100);

/**
 * A fraction as a percentage: '0.03' → '3'.
 * @example percent('0.09') // '9'
 */
export function percent(fraction: string): string {
  return new Big(fraction).times(HUNDRED).toFixed();
}

/** The one rounding of a figure: see roundOnce. */
export interface Rounding {
  json: MoneyJson;
  /** The rounded amount, exact, for sums and comparisons without parsing `json` again. */
  amount: Big;
  /** `json` as a clerk reads it, e.g. '10.00 RUB' (what formatMoney prints for it). */
  text: string;
  /** The line that shows the rounding, or null when the figure was already exact. */
  line: Line | null;
}

/**
 * The one rounding of a figure, and the line that shows it: half-up to the currency's
 * exponent, with the exact value beside the rounded one. An exact figure gets no line (it
 * would print 30.00 → 30.00), so none is built.
 * @example roundOnce({ amount: new Big('9.9999'), currency: 'RUB' }).json // { amount: '10.00', currency: 'RUB' }
 */
export function roundOnce(exact: Money): Rounding {
  const decimals = CURRENCIES[exact.currency].exponent;
  const amount = exact.amount.round(decimals, ROUNDING.halfUp);
  const json = { amount: amount.toFixed(decimals), currency: exact.currency };
  const text = `${json.amount} ${json.currency}`;
  if (amount.eq(exact.amount)) return { json, amount, text, line: null };
  const params = { decimals, exact: formatExact(exact), rounded: text };
  return { json, amount, text, line: line('rounding.half_up', params) };
}

/**
 * The request may name the carrier and calendar it was computed with; they must be the
 * ones the caller passed in, or the result would cite rules it did not use.
 * @example requireMatchingContext({ carrier: 'cdek' }, resolvePolicy('cdek')) // ok
 */
export function requireMatchingContext(
  input: { carrier?: string; calendar?: string },
  policy: CarrierPolicy,
  calendarCountry?: string,
): void {
  if (input.carrier !== undefined && input.carrier !== policy.id) {
    const message = `carrier '${input.carrier}' does not match the policy '${policy.id}' used`;
    throw new DomainError('invalid-input', message, '/carrier');
  }
  const country = input.calendar?.toUpperCase();
  if (country !== undefined && calendarCountry !== undefined && country !== calendarCountry) {
    const message = `calendar '${input.calendar}' does not match the ${calendarCountry} calendar used`;
    throw new DomainError('invalid-input', message, '/calendar');
  }
}
