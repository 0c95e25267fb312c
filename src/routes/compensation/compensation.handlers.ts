import type { RouteHandler } from '@hono/zod-openapi';
import { DEFAULT_CALENDAR, getCalendar } from '../../domain/calendar';
import { computeDamaged, computeLate, computeLost } from '../../domain/compensation';
import { resolvePolicy } from '../../domain/policies';
import type { HonoEnv } from '../../hono-env';
import type { damagedRoute, lateRoute, lostRoute } from './compensation.routes';

export const lateHandler: RouteHandler<typeof lateRoute, HonoEnv> = (c) => {
  const input = c.req.valid('json');
  const ctx = {
    policy: resolvePolicy(input.carrier),
    calendar: getCalendar(input.calendar ?? DEFAULT_CALENDAR),
  };
  return c.json(computeLate(input, ctx), 200);
};

export const lostHandler: RouteHandler<typeof lostRoute, HonoEnv> = (c) => {
  const input = c.req.valid('json');
  return c.json(computeLost(input, { policy: resolvePolicy(input.carrier) }), 200);
};

export const damagedHandler: RouteHandler<typeof damagedRoute, HonoEnv> = (c) => {
  const input = c.req.valid('json');
  return c.json(computeDamaged(input, { policy: resolvePolicy(input.carrier) }), 200);
};
