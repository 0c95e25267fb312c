/**
 * The YDB stand-in itself (test/support/document-api-client.ts): what it refuses before
 * sending, what it strips from answers, how it composes with the write-unit meter, and that the
 * YDB table definition differs from DynamoDB's in the projection only.
 */
import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  UpdateTableCommand,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { clientFor, ensureTable, tableTarget } from '../../scripts/create-table';
import { meterWrites } from '../../scripts/bench/capacity';
import { toStorageError } from '../../src/storage/dynamodb/errors';
import { transact } from '../../src/storage/dynamodb/transact';
import { indexDefinition, tableDefinition } from '../../src/storage/table';
import { documentApiClient, DocumentApiRefusal } from '../support/document-api-client';

const endpoint = inject('dynamoEndpoint');
const tableName = `ydb-${crypto.randomUUID()}`;
const plain = clientFor({ endpoint, region: 'eu-central-1', tableName });
await ensureTable(plain, tableName, { target: 'ydb' });
const ydb = documentApiClient(clientFor({ endpoint, region: 'eu-central-1', tableName }));

const put = (sk: string, extra: Partial<TransactWriteItem['Put']> = {}): TransactWriteItem => ({
  Put: { TableName: tableName, Item: { pk: { S: 'P' }, sk: { S: sk } }, ...extra },
});
const puts = (n: number) => Array.from({ length: n }, (_, i) => put(`S${i}`));
const refusal = (parameter: RegExp) =>
  expect.objectContaining({
    name: 'DocumentApiRefusal',
    parameter: expect.stringMatching(parameter),
  });

describe('the YDB table definition', () => {
  it('is DynamoDB’s with every index projecting ALL', () => {
    const dynamo = tableDefinition('t');
    const onYdb = tableDefinition('t', { target: 'ydb' });
    expect(onYdb.GlobalSecondaryIndexes.map((i) => i.Projection)).toEqual(
      dynamo.GlobalSecondaryIndexes.map(() => ({ ProjectionType: 'ALL' })),
    );
    const without = (d: typeof dynamo) => ({ ...d, GlobalSecondaryIndexes: undefined });
    expect(without(onYdb)).toEqual(without(dynamo));
    expect(indexDefinition('gsi1').Projection).toEqual({ ProjectionType: 'KEYS_ONLY' });
  });

  it('is chosen for a Document API endpoint, or by --target', () => {
    expect(
      tableTarget(undefined, 'https://docapi.serverless.yandexcloud.net/ru-central1/b1g/etn'),
    ).toBe('ydb');
    expect(tableTarget(undefined, 'http://127.0.0.1:8000')).toBe('dynamodb');
    expect(tableTarget(undefined, undefined)).toBe('dynamodb');
    expect(tableTarget('ydb', undefined)).toBe('ydb');
    expect(() => tableTarget('cosmos', undefined)).toThrow(/--target/);
  });

  it('is created on YDB with the static key from the environment, not the local dummy', async () => {
    const connection = {
      endpoint: 'https://docapi.serverless.yandexcloud.net/ru-central1/b1g/etn',
      region: 'ru-central1',
      tableName: 't',
    };
    const env = { AWS_ACCESS_KEY_ID: 'YCAJ-key', AWS_SECRET_ACCESS_KEY: 'YCP-secret' };
    const onYdb = clientFor(connection, env);
    expect(await onYdb.config.credentials()).toMatchObject({ accessKeyId: 'YCAJ-key' });
    const local = clientFor({ ...connection, endpoint: endpoint }, env);
    expect(await local.config.credentials()).toMatchObject({ accessKeyId: 'local' });
  });

  it('is what the wrapper lets CreateTable send; DynamoDB’s KEYS_ONLY is refused', async () => {
    await expect(ydb.send(new CreateTableCommand(tableDefinition('t-keys-only')))).rejects.toEqual(
      refusal(/GlobalSecondaryIndexes\[0\]\.Projection\.ProjectionType=KEYS_ONLY/),
    );
    const name = `ydb-${crypto.randomUUID()}`;
    expect(await ensureTable(ydb, name, { target: 'ydb' })).toBe('created');
  });
});

