/**
 * CDEK reports as our notices, built the one way for the webhook and the reconciliation, so
 * the same report gets the same event (and the same id) whichever path brought it.
 */
import type { EventSource, ShipmentEvent } from '../../domain/shipment';
import type { CarrierNotice } from '../types';
import { readCdekCode } from './codes';
import { cdekEventId, type CdekInstant } from './instant';
import { readCdekProblem } from './problems';

/** The schema's limits for a carrier's code and text. */
const MAX_CODE = 64;
const MAX_NAME = 200;
/** Waybills and order numbers: the API takes 1–64 characters. */
const MAX_PARCEL_ID = 64;

/** Where a report is from and which parcel it names. */
export interface CdekReport {
  /** CDEK's uuid of the order (the payload's `uuid`, the order's `entity.uuid`). */
  orderUuid: string | undefined;
  waybill: string | undefined;
  orderNumber: string | undefined;
  instant: CdekInstant;
  source: EventSource;
}

/**
 * A trimmed, non-empty text of at most `max` characters from a string or a whole number
 * (CDEK sends some numbers either way), else undefined.
 * @example cdekText(' 1106207236 ', 64) // '1106207236'
 * @example cdekText(47, 64) // '47'
 */
export function cdekText(value: unknown, max: number): string | undefined {
  const text =
    typeof value === 'string' ? value.trim() : Number.isSafeInteger(value) ? String(value) : '';
  return text === '' || text.length > max ? undefined : text;
}

/** A waybill or order number as CDEK gave it, if it is one the API could hold. */
export function parcelId(value: unknown): string | undefined {
  return cdekText(value, MAX_PARCEL_ID);
}

/** The notice of `event`, naming the report's parcel. */
export function cdekNotice(report: CdekReport, event: ShipmentEvent): CarrierNotice {
  return {
    carrier: 'cdek',
    ...(report.waybill === undefined ? {} : { waybill: report.waybill }),
    ...(report.orderNumber === undefined ? {} : { orderNumber: report.orderNumber }),
    event,
  };
}

/** The key of the order in event ids: CDEK's uuid, else (a payload without one) the parcel. */
export function orderKey(report: CdekReport): string {
  return report.orderUuid ?? `n-${report.waybill ?? report.orderNumber ?? ''}`;
}

/** A code as kept: trimmed, cut to the schema's length (a longer one is no CDEK code anyway). */
function keptCode(code: string): string {
  return code.trim().slice(0, MAX_CODE);
}

/**
 * The notice of an order status (Appendix 1, any spelling): our status where the code has
 * one, else a `carrier_status` event with the code as given. `asCarrierStatus` keeps even a
 * known code from moving the shipment (a return leg is never the delivery).
 * @example statusNotice(report, 'DELIVERED').event.status // 'delivered'
 * @example statusNotice(report, 'DELIVERED', { asCarrierStatus: true }).event.status // 'carrier_status'
 */
export function statusNotice(
  report: CdekReport,
  givenCode: string,
  options: { asCarrierStatus?: boolean; name?: string | undefined } = {},
): CarrierNotice {
  const known = readCdekCode(givenCode.trim());
  const code = known?.code ?? keptCode(givenCode);
  const name = known?.name ?? cdekText(options.name, MAX_NAME);
  const carrierStatus = { code, ...(name === undefined ? {} : { name }) };
  const common = {
    eventId: cdekEventId(orderKey(report), code, report.instant.ms),
    at: report.instant.at,
    source: report.source,
    carrierStatus,
  };
  const status = options.asCarrierStatus === true ? undefined : known?.status;
  return cdekNotice(
    report,
    status === undefined ? { ...common, status: 'carrier_status' } : { ...common, status },
  );
}

/**
 * The notice of a delivery problem (DELIV_PROBLEM, an order's `delivery_problem`), with the
 * late cause the code gives, if any. Its id's code is `problem-<code>`, apart from statuses.
 * @example problemNotice(report, '47').event // { status: 'problem', problem: { code: '47', name: 'Адрес не существует' }, cause: 'wrong_address', … }
 */
export function problemNotice(report: CdekReport, givenCode: string): CarrierNotice {
  const code = keptCode(givenCode);
  const entry = readCdekProblem(code);
  return cdekNotice(report, {
    eventId: cdekEventId(orderKey(report), `problem-${code}`, report.instant.ms),
    status: 'problem',
    at: report.instant.at,
    source: report.source,
    problem: { code, ...(entry === undefined ? {} : { name: entry.name }) },
    ...(entry?.cause === undefined ? {} : { cause: entry.cause }),
  });
}
