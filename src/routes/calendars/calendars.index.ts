import { createRouter, route } from '../router';
import { calendarsHandler, calendarYearHandler } from './calendars.handlers';
import { calendarsRoute, calendarYearRoute } from './calendars.routes';

export const calendarsRouter = createRouter();
route(calendarsRouter, calendarsRoute, calendarsHandler);
route(calendarsRouter, calendarYearRoute, calendarYearHandler);
