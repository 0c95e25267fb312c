import { authenticate } from '../../http/auth';
import { createRouter } from '../router';
import * as h from './claims.handlers';
import * as r from './claims.routes';

export const claimsRouter = createRouter();
claimsRouter.use('/v1/claims', authenticate());
claimsRouter.use('/v1/claims/*', authenticate());
claimsRouter
  .openapi(r.fileClaimRoute, h.fileClaimHandler)
  .openapi(r.listClaimsRoute, h.listClaimsHandler)
  .openapi(r.getClaimRoute, h.getClaimHandler)
  .openapi(r.historyRoute, h.historyHandler)
  .openapi(r.reviewRoute, h.reviewHandler)
  .openapi(r.cancelRoute, h.cancelHandler)
  .openapi(r.evidenceRoute, h.evidenceHandler)
  .openapi(r.decisionRoute, h.decisionHandler)
  .openapi(r.paymentRoute, h.paymentHandler);
