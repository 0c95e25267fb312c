/**
 * Building the DynamoDB client for the Worker, the scripts and the tests.
 * No `node:` imports here: this runs inside workerd too.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { markMayHaveArrived, mayHaveArrived } from './errors';

export interface DynamoClientOptions {
  /** e.g. `http://127.0.0.1:8000` for DynamoDB Local; omit for AWS. */
  endpoint?: string;
  region: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Per attempt; default 5000 ms. */
  requestTimeoutMs?: number;
}

/** DynamoDB Local ignores credentials but the signer needs some (letters and digits only). */
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/**
 * A client that fails fast: 2 attempts and bounded timeouts, so an outage
 * surfaces as `StorageUnavailableError` (503 + Retry-After) within seconds
 * instead of a hung request.
 *
 * @example
 * const client = createDynamoClient({ endpoint: 'http://127.0.0.1:8000', region: 'eu-central-1' });
 */
export function createDynamoClient(options: DynamoClientOptions): DynamoDBClient {
  const timeout = options.requestTimeoutMs ?? 5000;
  const credentials =
    options.credentials ?? (options.endpoint === undefined ? undefined : LOCAL_CREDENTIALS);
  const client = new DynamoDBClient({
    region: options.region,
    maxAttempts: 2,
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(credentials === undefined ? {} : { credentials }),
    requestHandler: {
      connectionTimeout: Math.min(timeout, 2000),
      requestTimeout: timeout,
      throwOnRequestTimeout: true,
      // Node only (ignored by the fetch handler in workerd): room for bursts of parallel writes.
      httpAgent: { keepAlive: true, maxSockets: 128 },
    },
  });
  trackArrivals(client);
  return client;
}

/**
 * Remembers, per command, whether any attempt may have reached DynamoDB (sent and no
 * answer, or a 5xx), and marks the command's final error so: the SDK retries (2
 * attempts) and reports only the last attempt's error, and "connection refused" on
 * the retry says nothing about a first attempt that timed out after it was sent.
 * `toStorageError(error, { write: true })` reads the mark (see ./errors.ts).
 */
function trackArrivals(client: DynamoDBClient): void {
  const arrived = new WeakSet<object>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (mayHaveArrived(error)) arrived.add(context);
        throw error;
      }
    },
    // Inside the retry loop (finalizeRequest): runs once per attempt.
    { step: 'deserialize', name: 'parcelClaimsAttemptOutcome' },
  );
  client.middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (arrived.has(context)) markMayHaveArrived(error);
        throw error;
      }
    },
    // Outside the retry loop: runs once per command, with its final error.
    { step: 'initialize', name: 'parcelClaimsCommandOutcome' },
  );
}
