/**
 * The DynamoDB storage, wired: what the Worker and the scripts build from config.
 */
import { withApiKeyCache } from '../api-key-cache';
import type { Storage } from '../repository';
import { DynamoApiKeyRepository } from './api-key-repository';
import { DynamoClaimRepository } from './claim-repository';
import { createDynamoClient, type DynamoClientOptions } from './client';
import { DynamoShipmentRepository } from './shipment-repository';

export { createDynamoClient, type DynamoClientOptions } from './client';
export { DynamoClaimRepository, type DynamoRepositoryOptions } from './claim-repository';
export { DynamoApiKeyRepository } from './api-key-repository';
export { DynamoShipmentRepository } from './shipment-repository';
export { toStorageError } from './errors';

/**
 * @example
 * const storage = createDynamoStorage({ endpoint: env.DYNAMODB_ENDPOINT, region: 'eu-central-1', tableName: env.DYNAMODB_TABLE });
 * await storage.claims.get(id);
 */
export function createDynamoStorage(
  options: DynamoClientOptions & {
    tableName: string;
    now?: () => number;
    /** Trust a found API key this long without a read (see ../api-key-cache.ts); default 0. */
    apiKeyCacheMs?: number;
    /** Seals list cursors; default a local-only key (see DynamoRepositoryOptions). */
    cursorSecret?: string;
    /** Shipments remembered for the next event's write (see ./shipment-cache.ts); 0: none. */
    shipmentCacheSize?: number;
  },
): Storage {
  const client = createDynamoClient(options);
  // One clock for the app and storage: idempotency expiry is judged by the time that stamped it.
  const now = options.now ? { now: options.now } : {};
  const apiKeys = new DynamoApiKeyRepository({ client, tableName: options.tableName });
  const cursorSecret = options.cursorSecret ? { cursorSecret: options.cursorSecret } : {};
  return {
    claims: new DynamoClaimRepository({
      client,
      tableName: options.tableName,
      ...now,
      ...cursorSecret,
    }),
    apiKeys: withApiKeyCache(apiKeys, { ttlMs: options.apiKeyCacheMs ?? 0 }),
    shipments: new DynamoShipmentRepository({
      client,
      tableName: options.tableName,
      ...cursorSecret,
      ...(options.shipmentCacheSize === undefined
        ? {}
        : { shipmentCacheSize: options.shipmentCacheSize }),
    }),
  };
}
