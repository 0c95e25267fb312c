/**
 * A report's status cell in our words: Russian and English phrases, and CDEK's status codes
 * and texts (API v2 Appendix 1), which src/carriers/cdek reads: the codes live beside their
 * table there, and only the question crosses over.
 */
import { normalizeStatusText, readCdekReportStatus } from '../../carriers/cdek/report-status';
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

/**
 * The status a cell gives, `cancelled` for a withdrawn order (nothing to audit), or undefined
 * for words we do not know.
 * @example readStatus('Вручён') // 'delivered'
 * @example readStatus('NOT_DELIVERED') // 'not_delivered'
 * @example readStatus('Отправлен в г. транзит') // 'in_transit'
 */
export function readStatus(text: string): ReportStatus | 'cancelled' | undefined {
  // A report repeats a handful of statuses thousands of times: each text is read once.
  if (READ.has(text)) return READ.get(text);
  const status = readStatusText(text);
  if (READ.size < MAX_REMEMBERED) READ.set(text, status);
  return status;
}

/** Status texts already read (bounded: a file of unique junk cannot grow it without end). */
const READ = new Map<string, ReportStatus | 'cancelled' | undefined>();
const MAX_REMEMBERED = 1000;

function readStatusText(text: string): ReportStatus | 'cancelled' | undefined {
  return PHRASES.get(normalizeStatusText(text)) ?? readCdekReportStatus(text);
}
