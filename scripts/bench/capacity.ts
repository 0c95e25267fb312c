/**
 * Write units as DynamoDB bills them: a client middleware that asks every write for
 * `ReturnConsumedCapacity: 'INDEXES'` and adds up what comes back, table and each index
 * apart. DynamoDB Local reports a single item's write as DynamoDB bills it (a transactional
 * write twice per KB, on the table and on every index entry it writes), but reports a
 * transaction of several items as if it held only its largest one (measured: 8 puts of
 * 1.5 KB report 4 units, not 32). So the meter sends each item of a transaction as a
 * transaction of its own, in order: each is then reported as billed. That gives up the
 * transaction's atomicity, so it is for measuring writes whose conditions hold, in tests
 * and benchmarks only; production never asks (YDB's Document API only knows TOTAL).
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

const WRITES = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'TransactWriteItemsCommand',
  'BatchWriteItemCommand',
]);

interface Capacity {
  TableName?: string;
  CapacityUnits?: number;
  Table?: { CapacityUnits?: number };
  GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
}

/** What the writes since the last `reset` cost. */
export interface WriteUnits {
  total: number;
  table: number;
  indexes: Record<string, number>;
  /** How many write requests were sent. */
  requests: number;
  /** The items written (`pk sk`). */
  keys: Set<string>;
}

type Key = Record<string, { S?: string }> | undefined;
const keyOf = (key: Key) => `${key?.pk?.S ?? ''} ${key?.sk?.S ?? ''}`;

/** The keys of the items a write command writes (puts, updates, deletes; not condition checks). */
function writtenKeys(input: Record<string, unknown>): string[] {
  const one = (op: { Item?: Key; Key?: Key } | undefined) =>
    op === undefined ? [] : [keyOf(op.Item ?? op.Key)];
  const items = input.TransactItems as
    { Put?: { Item: Key }; Update?: { Key: Key }; Delete?: { Key: Key } }[] | undefined;
  if (items !== undefined)
    return items.flatMap((i) => [...one(i.Put), ...one(i.Update), ...one(i.Delete)]);
  const batch = input.RequestItems as
    Record<string, { PutRequest?: { Item: Key }; DeleteRequest?: { Key: Key } }[]> | undefined;
  if (batch !== undefined) {
    return Object.values(batch)
      .flat()
      .flatMap((r) => [...one(r.PutRequest), ...one(r.DeleteRequest)]);
  }
  return [keyOf((input.Item ?? input.Key) as Key)];
}

/**
 * @example
 * const meter = meterWrites(client);
 * await repo.create(claim, event);
 * meter.take().total // e.g. 18
 */
export function meterWrites(client: DynamoDBClient) {
  let units: WriteUnits = { total: 0, table: 0, indexes: {}, requests: 0, keys: new Set() };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (!WRITES.has(context.commandName ?? '')) return next(args);
      const input = args.input as Record<string, unknown>;
      for (const key of writtenKeys(input)) units.keys.add(key);
      units.requests++;
      const add = (output: unknown) => {
        const reported = (output as { ConsumedCapacity?: Capacity | Capacity[] }).ConsumedCapacity;
        for (const c of [reported ?? []].flat()) {
          units.total += c.CapacityUnits ?? 0;
          units.table += c.Table?.CapacityUnits ?? 0;
          for (const [name, index] of Object.entries(c.GlobalSecondaryIndexes ?? {})) {
            units.indexes[name] = (units.indexes[name] ?? 0) + (index.CapacityUnits ?? 0);
          }
        }
      };
      const items = input.TransactItems as unknown[] | undefined;
      if (items !== undefined && items.length > 1) {
        let last: Awaited<ReturnType<typeof next>> | undefined;
        for (const item of items) {
          last = await next({
            ...args,
            input: { ...input, TransactItems: [item], ReturnConsumedCapacity: 'INDEXES' },
          });
          add(last.output);
        }
        return last!;
      }
      input.ReturnConsumedCapacity = 'INDEXES';
      const result = await next(args);
      add(result.output);
      return result;
    },
    { step: 'initialize', name: 'writeUnitsMeter' },
  );
  return {
    /** The units since the last take (and starts counting again). */
    take(): WriteUnits {
      const taken = units;
      units = { total: 0, table: 0, indexes: {}, requests: 0, keys: new Set() };
      return taken;
    },
  };
}
