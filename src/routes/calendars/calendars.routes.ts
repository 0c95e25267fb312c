import { createRoute } from '@hono/zod-openapi';
import { CalendarParamsSchema, CalendarYearSchema } from '../../schemas/calendar.schema';
import { readErrorResponses } from '../../schemas/problem.schema';
import { getCalendar } from '../../domain/calendar';
import { jsonResponse } from '../router';

export const calendarYearRoute = createRoute({
  method: 'get',
  path: '/v1/calendars/{country}/{year}',
  operationId: 'getCalendarYear',
  tags: ['reference'],
  security: [],
  summary: 'A country’s production calendar for one year',
  description:
    'Working-day count, every day off (weekends, holidays, moved days off), shortened days and working weekend days, with the data source. A year without data is a 422 `calendar-year-unknown`.',
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
