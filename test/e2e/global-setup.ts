/**
 * Vitest globalSetup of the end-to-end project: `npm start` itself (scripts/start.ts: DynamoDB
 * Local, the table, the demo keys, the Worker in wrangler's local runtime with its queues and
 * dead-letter queues emulated), run as a child with its data in a temporary folder (scripts/start-child.ts).
 * A failed webhook delivery is retried after 1 s instead of the Standard Webhooks minutes and
 * hours (WEBHOOK_RETRY_SCHEDULE: as many entries as wrangler.toml's max_retries, so the last
 * attempt's message reaches the dead-letter queue as in production). One Worker for every file.
 */
import type { TestProject } from 'vitest/node';
import { startChild } from '../../scripts/start-child';

declare module 'vitest' {
  interface ProvidedContext {
    e2e: {
      base: string;
      dynamoEndpoint: string;
      table: string;
      shopKey: string;
      clerkKey: string;
      /** npm start's output (wrangler's log), as it grows. */
      logFile: string;
    };
  }
}

/** Seven retries a second apart: eight attempts, then the dead-letter queue. */
export const E2E_RETRY_SCHEDULE = '1,1,1,1,1,1,1';

export default async function setup({ provide }: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  const child = await startChild({
    table: 'e2e',
    env: { WEBHOOK_RETRY_SCHEDULE: E2E_RETRY_SCHEDULE },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`e2e: npm start ready on ${child.base} in ${seconds} s`);
  provide('e2e', {
    base: child.base,
    dynamoEndpoint: child.dynamoEndpoint,
    table: child.table,
    shopKey: child.keys.shop.key,
    clerkKey: child.keys.clerk.key,
    logFile: child.logFile,
  });
  return () => child.stop();
}
