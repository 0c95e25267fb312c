/**
 * Evidence files over HTTP: the bytes of the request go to the evidence-file
 * service as they are (read only once its checks pass, at most 10 MB counted
 * as they stream), and a stored file comes back as an attachment with its digest.
 */
import type { RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { HonoEnv } from '../../hono-env';
import { RAW_DRAIN_BYTES, readCapped } from '../../http/body-guard';
import { ProblemError } from '../../http/problem';
import type { ProblemKind } from '../../http/problem-types';
import {
  attachment,
  EvidenceFileError,
  MAX_FILE_BYTES,
  type EvidenceFile,
  type EvidenceFileErrorCode,
} from '../../services/evidence-files';
import type * as routes from './evidence-files.routes';

type Handler<R extends RouteConfig> = RouteHandler<R, HonoEnv>;

/** The problem each refusal of the evidence-file service is answered with. */
export const FILE_PROBLEM_OF_CODE = {
  'evidence-not-found': 'evidenceNotFound',
  'file-not-found': 'fileNotFound',
  'file-exists': 'fileExists',
  'file-too-large': 'fileTooLarge',
  'file-type-unsupported': 'fileTypeUnsupported',
  'file-type-mismatch': 'fileTypeMismatch',
  'file-storage-off': 'fileStorageOff',
} as const satisfies Record<EvidenceFileErrorCode, ProblemKind>;

/** A service refusal as its problem; anything else goes on to the one error handler. */
async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof EvidenceFileError)) throw error;
    const headers: Record<string, string> =
      error.code === 'file-storage-off' ? { 'retry-after': '60' } : {};
    throw new ProblemError(FILE_PROBLEM_OF_CODE[error.code], error.message, { headers });
  }
}

const filesOf = (c: Context<HonoEnv>) => c.var.services.evidenceFiles(c.env?.EVIDENCE_FILES);

/** `Repr-Digest` (RFC 9530) of a hex SHA-256. */
export const reprDigest = (sha256: string): string => {
  const bytes = sha256.match(/../g)?.map((pair) => parseInt(pair, 16)) ?? [];
  return `sha-256=:${btoa(String.fromCharCode(...bytes))}:`;
};

/** The digest headers of a stored file. */
export const digestHeaders = (file: EvidenceFile) => ({
  etag: `"${file.sha256}"`,
  'repr-digest': reprDigest(file.sha256),
});

const tooLarge = () =>
  new EvidenceFileError('file-too-large', `The file is over ${MAX_FILE_BYTES} bytes (10 MB).`);

/**
 * The request's bytes, at most `MAX_FILE_BYTES`: a declared length is judged
 * from the header, a chunked body counted as it streams (and one over the cap
 * read on and dropped, as the JSON routes do, so the connection stays usable).
 */
async function requestBytes(request: Request): Promise<Uint8Array> {
  const length = request.headers.get('content-length');
  if (length !== null && Number(length) > MAX_FILE_BYTES) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const bytes = await readCapped(request.body, MAX_FILE_BYTES, RAW_DRAIN_BYTES);
  if (!bytes) throw tooLarge();
  return bytes;
}

export const uploadFileHandler: Handler<typeof routes.uploadFileRoute> = async (c) => {
  const { id, evidenceId } = c.req.valid('param');
  const { fileName } = c.req.valid('query');
  const file = await answering(() =>
    filesOf(c).upload(c.var.principal, id, evidenceId, {
      contentType: c.req.header('content-type'),
      fileName,
      read: () => requestBytes(c.req.raw),
    }),
  );
  c.header('location', `/v1/claims/${id}/evidence/${evidenceId}/file`);
  return c.json(file, 201, digestHeaders(file));
};

/**
 * A stored file as a download: its type, `attachment` with its name, never
 * sniffed or cached, with its digest. The desk sends its files the same way.
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

export const downloadFileHandler: Handler<typeof routes.downloadFileRoute> = async (c) => {
  const { id, evidenceId } = c.req.valid('param');
  const opened = await answering(() => filesOf(c).open(c.var.principal, id, evidenceId));
  return fileResponse(c, opened);
};

export const listFilesHandler: Handler<typeof routes.listFilesRoute> = async (c) => {
  const items = await answering(() => filesOf(c).list(c.var.principal, c.req.valid('param').id));
  return c.json({ items }, 200);
};
