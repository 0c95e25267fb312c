/**
 * Amounts and dates for a language. Amounts stay exact: the integer part is
 * grouped as a BigInt and the decimals are copied from the string, so no
 * amount ever passes through a float.
 */
import type { MoneyJson } from '../../domain/money';
import { LOCALES, type Language } from './lang';

const AMOUNT = /^(\d+)(?:\.(\d+))?$/;

/**
 * An amount as the language writes it, e.g. for 1234.5 RUB.
 *
 * @example formatMoney('en', { amount: '1234.50', currency: 'RUB' }) // 'RUB 1,234.50'
 * @example formatMoney('ru', { amount: '1234.50', currency: 'RUB' }) // '1 234,50 ₽' (no-break spaces)
 */
export function formatMoney(lang: Language, money: MoneyJson): string {
  const match = AMOUNT.exec(money.amount);
  // Stored amounts are always plain decimals; anything else is shown verbatim, not guessed at.
  if (!match) return `${money.amount} ${money.currency}`;
  const [, integer = '0', fraction = ''] = match;
  const format = new Intl.NumberFormat(LOCALES[lang], {
    style: 'currency',
    currency: money.currency,
    minimumFractionDigits: fraction.length,
    maximumFractionDigits: fraction.length,
  });
  return format
    .formatToParts(BigInt(integer))
    .map((part) => (part.type === 'fraction' ? fraction : part.value))
    .join('');
}

/**
 * A plain decimal (no currency) in the language's digits, exactly.
 *
 * @example formatDecimal('ru', '12345.678') // '12 345,678'
 */
export function formatDecimal(lang: Language, value: string): string {
  const match = AMOUNT.exec(value);
  if (!match) return value;
  const [, integer = '0', fraction] = match;
  const format = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 0 });
  const decimal = lang === 'ru' ? ',' : '.';
  return format.format(BigInt(integer)) + (fraction === undefined ? '' : decimal + fraction);
}

/**
 * A calendar date (YYYY-MM-DD) written out; the day is the stored day, in any time zone.
 *
 * @example formatDate('en', '2025-06-16') // '16 June 2025'
 * @example formatDate('ru', '2025-06-16') // '16 июня 2025 г.'
 */
export function formatDate(lang: Language, isoDate: string): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(isoDate)?.[0];
  if (!day) return isoDate;
  const format = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone: 'UTC' });
  return format.format(new Date(`${day}T00:00:00Z`));
}

/**
 * An instant (ISO 8601) as date and time in UTC, which the desk states.
 *
 * @example formatInstant('en', '2025-06-16T09:05:00.000Z') // '16 Jun 2025, 09:05 UTC'
 */
export function formatInstant(lang: Language, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const format = new Intl.DateTimeFormat(LOCALES[lang], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  return `${format.format(date)} UTC`;
}
