/**
 * `npm run migrate` on a table made before shipments: it creates the late indexes, and
 * the late listing works on the migrated table.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor } from '../../scripts/create-table';
import { startDynamoLocal, type DynamoLocal } from '../../scripts/dynamodb-local';
import { migrateIndexes } from '../../scripts/migrate-indexes';
import { DynamoShipmentRepository } from '../../src/storage/dynamodb';
import { createTableWithout } from './helpers';

const SHIPMENT_INDEXES = ['shopLateShipments', 'lateShipments'];

// A DynamoDB Local of its own, as the claim migration test has: an index backfill on the
// shared, busy instance can stall.
let db: DynamoLocal;
beforeAll(async () => {
  db = await startDynamoLocal();
}, 60_000);
afterAll(() => db.stop());

describe('npm run migrate on a table made before shipments', () => {
  it('creates the late indexes, and a second run creates nothing', async () => {
    const tableName = `t-${randomUUID()}`;
    const client = clientFor({ endpoint: db.endpoint, region: 'eu-central-1', tableName });
    await createTableWithout(client, tableName, SHIPMENT_INDEXES);

    const report = await migrateIndexes(client, tableName, { pollMs: 100 });
    expect(report.indexesCreated).toEqual(SHIPMENT_INDEXES);

    const shipments = new DynamoShipmentRepository({ client, tableName });
    const page = await shipments.listLate({ before: '2025-03-10' }, { limit: 5, caller: 'clerk' });
    expect(page.items).toEqual([]);
    expect((await migrateIndexes(client, tableName, { pollMs: 100 })).indexesCreated).toEqual([]);
  }, 90_000);
});
