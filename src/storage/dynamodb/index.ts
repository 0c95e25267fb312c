/**
 * The DynamoDB storage, wired: what the Worker and the scripts build from config.
 */
import { withApiKeyCache } from '../api-key-cache';
import type { Storage } from '../repository';
import { DynamoApiKeyRepository } from './api-key-repository';
import { DynamoClaimRepository } from './claim-repository';
import { DynamoDeskSessionRepository } from './desk-session-repository';
import { createDynamoClient, type DynamoClientOptions } from './client';
import { DynamoShopRepository } from './shop-repository';
import { DynamoMessageSentRepository } from './message-repository';
import { DynamoShipmentRepository } from './shipment-repository';
import { DynamoRemedyRepository } from './remedy-repository';
import { DynamoNoteRepository } from './note-repository';
import { DynamoStatusCountRepository } from './status-counts';
import { DynamoAnalyticsRepository } from './analytics-repository';

export { createDynamoClient, type DynamoClientOptions } from './client';
export { DynamoClaimRepository, type DynamoRepositoryOptions } from './claim-repository';
export { DynamoApiKeyRepository } from './api-key-repository';
export { DynamoShopRepository } from './shop-repository';
export { DynamoMessageSentRepository } from './message-repository';
export { DynamoDeskSessionRepository } from './desk-session-repository';
export { DynamoShipmentRepository } from './shipment-repository';
export { DynamoRemedyRepository } from './remedy-repository';
export { DynamoNoteRepository } from './note-repository';
export { DynamoStatusCountRepository } from './status-counts';
export { DynamoAnalyticsRepository } from './analytics-repository';
export { aggregateItems, remedyAggregateItems } from './aggregates';
export { toStorageError } from './errors';

/**
 * @example
 * const storage = createDynamoStorage({ endpoint: env.DYNAMODB_ENDPOINT, region: 'eu-central-1', tableName: env.DYNAMODB_TABLE });
 * await storage.claims.get(id);
 */
export function createDynamoStorage(
  options: DynamoClientOptions & {
    tableName: string;
    /** Trust a found API key this long without a read (see ../api-key-cache.ts); default 0. */
    apiKeyCacheMs?: number;
    /** Seals list cursors; default a local-only key (see DynamoRepositoryOptions). */
    cursorSecret?: string;
    /** Shipments remembered for the next event's write (see ./shipment-cache.ts); 0: none. */
    shipmentCacheSize?: number;
  },
): Storage {
  const client = createDynamoClient(options);
  const apiKeys = new DynamoApiKeyRepository({ client, tableName: options.tableName });
  const cursorSecret = options.cursorSecret ? { cursorSecret: options.cursorSecret } : {};
  return {
    claims: new DynamoClaimRepository({
      client,
      tableName: options.tableName,
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
    shops: new DynamoShopRepository({ client, tableName: options.tableName }),
    messagesSent: new DynamoMessageSentRepository({ client, tableName: options.tableName }),
    remedies: new DynamoRemedyRepository({ client, tableName: options.tableName }),
    deskSessions: new DynamoDeskSessionRepository({ client, tableName: options.tableName }),
    notes: new DynamoNoteRepository({ client, tableName: options.tableName }),
    statusCounts: new DynamoStatusCountRepository({ client, tableName: options.tableName }),
    analytics: new DynamoAnalyticsRepository({ client, tableName: options.tableName }),
  };
}
