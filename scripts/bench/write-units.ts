/**
 * The write units a TransactWriteItems costs on DynamoDB, measured on DynamoDB Local.
 *
 * DynamoDB Local (10.3.0) misreports a transaction's capacity: it adds up the *distinct*
 * per-item figures (three 600-byte Puts report 2, not 6; a 100-byte and a 2,500-byte Put 8,
 * two 2,500-byte Puts 6). So each write of the transaction is replayed on its own, with
 * `ReturnConsumedCapacity: 'INDEXES'`, on a shadow table that first receives the items
 * as they are before the transaction, and the figures doubled: DynamoDB charges a
 * transactional write twice what the same write costs alone, index entries included.
 */
import {
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  type ConsumedCapacity,
  type DynamoDBClient,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';

/** The units of each transaction `client` sent, in order. */
export interface WriteUnits {
  transactions: number[];
}

const unitsOf = (used: ConsumedCapacity | undefined) => used?.CapacityUnits ?? 0;

/** One write of a transaction, alone on the shadow table; its units (0 if its condition fails). */
async function replay(raw: DynamoDBClient, table: string, shadow: string, item: TransactWriteItem) {
  const key = item.Put
    ? { pk: item.Put.Item!.pk!, sk: item.Put.Item!.sk! }
    : (item.Update?.Key ?? item.Delete?.Key);
  if (key === undefined) return 0;
  const before = await raw.send(
    new GetItemCommand({ TableName: table, Key: key, ConsistentRead: true }),
  );
  if (before.Item) await raw.send(new PutItemCommand({ TableName: shadow, Item: before.Item }));
  else await raw.send(new DeleteItemCommand({ TableName: shadow, Key: key }));
  const capacity = 'INDEXES' as const;
  try {
    if (item.Put) {
      const out = await raw.send(
        new PutItemCommand({ ...item.Put, TableName: shadow, ReturnConsumedCapacity: capacity }),
      );
      return unitsOf(out.ConsumedCapacity);
    }
    if (item.Update) {
      const out = await raw.send(
        new UpdateItemCommand({
          ...item.Update,
          TableName: shadow,
          ReturnConsumedCapacity: capacity,
        }),
      );
      return unitsOf(out.ConsumedCapacity);
    }
    const out = await raw.send(
      new DeleteItemCommand({
        ...item.Delete!,
        TableName: shadow,
        ReturnConsumedCapacity: capacity,
      }),
    );
    return unitsOf(out.ConsumedCapacity);
  } catch (error) {
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return 0;
    throw error;
  }
}

/**
 * Meters every TransactWriteItems `client` sends on `table`, replaying it on `shadow` (a
 * table of the same definition) through `raw` (a client of its own, not metered). For
 * writes one at a time: a concurrent writer would change the state replayed.
 *
 * @example
 * const units = meterWriteUnits(client, raw, 'bench', 'bench-shadow');
 * await service.recordEvent(...); units.transactions.at(-1) // 4
 */
export function meterWriteUnits(
  client: DynamoDBClient,
  raw: DynamoDBClient,
  table: string,
  shadow: string,
): WriteUnits {
  const units: WriteUnits = { transactions: [] };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'TransactWriteItemsCommand') return next(args);
      const items = (args.input as { TransactItems?: TransactWriteItem[] }).TransactItems ?? [];
      let total = 0;
      for (const item of items) total += await replay(raw, table, shadow, item);
      const result = await next(args);
      units.transactions.push(2 * total);
      return result;
    },
    { step: 'initialize', name: 'writeUnits' },
  );
  return units;
}
