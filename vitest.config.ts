import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

/**
 * wrangler.toml's `[alias]` table as Vite aliases: exact specifiers, as wrangler matches them
 * (`zod` becomes the stand-in, `zod/v4`, which the stand-in imports, stays zod), absolute
 * paths. Read here rather than with wrangler's reader, which costs every run ~1.5 s to import;
 * a line it does not understand is an error, never skipped. test/scripts/bundle-aliases.test.ts
 * checks that the tests resolve the files wrangler's reader names.
 */
function workerAliases(configPath = 'wrangler.toml') {
  const aliases: { find: RegExp; replacement: string }[] = [];
  let inAlias = false;
  for (const [n, line] of readFileSync(configPath, 'utf8').split('\n').entries()) {
    const text = line.trim();
    if (text.startsWith('[')) inAlias = text === '[alias]';
    if (!inAlias || text === '' || text.startsWith('#') || text.startsWith('[')) continue;
    const [, module, file] = /^"([^"]+)"\s*=\s*"([^"]+)"\s*(?:#.*)?$/.exec(text) ?? [];
    if (!module || !file) throw new Error(`${configPath}:${n + 1}: not a "module" = "path" alias`);
    const exact = new RegExp(`^${module.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
    aliases.push({ find: exact, replacement: path.resolve(path.dirname(configPath), file) });
  }
  return aliases;
}

// Every project resolves wrangler.toml's [alias] stand-ins (src/lib/bundle) as the deployed
// bundle does, so the tests run the zod the Worker ships. The packages that import zod
// themselves go through Vite too (inlined), or Node would hand them the unaliased zod.
// (The workers project inlines every dependency anyway; in the Node projects the AWS SDK
// stays native: its one aliased import, the event-stream codec, no DynamoDB call reaches.)
// Fresh objects per project: plugins (the pool's) add to their project's `resolve` in place.
const aliases = workerAliases();
const resolve = () => ({ alias: [...aliases] });
const server = () => ({ deps: { inline: [/@hono\/zod-/, /@asteasolutions\/zod-to-openapi/] } });

export default defineConfig({
  test: {
    // Access-log lines of passing tests are noise; a failing test still prints them.
    silent: 'passed-only',
    projects: [
      {
        resolve: resolve(),
        test: {
          name: 'unit',
          environment: 'node',
          server: server(),
          include: [
            'test/domain/**/*.test.ts',
            'test/scripts/**/*.test.ts',
            'test/openapi/**/*.test.ts',
            'test/desk/**/*.test.ts',
          ],
        },
      },
      {
        // The API in process, as hono's own tests run it (`app.request()`): the
        // calculators and the request validation, which need no storage and no Java.
        resolve: resolve(),
        test: {
          name: 'api',
          environment: 'node',
          server: server(),
          include: ['test/api/**/*.test.ts'],
        },
      },
      {
        resolve: resolve(),
        test: {
          name: 'storage',
          environment: 'node',
          server: server(),
          // The services run on DynamoDB Local too, with no Hono in their tests.
          include: ['test/storage/**/*.test.ts', 'test/services/**/*.test.ts'],
          globalSetup: ['test/setup/dynamodb.global.ts'],
        },
      },
      {
        // The storage suite again "as if on YDB" (issue 18: Russian customers' data stays in
        // Russia): tables with YDB's definition, clients that refuse what YDB's Document API
        // lacks (test/support/document-api-client.ts; test/storage/helpers.ts reads the flag).
        resolve: resolve(),
        test: {
          name: 'storage-ydb',
          environment: 'node',
          server: server(),
          include: ['test/storage/**/*.test.ts', 'test/services/**/*.test.ts'],
          exclude: [
            // Their own DynamoDB Local (stopped, frozen) and a plain client: nothing to wrap.
            'test/storage/outage.test.ts',
            'test/storage/http-outage.test.ts',
            'test/storage/frozen.test.ts',
            // No table: pure mapping, and the wrapper's own test (run by `storage`).
            'test/storage/errors.test.ts',
            'test/storage/document-api-client.test.ts',
            // DynamoDB's write-unit budgets, on KEYS_ONLY indexes (YDB bills in its own units).
            'test/storage/**/*write-units*.test.ts',
            'test/storage/**/*capacity*.test.ts',
            // The slowest, for no YDB finding (CI time): legacy DynamoDB tables only; 1,000 late
            // shipments paged (Query behaves alike); the worst-case claim (it counts every
            // transaction's items itself).
            'test/storage/migrate.test.ts',
            'test/storage/shipments-late.test.ts',
            'test/storage/claim-worst-case.test.ts',
          ],
          globalSetup: ['test/setup/dynamodb.global.ts'],
          provide: { documentApi: true },
        },
      },
      {
        // The HTTP suite runs inside workerd (the runtime we ship), against a real
        // DynamoDB Local started by the global setup.
        resolve: resolve(),
        plugins: [
          cloudflareTest(({ inject }) => ({
            main: './test/http/worker.ts',
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
                DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
                DYNAMODB_TABLE: inject('dynamoTable'),
                // Shops' CDEK credentials are sealed with it (test/http/carrier-accounts.test.ts).
                CARRIER_SECRET: 'the carrier secret of the HTTP tests, 32+ chars',
                // Webhooks to the suite's receiver (test/setup/webhook-receiver.global.ts).
                WEBHOOK_ALLOW_LOCAL: 'true',
                WEBHOOK_TEST_RECEIVER: inject('webhookReceiver'),
              },
              // The suite makes thousands of requests from one address and a few keys: the
              // shipped limiters get room for them; test/http/rate-limit.test.ts builds an app
              // on the low ones to reach a limit.
              r2Buckets: ['EVIDENCE_FILES', 'AUDIT_FILES'],
              ratelimits: {
                RATE_LIMIT_PER_KEY: { simple: { limit: 1_000_000, period: 60 } },
                RATE_LIMIT_PER_ADDRESS: { simple: { limit: 1_000_000, period: 60 } },
                LOW_RATE_LIMIT_PER_KEY: { simple: { limit: 3, period: 60 } },
                LOW_RATE_LIMIT_PER_ADDRESS: { simple: { limit: 3, period: 60 } },
              },
            },
          })),
        ],
        test: {
          name: 'workers',
          include: ['test/http/**/*.test.ts'],
          // After each file: every status it provoked is documented on its operation.
          setupFiles: ['test/http/statuses.setup.ts'],
          // wrangler.toml's [assets] directory must exist before the pool reads the config.
          globalSetup: [
            'test/setup/dynamodb.global.ts',
            'test/setup/docs-assets.global.ts',
            'test/setup/webhook-receiver.global.ts',
          ],
          testTimeout: 30_000,
        },
      },
      {
        // End to end through `npm start` itself (its Worker in wrangler's local runtime with the
        // queues and their dead-letter queues, its DynamoDB Local), started once by the global
        // setup: webhooks sent to a real receiver on 127.0.0.1, crons, an audit (test/e2e).
        resolve: resolve(),
        test: {
          name: 'e2e',
          environment: 'node',
          server: server(),
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 90_000,
          fileParallelism: false,
        },
      },
      {
        // The clerk desk in a real Chromium, against the Worker under `wrangler dev` and a
        // DynamoDB Local, both started by the global setup. Files run one at a time: each
        // drives a browser, and two cores are all CI has. (The Worker itself is bundled by
        // wrangler, aliases included; these are for what the tests import.)
        resolve: resolve(),
        test: {
          name: 'browser',
          environment: 'node',
          server: server(),
          include: ['test/browser/**/*.test.ts'],
          // wrangler.toml's [assets] directory, before the setup starts `wrangler dev`.
          globalSetup: ['test/setup/docs-assets.global.ts', 'test/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
