import type { RouteHandler } from '@hono/zod-openapi';
import type { HonoEnv } from '../../hono-env';
import type { claimAnalyticsRoute } from './analytics.routes';

export const claimAnalyticsHandler: RouteHandler<typeof claimAnalyticsRoute, HonoEnv> = async (
  c,
) => {
  const report = await c.var.services.analytics.report(c.var.principal, c.req.valid('query'));
  return c.json(report, 200);
};
