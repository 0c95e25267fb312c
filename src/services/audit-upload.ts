/**
 * An audit's upload: the request's bytes go to AUDIT_FILES as they stream, never the whole
 * file in memory. R2 takes a stream of unknown length only in parts, so the bytes are cut in
 * parts of PART_BYTES (R2 wants every part but the last of one size, at least 5 MiB): a file
 * that ends within the first part is one `put`, a larger one a multipart upload. At most one
 * part is held at a time, whatever the file's size. The bytes are counted as they come: past
 * the cap the upload is aborted and the call refused (413), with or without Content-Length.
 * The first bytes tell an empty file (400) and a spreadsheet (a zip: `.xlsx`; an OLE file:
 * `.xls`) from CSV (415). The header is the first chunk's to judge, not the upload's.
 */
import { MAX_LOST_AFTER_DAYS, toleranceProblem } from '../domain/audit/audit';
import { AUDIT_FIELDS } from '../domain/audit/types';
import { resolvePolicy } from '../domain/policies';
import type { AuditOptions, AuditView } from '../domain/audit/view';
import type { AuditHead } from '../storage/audit-repository';
import type { Principal } from './actor';
import { AuditError } from './audit-errors';
import { auditView } from './audit-view';
import { DEFAULT_AUDIT_MAX_BYTES, type AuditBucket, type AuditJobDeps } from './audits';

/** A part of a multipart upload, bytes (R2: every part but the last this size, ≥ 5 MiB). */
export const PART_BYTES = 5 * 1024 * 1024;

/** What an upload brings: the bytes as they stream, and what the request said of them. */
export interface AuditUpload {
  body: ReadableStream<Uint8Array> | null;
  /** The request's Content-Type, as sent (`text/csv; charset=windows-1251`). */
  contentType?: string | undefined;
  /** The request's Content-Length, when it sent one: judged before a byte is read. */
  contentLength?: number | undefined;
}

/** The types a report may be sent as (and none: the bytes are sniffed). */
const CSV_TYPES = new Set(['text/csv', 'application/csv', 'text/plain']);
const SAVE_AS_CSV =
  'Save the report as CSV (Excel: File → Save As → "CSV UTF-8" or "CSV (разделители — точки с запятой)") and upload that.';

