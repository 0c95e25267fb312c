/**
 * scripts/migrate-indexes.ts on DynamoDB Local: a table made before the shop indexes
 * (byShopWaybill, shopOverdue), with claims written then, is brought to the current layout.
 */
import { randomUUID } from 'node:crypto';
import { DescribeTableCommand, GetItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor } from '../../scripts/create-table';
import { startDynamoLocal, type DynamoLocal } from '../../scripts/dynamodb-local';
import { migrateIndexes } from '../../scripts/migrate-indexes';
import { DynamoClaimRepository } from '../../src/storage/dynamodb';
import { claimKey } from '../../src/storage/dynamodb/items';
import { INDEXES } from '../../src/storage/table';
import { at, createTableWithout, newClaim, storeFiled } from './helpers';

const NEW_INDEXES = ['byShopWaybill', 'shopOverdue'];

// A DynamoDB Local of its own: adding an index to a table waits for its backfill, which the
// shared instance, busy with the other storage files' tables, can hold up for minutes.
let db: DynamoLocal;
beforeAll(async () => {
  db = await startDynamoLocal();
}, 60_000);
afterAll(() => db.stop());

/** The table as it was defined before the shop indexes. */
async function oldTable() {
  const tableName = `t-${randomUUID()}`;
  const client = clientFor({
    endpoint: db.endpoint,
    region: 'eu-central-1',
    tableName,
  });
  await createTableWithout(client, tableName, NEW_INDEXES);
  return { client, tableName, claims: new DynamoClaimRepository({ client, tableName }) };
}

describe('npm run migrate (scripts/migrate-indexes.ts)', () => {
  it('adds the shop indexes and the index attributes of old claims; a second run changes nothing', async () => {
    const { client, tableName, claims } = await oldTable();
    const mine = [0, 1, 2].map(
      (i) =>
        newClaim({ shopId: 'shop-a', waybill: 'WB-1', createdAt: at(i), answerDueBy: '2025-03-05' })
          .claim,
    );
    const settled = {
      ...newClaim({ shopId: 'shop-a', waybill: 'WB-1', createdAt: at(3) }).claim,
      status: 'paid' as const,
    };
    const other = newClaim({
      shopId: 'shop-b',
      waybill: 'WB-1',
      createdAt: at(4),
      answerDueBy: '2025-03-05',
    }).claim;
    await storeFiled(claims, [...mine, settled, other]);
    // What the code of that time wrote: no shop waybill / shop overdue attributes.
    for (const claim of [...mine, settled, other]) {
      await client.send(
        new UpdateItemCommand({
          TableName: tableName,
          Key: claimKey(claim.id),
          UpdateExpression: 'REMOVE shopWaybillPk, shopOpenPk',
        }),
      );
    }

    const report = await migrateIndexes(client, tableName, { pollMs: 100 });
    expect(report).toEqual({
      indexesCreated: NEW_INDEXES,
      claimsRead: 5,
      claimsRewritten: 5,
      claimsSkipped: 0,
    });
    const { Table: table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(
      Object.keys(INDEXES).sort(),
    );
    const stored = await client.send(
      new GetItemCommand({ TableName: tableName, Key: claimKey(settled.id) }),
    );
    expect(stored.Item?.shopWaybillPk?.S).toBe('shop#shop-a#waybill#WB-1');
    expect(stored.Item?.shopOpenPk).toBeUndefined();

    const caller = 'key-shop-a';
    const byWaybill = await claims.list(
      { shopId: 'shop-a', waybill: 'WB-1' },
      { limit: 10, caller },
    );
    expect(byWaybill.items.map((c) => c.id)).toEqual(
      [settled, ...mine.slice().reverse()].map((c) => c.id),
    );
    const overdue = await claims.list(
      { shopId: 'shop-a', overdueAsOf: '2025-04-01' },
      { limit: 10, caller },
    );
    expect(overdue.items.map((c) => c.id)).toEqual(
      mine
        .slice()
        .reverse()
        .map((c) => c.id),
    );

    expect(await migrateIndexes(client, tableName, { pollMs: 100 })).toEqual({
      indexesCreated: [],
      claimsRead: 5,
      claimsRewritten: 0,
      claimsSkipped: 0,
    });
  }, 60_000);
});
