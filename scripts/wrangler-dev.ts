/**
 * How `npm start` runs its Worker (scripts/worker-dev.ts): wrangler's input, and an environment that keeps an offline
 * machine quiet. Kept apart from start.ts so a test can hold it (test/scripts/start.test.ts).
 */
import { join } from 'node:path';
import type { unstable_startWorker } from 'wrangler';

/** What wrangler's `unstable_startWorker` takes. */
export type StartWorkerInput = Parameters<typeof unstable_startWorker>[0];

/** What `npm start`'s Worker is given. */
export interface WorkerDevOptions {
  /** The project's folder (where wrangler.toml is). */
  root: string;
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
  /**
   * INSPECTOR_PORT, when the caller's environment sets it: a debugger (Chrome DevTools, or
   * scripts/bench/audit-rss.ts --heap) on 127.0.0.1 at that port. Off by default.
   */
  inspectorPort?: string | undefined;
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
 * What `npm start` gives wrangler's `unstable_startWorker` (scripts/worker-dev.ts): the same
 * Worker as `wrangler dev --ip 127.0.0.1 --port … --persist-to … --var …` (wrangler.toml, every
 * binding local: R2, queues, rate limits), without an inspector (unless INSPECTOR_PORT asks for
 * one). Like `wrangler dev`, it rebuilds and reloads when a source file changes. The database,
 * the desk's secret and the carrier credentials' secret are variables.
 *
 * @example workerDevInput({ port: '8787', … }).dev?.inspector // false
 */
export function workerDevInput(options: WorkerDevOptions): StartWorkerInput {
  const vars: Record<string, string | undefined> = {
    DYNAMODB_ENDPOINT: options.endpoint,
    DYNAMODB_TABLE: options.table,
    DESK_SESSION_SECRET: options.deskSessionSecret,
    CARRIER_SECRET: options.carrierSecret,
    // Webhooks to a receiver on this machine (http://127.0.0.1:…) are allowed locally.
    WEBHOOK_ALLOW_LOCAL: 'true',
    WEBHOOK_RETRY_SCHEDULE: options.webhookRetrySchedule,
  };
  const bindings: NonNullable<StartWorkerInput['bindings']> = {};
  for (const [name, value] of Object.entries(vars))
    if (value !== undefined) bindings[name] = { type: 'plain_text', value };
  return {
    config: join(options.root, 'wrangler.toml'),
    bindings,
    // What `wrangler dev` derives from wrangler.toml: its nodejs_compat flag (with a date after
    // 2024-09-23) is Node's built-ins from the runtime, as deployed. Left out, the API bundles
    // as if there were none ("node:zlib wasn't found on the file system").
    build: {
      nodejsCompatMode: (config) =>
        config.compatibility_flags.includes('nodejs_compat') ? 'v2' : null,
    },
    dev: {
      server: { hostname: '127.0.0.1', port: Number(options.port) },
      inspector:
        options.inspectorPort === undefined
          ? false
          : { hostname: '127.0.0.1', port: Number(options.inspectorPort) },
      // R2 (evidence files, audited reports) and the other local bindings' state, kept across
      // restarts.
      persist: join(options.dataDir, 'wrangler'),
      remote: false,
      // GET /__scheduled?cron=… runs the crons (`wrangler dev --test-scheduled`): wrangler's own
      // /cdn-cgi/handler/scheduled answers 500 for a Worker with [assets], before reaching it.
      testScheduled: true,
    },
  };
}
