/**
 * Reading one record's cells by the header mapping, gathering every problem instead of
 * stopping at the first: ids, amounts, measures and the package, in our units and limits.
 */
import Big from 'big.js';
import type { CurrencyCode, MoneyJson } from '../money';
import { measureProblem } from '../weight';
import { cellText, EXCEL_EXPONENT, readDecimal, readMoney, type CellResult } from './cells';
import type { HeaderMapping } from './columns';
import type { CsvRecord } from './csv';
import type { AuditField, AuditRow, RowProblem } from './types';

/** The longest waybill or order id, as the claim schema takes them. @example MAX_ID_LENGTH // 64 */
export const MAX_ID_LENGTH = 64;

/**
 * Reads the cells of one record, gathering problems instead of stopping at the first.
 * @example const r = new RowReader(record, mapping); r.text('waybill') // '1234567890'
 */
export class RowReader {
  readonly problems: RowProblem[] = [];
  constructor(
    private readonly record: CsvRecord,
    private readonly mapping: HeaderMapping,
  ) {}

  /** The field's cell text, or undefined when the file has no column for it or it is empty. */
  text(field: AuditField): string | undefined {
    const column = this.mapping.fields[field];
    if (column === undefined) return undefined;
    const text = cellText(this.record.cells[column.index]);
    return text === '' ? undefined : text;
  }

  grams(field: AuditField): boolean {
    return this.mapping.fields[field]?.unit === 'g';
  }

  problem(field: AuditField | undefined, reason: string): undefined {
    const column = field && this.mapping.fields[field];
    this.problems.push({
      line: this.record.line,
      ...(column ? { column: column.header } : {}),
      ...(field ? { field } : {}),
      reason,
    });
    return undefined;
  }

  required(field: AuditField): string | undefined {
    const text = this.text(field);
    return text ?? this.problem(field, 'is empty');
  }

  read<T>(field: AuditField, read: (text: string) => CellResult<T>, text = this.text(field)) {
    if (text === undefined) return undefined;
    const result = read(text);
    return 'problem' in result ? this.problem(field, result.problem) : result.value;
  }
}

/**
 * A waybill or order id: at most MAX_ID_LENGTH characters, never Excel's exponent rendering.
 * @example readId(r, 'waybill', '1,23457E+11') // undefined, with a problem on r
 */
export function readId(reader: RowReader, field: 'waybill' | 'orderId', text: string | undefined) {
  if (text === undefined) return undefined;
  if (EXCEL_EXPONENT.test(text)) {
    return reader.problem(
      field,
      `"${text}" was shortened by Excel to exponent notation; format the column as text and export again`,
    );
  }
  if (text.length > MAX_ID_LENGTH)
    return reader.problem(field, `has ${text.length} characters; at most ${MAX_ID_LENGTH}`);
  return text;
}

/** A dimension or weight in our unit (cm, kg); grams are divided exactly. @example readMeasure(r, 'weightKg') // '2.5' from '2,5' or from 2500 g */
export function readMeasure(reader: RowReader, field: AuditField): string | undefined {
  const value = reader.read(field, readDecimal);
  if (value === undefined) return undefined;
  const measure = reader.grams(field)
    ? new Big(value).div(1000).toFixed()
    : new Big(value).toFixed();
  const problem = measureProblem(measure);
  return problem === null ? measure : reader.problem(field, `"${value}" ${problem}`);
}

const PACKAGE_FIELDS = ['lengthCm', 'widthCm', 'heightCm', 'weightKg'] as const;

/**
 * The package's four measures, all or none (some without the others is a problem each).
 * @example readPackage(r) // { lengthCm: '40', widthCm: '30', heightCm: '20', weightKg: '2.5' }
 */
export function readPackage(reader: RowReader): AuditRow['package'] {
  const given = PACKAGE_FIELDS.filter((f) => reader.text(f) !== undefined);
  if (given.length === 0) return undefined;
  if (given.length < PACKAGE_FIELDS.length) {
    const missing = PACKAGE_FIELDS.filter((f) => !given.includes(f));
    for (const field of missing) {
      reader.problem(
        field,
        "is empty; give the package's length, width, height and weight, or none of them",
      );
    }
    return undefined;
  }
  const [lengthCm, widthCm, heightCm, weightKg] = PACKAGE_FIELDS.map((f) => readMeasure(reader, f));
  if (lengthCm && widthCm && heightCm && weightKg) return { lengthCm, widthCm, heightCm, weightKg };
  return undefined;
}

/** An amount in the row's currency (a mark of another currency is a problem). @example readAmount(r, 'deliveryCost', 'RUB') // { amount: '500.00', currency: 'RUB' } */
export function readAmount(
  r: RowReader,
  field: AuditField,
  currency: CurrencyCode,
  text = r.text(field),
): MoneyJson | undefined {
  if (text === undefined) return undefined;
  const read = readMoney(text, currency);
  return 'problem' in read ? r.problem(field, read.problem) : { amount: read.value, currency };
}
