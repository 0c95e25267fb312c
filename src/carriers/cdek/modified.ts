/**
 * ORDER_MODIFIED (CDEK API v2 webhooks): `attributes.modification_type` and its
 * `new_value {type, value}`. A new planned delivery date is a reschedule the carrier made
 * (its own date moved: `courier_late`; the carrier's policy says whether the deadline
 * moves); any other change is kept as a carrier status.
 */
import { isValidIsoDate } from '../../domain/calendar/dates';
import type { CarrierNotice } from '../types';
import { cdekEventId } from './instant';
import { cdekNotice, orderKey, statusNotice, type CdekReport } from './notice';

/** CDEK's modification types, with CDEK's words for them. */
const MODIFICATIONS: Readonly<Record<string, string>> = {
  PLANED_DELIVERY_DATE_CHANGED: 'Изменение плановой даты доставки',
  DELIVERY_SUM_CHANGED: 'Изменение стоимости доставки',
  DELIVERY_MODE_CHANGED: 'Изменение режима доставки',
};

/**
 * The notice of an order change, or why there is none (a date change without a date).
 * @example orderModifiedNotice(report, 'PLANED_DELIVERY_DATE_CHANGED', { new_value: { type: 'DATE', value: '2026-03-12' } }).event // { status: 'rescheduled', promisedDate: '2026-03-12', reason: 'courier_late', … }
 */
export function orderModifiedNotice(
  report: CdekReport,
  modification: string,
  attributes: Record<string, unknown>,
): CarrierNotice | string {
  const name = MODIFICATIONS[modification];
  if (modification !== 'PLANED_DELIVERY_DATE_CHANGED') {
    return statusNotice(report, modification, { asCarrierStatus: true, name });
  }
  const promisedDate = newDate(attributes);
  if (promisedDate === undefined) return 'PLANED_DELIVERY_DATE_CHANGED without a new date';
  return cdekNotice(report, {
    eventId: cdekEventId(orderKey(report), `${modification}-${promisedDate}`, report.instant.ms),
    status: 'rescheduled',
    at: report.instant.at,
    promisedDate,
    reason: 'courier_late',
    source: report.source,
    carrierStatus: { code: modification, ...(name === undefined ? {} : { name }) },
  });
}

/** The new date: `new_value.value` (a date, or a date and time), else a plain `date`. */
function newDate(attributes: Record<string, unknown>): string | undefined {
  const newValue = attributes.new_value;
  const value =
    typeof newValue === 'object' && newValue !== null && 'value' in newValue
      ? newValue.value
      : attributes.date;
  if (typeof value !== 'string') return undefined;
  const date = value.trim().slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && isValidIsoDate(date) ? date : undefined;
}
