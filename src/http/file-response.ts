/**
 * A stored evidence file over HTTP, as the API and the desk both send it: an attachment,
 * never sniffed or cached, with its digest (ETag and Repr-Digest).
 */
import type { Context } from 'hono';
import { encodeBase64 } from 'hono/utils/encode';
import { attachment, type EvidenceFile } from '../services/evidence-files';

/**
 * `Repr-Digest` (RFC 9530) of a hex SHA-256: the bytes in plain base64 (padded), as it asks.
 *
 * @example reprDigest('00'.repeat(32)) // 'sha-256=:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=:'
 */
export const reprDigest = (sha256: string): string => {
  const bytes = Uint8Array.from(sha256.match(/../g) ?? [], (pair) => parseInt(pair, 16));
  return `sha-256=:${encodeBase64(bytes.buffer)}:`;
};

/**
 * The digest headers of a stored file.
 *
 * @example c.json(file, 201, digestHeaders(file))
 */
export const digestHeaders = (file: EvidenceFile) => ({
  etag: `"${file.sha256}"`,
  'repr-digest': reprDigest(file.sha256),
});

/**
 * A stored file as a download: its type, `attachment` with its name, never
 * sniffed or cached, with its digest. The API and the desk send files the same way.
 *
 * @example return fileResponse(c, await files.open(principal, claimId, evidenceId));
 */
export function fileResponse(
  c: Context,
  opened: { file: EvidenceFile; downloadName: string; body: ReadableStream<Uint8Array> },
): Response {
  return c.body(opened.body, 200, {
    'content-type': opened.file.contentType,
    'content-length': String(opened.file.size),
    'content-disposition': attachment(opened.downloadName),
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
    ...digestHeaders(opened.file),
  });
}
