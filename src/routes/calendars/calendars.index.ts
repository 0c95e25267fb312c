import { createRouter } from '../router';
import { calendarYearHandler } from './calendars.handlers';
import { calendarYearRoute } from './calendars.routes';

export const calendarsRouter = createRouter().openapi(calendarYearRoute, calendarYearHandler);
