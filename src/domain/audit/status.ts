/**
 * A report's status cell in our words: Russian and English phrases, and CDEK's status codes
 * and texts (API v2 Appendix 1, read through the table src/carriers/cdek/codes.ts keeps).
 */
import { CDEK_STATUS_CODES, readCdekCode, type CdekStatusCode } from '../../carriers/cdek/codes';
import type { ShipmentStatus } from '../shipment';
import type { ReportStatus } from './types';

/** Phrases, normalised (lower case, ё as е, one space between words). */
const PHRASES: ReadonlyMap<string, ReportStatus> = new Map([
  ...(['вручен', 'вручено', 'доставлен', 'доставлено', 'получен', 'delivered'] as const).map(
    (p): [string, ReportStatus] => [p, 'delivered'],
  ),
  ...(['в пути', 'in transit', 'in_transit', 'принят', 'отправлен', 'transit'] as const).map(
    (p): [string, ReportStatus] => [p, 'in_transit'],
  ),
  ...(
    ['утерян', 'утеряно', 'утрачен', 'утрачено', 'утеря', 'утрата', 'потерян', 'lost'] as const
  ).map((p): [string, ReportStatus] => [p, 'lost']),
  ...(
    [
      'не вручен',
      'не вручено',
      'не доставлен',
      'не доставлено',
      'отказ',
      'отказ от получения',
      'not delivered',
      'not_delivered',
      'undelivered',
    ] as const
  ).map((p): [string, ReportStatus] => [p, 'not_delivered']),
  ...(
    [
      'возврат',
      'возвращен',
      'возвращено',
      'возвращен отправителю',
      'возврат отправителю',
      'returned',
      'return',
    ] as const
  ).map((p): [string, ReportStatus] => [p, 'returned']),
]);

/** CDEK codes with no status of ours whose meaning for an audit is still plain. */
const CDEK_UNMAPPED: Partial<Record<CdekStatusCode, ReportStatus>> = {
  IN_CUSTOMS_INTERNATIONAL: 'in_transit',
  IN_CUSTOMS_LOCAL: 'in_transit',
  CUSTOMS_COMPLETE: 'in_transit',
  POSTOMAT_SEIZED: 'not_delivered',
  SENT_TO_SENDER_CITY: 'returned',
  ACCEPTED_IN_SENDER_CITY: 'returned',
};

/** CDEK's Russian texts, normalised → code. */
const CDEK_NAMES: ReadonlyMap<string, CdekStatusCode> = new Map(
  (Object.entries(CDEK_STATUS_CODES) as [CdekStatusCode, { name: string }][]).map(([code, e]) => [
    normalizeStatus(e.name),
    code,
  ]),
);

function normalizeStatus(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[^\p{L}\p{N}_]+/gu, ' ')
    .trim();
}

function fromShipment(status: ShipmentStatus): ReportStatus | 'cancelled' {
  if (status === 'delivered' || status === 'not_delivered' || status === 'cancelled') return status;
  return 'in_transit';
}

function fromCdek(code: CdekStatusCode): ReportStatus | 'cancelled' | undefined {
  const reading = readCdekCode(code);
  if (reading?.status !== undefined) return fromShipment(reading.status);
  return CDEK_UNMAPPED[code];
}

/**
 * The status a cell gives, `cancelled` for a withdrawn order (nothing to audit), or undefined
 * for words we do not know.
 * @example readStatus('Вручён') // 'delivered'
 * @example readStatus('NOT_DELIVERED') // 'not_delivered'
 * @example readStatus('Отправлен в г. транзит') // 'in_transit'
 */
export function readStatus(text: string): ReportStatus | 'cancelled' | undefined {
  const code = readCdekCode(text.trim().toUpperCase());
  if (code !== undefined) return fromCdek(code.code);
  const key = normalizeStatus(text);
  const phrase = PHRASES.get(key);
  if (phrase !== undefined) return phrase;
  const named = CDEK_NAMES.get(key);
  return named === undefined ? undefined : fromCdek(named);
}