/** The media type and charset of a Content-Type header. */
function mediaType(header: string | undefined): { type?: string; charset?: string } {
  if (!header) return {};
  const [type, ...params] = header.split(';').map((p) => p.trim().toLowerCase());
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice(8)
    .replace(/"/g, '');
  return { ...(type ? { type } : {}), ...(charset ? { charset } : {}) };
}

/**
 * The charset the audit reads the file in: windows-1251 when the request says so (and its
 * aliases), UTF-8 when it says that, else the sniff decides.
 * @example charsetOf('text/csv; charset=cp1251') // 'windows-1251'
 */
export function charsetOf(header: string | undefined): AuditHead['charset'] {
  const { charset } = mediaType(header);
  if (charset === undefined) return undefined;
  if (['windows-1251', 'cp1251', 'x-cp1251'].includes(charset)) return 'windows-1251';
  if (['utf-8', 'utf8'].includes(charset)) return 'utf-8';
  return undefined;
}

/** @throws {AuditError} `audit-file-unsupported` for a type that is not CSV. */
function checkType(header: string | undefined): void {
  const { type } = mediaType(header);
  if (type === undefined || CSV_TYPES.has(type)) return;
  const sheet = type.includes('spreadsheet') || type.includes('excel');
  throw new AuditError(
    'audit-file-unsupported',
    sheet
      ? `A spreadsheet (${type}) is not read: ${SAVE_AS_CSV}`
      : `Send the report as text/csv (got ${type}). ${SAVE_AS_CSV}`,
  );
}

/** @throws {AuditError} the first bytes are a zip (xlsx) or an OLE file (xls). */
function checkMagic(head: Uint8Array): void {
  const zip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  const ole = head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;
  if (zip || ole) {
    throw new AuditError(
      'audit-file-unsupported',
      `The file is an Excel workbook (${zip ? '.xlsx' : '.xls'}), not CSV. ${SAVE_AS_CSV}`,
    );
  }
}

/** A 400 blaming a query parameter. */
const invalidParameter = (parameter: string, code: string, detail: string) =>
  new AuditError('audit-request-invalid', detail, { parameter, code, detail });

/**
 * The options a desk form or a query may get wrong: a carrier with no policy, a tolerance
 * that is no percent.
 * @throws {AuditError} `audit-request-invalid` naming `carrier` or `tolerance`.
 */
export function checkOptions(options: AuditOptions): void {
  if (options.carrier !== undefined) {
    try {
      resolvePolicy(options.carrier);
    } catch (error) {
      const detail =
        error instanceof Error ? error.message : `unknown carrier '${options.carrier}'`;
      throw invalidParameter('carrier', 'unknown', detail);
    }
  }
  const tolerance = options.overchargeTolerancePercent;
  const problem = tolerance === undefined ? null : toleranceProblem(tolerance);
  if (problem !== null) throw invalidParameter('tolerance', 'invalid', `tolerance: ${problem}`);
  const days = options.lostAfterDays;
  if (days !== undefined && !(Number.isInteger(days) && days >= 1 && days <= MAX_LOST_AFTER_DAYS)) {
    const detail = `lostAfterDays: must be a whole number of days from 1 to ${MAX_LOST_AFTER_DAYS}`;
    throw invalidParameter('lostAfterDays', 'invalid', detail);
  }
}

/** @throws {AuditError} `audit-request-invalid` naming the unknown `columns` fields. */
export function checkColumns(columns: AuditOptions['columns']): void {
  const unknown = Object.keys(columns ?? {}).filter(
    (field) => !(AUDIT_FIELDS as readonly string[]).includes(field),
  );
  if (unknown.length === 0) return;
  const detail = `Unknown fields in columns: ${unknown.join(', ')}. The fields are ${AUDIT_FIELDS.join(', ')}.`;
  throw invalidParameter('columns', 'unknown_field', detail);
}

const tooLarge = (max: number) =>
  new AuditError(
    'audit-file-too-large',
    `The report is over ${max} bytes; split it and upload the parts.`,
  );

/** Joins byte chunks (at most one part's worth). */
function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The multipart upload of a file larger than one part, opened on its first full part. */
interface Parts {
  upload: R2MultipartUpload;
  done: R2UploadedPart[];
}

/**
 * Streams `body` to `key`, a part at a time; the file's size.
 * @throws {AuditError} empty, a spreadsheet, or past `max` bytes (nothing is left stored).
 */
async function streamToBucket(
  bucket: AuditBucket,
  key: string,
  body: ReadableStream<Uint8Array>,
  max: number,
): Promise<number> {
  const reader = body.getReader();
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  let total = 0;
  let parts: Parts | undefined;
  const flush = async (bytes: Uint8Array) => {
    parts ??= { upload: await bucket.createMultipartUpload(key), done: [] };
    parts.done.push(await parts.upload.uploadPart(parts.done.length + 1, bytes));
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (total === 0 && value.byteLength > 0) checkMagic(value);
      total += value.byteLength;
      if (total > max) throw tooLarge(max);
      held.push(value);
      heldBytes += value.byteLength;
      while (heldBytes >= PART_BYTES) {
        const all = concat(held, heldBytes);
        await flush(all.subarray(0, PART_BYTES));
        held = [all.subarray(PART_BYTES)];
        heldBytes -= PART_BYTES;
      }
    }
    if (total === 0) {
      throw new AuditError('audit-request-invalid', 'The file is empty.', {
        header: 'content-length',
        code: 'empty',
        detail: 'The file is empty.',
      });
    }
    const rest = concat(held, heldBytes);
    if (parts === undefined) {
      await bucket.put(key, rest, { httpMetadata: { contentType: 'text/csv' } });
    } else {
      if (rest.byteLength > 0) await flush(rest);
      await parts.upload.complete(parts.done);
    }
    return total;
  } catch (error) {
    // Nothing half-written stays: the parts are dropped, the rest of the body is left to drain.
    await (parts as Parts | undefined)?.upload.abort().catch(() => undefined);
    reader.releaseLock();
    throw error;
  }
}

/** `aud_` and 32 hex digits. */
const newAuditId = () => `aud_${crypto.randomUUID().replaceAll('-', '')}`;

/**
 * The upload, then the audit's head and its first `read`: the audit as created.
 * @example const view = await startAudit(deps, principal, { body, contentType: 'text/csv' }, {});
 */
export async function startAudit(
  deps: AuditJobDeps,
  principal: Principal,
  file: AuditUpload,
  options: AuditOptions,
  shopId: string | undefined,
): Promise<AuditView> {
  const shop = principal.role === 'shop' ? principal.shopId : shopId;
  if (!shop) {
    throw invalidParameter(
      'shopId',
      'required',
      'A clerk key names the shop the audit is for: ?shopId=…',
    );
  }
  checkColumns(options.columns);
  checkOptions(options);
  checkType(file.contentType);
  const max = deps.maxBytes ?? DEFAULT_AUDIT_MAX_BYTES;
  if (file.contentLength !== undefined && file.contentLength > max) throw tooLarge(max);
  if (!deps.files) {
    throw new AuditError('audit-storage-off', 'Audit file storage is not available; retry later.');
  }
  if (!file.body) throw new AuditError('audit-request-invalid', 'The file is empty.');
  const id = (deps.newAuditId ?? newAuditId)();
  const objectKey = `audits/${encodeURIComponent(shop)}/${id}`;
  const bytesTotal = await streamToBucket(deps.files, objectKey, file.body, max);
  const charset = charsetOf(file.contentType);
  const head: AuditHead = {
    id,
    shopId: shop,
    status: 'processing',
    options,
    objectKey,
    bytesTotal,
    ...(charset ? { charset } : {}),
    createdAt: deps.clock().toISOString(),
    seq: 0,
    nextOffset: 0,
    nextLine: 1,
    rows: { read: 0, audited: 0, refused: 0 },
  };
  await deps.storage.audits.create(head);
  const view = auditView(head, []);
  await deps.send({ kind: 'read', shopId: shop, auditId: id, seq: 0 });
  return view;
}
