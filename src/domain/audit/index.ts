/**
 * Auditing a carrier report (issue 24): sniff → read CSV records in chunks → map the header →
 * parse each row → audit it. Pure: the storage, queue and routes are the service's.
 */
export { auditRow, toleranceProblem, type AuditContext } from './audit';
export {
  AUDIT_TEMPLATE_COLUMNS,
  CDEK_REPORT_HEADERS,
  mapHeader,
  normalizeHeader,
  RUSSIAN_HEADERS,
  type HeaderMapping,
  type MappedColumn,
} from './columns';
export {
  MAX_RECORD_BYTES,
  readCsvRecords,
  type CsvChunk,
  type CsvReadOptions,
  type CsvRecord,
  type CsvSkip,
} from './csv';
export { auditFile, type AuditedFile, type AuditFileOptions } from './file';
export { MAX_ID_LENGTH, parseRow } from './row';
export { sniffFile, SNIFF_BYTES, type FileEncoding, type FileShape } from './sniff';
export { decodeWindows1251, encodeWindows1251 } from './windows-1251';
export * from './types';
