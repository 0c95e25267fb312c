/**
 * Amounts for a language. They stay exact: the integer part is grouped as a BigInt and
 * the decimals are copied from the string, so no amount ever passes through a float.
 */
import type { Language } from '../domain/explain';
import type { MoneyJson } from '../domain/money';
import { LOCALES } from './locales';

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
