import { createRoute } from '@hono/zod-openapi';
import { onlyRole } from '../../http/auth';
import { EventListSchema, EventsQuerySchema } from '../../schemas/event.schema';
import { withNamedExamples } from '../../schemas/problem.examples';
import { problem } from '../../schemas/problem.schema';
import { EVENT_PAGE_READS } from '../../services/events';
import { apiKeyErrors, apiKeySecurity, describeRole, noBodyErrors } from '../api-key-contract';
import { jsonResponse } from '../router';
import { eventListExample, eventRefusals } from './events.examples';

export const listEventsRoute = createRoute({
  method: 'get',
  path: '/v1/events',
  operationId: 'listEvents',
  tags: ['webhooks'],
  security: apiKeySecurity,
  middleware: [onlyRole('shop')],
  summary: 'The shop’s events of the last 30 days, oldest first (shop key)',
  description: describeRole(
    'shop',
    `Every event raised for the shop (the types of the document’s \`webhooks\`), each as its endpoints were sent it, with its \`id\` (their \`webhook-id\`): kept 30 days whether or not an endpoint took it, so events raised while the shop had no endpoint, or while one was down or disabled, are not lost. Oldest first by \`timestamp\`; poll with \`since\` = the last \`timestamp\` you kept and drop the ids you have (an event is listed at the instant its change happened, and may be recorded later than events after it: a change announced after a retry, a delivery found by the cron’s pass, an acknowledgement found overdue at its deadline; so overlap your \`since\` by an hour and drop the ids you have). Follow \`nextCursor\` until it is absent; with \`type\`, a page reads at most ${EVENT_PAGE_READS} pages’ worth and may come back short, even empty, with a \`nextCursor\`.`,
  ),
  request: { query: EventsQuerySchema },
  responses: {
    200: jsonResponse(EventListSchema, 'A page of events', eventListExample),
    422: withNamedExamples(
      problem(
        422,
        'A query parameter breaks a rule: `since` missing, not an instant, or more than 30 days ago; `type` unknown; `limit` out of 1–100; the cursor not this listing’s',
      ),
      eventRefusals,
    ),
    ...noBodyErrors,
    ...apiKeyErrors,
  },
});
