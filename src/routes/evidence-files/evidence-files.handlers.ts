/**
 * Evidence files over HTTP: the bytes of the request go to the evidence-file
 * service as they are (read only once its checks pass, at most 10 MB counted
 * as they stream), and a stored file comes back as an attachment with its digest.
 */
import type { RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { HonoEnv } from '../../hono-env';
import { RAW_DRAIN_BYTES, readCapped } from '../../http/body-guard';
import { digestHeaders, fileResponse } from '../../http/file-response';
import { EvidenceFileError, MAX_FILE_BYTES } from '../../services/evidence-files';
import type * as routes from './evidence-files.routes';

type Handler<R extends RouteConfig> = RouteHandler<R, HonoEnv>;

const filesOf = (c: Context<HonoEnv>) => c.var.services.evidenceFiles(c.env?.EVIDENCE_FILES);

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
  // A refusal (an EvidenceFileError) is answered by the one error handler, from its code.
  const file = await filesOf(c).upload(c.var.principal, id, evidenceId, {
    contentType: c.req.header('content-type'),
    fileName,
    read: () => requestBytes(c.req.raw),
  });
  c.header('location', `/v1/claims/${id}/evidence/${evidenceId}/file`);
  return c.json(file, 201, digestHeaders(file));
};

export const downloadFileHandler: Handler<typeof routes.downloadFileRoute> = async (c) => {
  const { id, evidenceId } = c.req.valid('param');
  const opened = await filesOf(c).open(c.var.principal, id, evidenceId);
  return fileResponse(c, opened);
};

export const listFilesHandler: Handler<typeof routes.listFilesRoute> = async (c) => {
  const items = await filesOf(c).list(c.var.principal, c.req.valid('param').id);
  return c.json({ items }, 200);
};
