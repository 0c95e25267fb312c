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
          ],
        },
      },
      {
        test: {
          name: 'storage',
          environment: 'node',
          include: ['test/storage/**/*.test.ts'],
          globalSetup: ['test/setup/dynamodb.global.ts'],
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
            },
          })),
        ],
        test: {
          name: 'workers',
          include: ['test/http/**/*.test.ts'],
          globalSetup: ['test/setup/dynamodb.global.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
