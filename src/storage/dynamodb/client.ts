/**
 * Building the DynamoDB client for the Worker, the scripts and the tests.
 * No `node:` imports here: this runs inside workerd too.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

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
  return new DynamoDBClient({
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
}
