/**
 * The `read` job: one chunk of an audit's file. It reads a window from R2 at the head's next
 * offset (a range read: memory stays flat whatever the file's size) — FIRST_WINDOW_BYTES,
 * doubled up to CHUNK_BYTES only while it holds fewer than MAX_CHUNK_ROWS complete records, so
 * a chunk reads about what it uses (R2 bills egress by the byte) — takes the complete records
 * in it (at most MAX_CHUNK_ROWS, so a chunk's DynamoDB requests stay far below a Worker's
 * subrequest limit), maps the header (first chunk), parses and audits each
 * row (src/domain/audit), writes the rows, their pointers and the chunk's summary, then moves
 * the head past the chunk — conditionally on its number, so a message delivered twice counts
 * nothing twice — and sends the next `read`, or marks the audit completed.
 */
import { auditRow, type AuditContext } from '../domain/audit/audit';
import { mapHeader } from '../domain/audit/columns';
import {
  readCsvRecords,
  type CsvChunk,
  type CsvReadOptions,
  type CsvRecord,
} from '../domain/audit/csv';
import { parseRow } from '../domain/audit/row';
import { sniffFile } from '../domain/audit/sniff';
import type { AuditRow, RowProblem } from '../domain/audit/types';
import type { AuditHead, AuditHeaderMapping, StoredAuditRow } from '../storage/audit-repository';
import { chunkSummary, fileableOf } from './audit-summary';
import type { AuditJob, AuditJobDeps, JobRun } from './audits';

/** Bytes a chunk reads from R2 at most (a range read). */
export const CHUNK_BYTES = 1024 * 1024;
/**
 * The window a chunk reads first: 500 rows of a typical report are 60-130 KiB, so one read
 * usually suffices (a 1 MiB window used a sixteenth of what it read).
 */
export const FIRST_WINDOW_BYTES = 128 * 1024;
/** Rows a chunk takes at most: its writes and claim look-ups stay well inside ~200 subrequests. */
export const MAX_CHUNK_ROWS = 500;
/** The bytes the file's shape is sniffed from. */
const SNIFF_BYTES = 64 * 1024;

/**
 * The complete records of `bytes`, at most `max`: when there are more, the window is cut in
 * proportion and read again (pure and cheap), so the next chunk starts at a record's start.
 * `full`: the bytes held more than `max` records (a wider window would read no more rows).
 */
export function boundedRecords(
  bytes: Uint8Array,
  opts: CsvReadOptions,
  max: number,
): CsvChunk & { full: boolean } {
  let chunk = readCsvRecords(bytes, opts);
  const full = chunk.records.length > max;
  let window = bytes;
  for (let round = 0; chunk.records.length > max && round < 8; round++) {
    const cut = Math.floor((chunk.consumed * max * 0.95) / chunk.records.length);
    window = window.subarray(0, cut);
    const smaller = readCsvRecords(window, { ...opts, final: false });
    if (smaller.records.length === 0) break;
    chunk = smaller;
  }
  return { ...chunk, full };
}

/** The waybill cell of a record that could not be parsed (to show beside its problems). */
const waybillCell = (record: CsvRecord, mapping: AuditHeaderMapping): string => {
  const index = mapping.fields.waybill?.index;
  return (index === undefined ? undefined : record.cells[index]?.trim().slice(0, 64)) ?? '';
};

const refused = (line: number, waybill: string, carrier: string, problems: RowProblem[]) => ({
  result: { line, waybill, carrier, findings: [], problems },
});

/** A row audited, never throwing: a row the audit cannot judge is refused. */
function judge(row: AuditRow, ctx: AuditContext): ReturnType<typeof auditRow> {
  try {
    return auditRow(row, ctx);
  } catch (error) {
    // The audit reports a row it cannot judge (an unknown carrier's policy), never fails the file.
    const reason = error instanceof Error ? error.message : String(error);
    return { problems: [{ line: row.line, reason }] };
  }
}

/**
 * Each record parsed and audited. The shop's claims (open or settled) are looked up only for
 * the waybills of rows that found something: those rows are audited again with them, so a
 * parcel already claimed is found but not counted as owed.
 */
