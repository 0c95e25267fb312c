/**
 * Shipment storage for tests: instances of their own on a shared table, each counting the
 * DynamoDB commands it sends and the most items a transaction held, or measuring the write
 * units of its transactions (../../scripts/bench/write-units.ts); orders; a bulk writer.
 */
import { BatchWriteItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { meterWriteUnits } from '../../scripts/bench/write-units';
import { clientFor, ensureTable } from '../../scripts/create-table';
import { DynamoShipmentRepository } from '../../src/storage/dynamodb';
import type { Item } from '../../src/storage/dynamodb/codec';
import type { OrderRecord, ShipmentRecord } from '../../src/storage/repository';
import { documentApiClient } from '../support/document-api-client';
import { TEST_VIEW_SHARDS } from './helpers';

/** What an instance's client sent. */
export interface Meter {
  /** Command names, in order. */
  calls: string[];
  /** The most items a transaction held. */
  largestTransaction: number;
}

/** Counts every command `client` sends into `meter`. */
export function metered(client: DynamoDBClient): Meter {
  const meter: Meter = { calls: [], largestTransaction: 0 };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = String(context.commandName);
      meter.calls.push(name);
      const items = (args.input as { TransactItems?: unknown[] }).TransactItems?.length ?? 0;
      meter.largestTransaction = Math.max(meter.largestTransaction, items);
      return next(args);
    },
    { step: 'initialize', name: 'testMeter' },
  );
  return meter;
}

/**
 * A repository on a client of its own, metered (as YDB's Document API takes requests, in the
 * storage-ydb project). @example const { repo, meter } = shipmentInstance(tableName);
 */
export function shipmentInstance(tableName: string, viewShards = TEST_VIEW_SHARDS) {
  const client = clientFor({
    endpoint: inject('dynamoEndpoint'),
    region: 'eu-central-1',
    tableName,
  });
  if (inject('documentApi') === true) documentApiClient(client);
  const meter = metered(client);
  return { repo: new DynamoShipmentRepository({ client, tableName, viewShards }), meter, client };
}

/**
 * A repository whose transactions' write units are measured, one write at a time.
 * @example const { repo, units } = await unitsInstance(tableName); units.transactions.at(-1)
 */
export async function unitsInstance(tableName: string) {
  const connection = { endpoint: inject('dynamoEndpoint'), region: 'eu-central-1', tableName };
  const client = clientFor(connection);
  const raw = clientFor(connection);
  const shadow = `${tableName}-shadow`;
  await ensureTable(raw, shadow);
  const units = meterWriteUnits(client, raw, tableName, shadow);
  const repo = new DynamoShipmentRepository({ client, tableName, viewShards: TEST_VIEW_SHARDS });
  return { repo, units };
}

/** An order record listing `shipmentIds`. */
export const orderOf = (
  shopId: string,
  orderId: string,
  shipmentIds: string[],
  version = 1,
): OrderRecord => ({
  shopId,
  orderId,
  placedAt: '2025-03-01T10:00:00+03:00',
  customer: { name: 'Анна Петрова', email: 'anna@example.com', phone: '+7 900 000-00-00' },
  b2b: false,
  shipmentIds,
  version,
  updatedAt: '2025-03-01T10:00:00.000Z',
});

/** Writes `records` as a new order of theirs. */
export async function createOrder(
  repo: DynamoShipmentRepository,
  records: ShipmentRecord[],
  orderId = records[0]!.orderId,
) {
  await repo.replaceOrder({
    order: orderOf(
      records[0]!.shopId,
      orderId,
      records.map((r) => r.shipmentId),
    ),
    puts: records.map((record) => ({ record })),
    removes: [],
  });
}

/** Puts items with BatchWriteItem, 25 a request, `parallel` requests at once. */
export async function putAll(client: DynamoDBClient, table: string, items: Item[], parallel = 8) {
  const batches: Item[][] = [];
  for (let from = 0; from < items.length; from += 25) batches.push(items.slice(from, from + 25));
  const lane = async () => {
    for (let batch = batches.shift(); batch; batch = batches.shift()) {
      let requests = batch.map((Item) => ({ PutRequest: { Item } }));
      while (requests.length > 0) {
        const answer = await client.send(
          new BatchWriteItemCommand({ RequestItems: { [table]: requests } }),
        );
        requests = (answer.UnprocessedItems?.[table] ?? []).flatMap((r) =>
          r.PutRequest?.Item ? [{ PutRequest: { Item: r.PutRequest.Item } }] : [],
        );
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
}
