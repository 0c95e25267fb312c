import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Access-log lines of passing tests are noise; a failing test still prints them.
    silent: 'passed-only',
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
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
        test: {
          name: 'api',
          environment: 'node',
          include: ['test/api/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'storage',
          environment: 'node',
          // The services run on DynamoDB Local too, with no Hono in their tests.
          include: ['test/storage/**/*.test.ts', 'test/services/**/*.test.ts'],
          globalSetup: ['test/setup/dynamodb.global.ts'],
        },
      },
      {
        // The storage suite again "as if on YDB" (issue 18: Russian customers' data stays in
        // Russia): tables with YDB's definition, clients that refuse what YDB's Document API
        // lacks (test/support/document-api-client.ts; test/storage/helpers.ts reads the flag).
        test: {
          name: 'storage-ydb',
          environment: 'node',
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
        plugins: [
          cloudflareTest(({ inject }) => ({
            main: './test/http/worker.ts',
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
                DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
                DYNAMODB_TABLE: inject('dynamoTable'),
              },
              // The suite makes thousands of requests from one address and a few keys: the
              // shipped limiters get room for them; test/http/rate-limit.test.ts builds an app
              // on the low ones to reach a limit.
              r2Buckets: ['EVIDENCE_FILES'],
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
          globalSetup: ['test/setup/dynamodb.global.ts', 'test/setup/docs-assets.global.ts'],
          testTimeout: 30_000,
        },
      },
      {
        // The clerk desk in a real Chromium, against the Worker under `wrangler dev` and a
        // DynamoDB Local, both started by the global setup. Files run one at a time: each
        // drives a browser, and two cores are all CI has.
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