async function auditRecords(
  deps: AuditJobDeps,
  head: AuditHead,
  records: readonly CsvRecord[],
  mapping: AuditHeaderMapping,
): Promise<StoredAuditRow[]> {
  const carrier = head.options.carrier ?? 'cdek';
  const ctx: AuditContext = {
    today: deps.clock().toISOString().slice(0, 10),
    tolerancePercent: head.options.overchargeTolerancePercent ?? '0',
    claims: new Map(),
    ...(head.options.lostAfterDays === undefined
      ? {}
      : { lostAfterDays: head.options.lostAfterDays }),
  };
  const first = records.map((record) => {
    const parsed = parseRow(record, mapping, { carrier });
    return { record, parsed, audited: 'row' in parsed ? judge(parsed.row, ctx) : undefined };
  });
  const found = first.flatMap(({ parsed, audited }) =>
    'row' in parsed && audited && 'findings' in audited && audited.findings.length > 0
      ? [parsed.row.waybill]
      : [],
  );
  const claims = await deps.storage.audits.claimsByWaybill(head.shopId, found);
  const withClaims = { ...ctx, claims };
  return first.map(({ record, parsed: p, audited: once }): StoredAuditRow => {
    if ('problems' in p)
      return refused(record.line, waybillCell(record, mapping), carrier, p.problems);
    const row: AuditRow = p.row;
    const audited = once === undefined || claims.has(row.waybill) ? judge(row, withClaims) : once;
    if ('problems' in audited)
      return { ...refused(row.line, row.waybill, row.carrier, audited.problems), row };
    const fileable = fileableOf(audited);
    return { result: audited, row, ...(fileable ? { fileable } : {}) };
  });
}

/** The failure of a file that cannot be audited at all (its header, or not a CSV). */
const failOn = (deps: AuditJobDeps, head: AuditHead, code: string, detail: string) =>
  deps.storage.audits.fail(head.id, head.seq, { code, detail }, deps.clock().toISOString());

/**
 * `window` bytes at the head's offset (the first chunk: after the BOM) and the file's shape;
 * undefined when the file is gone.
 */
async function chunkBytes(deps: AuditJobDeps, head: AuditHead, window: number) {
  const length = Math.min(window, head.bytesTotal - head.nextOffset);
  const object =
    length > 0 && deps.files
      ? await deps.files.get(head.objectKey, { range: { offset: head.nextOffset, length } })
      : null;
  if (length > 0 && !object) return undefined;
  let bytes = object ? new Uint8Array(await object.arrayBuffer()) : new Uint8Array();
  let offset = head.nextOffset;
  let shape = head.shape;
  if (shape === undefined) {
    const sniffed = sniffFile(bytes.subarray(0, SNIFF_BYTES));
    shape = {
      encoding: head.charset ?? sniffed.encoding,
      separator: sniffed.separator,
      bomBytes: sniffed.bomBytes,
    };
    bytes = bytes.subarray(shape.bomBytes);
    offset += shape.bomBytes;
  }
  return { bytes, offset, shape, final: offset + bytes.length >= head.bytesTotal };
}

/**
 * The chunk's window and its complete records (at most `max`): a window that holds fewer is
 * read again twice as long, up to CHUNK_BYTES or the end of the file.
 */
async function chunkRecords(deps: AuditJobDeps, head: AuditHead, max: number) {
  for (let window = FIRST_WINDOW_BYTES; ; window *= 2) {
    const read = await chunkBytes(deps, head, window);
    if (!read) return undefined;
    const opts: CsvReadOptions = {
      shape: read.shape,
      firstLine: head.nextLine,
      final: read.final,
      ...(head.skipping ? { skipping: head.skipping } : {}),
    };
    const csv = boundedRecords(read.bytes, opts, max);
    if (csv.full || read.final || window >= CHUNK_BYTES) return { read, csv };
  }
}

/**
 * @example await readChunk(deps, { kind: 'read', shopId: 's', auditId: 'aud_1', seq: 0 });
 */
