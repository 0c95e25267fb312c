/**
 * One report record → an AuditRow, or every problem it has: each cell is read by its mapped
 * column (./cells.ts) and checked as the claim schema checks it (amounts in the currency's
 * decimals, a waybill of at most 64 characters), so an audited row can become a claim.
 */
import type { IsoDate } from '../calendar/dates';
import { CALENDAR_COUNTRIES } from '../calendar';
import { isCurrencyCode, type CurrencyCode } from '../money';
import { listPolicies, resolvePolicy } from '../policies';
import { MAX_TRANSIT_BUSINESS_DAYS } from '../compensation/late-span';
import { readBoolean, readDate, readWhole } from './cells';
import type { HeaderMapping } from './columns';
import type { CsvRecord } from './csv';
import { readAmount, readId, readMeasure, readPackage, RowReader } from './row-reader';
import { readStatus } from './status';
import type { AuditRow, ReportStatus, RowProblem } from './types';

export { MAX_ID_LENGTH } from './row-reader';

/** Carrier names a cell may give, normalised → policy id. */
const CARRIER_NAMES: ReadonlyMap<string, string> = new Map(
  listPolicies().flatMap((p) =>
    [p.id, p.name, p.ru.name].map((name): [string, string] => [carrierKey(name), p.id]),
  ),
);
const CARRIER_ALIASES: readonly [string, string][] = [
  ['сдэк', 'cdek'],
  ['cdek', 'cdek'],
  ['почта россии', 'russian-post'],
  ['почта', 'russian-post'],
  ['russian post', 'russian-post'],
];

function carrierKey(name: string): string {
  return name
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Country names a cell may give for the destination, → the calendar's code. */
const COUNTRY_NAMES: ReadonlyMap<string, string> = new Map([
  ['россия', 'RU'],
  ['российская федерация', 'RU'],
  ['беларусь', 'BY'],
  ['белоруссия', 'BY'],
  ['казахстан', 'KZ'],
  ['узбекистан', 'UZ'],
]);

function readCarrier(reader: RowReader, fallback: string): string | undefined {
  const text = reader.text('carrier');
  if (text === undefined) return fallback;
  const key = carrierKey(text);
  const id = CARRIER_NAMES.get(key) ?? CARRIER_ALIASES.find(([alias]) => alias === key)?.[1];
  if (id !== undefined) return id;
  const known = listPolicies()
    .map((p) => p.id)
    .join(', ');
  return reader.problem('carrier', `"${text}" is not a carrier we know; known: ${known}`);
}

function readCountry(reader: RowReader): string | undefined {
  const text = reader.text('destinationCountry');
  if (text === undefined) return undefined;
  const code = COUNTRY_NAMES.get(carrierKey(text)) ?? text.toUpperCase();
  if ((CALENDAR_COUNTRIES as readonly string[]).includes(code)) return code;
  return reader.problem(
    'destinationCountry',
    `"${text}": no business calendar for this country; known: ${CALENDAR_COUNTRIES.join(', ')}`,
  );
}

/** The status the row gives, or the one its dates imply when the file has no status column. */
function readRowStatus(
  reader: RowReader,
  delivered: IsoDate | undefined,
): ReportStatus | undefined {
  const text = reader.text('status');
  if (text === undefined) return delivered === undefined ? 'in_transit' : 'delivered';
  const status = readStatus(text);
  if (status === 'cancelled')
    return reader.problem(
      'status',
      `"${text}": the order was cancelled, there is nothing to audit`,
    );
  if (status === undefined) {
    return reader.problem(
      'status',
      `"${text}" is not a status we know (e.g. вручен, в пути, утерян, не вручен, возврат, or a CDEK status code such as DELIVERED)`,
    );
  }
  return status;
}

const readTransit = (text: string) => readWhole(text, 0, MAX_TRANSIT_BUSINESS_DAYS);

/**
 * One record → an AuditRow, or every problem it has (line, column header, field, reason).
 * Amounts take the row's currency: `defaults.currency`, else the carrier's policy's.
 * @example parseRow({ line: 2, cells: ['1234567890', '01.03.2025', '500,00', '3'] }, mapping, { carrier: 'cdek' }) // { row: { line: 2, waybill: '1234567890', shippedDate: '2025-03-01', … } }
 */
export function parseRow(
  record: CsvRecord,
  mapping: HeaderMapping,
  defaults: { carrier: string; currency?: string },
): { row: AuditRow } | { problems: RowProblem[] } {
  const r = new RowReader(record, mapping);
  const waybill = readId(r, 'waybill', r.required('waybill'));
  const orderId = readId(r, 'orderId', r.text('orderId'));
  const carrier = readCarrier(r, defaults.carrier);
  const currency: CurrencyCode =
    defaults.currency !== undefined && isCurrencyCode(defaults.currency)
      ? defaults.currency
      : resolvePolicy(carrier ?? defaults.carrier).currency;
  const shippedDate = r.read('shippedDate', readDate, r.required('shippedDate'));
  const promisedDate = r.read('promisedDate', readDate);
  const transit = r.read('transitBusinessDays', readTransit);
  const deliveredDate = r.read('deliveredDate', readDate);
  const status = readRowStatus(r, deliveredDate);
  const deliveryCost = readAmount(r, 'deliveryCost', currency, r.required('deliveryCost'));
  const declaredValue = readAmount(r, 'declaredValue', currency);
  const insured = r.read('insured', readBoolean);
  const pkg = readPackage(r);
  const chargedWeightKg = readMeasure(r, 'chargedWeightKg');
  const chargedAmount = readAmount(r, 'chargedAmount', currency);
  const destinationCountry = readCountry(r);

  if (r.text('promisedDate') === undefined && r.text('transitBusinessDays') === undefined) {
    r.problem(
      mapping.fields.promisedDate ? 'promisedDate' : 'transitBusinessDays',
      'is empty: give the promised date or the transit term in business days',
    );
  }
  if (status === 'delivered' && r.text('deliveredDate') === undefined) {
    r.problem(
      'deliveredDate',
      'is empty, but the status is delivered: the delay cannot be counted',
    );
  }
  // A returned or undelivered parcel's date is the day it came back, not a delivery: unused.
  if ((status === 'in_transit' || status === 'lost') && deliveredDate !== undefined) {
    r.problem('status', `says ${status.replace('_', ' ')}, but the row has a delivery date`);
  }
  if (insured === true && declaredValue === undefined) {
    r.problem('declaredValue', 'is empty, but the parcel is insured: give its declared value');
  }
  if (
    r.problems.length > 0 ||
    waybill === undefined ||
    carrier === undefined ||
    shippedDate === undefined ||
    status === undefined ||
    deliveryCost === undefined
  ) {
    return { problems: r.problems };
  }
  const row: AuditRow = { line: record.line, waybill, carrier, shippedDate, status, deliveryCost };
  if (orderId !== undefined) row.orderId = orderId;
  if (promisedDate !== undefined) row.promisedDate = promisedDate;
  if (transit !== undefined) row.transitBusinessDays = transit;
  if (deliveredDate !== undefined && status === 'delivered') row.deliveredDate = deliveredDate;
  if (declaredValue !== undefined) row.declaredValue = declaredValue;
  if (insured !== undefined) row.insured = insured;
  if (pkg !== undefined) row.package = pkg;
  if (chargedWeightKg !== undefined) row.chargedWeightKg = chargedWeightKg;
  if (chargedAmount !== undefined) row.chargedAmount = chargedAmount;
  if (destinationCountry !== undefined) row.destinationCountry = destinationCountry;
  return { row };
}
