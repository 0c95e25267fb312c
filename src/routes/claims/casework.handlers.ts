/** Thin handlers of the clerk's casework routes: the casework service does the work. */
import type { RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { HonoEnv } from '../../hono-env';
import { versionPrecondition } from '../../http/if-match';
import { typedClaim } from './claim-answer';
import { etagOf } from './claims.handlers';
import type * as routes from './casework.routes';

type Handler<R extends RouteConfig> = RouteHandler<R, HonoEnv>;

export const assignHandler: Handler<typeof routes.assignRoute> = async (c) => {
  const expectedVersion = versionPrecondition(c.req.header('if-match'));
  const id = c.req.valid('param').id;
  const claim = await c.var.services.casework.assign(c.var.principal, id, { expectedVersion });
  return c.json(typedClaim(claim), 200, { etag: etagOf(claim) });
};

export const unassignHandler: Handler<typeof routes.unassignRoute> = async (c) => {
  const expectedVersion = versionPrecondition(c.req.header('if-match'));
  const id = c.req.valid('param').id;
  const claim = await c.var.services.casework.unassign(c.var.principal, id, { expectedVersion });
  return c.json(typedClaim(claim), 200, { etag: etagOf(claim) });
};

export const addNoteHandler: Handler<typeof routes.addNoteRoute> = async (c) => {
  const { id } = c.req.valid('param');
  const note = await c.var.services.casework.addNote(c.var.principal, id, c.req.valid('json').text);
  return c.json(note, 201);
};

export const listNotesHandler: Handler<typeof routes.listNotesRoute> = async (c) => {
  const items = await c.var.services.casework.notes(c.var.principal, c.req.valid('param').id);
  return c.json({ items }, 200);
};

export const countsHandler: Handler<typeof routes.countsRoute> = async (c) => {
  const { shopId } = c.req.valid('query');
  const { counts, asOf } = await c.var.services.casework.counts(c.var.principal, shopId);
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return c.json({ counts, total, ...(asOf === undefined ? {} : { asOf }) }, 200);
};
