import { createWorker } from '../../src/worker';
import { fixedClock } from '../support/answer';
import { cdekFetch } from '../support/cdek-fetch';
import { record } from './answered';

/**
 * The Worker under test: exactly the deployed factory, with the clock pinned so filing
 * windows and "today" are the same on every run, and claim changes applied before each
 * answer (`inline`) instead of through the queue: a count, a report or the unacknowledged
 * queue read right after a change sees it on every run. The queue would apply it a moment
 * later, in the background, outside the test. Webhook deliveries likewise: each attempted
 * once before the answer (`webhooks: 'inline'`). Its consumer (`queue()`) and the cron
 * (`scheduled()`) are tested directly (claim-changes.test.ts). Every answer it gives is
 * recorded (./answered.ts): test/http/statuses.ts holds each against the OpenAPI document.
 * CDEK's API is a stand-in fetch (../support/cdek-fetch.ts).
 */
export { TODAY } from '../support/answer';
const worker = createWorker({
  clock: fixedClock,
  changes: 'inline',
  cdekFetch,
  webhooks: 'inline',
  audits: 'inline',
});
export default {
  ...worker,
  async fetch(request, env, ctx) {
    const response = await worker.fetch!(request, env, ctx);
    record(request.method, request.url, response.status);
    return response;
  },
} satisfies typeof worker;
