import { describe, expect, it } from 'vitest';
import {
  readBoolean,
  readDate,
  readDecimal,
  readMoney,
  readWhole,
} from '../../../src/domain/audit/cells';
import {
  AUDIT_TEMPLATE_COLUMNS,
  mapHeader,
  type HeaderMapping,
} from '../../../src/domain/audit/columns';
import { parseRow } from '../../../src/domain/audit/row';
import type { AuditField } from '../../../src/domain/audit/types';
import { readCdekReportStatus } from '../../../src/carriers/cdek/report-status';
import { readStatus } from '../../../src/domain/audit/status';

const rub = (text: string) => readMoney(text, 'RUB');

describe('cell readers', () => {
  const ok = (value: string) => ({ value });
  const no = (problem: string) => ({ problem });
  it.each([
    [readDecimal, '1 234,50', ok('1234.50')],
    [readDecimal, '1\u00a0234,5', ok('1234.5')],
    [readDecimal, '1\u202f234', ok('1234')],
    [readDecimal, '1,234.50', ok('1234.50')],
    [readDecimal, '1.234,50', ok('1234.50')],
    [readDecimal, '1,234,567', ok('1234567')],
    [readDecimal, ',5', ok('0.5')],
    [readDecimal, '10,', ok('10')],
    [readDecimal, '-5', no('is negative; it must be 0 or more')],
    [readDecimal, '1,2E+5', no('"1,2E+5" is in exponent notation: Excel shortened the number')],
    [readDecimal, 'abc', no('"abc" is not a number (e.g. 1 234,50 or 1234.50)')],
    [readDecimal, '1,2.3.4', no('"1,2.3.4" is not a number (e.g. 1 234,50)')],
    [rub, '1 234,50 ₽', ok('1234.50')],
    [rub, '500,00 руб.', ok('500.00')],
    [rub, '500 р.', ok('500')],
    [rub, 'RUB 10', ok('10')],
    [rub, '10 RUR', ok('10')],
    [rub, '10 $', no('"10 $" is in USD; the row\'s amounts are in RUB')],
    [rub, '10 монет', no('"10 монет": unknown currency mark "монет"')],
    [rub, '1,005', no('"1,005" has 3 decimals; RUB allows at most 2')],
    [
      rub,
      '1'.repeat(16),
      no(`"${'1'.repeat(16)}" has 16 digits before the point; at most 15 allowed`),
    ],
    [rub, 'много', no('"много" is not an amount (e.g. 1 234,50 or 1 234,50 ₽)')],
  ])('%o reads %o as %o', (read, text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('reads a tenge amount for a KZT row', () => {
    expect(readMoney('2 500 ₸', 'KZT')).toEqual({ value: '2500' });
  });

  it.each([
    ['01.03.2025', '2025-03-01'],
    ['1.3.2025', '2025-03-01'],
    ['01.03.25', '2025-03-01'],
    ['2025-03-01', '2025-03-01'],
    ['01.03.2025 14:05', '2025-03-01'],
    ['2025-03-01T14:05:00+03:00', '2025-03-01'],
    ['01/03/2025', '2025-03-01'],
  ])('reads the date %o', (text, value) => {
    expect(readDate(text)).toEqual({ value });
  });

  it.each([
    ['29.02.2025', '"29.02.2025" is not a calendar date'],
    ['March 1', '"March 1" is not a date (dd.mm.yyyy or yyyy-mm-dd)'],
  ])('refuses the date %o', (text, problem) => {
    expect(readDate(text)).toEqual({ problem });
  });

  it.each(['да', 'Да', 'yes', 'TRUE', '1', '+'])('reads %o as yes', (text) => {
    expect(readBoolean(text)).toEqual({ value: true });
  });
  it.each(['нет', 'No', 'false', '0', '-'])('reads %o as no', (text) => {
    expect(readBoolean(text)).toEqual({ value: false });
  });

  it('reads whole numbers in a range', () => {
    expect(readWhole('5', 0, 365)).toEqual({ value: 5 });
    expect(readWhole('5,0', 0, 365)).toEqual({ value: 5 });
    expect(readWhole('366', 0, 365)).toEqual({
      problem: '"366" must be a whole number from 0 to 365',
    });
  });
});

describe('readStatus', () => {
  it.each([
    ['Вручён', 'delivered'],
    ['доставлено', 'delivered'],
    ['Delivered', 'delivered'],
    ['DELIVERED', 'delivered'],
    ['POSTOMAT_RECEIVED', 'delivered'],
    ['Изъят из постамата клиентом', 'delivered'],
    ['в пути', 'in_transit'],
    ['SENT_TO_TRANSIT_CIT', 'in_transit'],
    ['Отправлен в г. транзит', 'in_transit'],
    ['IN_CUSTOMS_LOCAL', 'in_transit'],
    ['утерян', 'lost'],
    ['Утрачен', 'lost'],
    ['LOST', 'lost'],
    ['не вручен', 'not_delivered'],
    ['NOT_DELIVERED', 'not_delivered'],
    ['отказ', 'not_delivered'],
    ['Возврат', 'returned'],
    ['SENT_TO_SENDER_CITY', 'returned'],
    ['Удален', 'cancelled'],
    ['REMOVED', 'cancelled'],
    ['съеден', undefined],
  ])('reads %o as %s', (text, status) => {
    expect(readStatus(text)).toBe(status);
  });
});

function mappingOf(...cells: string[]): HeaderMapping {
  const result = mapHeader({ line: 1, cells });
  if ('problems' in result) throw new Error(JSON.stringify(result.problems));
  return result.mapping;
}

describe('parseRow', () => {
  const columns = AUDIT_TEMPLATE_COLUMNS.filter((c) => c !== 'promisedDate');
  const template = mappingOf(...columns);
  /** A template record from the cells it has (the others empty). */
  const record = (cells: Partial<Record<AuditField, string>>, line = 5) => ({
    line,
    cells: columns.map((c) => cells[c] ?? ''),
  });
  const row = (cells: Partial<Record<AuditField, string>>) =>
    parseRow(record(cells), template, { carrier: 'cdek' });
  const minimal = {
    waybill: '123',
    shippedDate: '03.03.2025',
    transitBusinessDays: '3',
    deliveryCost: '500',
  };

  it('reads every field of a full row in our units', () => {
    const parsed = row({
      ...minimal,
      waybill: ' 123 ',
      orderId: 'A-1',
      carrier: 'СДЭК',
      deliveredDate: '10.03.2025',
      status: 'вручен',
      deliveryCost: '500,00',
      declaredValue: '10 000',
      insured: 'да',
      lengthCm: '40',
      widthCm: '30',
      heightCm: '20',
      weightKg: '2,5',
      chargedWeightKg: '9,6',
      chargedAmount: '600',
      destinationCountry: 'Казахстан',
    });
    expect(parsed).toEqual({
      row: {
        line: 5,
        waybill: '123',
        orderId: 'A-1',
        carrier: 'cdek',
        shippedDate: '2025-03-03',
        transitBusinessDays: 3,
        deliveredDate: '2025-03-10',
        status: 'delivered',
        deliveryCost: { amount: '500.00', currency: 'RUB' },
        declaredValue: { amount: '10000', currency: 'RUB' },
        insured: true,
        package: { lengthCm: '40', widthCm: '30', heightCm: '20', weightKg: '2.5' },
        chargedWeightKg: '9.6',
        chargedAmount: { amount: '600', currency: 'RUB' },
        destinationCountry: 'KZ',
      },
    });
  });

  it('takes the default carrier and the status from the dates when the row has none', () => {
    expect(row(minimal)).toEqual({
      row: {
        line: 5,
        waybill: '123',
        carrier: 'cdek',
        shippedDate: '2025-03-03',
        transitBusinessDays: 3,
        status: 'in_transit',
        deliveryCost: { amount: '500', currency: 'RUB' },
      },
    });
    const delivered = row({ ...minimal, deliveredDate: '05.03.2025' });
    expect('row' in delivered && delivered.row.status).toBe('delivered');
  });

  it('converts grams to kilograms exactly', () => {
    const cdek = mappingOf(
      'cdek_number',
      'date_invoice',
      'delivery_sum',
      'Срок доставки',
      'length',
      'width',
      'height',
      'weight',
      'weight_calc',
    );
    const cells = ['1', '2025-03-03', '500', '3', '10', '10', '10', '1250', '1500'];
    const parsed = parseRow({ line: 2, cells }, cdek, { carrier: 'cdek' });
    expect('row' in parsed && parsed.row.package?.weightKg).toBe('1.25');
    expect('row' in parsed && parsed.row.chargedWeightKg).toBe('1.5');
  });

  it('uses the given currency for every amount', () => {
    const kzt = parseRow(record({ ...minimal, deliveryCost: '2 500 ₸' }), template, {
      carrier: 'cdek',
      currency: 'KZT',
    });
    expect('row' in kzt && kzt.row.deliveryCost).toEqual({ amount: '2500', currency: 'KZT' });
  });

  it('gives every problem of a row at once, each with its column', () => {
    const parsed = row({
      carrier: 'DHL',
      shippedDate: 'вчера',
      status: 'съеден',
      deliveryCost: '-1',
    });
    expect('problems' in parsed && parsed.problems.map((p) => [p.line, p.column, p.field])).toEqual(
      [
        [5, 'waybill', 'waybill'],
        [5, 'carrier', 'carrier'],
        [5, 'shippedDate', 'shippedDate'],
        [5, 'status', 'status'],
        [5, 'deliveryCost', 'deliveryCost'],
        [5, 'transitBusinessDays', 'transitBusinessDays'],
      ],
    );
  });

  it('ignores the date of a returned parcel', () => {
    const parsed = row({ ...minimal, deliveredDate: '10.03.2025', status: 'возврат' });
    expect('row' in parsed && parsed.row.status).toBe('returned');
    expect('row' in parsed && parsed.row.deliveredDate).toBeUndefined();
  });
});

describe('readCdekReportStatus', () => {
  it.each([
    ['DELIVERED', 'delivered'],
    ['ACCEPTED_AT_PICK_UP_POINT', 'in_transit'],
    ['CUSTOMS_COMPLETE', 'in_transit'],
    ['POSTOMAT_SEIZED', 'not_delivered'],
    ['ACCEPTED_IN_SENDER_CITY', 'returned'],
    ['Удален', 'cancelled'],
    ['INVALID', undefined],
    ['вручен', 'delivered'],
    ['в пути', undefined],
  ])('reads %o as %s', (text, status) => {
    expect(readCdekReportStatus(text)).toBe(status);
  });
});
