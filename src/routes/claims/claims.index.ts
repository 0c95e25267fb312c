import { authenticate } from '../../http/auth';
import { createRouter, route } from '../router';
import * as h from './claims.handlers';
import * as r from './claims.routes';
import * as wh from './workday.handlers';
import * as wr from './workday.routes';

export const claimsRouter = createRouter();
claimsRouter.use('/v1/claims', authenticate());
claimsRouter.use('/v1/claims/*', authenticate());
route(claimsRouter, r.fileClaimRoute, h.fileClaimHandler);
route(claimsRouter, r.listClaimsRoute, h.listClaimsHandler);
route(claimsRouter, r.getClaimRoute, h.getClaimHandler);
route(claimsRouter, r.historyRoute, h.historyHandler);
route(claimsRouter, r.messagesRoute, h.messagesHandler);
route(claimsRouter, r.messageSentRoute, h.messageSentHandler);
route(claimsRouter, r.reviewRoute, h.reviewHandler);
route(claimsRouter, r.cancelRoute, h.cancelHandler);
route(claimsRouter, r.evidenceRoute, h.evidenceHandler);
route(claimsRouter, r.decisionRoute, h.decisionHandler);
route(claimsRouter, r.paymentRoute, h.paymentHandler);
// Assign to me, internal notes, counts per status.
claimsRouter.use('/v1/claim-counts', authenticate());
route(claimsRouter, wr.assignRoute, wh.assignHandler);
route(claimsRouter, wr.unassignRoute, wh.unassignHandler);
route(claimsRouter, wr.addNoteRoute, wh.addNoteHandler);
route(claimsRouter, wr.listNotesRoute, wh.listNotesHandler);
route(claimsRouter, wr.countsRoute, wh.countsHandler);
