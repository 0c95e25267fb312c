/**
 * Claims on shipments: the Idempotency-Key header becomes an option, the shipment-claim
 * service files through the claim service, the answer is the claim with its ETag.
 */
import type { RouteHandler } from '@hono/zod-openapi';
import type { HonoEnv } from '../../hono-env';
import { typedClaim } from '../claims/claim-answer';
import { etagOf } from '../claims/claims.handlers';
import type { fileShipmentClaimRoute } from './shipment-claims.routes';

export const fileShipmentClaimHandler: RouteHandler<
  typeof fileShipmentClaimRoute,
  HonoEnv
> = async (c) => {
  const { shipmentId } = c.req.valid('param');
  const { shopId } = c.req.valid('query');
  const key = c.req.header('idempotency-key');
  const { claim, replayed } = await c.var.services.shipmentClaims.file(
    c.var.principal,
    shipmentId,
    c.req.valid('json'),
    { shopId, idempotencyKey: key || undefined },
  );
  c.header('location', `/v1/claims/${claim.id}`);
  c.header('etag', etagOf(claim));
  if (replayed) c.header('idempotent-replayed', 'true');
  return c.json(typedClaim(claim), 201);
};
