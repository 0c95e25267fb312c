import type { RouteHandler } from '@hono/zod-openapi';
import { calendarCoverage, getCalendar } from '../../domain/calendar';
import type { HonoEnv } from '../../hono-env';
import type { calendarsRoute, calendarYearRoute } from './calendars.routes';

export const calendarsHandler: RouteHandler<typeof calendarsRoute, HonoEnv> = (c) => {
  // Changes only with a deploy; an hour keeps a newly taken-in year from hiding for long.
  c.header('cache-control', 'public, max-age=3600');
  return c.json({ items: calendarCoverage() }, 200);
};

export const calendarYearHandler: RouteHandler<typeof calendarYearRoute, HonoEnv> = (c) => {
  const { country, year } = c.req.valid('param');
  c.header('cache-control', 'public, max-age=86400');
  return c.json(getCalendar(country).summary(year), 200);
};
