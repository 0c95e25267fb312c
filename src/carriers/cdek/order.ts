/**
 * An order as CDEK's API answers it (`GET /v2/orders`, `entity`): its `statuses[]` (code,
 * name, date_time, city) and `delivery_problem[]` (code, create_date) as notices, built as the
 * webhook builds them, so a status already heard through the hook has the same event id.
 */
import type { EventSource } from '../../domain/shipment';
import type { CarrierNotice } from '../types';
import { readCdekInstant } from './instant';
import { cdekText, parcelId, problemNotice, statusNotice, type CdekReport } from './notice';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The notices of an order entity, in the order CDEK lists them, or undefined when there is
 * no entity. A status or problem whose time cannot be read is left out (no day to put it on).
 * @example readCdekOrder({ uuid: '72753031-…', cdek_number: '1106207236', statuses: [{ code: 'DELIVERED', name: 'Вручен', date_time: '2026-03-05T11:00:00+0700' }] }, { cdekNumber: '1106207236', source: 'reconciliation' })?.length // 1
 */
export function readCdekOrder(
  entity: unknown,
  options: { cdekNumber: string; source: EventSource },
): CarrierNotice[] | undefined {
  if (!isRecord(entity)) return undefined;
  const asCarrierStatus =
    entity.is_return === true || entity.is_reverse === true || entity.is_client_return === true;
  const parcel = {
    orderUuid: cdekText(entity.uuid, 100),
    waybill: parcelId(entity.cdek_number) ?? parcelId(options.cdekNumber),
    orderNumber: parcelId(entity.number),
    source: options.source,
  };
  const reportAt = (time: unknown): CdekReport | undefined => {
    const instant = readCdekInstant(time);
    return instant === undefined ? undefined : { ...parcel, instant };
  };
  const statuses = (Array.isArray(entity.statuses) ? entity.statuses : []).flatMap((status) => {
    const code = isRecord(status) ? cdekText(status.code, 200) : undefined;
    const report = isRecord(status) ? reportAt(status.date_time) : undefined;
    if (code === undefined || report === undefined || !isRecord(status)) return [];
    return [statusNotice(report, code, { asCarrierStatus, name: status.name })];
  });
  const problems = (Array.isArray(entity.delivery_problem) ? entity.delivery_problem : []).flatMap(
    (problem) => {
      const code = isRecord(problem) ? cdekText(problem.code, 200) : undefined;
      const report = isRecord(problem) ? reportAt(problem.create_date) : undefined;
      return code === undefined || report === undefined ? [] : [problemNotice(report, code)];
    },
  );
  return [...statuses, ...problems];
}
