import { createRoute } from '@hono/zod-openapi';
import {
  CalendarCoverageSchema,
  CalendarParamsSchema,
  CalendarYearSchema,
} from '../../schemas/calendar.schema';
import { readErrorResponses } from '../../schemas/problem.schema';
import { calendarCoverage, getCalendar } from '../../domain/calendar';
import { jsonResponse } from '../router';

export const calendarsRoute = createRoute({
  method: 'get',
  path: '/v1/calendars',
  operationId: 'listCalendars',
  tags: ['reference'],
  security: [],
  summary: 'Which countries and years have a production calendar',
  description:
    'Per country, every covered year with its file’s `published` date, and `preliminary: true` where the file can still change (holidays decreed later): a count in that year may change with it. A year after `lastYear` is refused with 422 `calendar-year-unknown`.',
  responses: {
    200: jsonResponse(CalendarCoverageSchema, 'The coverage of every country', {
      items: calendarCoverage().map((c) => ({ ...c, years: c.years.slice(-2) })),
    }),
  },
});

export const calendarYearRoute = createRoute({
  method: 'get',
  path: '/v1/calendars/{country}/{year}',
  operationId: 'getCalendarYear',
  tags: ['reference'],
  security: [],
  summary: 'A country’s production calendar for one year',
  description:
    'Working-day count, every day off (weekends, holidays, moved days off), shortened days and working weekend days, with the data source (its `preliminary` flag says whether the file can still change). A year without data is a 422 `calendar-year-unknown`.',
  request: { params: CalendarParamsSchema },
  responses: {
    200: jsonResponse(
      CalendarYearSchema,
      'The year, from the official production calendar',
      getCalendar('RU').summary(2025),
    ),
    ...readErrorResponses,
  },
});
