/**
 * How `npm start` runs `wrangler dev`: the arguments, and an environment that keeps an offline
 * machine quiet. Kept apart from start.ts so a test can hold it (test/scripts/start.test.ts).
 */
import { join } from 'node:path';

/** What `wrangler dev` is given. */
export interface WranglerDevOptions {
  port: string;
  dataDir: string;
  endpoint: string;
  table: string;
  deskSessionSecret: string;
  /** CARRIER_SECRET: seals the shops' carrier credentials (src/services/carrier-accounts.ts). */
  carrierSecret?: string;
  /**
   * WEBHOOK_RETRY_SCHEDULE (seconds between a failed delivery's attempts), when the caller's
   * environment sets it: the end-to-end test and the webhook benchmark retry in seconds.
   */
  webhookRetrySchedule?: string | undefined;
}

/**
 * The environment `wrangler dev` runs in, beside the caller's: no usage metrics sent, and no
 * fetch of the `Request.cf` placeholder from workers.cloudflare.com (miniflare's
 * CLOUDFLARE_CF_FETCH_ENABLED): offline, that fetch printed an ENOTFOUND stack trace, twice;
 * the API reads nothing of `request.cf`. Both only where the caller has not set them.
 *
 * @example wranglerDevEnv({}).CLOUDFLARE_CF_FETCH_ENABLED // 'false'
 */
export const wranglerDevEnv = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  ...env,
});

/**
 * The arguments of `wrangler dev`: local only, its state (R2 evidence files) in .data/, the
 * database, the desk's secret and the carrier credentials' secret as variables.
 *
 * @example wranglerDevArgs({ port: '8787', … })[0] // 'dev'
 */
export function wranglerDevArgs(options: WranglerDevOptions): string[] {
  return [
    'dev',
    ...['--ip', '127.0.0.1', '--port', options.port],
    // R2 (evidence files) and the other local bindings' state, kept across restarts.
    ...['--persist-to', join(options.dataDir, 'wrangler')],
    ...['--var', `DYNAMODB_ENDPOINT:${options.endpoint}`],
    ...['--var', `DYNAMODB_TABLE:${options.table}`],
    ...['--var', `DESK_SESSION_SECRET:${options.deskSessionSecret}`],
    ...(options.carrierSecret === undefined
      ? []
      : ['--var', `CARRIER_SECRET:${options.carrierSecret}`]),
    // Webhooks to a receiver on this machine (http://127.0.0.1:…) are allowed locally.
    ...['--var', 'WEBHOOK_ALLOW_LOCAL:true'],
    ...(options.webhookRetrySchedule === undefined
      ? []
      : ['--var', `WEBHOOK_RETRY_SCHEDULE:${options.webhookRetrySchedule}`]),
  ];
}
