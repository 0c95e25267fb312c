import type { RouteHandler } from '@hono/zod-openapi';
import { getCalendar } from '../../domain/calendar';
import type { HonoEnv } from '../../hono-env';
import type { calendarYearRoute } from './calendars.routes';

export const calendarYearHandler: RouteHandler<typeof calendarYearRoute, HonoEnv> = (c) => {
  const { country, year } = c.req.valid('param');
  c.header('cache-control', 'public, max-age=86400');
  return c.json(getCalendar(country).summary(year), 200);
};
