import { createWorker } from './worker';

/**
 * The deployed Worker (wrangler.toml `main`): requests, the claim-change queue's consumer
 * and the cron trigger.
 */
export default createWorker();
