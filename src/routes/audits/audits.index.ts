import type { Context } from 'hono';
import { authenticate } from '../../http/auth';
import { createRouter, route } from '../router';
import * as h from './audits.handlers';
import * as r from './audits.routes';

/** The upload takes a raw CSV body: the global JSON body rules (64 KB, JSON only) leave it alone. */
export const isAuditUpload = (c: Context): boolean =>
  c.req.method === 'POST' && c.req.path === '/v1/audits';

/** Under /v1/audits: audits of carrier reports (shop and clerk keys). */
export const auditsRouter = createRouter();
auditsRouter.use('/v1/audits', authenticate());
auditsRouter.use('/v1/audits/*', authenticate());
route(auditsRouter, r.createAuditRoute, h.createAuditHandler);
route(auditsRouter, r.listAuditsRoute, h.listAuditsHandler);
// rows.csv before {id}/rows and {id}: the literal path wins.
route(auditsRouter, r.exportAuditRowsRoute, h.exportAuditRowsHandler);
route(auditsRouter, r.listAuditRowsRoute, h.listAuditRowsHandler);
route(auditsRouter, r.getAuditRoute, h.getAuditHandler);
route(auditsRouter, r.fileAuditClaimsRoute, h.fileAuditClaimsHandler);
