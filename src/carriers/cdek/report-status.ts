/**
 * A CDEK status as a shipment report writes it (a code of API v2 Appendix 1 in any of its
 * spellings, or CDEK's Russian text), read as the audit of a carrier report needs it: the
 * parcel delivered, on its way, not delivered, on its way back, or the order withdrawn.
 * The codes stay here, beside their table; the audit (src/domain/audit) asks through this.
 */
import type { ReportStatus } from '../../domain/audit/types';
import type { ShipmentStatus } from '../../domain/shipment';
import { CDEK_STATUS_CODES, readCdekCode, type CdekStatusCode } from './codes';

/** Codes with no shipment status of ours whose meaning for an audit is still plain. */
const UNMAPPED: Partial<Record<CdekStatusCode, ReportStatus>> = {
  // Held by customs: still on its way.
  IN_CUSTOMS_INTERNATIONAL: 'in_transit',
  IN_CUSTOMS_LOCAL: 'in_transit',
  CUSTOMS_COMPLETE: 'in_transit',
  // Taken back from the locker uncollected: not delivered.
  POSTOMAT_SEIZED: 'not_delivered',
  // On the way back to the sender.
  SENT_TO_SENDER_CITY: 'returned',
  ACCEPTED_IN_SENDER_CITY: 'returned',
};

/** Lower case, ё as е, one space between words. @example normalizeStatusText('Вручён!') // 'вручен' */
export function normalizeStatusText(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[^\p{L}\p{N}_]+/gu, ' ')
    .trim();
}

/** CDEK's Russian texts, normalised → code. */
const NAMES: ReadonlyMap<string, CdekStatusCode> = new Map(
  (Object.entries(CDEK_STATUS_CODES) as [CdekStatusCode, { name: string }][]).map(([code, e]) => [
    normalizeStatusText(e.name),
    code,
  ]),
);

function fromShipment(status: ShipmentStatus): ReportStatus | 'cancelled' {
  if (status === 'delivered' || status === 'not_delivered' || status === 'cancelled') return status;
  return 'in_transit';
}

/**
 * The report status a CDEK code or text means, `cancelled` for a withdrawn order, or
 * undefined when it is not CDEK's (or says nothing an audit can use, e.g. INVALID).
 * @example readCdekReportStatus('SENT_TO_TRANSIT_CIT') // 'in_transit'
 * @example readCdekReportStatus('Не вручен') // 'not_delivered'
 */
export function readCdekReportStatus(text: string): ReportStatus | 'cancelled' | undefined {
  const code =
    readCdekCode(text.trim().toUpperCase())?.code ?? NAMES.get(normalizeStatusText(text));
  if (code === undefined) return undefined;
  const reading = readCdekCode(code);
  if (reading?.status !== undefined) return fromShipment(reading.status);
  return UNMAPPED[code];
}
