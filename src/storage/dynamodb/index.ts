/**
 * The DynamoDB storage, wired: what the Worker, the scripts and the tests build.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoShipmentAnnouncementRepository } from './shipment-announcements';
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
import { DynamoCarrierAccountRepository } from './carrier-account-repository';
import { DynamoTallyRepository } from './tally-repository';
import type { DynamoTable } from './table-context';
import { DynamoCarrierHookRepository } from './carrier-hooks';
import { DynamoUnmatchedEventRepository } from './unmatched-events';
import { DynamoWebhookRepository } from './webhook-repository';
import { DynamoAuditRepository } from './audit-repository';

export { createDynamoClient, type DynamoClientOptions } from './client';
export { DynamoClaimRepository } from './claim-repository';
export { DynamoApiKeyRepository } from './api-key-repository';
export { DynamoShopRepository } from './shop-repository';
export { DynamoMessageSentRepository } from './message-repository';
export { DynamoDeskSessionRepository } from './desk-session-repository';
export { DynamoShipmentRepository } from './shipment-repository';
export { DynamoRemedyRepository } from './remedy-repository';
export { DynamoNoteRepository } from './note-repository';
export { DynamoStatusCountRepository } from './status-counts';
export { DynamoAnalyticsRepository } from './analytics-repository';
export { DynamoTallyRepository } from './tally-repository';
export { DynamoCarrierHookRepository } from './carrier-hooks';
export { DynamoUnmatchedEventRepository } from './unmatched-events';
export { toStorageError } from './errors';
export { DynamoCarrierAccountRepository } from './carrier-account-repository';
export { localCursorSecret, type DynamoTable } from './table-context';
export { DynamoWebhookRepository } from './webhook-repository';
export { DynamoAuditRepository } from './audit-repository';

/** What the storage needs besides the client. */
export interface StorageOptions {
  tableName: string;
  /** Trust a found API key this long without a read (see ../api-key-cache.ts); default 0. */
  apiKeyCacheMs?: number;
  /** Seals list cursors; default a local-only key (see DynamoTable). */
  cursorSecret?: string | undefined;
  /** Shards of the clerk-wide views (VIEW_SHARDS). */
  viewShards?: number | undefined;
}

/**
 * Every repository on one client and table.
 *
 * @example
 * const storage = storageOn(client, { tableName: 'parcel-claims', viewShards: 4 });
 */
export function storageOn(client: DynamoDBClient, options: StorageOptions): Storage {
  const table: DynamoTable = {
    client,
    tableName: options.tableName,
    viewShards: options.viewShards,
    cursorSecret: options.cursorSecret,
  };
  const apiKeys = new DynamoApiKeyRepository(table);
  return {
    claims: new DynamoClaimRepository(table),
    apiKeys: withApiKeyCache(apiKeys, { ttlMs: options.apiKeyCacheMs ?? 0 }),
    shipments: new DynamoShipmentRepository(table),
    shops: new DynamoShopRepository(table),
    messagesSent: new DynamoMessageSentRepository(table),
    remedies: new DynamoRemedyRepository(table),
    deskSessions: new DynamoDeskSessionRepository(table),
    notes: new DynamoNoteRepository(table),
    statusCounts: new DynamoStatusCountRepository(table),
    analytics: new DynamoAnalyticsRepository(table),
    tallies: new DynamoTallyRepository(table),
    carrierAccounts: new DynamoCarrierAccountRepository(table),
    carrierHooks: new DynamoCarrierHookRepository(table),
    unmatchedEvents: new DynamoUnmatchedEventRepository(table),
    webhooks: new DynamoWebhookRepository(table),
    shipmentAnnouncements: new DynamoShipmentAnnouncementRepository(table),
    audits: new DynamoAuditRepository(table),
  };
}

/**
 * @example
 * const storage = createDynamoStorage({ endpoint: env.DYNAMODB_ENDPOINT, region: 'eu-central-1', tableName: env.DYNAMODB_TABLE });
 * await storage.claims.get(id);
 */
export function createDynamoStorage(options: DynamoClientOptions & StorageOptions): Storage {
  return storageOn(createDynamoClient(options), options);
}
