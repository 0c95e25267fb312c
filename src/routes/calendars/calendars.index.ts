import { createRouter, route } from '../router';
import { calendarYearHandler } from './calendars.handlers';
import { calendarYearRoute } from './calendars.routes';

export const calendarsRouter = createRouter();
route(calendarsRouter, calendarYearRoute, calendarYearHandler);
