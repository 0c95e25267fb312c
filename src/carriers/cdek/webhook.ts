/**
 * CDEK's webhook payloads (API v2 "Вебхуки", https://api-docs.cdek.ru/): `{type, date_time,
 * uuid, attributes}`, read into notices. CDEK sends each payload once and never again, so a
 * reader that throws or refuses loses the report for good: whatever can be read is kept, and
 * what cannot says why.
 */
import type { EventSource } from '../../domain/shipment';
import type { CarrierNotice } from '../types';
import { readCdekInstant, type CdekInstant } from './instant';
import { orderModifiedNotice } from './modified';
import { cdekText, parcelId, problemNotice, statusNotice, type CdekReport } from './notice';

/**
 * What a payload said: notices to record; nothing for us (another type, or a report naming
 * no parcel), with why; or no CDEK payload at all.
 * @example { kind: 'notices', type: 'ORDER_STATUS', notices: [{ carrier: 'cdek', waybill: '1106207236', event: { … } }] }
 */
export type CdekReading =
  | { kind: 'notices'; type: string; notices: CarrierNotice[] }
  | { kind: 'ignored'; type?: string; why: string }
  | { kind: 'unreadable'; why: string };

/** The longest `type` kept in a reading (CDEK's are short words). */
const MAX_TYPE = 64;

type Attributes = Record<string, unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A CDEK webhook body read into notices, never throwing: `unreadable` only for a body that is
 * no object or has no string `type`; a known type with odd attributes is `ignored` with why.
 * @example readCdekWebhook({ type: 'ORDER_STATUS', uuid: '72753031-…', attributes: { cdek_number: '1106207236', code: 'DELIVERED', status_date_time: '2026-03-03T14:12:00+0700' } }, { source: 'cdek_hook' }).kind // 'notices'
 * @example readCdekWebhook('hello', { source: 'cdek_hook' }).kind // 'unreadable'
 */
export function readCdekWebhook(body: unknown, options: { source: EventSource }): CdekReading {
  if (!isRecord(body)) return { kind: 'unreadable', why: 'the body is not a JSON object' };
  if (typeof body.type !== 'string') {
    return { kind: 'unreadable', why: 'the body has no string `type`' };
  }
  const type = body.type.trim().slice(0, MAX_TYPE);
  const attributes = body.attributes;
  const read = READERS[type];
  if (read === undefined) return { kind: 'ignored', type, why: `${type} names no parcel event` };
  if (!isRecord(attributes)) return { kind: 'ignored', type, why: 'no `attributes` object' };
  const uuid = cdekText(body.uuid, 100);
  const outcome = read(attributes, { uuid, dateTime: body.date_time, source: options.source });
  return typeof outcome === 'string'
    ? { kind: 'ignored', type, why: outcome }
    : { kind: 'notices', type, notices: [outcome] };
}

interface Envelope {
  uuid: string | undefined;
  dateTime: unknown;
  source: EventSource;
}

/** A notice, or why there is none. */
type Reader = (attributes: Attributes, envelope: Envelope) => CarrierNotice | string;

const READERS: Readonly<Record<string, Reader>> = {
  ORDER_STATUS: (attributes, envelope) => {
    const code = cdekText(attributes.code, 200);
    if (code === undefined) return 'no status `code`';
    return withReport(attributes, envelope, attributes.status_date_time, (report) =>
      statusNotice(report, code, { asCarrierStatus: isReturnLeg(attributes) }),
    );
  },
  ORDER_MODIFIED: (attributes, envelope) => {
    const modification = cdekText(attributes.modification_type ?? attributes.code, 200);
    if (modification === undefined) return 'no `modification_type`';
    return withReport(attributes, envelope, attributes.date_time, (report) =>
      orderModifiedNotice(report, modification, attributes),
    );
  },
  DELIV_PROBLEM: (attributes, envelope) => {
    const code = cdekText(attributes.code, 200);
    if (code === undefined) return 'no problem `code`';
    return withReport(attributes, envelope, attributes.create_date, (report) =>
      problemNotice(report, code),
    );
  },
};

/**
 * The report's parcel and time, then its notice; why not, when it names no parcel or no
 * time (the attribute's own time first, else the payload's `date_time`).
 */
function withReport(
  attributes: Attributes,
  envelope: Envelope,
  time: unknown,
  build: (report: CdekReport) => CarrierNotice | string,
): CarrierNotice | string {
  const waybill = parcelId(attributes.cdek_number);
  const orderNumber = parcelId(attributes.number);
  if (waybill === undefined && orderNumber === undefined) {
    return 'names no parcel: neither `cdek_number` nor `number`';
  }
  const instant: CdekInstant | undefined =
    readCdekInstant(time) ?? readCdekInstant(envelope.dateTime);
  if (instant === undefined) return 'no time with an offset (`status_date_time`, `date_time`)';
  return build({
    orderUuid: envelope.uuid,
    waybill,
    orderNumber,
    instant,
    source: envelope.source,
  });
}

/** A return, reverse or client-return order: its own leg back, never the delivery. */
function isReturnLeg(attributes: Attributes): boolean {
  return (
    attributes.is_return === true ||
    attributes.is_reverse === true ||
    attributes.is_client_return === true
  );
}