export async function readChunk(
  deps: AuditJobDeps,
  job: Extract<AuditJob, { kind: 'read' }>,
  { retried = false }: JobRun = {},
): Promise<void> {
  const head = await deps.storage.audits.get(job.auditId);
  if (!head || head.status !== 'processing') return; // done or failed: nothing to do (the ack)
  // This chunk was read and the head moved, but a retry means sending the next may have
  // failed: send it (once more at worst: the head's chunk number makes a duplicate a no-op).
  if (retried && head.seq === job.seq + 1) {
    await deps.send({ ...job, seq: head.seq });
    return;
  }
  if (head.seq !== job.seq) return; // a chunk another delivery already read
  const first = head.mapping === undefined;
  const chunk = await chunkRecords(deps, head, MAX_CHUNK_ROWS + (first ? 1 : 0));
  if (!chunk) {
    await failOn(deps, head, 'file-missing', 'The uploaded file is no longer stored.');
    return;
  }
  const { read, csv } = chunk;
  if (csv.consumed === 0 && !read.final && csv.records.length === 0) {
    await failOn(
      deps,
      head,
      'not-csv',
      'No complete CSV record in the first megabyte of the chunk.',
    );
    return;
  }
  let records = csv.records;
  let mapping = head.mapping;
  if (mapping === undefined) {
    const header = records[0];
    if (!header) {
      await failOn(deps, head, 'no-header', 'The file has no header row.');
      return;
    }
    const mapped = mapHeader(header, head.options.columns);
    if ('problems' in mapped) {
      const detail = mapped.problems
        .map((p) => (p.column ? `${p.column}: ${p.reason}` : p.reason))
        .join('; ');
      await failOn(deps, head, 'bad-header', detail);
      return;
    }
    mapping = mapped.mapping;
    records = records.slice(1);
  }
  const rows = await auditRecords(deps, head, records, mapping);
  const tooLong = csv.tooLongLines ?? (csv.tooLong ? [csv.tooLong.line] : []);
  for (const line of tooLong) {
    const reason = 'the record is longer than 64 KiB and was skipped';
    rows.push(refused(line, '', head.options.carrier ?? 'cdek', [{ line, reason }]));
  }
  const summary = chunkSummary(head.seq, rows);
  await deps.storage.audits.writeChunk(head.id, rows, summary);
  const nextOffset = read.offset + csv.consumed;
  const completed = read.final && nextOffset >= head.bytesTotal;
  const moved = await deps.storage.audits.advance(head.id, head.seq, {
    nextOffset,
    nextLine: csv.nextLine,
    ...(csv.skipping ? { skipping: csv.skipping } : {}),
    rows: summary.rows,
    ...(first ? { shape: read.shape, mapping } : {}),
    ...(completed ? { completedAt: deps.clock().toISOString() } : {}),
  });
  if (moved && !completed) {
    await deps.send({ kind: 'read', shopId: head.shopId, auditId: head.id, seq: head.seq + 1 });
  }
}

/**
 * The deliveries a job gets before the queue parks it in its dead-letter queue: the first and
 * wrangler.toml's `max_retries = 5` for parcel-claims-audits (test/queues/audit-jobs.test.ts).
 */
export const JOB_ATTEMPTS = 6;

/**
 * A `read` the queue gave up on (its dead-letter queue's consumer, after JOB_ATTEMPTS): the
 * audit fails with `read-failed`, naming the line where reading stopped; the rows read before
 * it stay, with their totals. A stale or repeated message changes nothing.
 * @example await abandonRead(deps, { kind: 'read', shopId: 's', auditId: 'aud_1', seq: 7 });
 */
export async function abandonRead(
  deps: AuditJobDeps,
  job: Extract<AuditJob, { kind: 'read' }>,
): Promise<void> {
  const head = await deps.storage.audits.get(job.auditId);
  if (!head || head.status !== 'processing' || head.seq !== job.seq) return;
  const at = head.nextLine;
  await failOn(
    deps,
    head,
    'read-failed',
    `Reading stopped at line ${at}: that part of the file failed ${JOB_ATTEMPTS} times. ` +
      `The ${head.rows.read} rows before it are kept; to audit the rest, upload the header ` +
      `and the rows from line ${at} on as a new audit.`,
  );
}
