import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditFile, type AuditContext, type AuditedFile } from '../../../src/domain/audit';
import { readCsvRecords } from '../../../src/domain/audit/csv';
import { sniffFile } from '../../../src/domain/audit/sniff';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'audit');
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));
const ctx: AuditContext = {
  today: '2025-06-01',
  tolerancePercent: '5',
  claims: new Map([['1000000003', 'clm_3']]),
};
const audit = (name: string) => auditFile(bytesOf(name), { carrier: 'cdek' }, ctx);

/** Each row as `line waybill finding:amount[!expired]…`, the way a reader checks a report. */
function summary(file: AuditedFile): string[] {
  return file.rows.map((row) =>
    [
      row.line,
      row.waybill,
      ...row.findings.map((f) => `${f.kind}:${f.amount.amount}${f.expired ? '!expired' : ''}`),
      ...(row.claimId ? [`claim:${row.claimId}`] : []),
    ].join(' '),
  );
}

const RUSSIAN_ROWS = [
  '2 1000000001 late:30.00',
  '3 1000000002',
  '4 1000000003 lost:3000.00 claim:clm_3',
  '5 1000000004 lost:10500.00',
  '6 1000000005 overcharge:300.00',
  '7 1000000006 late:120.00!expired',
  '8 1000000007 late:288.00',
  '10 1000000009 late:37.04',
];

describe('fixture files', () => {
  it('our template (UTF-8, comma)', () => {
    const file = audit('template.csv');
    expect(file.shape).toEqual({ encoding: 'utf-8', bomBytes: 0, separator: ',' });
    expect(summary(file)).toEqual([...RUSSIAN_ROWS.slice(0, 7), '9 1000000008 late:18.00']);
    expect(file.refused).toEqual([]);
    expect(file.rows.find((r) => r.waybill === '1000000008')?.carrier).toBe('russian-post');
  });

  it('Russian Excel, UTF-8 with a BOM', () => {
    const file = audit('russian-excel-utf8-bom.csv');
    expect(file.shape).toEqual({ encoding: 'utf-8', bomBytes: 3, separator: ';' });
    expect(summary(file)).toEqual(RUSSIAN_ROWS);
    expect(file.refused).toEqual([]);
    expect(file.rows.at(-1)?.orderId).toBe('ORD-9 "Ёлка; подарок"');
  });

  it('Russian Excel in windows-1251 reads exactly as the UTF-8 file', () => {
    const file = audit('russian-excel-1251.csv');
    expect(file.shape).toEqual({ encoding: 'windows-1251', bomBytes: 0, separator: ';' });
    const utf8 = audit('russian-excel-utf8-bom.csv');
    expect(file.rows).toEqual(utf8.rows);
    expect(file.mapping).toEqual(utf8.mapping);
  });

  it('a CDEK-report-style file (API v2 names, status codes, grams)', () => {
    const file = audit('cdek-report.csv');
    expect(summary(file)).toEqual([
      '2 1500000001 late:30.00',
      '3 1500000002 late:500.00',
      '4 1500000003',
      '5 1500000004 overcharge:300.00',
      '6 1500000005 late:30.00',
      '7 1500000006 late:30.00',
    ]);
    expect(file.refused).toEqual([]);
  });

  it('a file of bad rows: every row refused with its line, column and reason, the good one audited', () => {
    const file = audit('bad-rows.csv');
    expect(summary(file)).toEqual(['2 2000000001 late:30.00']);
    const reasons = file.refused.map((r) => [
      r.line,
      ...r.problems.map((p) => `${p.field}: ${p.reason}`),
    ]);
    expect(reasons).toEqual([
      [3, 'waybill: is empty'],
      [
        4,
        'waybill: "1,23457E+11" was shortened by Excel to exponent notation; format the column as text and export again',
      ],
      [5, 'waybill: has 65 characters; at most 64'],
      [6, 'carrier: "DHL" is not a carrier we know; known: cdek, russian-post, road-freight'],
      [7, 'shippedDate: "32.01.2025" is not a calendar date'],
      [8, 'shippedDate: "вчера" is not a date (dd.mm.yyyy or yyyy-mm-dd)'],
      [9, 'transitBusinessDays: "2,5" must be a whole number from 0 to 365'],
      [10, 'promisedDate: is empty: give the promised date or the transit term in business days'],
      [11, 'deliveredDate: is empty, but the status is delivered: the delay cannot be counted'],
      [
        12,
        'status: "съеден" is not a status we know (e.g. вручен, в пути, утерян, не вручен, возврат, or a CDEK status code such as DELIVERED)',
      ],
      [13, 'status: "Удален": the order was cancelled, there is nothing to audit'],
      [14, 'status: says in transit, but the row has a delivery date'],
      [15, 'deliveryCost: is negative; it must be 0 or more'],
      [16, 'deliveryCost: "500,555" has 3 decimals; RUB allows at most 2'],
      [17, 'deliveryCost: "500 $" is in USD; the row\'s amounts are in RUB'],
      [18, 'deliveryCost: "бесплатно" is not an amount (e.g. 1 234,50 or 1 234,50 ₽)'],
      [19, 'declaredValue: is empty, but the parcel is insured: give its declared value'],
      [20, 'insured: "может быть" is not yes or no (да/нет, yes/no, true/false, 1/0, +/-)'],
      [
        21,
        "widthCm: is empty; give the package's length, width, height and weight, or none of them",
        "heightCm: is empty; give the package's length, width, height and weight, or none of them",
        "weightKg: is empty; give the package's length, width, height and weight, or none of them",
      ],
      [22, 'heightCm: "0" must be greater than 0'],
      [
        23,
        'destinationCountry: "Франция": no business calendar for this country; known: RU, BY, KZ, UZ',
      ],
      [24, 'transitBusinessDays: "400" must be a whole number from 0 to 365'],
      [25, 'deliveredDate: 2025-03-01 is before shippedDate 2025-03-03'],
      [26, "deliveredDate: 2025-07-13 is after the audit's day 2025-06-01"],
      [
        27,
        'promisedDate: promisedDate 2012-03-11: no RU business calendar for 2012; the data covers 2013–2027',
      ],
    ]);
    // A problem of a cell names the column as the file writes it.
    expect(file.refused[0]?.problems[0]?.column).toBe('Номер накладной');
  });

  it('every fixture reads the same in chunks cut anywhere', () => {
    for (const name of [
      'template.csv',
      'russian-excel-utf8-bom.csv',
      'russian-excel-1251.csv',
      'cdek-report.csv',
      'bad-rows.csv',
    ]) {
      const bytes = bytesOf(name);
      const shape = sniffFile(bytes);
      const whole = readCsvRecords(bytes, { shape, firstLine: 1, final: true }).records;
      fc.assert(
        fc.property(fc.array(fc.nat({ max: bytes.length }), { maxLength: 8 }), (cuts) => {
          const ends = [...new Set([...cuts, bytes.length])].sort((a, b) => a - b);
          let carry = new Uint8Array(0);
          let firstLine = 1;
          let from = 0;
          const records = [];
          for (const end of ends) {
            const buf = new Uint8Array([...carry, ...bytes.subarray(from, end)]);
            from = end;
            const r = readCsvRecords(buf, { shape, firstLine, final: end === bytes.length });
            records.push(...r.records);
            carry = buf.slice(r.consumed);
            firstLine = r.nextLine;
          }
          expect(records).toEqual(whole);
        }),
        { numRuns: 50 },
      );
    }
  });
});
