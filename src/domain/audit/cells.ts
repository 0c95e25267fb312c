/**
 * One report cell read as a value of ours: an amount the way Russian Excel writes it
 * (`1 234,50 ₽`), a date (`01.03.2025 14:05`), a yes/no, a decimal. Each reader answers the
 * value or the reason it is not one, in words a shop can act on; ./row.ts names the column.
 */
import Big from 'big.js';
import { isValidIsoDate, type IsoDate } from '../calendar/dates';
import { amountProblem, CURRENCY_CODES, type CurrencyCode } from '../money';

/** A cell's value, or why it is none. @example { value: '2025-03-01' } */
export type CellResult<T> = { value: T } | { problem: string };

/** Currency marks a cell may carry around its amount, normalised (lower case, no dots or spaces). */
const CURRENCY_MARKS: ReadonlyMap<string, CurrencyCode> = new Map([
  ...CURRENCY_CODES.map((c): [string, CurrencyCode] => [c.toLowerCase(), c]),
  ['₽', 'RUB'],
  ['р', 'RUB'],
  ['руб', 'RUB'],
  ['rur', 'RUB'],
  ['₸', 'KZT'],
  ['тенге', 'KZT'],
  ['$', 'USD'],
  ['€', 'EUR'],
  ['сум', 'UZS'],
  ['белруб', 'BYN'],
]);

