import type { Context } from 'hono';
import { authenticate } from '../../http/auth';
import { createRouter, route } from '../router';
import * as h from './evidence-files.handlers';
import * as r from './evidence-files.routes';

/** The upload takes a raw file body: the global JSON body rules (64 KB, JSON only) leave it alone. */
const UPLOAD_PATH = /^\/v1\/claims\/[^/]+\/evidence\/[^/]+\/file$/;
export const isEvidenceFileUpload = (c: Context): boolean =>
  c.req.method === 'PUT' && UPLOAD_PATH.test(c.req.path);

export const evidenceFilesRouter = createRouter();
// The claims router authenticates these paths too; `authenticate` runs once per request.
evidenceFilesRouter.use('/v1/claims/*', authenticate());
route(evidenceFilesRouter, r.uploadFileRoute, h.uploadFileHandler);
route(evidenceFilesRouter, r.downloadFileRoute, h.downloadFileHandler);
route(evidenceFilesRouter, r.listFilesRoute, h.listFilesHandler);
