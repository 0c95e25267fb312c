/**
 * A whole report in memory through every step: sniff, read, map the header, parse and audit
 * each row. For tests, the bench and small files; the queue consumer takes the same steps
 * chunk by chunk (readCsvRecords resumes at `consumed`), so its answer is this one's.
 */
import { auditRow, type AuditContext } from './audit';
import { mapHeader, type HeaderMapping } from './columns';
import { readCsvRecords } from './csv';
import { parseRow } from './row';
import { sniffFile, type FileShape } from './sniff';
import type { AuditedRow, AuditField, RowProblem } from './types';

/** @example { carrier: 'cdek', columns: { waybill: 'Накладная №' } } */
export interface AuditFileOptions {
  carrier: string;
  currency?: string;
  columns?: Partial<Record<AuditField, string>>;
}

/** @example { shape, rows: [...], refused: [{ line: 7, problems: [...] }] } */
export interface AuditedFile {
  shape: FileShape;
  /** Absent when the header failed (then `headerProblems` says why). */
  mapping?: HeaderMapping;
  headerProblems?: RowProblem[];
  rows: AuditedRow[];
  refused: { line: number; problems: RowProblem[] }[];
}

/**
 * Audits a file held in memory.
 * @example auditFile(bytes, { carrier: 'cdek' }, { today: '2025-06-01', tolerancePercent: '0', claims: new Map() }).rows.length // 8
 */
export function auditFile(
  bytes: Uint8Array,
  opts: AuditFileOptions,
  ctx: AuditContext,
): AuditedFile {
  const shape = sniffFile(bytes.subarray(0, 64 * 1024));
  const { records, tooLongLines = [] } = readCsvRecords(bytes, {
    shape,
    firstLine: 1,
    final: true,
  });
  const refused: AuditedFile['refused'] = tooLongLines.map((line) => ({
    line,
    problems: [{ line, reason: 'the record is longer than 64 KiB: not a parcel row' }],
  }));
  const [header, ...rest] = records;
  if (header === undefined) {
    return { shape, headerProblems: [{ line: 1, reason: 'the file is empty' }], rows: [], refused };
  }
  const mapped = mapHeader(header, opts.columns);
  if ('problems' in mapped) return { shape, headerProblems: mapped.problems, rows: [], refused };
  const rows: AuditedRow[] = [];
  const defaults =
    opts.currency === undefined
      ? { carrier: opts.carrier }
      : { carrier: opts.carrier, currency: opts.currency };
  for (const record of rest) {
    const parsed = parseRow(record, mapped.mapping, defaults);
    const audited = 'row' in parsed ? auditRow(parsed.row, ctx) : parsed;
    if ('problems' in audited) refused.push({ line: record.line, problems: audited.problems });
    else rows.push(audited);
  }
  refused.sort((a, b) => a.line - b.line);
  return { shape, mapping: mapped.mapping, rows, refused };
}
