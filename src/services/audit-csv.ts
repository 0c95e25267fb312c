/**
 * An audit's rows as CSV in the dialect Russian Excel opens with a double click: UTF-8 with
 * a BOM, `;` between cells, decimal commas, dates dd.mm.yyyy, CRLF, a Russian header row.
 * One line per finding of a row (a row with none: one line, "нет"; a refused row: one line
 * with its problems). Streamed a page of rows at a time, never the whole audit in memory.
 * Cells that a spreadsheet would run as a formula (starting with = + - @, TAB or CR) are
 * prefixed with `'` (OWASP's CSV injection advice): a waybill or a header is the file's text.
 */
import type { AuditFinding, Finding } from '../domain/audit/types';
import type { AuditRowResult } from '../domain/audit/view';
import type { AuditHead } from '../storage/audit-repository';
import type { Storage } from '../storage/repository';
import type { AuditCsv } from './audits';

/** The export's header row, in order. */
export const AUDIT_CSV_HEADER = [
  'Строка',
  'Накладная',
  'Номер заказа',
  'Перевозчик',
  'Находка',
  'Сумма',
  'Валюта',
  'Подать до',
  'Срок истёк',
  'Заявка',
  'Причина',
] as const;

const FINDING_RU: Record<AuditFinding | 'none', string> = {
  late: 'опоздание',
  lost: 'утрата',
  overcharge: 'переплата за вес',
  refused: 'не прочитана',
  none: 'нет',
};

/** Rows a page of the export reads. */
const PAGE_ROWS = 500;

/**
 * A cell as Excel reads it back: a formula's first character defused, quoted when it holds
 * `;`, a quote or a line break.
 * @example csvCell('=1+2') // "'=1+2"
 * @example csvCell('a;b') // '"a;b"'
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** @example ruDate('2025-03-11') // '11.03.2025' */
const ruDate = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
/** @example ruAmount('1234.50') // '1234,50' */
const ruAmount = (amount: string): string => amount.replace('.', ',');

/** The lines of one row (one per finding; one for a row with none). */
export function csvLines(row: AuditRowResult): string[] {
  const base = [String(row.line), row.waybill, row.orderId ?? '', row.carrier];
  const claim = row.claimId ?? '';
  const line = (cells: string[]) => cells.map(csvCell).join(';');
  if (row.problems !== undefined) {
    const why = row.problems.map((p) => (p.column ? `${p.column}: ${p.reason}` : p.reason));
    return [line([...base, FINDING_RU.refused, '', '', '', '', claim, why.join(' | ')])];
  }
  if (row.findings.length === 0)
    return [line([...base, FINDING_RU.none, '', '', '', '', claim, ''])];
  return row.findings.map((f: Finding) =>
    line([
      ...base,
      FINDING_RU[f.kind],
      ruAmount(f.amount.amount),
      f.amount.currency,
      ruDate(f.fileBy),
      f.expired ? 'да' : 'нет',
      claim,
      '',
    ]),
  );
}

/**
 * The export of an audit's rows (all, or one finding's), streamed.
 * @example const { fileName, body } = await rowsCsv(storage, head, 'late', 'key-1');
 */
export async function rowsCsv(
  storage: Storage,
  head: AuditHead,
  finding: AuditFinding | undefined,
  caller: string,
): Promise<AuditCsv> {
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${AUDIT_CSV_HEADER.join(';')}\r\n`));
        return;
      }
      const page = await storage.audits.rows(head.id, finding, {
        caller,
        limit: PAGE_ROWS,
        ...(cursor === undefined ? {} : { cursor }),
      });
      const text = page.items
        .map((stored) => ({ ...stored.result, ...claimOf(stored) }))
        .flatMap(csvLines)
        .map((l) => `${l}\r\n`)
        .join('');
      if (text !== '') controller.enqueue(encoder.encode(text));
      cursor = page.nextCursor;
      if (cursor === undefined) controller.close();
    },
  });
  return { fileName: `audit-${head.id}${finding ? `-${finding}` : ''}.csv`, body };
}

/** The claim a stored row shows: the one the audit filed, else the one that existed. */
export const claimOf = (stored: { filedClaimId?: string }): { claimId?: string } =>
  stored.filedClaimId === undefined ? {} : { claimId: stored.filedClaimId };