/** Spaces Excel puts in numbers: plain, NBSP, narrow NBSP, thin space; and the apostrophe of 1'234. */
const GROUPING = /[\s\u00a0\u202f\u2009']/g;
const NUMERIC = /^[\d.,]+$/;
/** A plain decimal with one comma or point, the usual cell: read without more ado. */
const SIMPLE_DECIMAL = /^\d+(?:[.,]\d+)?$/;
/** Spaces a cell may start or end with beyond ASCII ones. */
const EDGE = /^[\u00a0\u202f\ufeff]|[\u00a0\u202f]$/;
/** Excel's rendering of a long number, e.g. a waybill in a General column. @example EXCEL_EXPONENT.test('1,23457E+11') // true */
export const EXCEL_EXPONENT = /^\d+(?:[.,]\d+)?e\+\d+$/i;

/**
 * A cell's text without the spaces around it (NBSP included).
 * @example cellText('\u00a0 12 ') // '12'
 */
export function cellText(cell: string | undefined): string {
  if (cell === undefined || cell === '') return '';
  // Most cells have nothing around them: skip the regular expression for those.
  if (cell.charCodeAt(0) > 0x20 && cell.charCodeAt(cell.length - 1) > 0x20 && !EDGE.test(cell))
    return cell;
  return cell.replace(/^[\s\u00a0\u202f\ufeff]+|[\s\u00a0\u202f]+$/g, '');
}

/**
 * A decimal written with a comma or a point, spaces or NBSP between thousands: the plain
 * decimal string (`1 234,5` → `1234.5`). With both marks the last is the decimal one.
 * @example readDecimal('1 234,50') // { value: '1234.50' }
 */
export function readDecimal(text: string): CellResult<string> {
  if (SIMPLE_DECIMAL.test(text)) return { value: text.replace(',', '.') };
  const compact = text.replace(GROUPING, '');
  if (compact.startsWith('-')) return { problem: 'is negative; it must be 0 or more' };
  if (EXCEL_EXPONENT.test(compact))
    return { problem: `"${text}" is in exponent notation: Excel shortened the number` };
  if (!NUMERIC.test(compact) || !/\d/.test(compact))
    return { problem: `"${text}" is not a number (e.g. 1 234,50 or 1234.50)` };
  const comma = compact.lastIndexOf(',');
  const point = compact.lastIndexOf('.');
  const mark = Math.max(comma, point);
  const markChar = compact[mark];
  // One mark of a kind is the decimal mark; several of one kind are thousands (1,234,567).
  const count = (ch: string) => compact.split(ch).length - 1;
  let plain: string;
  if (mark < 0) plain = compact;
  else if (comma >= 0 && point >= 0) {
    const other = markChar === ',' ? '.' : ',';
    if (count(markChar ?? '') > 1) return { problem: `"${text}" is not a number (e.g. 1 234,50)` };
    plain = compact.replaceAll(other, '').replace(',', '.');
  } else if (count(markChar ?? '') > 1) plain = compact.replaceAll(markChar ?? '', '');
  else plain = compact.replace(',', '.');
  if (plain.startsWith('.')) plain = `0${plain}`;
  if (plain.endsWith('.')) plain = plain.slice(0, -1);
  return { value: plain };
}

/**
 * An amount with an optional currency mark before or after it (`1 234,50 ₽`, `1234.5 руб.`,
 * `RUB 10`), checked against `currency` (the row's): a mark of another currency is refused.
 * The result keeps the cell's decimals (`1234.5` stays, amounts are exact).
 * @example readMoney('1 234,50 ₽', 'RUB') // { value: '1234.50' }
 */
export function readMoney(text: string, currency: CurrencyCode): CellResult<string> {
  // A mark before (`$10`, `RUB 10`) or after (`10 ₽`, `10 руб.`); the digits run from the first to the last.
  const match = /^([^\d-]*?)\s*(-?\d[\d\s\u00a0\u202f.,']*?)\s*(\D*)$/u.exec(text);
  if (!match) return { problem: `"${text}" is not an amount (e.g. 1 234,50 or 1 234,50 ₽)` };
  const [, before = '', digits = '', after = ''] = match;
  const markText = (before + after).toLowerCase().replace(/[.\s]/g, '');
  if (markText !== '') {
    const mark = CURRENCY_MARKS.get(markText);
    if (mark === undefined)
      return { problem: `"${text}": unknown currency mark "${before}${after}"` };
    if (mark !== currency)
      return { problem: `"${text}" is in ${mark}; the row's amounts are in ${currency}` };
  }
  const decimal = readDecimal(digits);
  if ('problem' in decimal) return decimal;
  const problem = amountProblem(decimal.value, currency);
  return problem === null ? decimal : { problem: `"${text}" ${problem}` };
}

/**
 * A date as dd.mm.yyyy, dd.mm.yy (20yy), yyyy-mm-dd (also with `/` or `-` between day and
 * month), a time after it ignored: `01.03.2025 14:05` is 2025-03-01.
 * @example readDate('01.03.25 14:05') // { value: '2025-03-01' }
 */
export function readDate(text: string): CellResult<IsoDate> {
  const day = text.split(/[\sT]/)[0] ?? '';
  let iso: string | undefined;
  const russian = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$/.exec(day);
  const isoMatch = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(day);
  if (russian) {
    const [, d = '', m = '', y = ''] = russian;
    iso = `${y.length === 2 ? `20${y}` : y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  } else if (isoMatch) {
    const [, y = '', m = '', d = ''] = isoMatch;
    iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  }
  if (iso === undefined) return { problem: `"${text}" is not a date (dd.mm.yyyy or yyyy-mm-dd)` };
  if (!isValidIsoDate(iso)) return { problem: `"${text}" is not a calendar date` };
  return { value: iso };
}

const YES = new Set(['да', 'yes', 'true', '1', '+', 'y', 'д']);
const NO = new Set(['нет', 'no', 'false', '0', '-', 'n', 'н']);

/**
 * A yes/no: да/нет, yes/no, true/false, 1/0, +/- (any case).
 * @example readBoolean('Да') // { value: true }
 */
export function readBoolean(text: string): CellResult<boolean> {
  const key = text.toLowerCase();
  if (YES.has(key)) return { value: true };
  if (NO.has(key)) return { value: false };
  return { problem: `"${text}" is not yes or no (да/нет, yes/no, true/false, 1/0, +/-)` };
}

/**
 * A whole number from `min` to `max` (a decimal comma or point with zeros after it allowed).
 * @example readWhole('5', 0, 365) // { value: 5 }
 */
export function readWhole(text: string, min: number, max: number): CellResult<number> {
  if (/^\d{1,9}$/.test(text)) {
    const n = Number(text);
    if (n >= min && n <= max) return { value: n };
  }
  const decimal = readDecimal(text);
  if ('problem' in decimal) return decimal;
  const n = new Big(decimal.value);
  if (!n.round(0).eq(n) || n.lt(min) || n.gt(max))
    return { problem: `"${text}" must be a whole number from ${min} to ${max}` };
  return { value: n.toNumber() };
}