describe('documentApiClient refuses what the Document API lacks', () => {
  it.each([
    ['26 actions in a transaction', { TransactItems: puts(26) }, /TransactItems \(26\)/],
    [
      'a ClientRequestToken',
      { TransactItems: puts(1), ClientRequestToken: 't' },
      /ClientRequestToken/,
    ],
    [
      'an item returned on a failed condition',
      { TransactItems: [put('X', { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' })] },
      /TransactItems\[0\]\.Put\.ReturnValuesOnConditionCheckFailure/,
    ],
    ['INDEXES capacity', { TransactItems: puts(1), ReturnConsumedCapacity: 'INDEXES' }, /INDEXES/],
    [
      'item collection metrics',
      { TransactItems: puts(1), ReturnItemCollectionMetrics: 'SIZE' },
      /ReturnItemCollectionMetrics/,
    ],
  ] as const)('TransactWriteItems with %s', async (_, input, parameter) => {
    const sent = ydb.send(new TransactWriteItemsCommand(input as never));
    await expect(sent).rejects.toEqual(refusal(parameter));
  });

  it('26 gets in a TransactGetItems', async () => {
    const gets = Array.from({ length: 26 }, (_, i) => ({
      Get: { TableName: tableName, Key: { pk: { S: 'P' }, sk: { S: `S${i}` } } },
    }));
    await expect(ydb.send(new TransactGetItemsCommand({ TransactItems: gets }))).rejects.toEqual(
      refusal(/TransactItems \(26\)/),
    );
  });

  it('ReturnValuesOnConditionCheckFailure on a single-item write', async () => {
    const input = { ...put('X').Put!, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const };
    await expect(ydb.send(new PutItemCommand(input))).rejects.toEqual(
      refusal(/^ReturnValuesOnConditionCheckFailure$/),
    );
  });

  it('Select, ConsistentRead on an index, a parallel Scan', async () => {
    const query = {
      TableName: tableName,
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': { S: 'P' } },
    };
    await expect(
      ydb.send(
        new QueryCommand({ ...query, Select: 'SPECIFIC_ATTRIBUTES', ProjectionExpression: 'sk' }),
      ),
    ).rejects.toEqual(refusal(/Select=SPECIFIC_ATTRIBUTES/));
    const onIndex = {
      TableName: tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': { S: 'P' } },
      ConsistentRead: true,
    };
    await expect(ydb.send(new QueryCommand(onIndex))).rejects.toEqual(
      refusal(/ConsistentRead on an IndexName/),
    );
    await expect(
      ydb.send(new ScanCommand({ TableName: tableName, Segment: 0, TotalSegments: 2 })),
    ).rejects.toEqual(refusal(/Segment/));
  });

  it('UpdateTable adding two indexes at once, or one not projecting ALL', async () => {
    const create = (name: 'gsi1' | 'gsi2', target: 'ydb' | 'dynamodb') => {
      const { IndexName, KeySchema, Projection } = indexDefinition(name, target);
      return { Create: { IndexName: `${IndexName}b`, KeySchema, Projection } };
    };
    const two = {
      TableName: tableName,
      GlobalSecondaryIndexUpdates: [create('gsi1', 'ydb'), create('gsi2', 'ydb')],
    };
    await expect(ydb.send(new UpdateTableCommand(two))).rejects.toEqual(
      refusal(/GlobalSecondaryIndexUpdates \(2\)/),
    );
    const keysOnly = {
      TableName: tableName,
      GlobalSecondaryIndexUpdates: [create('gsi1', 'dynamodb')],
    };
    await expect(ydb.send(new UpdateTableCommand(keysOnly))).rejects.toEqual(
      refusal(/Create\.Projection\.ProjectionType=KEYS_ONLY/),
    );
  });

  it('is a bug to the storage layer, never an outage', () => {
    const error = new DocumentApiRefusal(
      'TransactWriteItemsCommand',
      'ClientRequestToken',
      'is "Not supported"',
      'https://yandex.cloud/en/docs/ydb/docapi/api-ref/actions/transactWriteItems',
    );
    expect(toStorageError(error, { write: true })).toBe(error);
    expect(toStorageError(error)).toBe(error);
  });
});

describe('documentApiClient answers as YDB does', () => {
  it('sends no item back with a failed condition or in a cancellation reason', async () => {
    const item = { pk: { S: 'P' }, sk: { S: 'TAKEN' } };
    await plain.send(new PutItemCommand({ TableName: tableName, Item: item }));
    // Inside the wrapper (as the meter is), DynamoDB Local is asked for the item anyway: it
    // comes back from Local, and the wrapper drops it on the way out, as YDB never sends it.
    const asking = documentApiClient(clientFor({ endpoint, region: 'eu-central-1', tableName }));
    const raw: unknown[] = [];
    asking.middlewareStack.add(
      (next) => async (args) => {
        const input = args.input as Record<string, unknown>;
        const items = input.TransactItems as { Put: Record<string, unknown> }[] | undefined;
        if (items === undefined) input.ReturnValuesOnConditionCheckFailure = 'ALL_OLD';
        for (const action of items ?? [])
          action.Put.ReturnValuesOnConditionCheckFailure = 'ALL_OLD';
        return next(args).catch((error: unknown) => {
          const e = error as { Item?: unknown; CancellationReasons?: object[] };
          const reasons = e.CancellationReasons?.map((reason) => ({ ...reason }));
          raw.push({ Item: e.Item, CancellationReasons: reasons });
          throw error;
        });
      },
      { step: 'initialize', name: 'askForTheItem' },
    );
    const condition = { ConditionExpression: 'attribute_not_exists(pk)' };
    const failed = await asking
      .send(
        new TransactWriteItemsCommand({
          TransactItems: [{ Put: { TableName: tableName, Item: item, ...condition } }],
        }),
      )
      .catch((error: unknown) => error);
    expect(raw[0]).toMatchObject({
      CancellationReasons: [{ Code: 'ConditionalCheckFailed', Item: item }],
    });
    expect(failed).toMatchObject({ CancellationReasons: [{ Code: 'ConditionalCheckFailed' }] });
    expect((failed as { CancellationReasons: object[] }).CancellationReasons[0]).not.toHaveProperty(
      'Item',
    );
    const single = await asking
      .send(new PutItemCommand({ TableName: tableName, Item: item, ...condition }))
      .catch((error: unknown) => error);
    expect(raw[1]).toMatchObject({ Item: item });
    expect(single).toBeInstanceOf(ConditionalCheckFailedException);
    expect(single).not.toHaveProperty('Item');
  });

  it('can leave only the message of a cancellation (the form YDB’s docs show)', async () => {
    const bare = documentApiClient(clientFor({ endpoint, region: 'eu-central-1', tableName }), {
      reasonsInMessageOnly: true,
    });
    const item = { pk: { S: 'P' }, sk: { S: 'TAKEN' } };
    const failed = await bare
      .send(
        new TransactWriteItemsCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName,
                Item: item,
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      )
      .catch((error: unknown) => error);
    expect(failed).toMatchObject({
      name: 'TransactionCanceledException',
      message: expect.stringContaining('[ConditionalCheckFailed]'),
    });
    expect(failed).not.toHaveProperty('CancellationReasons');
  });

  it('answers a Scan 100 items at a time, whatever Limit asks', async () => {
    const name = `ydb-scan-${crypto.randomUUID()}`;
    await ensureTable(plain, name, { target: 'ydb' });
    for (let i = 0; i < 150; i += 25) {
      const batch = Array.from({ length: 25 }, (_, j) => ({
        Put: { TableName: name, Item: { pk: { S: `P${i + j}` }, sk: { S: 'S' } } },
      }));
      await plain.send(new TransactWriteItemsCommand({ TransactItems: batch }));
    }
    const page = await ydb.send(new ScanCommand({ TableName: name, Limit: 1000 }));
    expect(page.Items).toHaveLength(100);
    expect(page.LastEvaluatedKey).toBeDefined();
    expect(
      (await plain.send(new ScanCommand({ TableName: name, Limit: 1000 }))).Items,
    ).toHaveLength(150);
  });

  it('composes with the write-unit meter: the code is judged, the meter’s INDEXES is not', async () => {
    const metered = documentApiClient(clientFor({ endpoint, region: 'eu-central-1', tableName }));
    // Added after the wrapper, and still inside it (the wrapper runs at priority high).
    const meter = meterWrites(metered);
    await transact(metered, [put('METERED')]);
    expect(meter.take()).toMatchObject({ requests: 1, total: 2 });
    await expect(
      metered.send(
        new TransactWriteItemsCommand({
          TransactItems: [put('M2')],
          ReturnConsumedCapacity: 'INDEXES',
        }),
      ),
    ).rejects.toEqual(refusal(/INDEXES/));
  });
});
