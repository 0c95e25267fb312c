/**
 * CDEK's delivery problem codes (API v2, the appendix "Проблемы доставки" the DELIV_PROBLEM
 * webhook and an order's `delivery_problem` refer to, https://api-docs.cdek.ru/), with CDEK's
 * text and, where one fits, the late cause they give.
 */
import type { ClaimCause } from '../../domain/claim/cause';

/** One problem code: CDEK's text and, where one fits, the cause of a lateness after it. */
export interface CdekProblemEntry {
  name: string;
  cause?: ClaimCause;
}

/**
 * Every documented problem code. Only an address the courier could not deliver to says why a
 * parcel ran late on its own (`wrong_address`: it does not exist, or is a P.O. box a courier
 * cannot reach); the rest (a wrong phone, an absent recipient, a full locker, a pass needed)
 * name no cause of ours, and the late cause stays what it was.
 * @example CDEK_PROBLEM_CODES['47'] // { name: 'Адрес не существует', cause: 'wrong_address' }
 */
export const CDEK_PROBLEM_CODES: Readonly<Record<string, CdekProblemEntry>> = {
  '1': { name: 'Телефон неверный' },
  '9': { name: 'Груз не готов' },
  '11': { name: 'Отказ от оплаты' },
  '13': { name: 'Контактное лицо отсутствует' },
  '17': { name: 'Организация не работает' },
  '19': { name: 'Смена адреса' },
  '35': { name: 'Не успеваю' },
  '36': { name: 'Самозабор' },
  '37': { name: 'Постамат переполнен' },
  '38': { name: 'Постамат не работает' },
  '39': { name: 'Груз не влез в ячейку постамата' },
  '40': { name: 'Отказ от получения' },
  '41': { name: 'Отказ от заявки' },
  '42': { name: 'Требуется пропуск' },
  '43': { name: 'Платный въезд' },
  '44': { name: 'Закрытая территория' },
  '45': { name: 'Нет документа удостоверяющего личность' },
  '46': { name: 'Смена города' },
  '47': { name: 'Адрес не существует', cause: 'wrong_address' },
  '48': { name: 'Доставка в А/Я', cause: 'wrong_address' },
  '49': { name: 'Опасный груз' },
  '52': { name: 'Отказ с адреса' },
  '53': { name: 'Изменение интервала по согласованию с клиентом' },
  '54': { name: 'Постаматное приложение не работает' },
  '55': { name: 'Груз не найден' },
  '56': { name: 'Передача на ПВЗ' },
  '57': { name: 'Не могу доставить на ПВЗ' },
};

/**
 * The entry for a problem code (CDEK sends it as a string or a number), or undefined.
 * @example readCdekProblem('47')?.cause // 'wrong_address'
 */
export function readCdekProblem(code: string): CdekProblemEntry | undefined {
  return Object.hasOwn(CDEK_PROBLEM_CODES, code) ? CDEK_PROBLEM_CODES[code] : undefined;
}
