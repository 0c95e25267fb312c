/**
 * Evidence files at the desk: a clerk attaches the file of an evidence entry
 * (a multipart form on the claim page) and downloads it, through the same
 * evidence-file service and the same checks as the API.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { fileResponse } from '../../http/file-response';
import {
  EvidenceFileError,
  MAX_FILE_BYTES,
  safeFileName,
  type EvidenceFileErrorCode,
} from '../../services/evidence-files';
import { asEvidenceFileType, sniffFileType } from '../../services/file-types';
import type { Principal } from '../../services/actor';
import type { DeskEnv } from './desk-env';
import { CLAIM_ID, claimPage } from './claim.handlers';
import { renderError } from './render';

type C = Context<DeskEnv>;
const EVIDENCE_ID = /^ev_[1-9]\d{0,5}$/;

/** The status of the claim page that says why a file was not attached. */
const STATUS_OF: Record<EvidenceFileErrorCode | 'no-file', ContentfulStatusCode> = {
  'no-file': 422,
  'evidence-not-found': 404,
  'file-not-found': 404,
  'file-exists': 409,
  'file-too-large': 413,
  'file-type-unsupported': 415,
  'file-type-mismatch': 422,
  'file-storage-off': 503,
};

/**
 * A browser's file as an upload: its type is what the browser says when that
 * is an accepted one, else what the bytes say (a browser may not know HEIC),
 * and the service checks the bytes against it either way.
 */
export async function uploadOf(file: File) {
  if (file.size > MAX_FILE_BYTES) {
    throw new EvidenceFileError('file-too-large', `The file is over ${MAX_FILE_BYTES} bytes.`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const contentType = asEvidenceFileType(file.type) ?? sniffFileType(bytes) ?? file.type;
  return { contentType, fileName: safeFileName(file.name), read: () => Promise.resolve(bytes) };
}

/**
 * Stores `file` as the file of an evidence entry.
 *
 * @throws {EvidenceFileError} the service's refusals.
 */
export async function attach(
  c: C,
  actor: Principal,
  claimId: string,
  evidenceId: string,
  file: File,
) {
  const files = c.var.services.evidenceFiles(c.env?.EVIDENCE_FILES);
  return await files.upload(actor, claimId, evidenceId, await uploadOf(file));
}

/**
 * POST /desk/claims/:id/evidence/:evidenceId/file (multipart, `file`): back
 * to the claim (303) saying so, or the claim page with the reason beside the entry.
 *
 * @example deskRouter.post('/desk/claims/:id/evidence/:evidenceId/file', attachFile);
 */
export async function attachFile(c: C) {
  const id = c.req.param('id') ?? '';
  const evidenceId = c.req.param('evidenceId') ?? '';
  if (!CLAIM_ID.test(id) || !EVIDENCE_ID.test(evidenceId)) return renderError(c, 'notFound');
  const file = (await c.req.parseBody()).file;
  const refused = (code: EvidenceFileErrorCode | 'no-file') =>
    claimPage(c, id, { fileRefused: { evidenceId, code } }, STATUS_OF[code]);
  if (!(file instanceof File) || file.size === 0) return refused('no-file');
  try {
    await attach(c, c.var.principal, id, evidenceId, file);
  } catch (error) {
    if (!(error instanceof EvidenceFileError)) throw error;
    return refused(error.code);
  }
  return c.redirect(`/desk/claims/${id}?attached=${evidenceId}#evidence-${evidenceId}`, 303);
}

/**
 * GET /desk/claims/:id/evidence/:evidenceId/file: the file, as the API sends it.
 *
 * @example deskRouter.get('/desk/claims/:id/evidence/:evidenceId/file', downloadFile);
 */
export async function downloadFile(c: C) {
  const id = c.req.param('id') ?? '';
  const evidenceId = c.req.param('evidenceId') ?? '';
  if (!CLAIM_ID.test(id) || !EVIDENCE_ID.test(evidenceId)) return renderError(c, 'notFound');
  const files = c.var.services.evidenceFiles(c.env?.EVIDENCE_FILES);
  try {
    return fileResponse(c, await files.open(c.var.principal, id, evidenceId));
  } catch (error) {
    if (error instanceof EvidenceFileError) {
      return renderError(c, error.code === 'file-storage-off' ? 'unavailable' : 'notFound');
    }
    throw error;
  }
}
