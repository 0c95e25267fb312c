import { authenticate } from '../../http/auth';
import { createRouter, route } from '../router';
import { claimAnalyticsHandler } from './analytics.handlers';
import { claimAnalyticsRoute } from './analytics.routes';

export const analyticsRouter = createRouter();
analyticsRouter.use('/v1/analytics/*', authenticate());
route(analyticsRouter, claimAnalyticsRoute, claimAnalyticsHandler);
