/**
 * The personal-data API: thin handlers over the personal-data service; errors go to the one
 * error handler.
 */
import type { RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { HonoEnv } from '../../hono-env';
import { selectorOf } from '../../schemas/personal-data.schema';
import { clerkViews, LOCAL_REFERENCE_SECRET } from '../../services/clerk-view';
import { clerkReferences, erasureAnswer, erasureDetail, exportAnswer } from './erasure-answer';
import type * as routes from './personal-data.routes';

type Handler<R extends RouteConfig> = RouteHandler<R, HonoEnv>;

export const createErasureHandler: Handler<typeof routes.createErasureRoute> = async (c) => {
  const { personalData } = c.var.services;
  const act = await personalData.erase(c.var.principal, selectorOf(c.req.valid('json')), {
    kind: 'request',
  });
  c.header('location', `/v1/personal-data/erasures/${act.id}`);
  return c.json(await erasureAnswer(act, clerkReferences(c.var.deps.referenceSecret)), 201);
};

export const listErasuresHandler: Handler<typeof routes.listErasuresRoute> = async (c) => {
  const { limit, cursor } = c.req.valid('query');
  const page = await c.var.services.personalData.listErasures(c.var.principal, { limit, cursor });
  const clerkRef = clerkReferences(c.var.deps.referenceSecret);
  const items = await Promise.all(page.items.map((act) => erasureAnswer(act, clerkRef)));
  return c.json(page.cursor === undefined ? { items } : { items, nextCursor: page.cursor }, 200);
};

export const getErasureHandler: Handler<typeof routes.getErasureRoute> = async (c) => {
  const { personalData } = c.var.services;
  const { act, steps } = await personalData.getErasure(c.var.principal, c.req.valid('param').id);
  return c.json(await erasureDetail(act, steps, clerkReferences(c.var.deps.referenceSecret)), 200);
};

export const exportPersonalDataHandler: Handler<typeof routes.exportPersonalDataRoute> = async (
  c,
) => {
  const { phone, email } = c.req.valid('query');
  const subject = phone === undefined ? { email: email ?? '' } : { phone };
  const found = await c.var.services.personalData.exportPersonalData(c.var.principal, subject);
  // A shop reads the clerks in its claims by reference, as everywhere (src/services/clerk-view.ts).
  const view = clerkViews(c.var.deps.referenceSecret ?? LOCAL_REFERENCE_SECRET)(c.var.principal);
  return c.json(await exportAnswer(found, view), 200);
};
