import { authenticate } from '../../http/auth';
import { createRouter, route } from '../router';
import { listEventsHandler } from './events.handlers';
import { listEventsRoute } from './events.routes';

/** Under /v1/events: a shop's recorded events (shop keys). */
export const eventsRouter = createRouter();
eventsRouter.use('/v1/events', authenticate());
route(eventsRouter, listEventsRoute, listEventsHandler);
