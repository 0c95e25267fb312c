import { commonFor } from '../../i18n/common';
import { formatDate, formatMoney } from '../../../format';
import type { Language } from '../../i18n/lang';
import type { FactValue } from './shipment-facts';

/**
 * A shipment fact written for the language.
 *
 * @example factText('ru', { money: { amount: '500.00', currency: 'RUB' } }) // '500,00 ₽'
 */
export function factText(lang: Language, value: FactValue): string {
  if ('money' in value) return formatMoney(lang, value.money);
  if ('date' in value) return formatDate(lang, value.date);
  if ('flag' in value) return value.flag ? commonFor(lang).yes : commonFor(lang).no;
  return value.text;
}
