/**
 * Carrier hooks: thin handlers over the hook and carrier-event services. The inbound call
 * reads its own body (the bytes are passed on unchanged to `forwardTo`), under the same size
 * limit as every body.
 */
import type { RouteHandler } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { DRAIN_BYTES, drainBody, readCapped } from '../../http/body-guard';
import { deferOf } from '../../http/defer';
import { problemResponse } from '../../http/problem';
import type { HonoEnv } from '../../hono-env';
import type * as routes from './carrier-hooks.routes';

/** Where hook URLs point: PUBLIC_BASE_URL when set, else the origin the request came to. */
const publicBase = (c: Context<HonoEnv>) => c.var.deps.publicBaseUrl ?? new URL(c.req.url).origin;

export const createCarrierHookHandler: RouteHandler<
  typeof routes.createCarrierHookRoute,
  HonoEnv
> = async (c) => {
  const hook = await c.var.services.carrierHooks.create(c.var.principal, c.req.valid('json'), {
    publicBase: publicBase(c),
  });
  c.header('location', `/v1/carrier-hooks/${hook.id}`);
  return c.json(hook, 201);
};

export const listCarrierHooksHandler: RouteHandler<
  typeof routes.listCarrierHooksRoute,
  HonoEnv
> = async (c) =>
  c.json(await c.var.services.carrierHooks.list(c.var.principal, c.req.valid('query')), 200);

export const revokeCarrierHookHandler: RouteHandler<
  typeof routes.revokeCarrierHookRoute,
  HonoEnv
> = async (c) => {
  await c.var.services.carrierHooks.revoke(c.var.principal, c.req.valid('param').id);
  return c.body(null, 204);
};

export const listUnmatchedHandler: RouteHandler<typeof routes.listUnmatchedRoute, HonoEnv> = async (
  c,
) =>
  c.json(
    await c.var.services.carrierEvents.listUnmatched(c.var.principal, c.req.valid('query')),
    200,
  );

/** The request's bytes, or undefined past the size limit (read to its end and dropped). */
async function bodyBytes(c: Context<HonoEnv>): Promise<Uint8Array | undefined> {
  const max = c.var.deps.maxBodyBytes;
  const length = c.req.header('content-length');
  if (length !== undefined && parseInt(length, 10) > max) {
    await drainBody(c.req.raw.body);
    return undefined;
  }
  const body = c.req.raw.body;
  return body === null ? new Uint8Array() : readCapped(body, max, DRAIN_BYTES);
}

export const receiveCdekHookHandler: RouteHandler<
  typeof routes.receiveCdekHookServedRoute,
  HonoEnv
> = async (c) => {
  const { token } = c.req.valid('param');
  // The token first (the service reads the body only for a live one): an unknown token
  // learns nothing, not even the size limit.
  const receipt = await c.var.services.carrierHooks.receiveCdek(token, () => bodyBytes(c), {
    defer: deferOf(c),
  });
  if (receipt.kind === 'unknown') return c.body(null, 404);
  if (receipt.kind === 'tooLarge') {
    const max = c.var.deps.maxBodyBytes;
    return problemResponse(c, 'bodyTooLarge', `The body is over ${max} bytes.`);
  }
  if (receipt.kind === 'unreadable') return problemResponse(c, 'malformedJson', receipt.why);
  return c.json(receipt.summary, 200);
};
