/**
 * The second half of `npm run rebuild-aggregates` (scripts/rebuild-aggregates.ts): once every
 * claim's tally says what the claim contributes, every counter item is made the sum of the
 * tallies, item by item, safely beside a running consumer.
 *
 * For each counter item: read it (its `seq`), then every tally, then overwrite the item
 * with the sum, conditioned on `seq` being unchanged. A consumer that moves a claim's
 * contribution to an item writes that item in the same transaction (and moves its `seq`), so
 * while `seq` stays put the tallies' sum for the item stays put too: the overwrite loses no
 * write. An item whose `seq` moved is left for the next pass.
 */
import {
  DeleteItemCommand,
  PutItemCommand,
  ScanCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { errorName, guarded, toStorageError } from './errors';
import type { Item } from './codec';
import { AGGREGATE_ENTITY, COUNTER_ITEM_ATTRIBUTES, COUNTS_ENTITY, dayKey } from './aggregates';
import { statusCountsKey } from './keys';
import { tableContext, type DynamoTable, type TableContext } from './table-context';
import { countedOf, TALLY_ENTITY } from './tally-items';
import { figureMoves } from './tally-repository';

/** What a pass did. */
export interface CorrectionReport {
  /** Counter items compared. */
  checked: number;
  /** Items overwritten with the tallies' sum. */
  corrected: number;
  /** Items a consumer moved during the pass: left for the next one. */
  raced: number;
}

/** A counter item: its key, its counters (nonzero only), its `seq`. */
interface Figure {
  key: Item;
  entity: string;
  counters: Map<string, string>;
  seq?: number;
}

const keyText = (key: Item) => `${key.pk?.S ?? ''}|${key.sk?.S ?? ''}`;

/** Every item of the table that `filter` keeps, read consistently. */
async function scanAll(
  ctx: TableContext,
  filter: string,
  values: Record<string, string>,
): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Item | undefined;
  do {
    const page = await guarded(
      ctx.client.send(
        new ScanCommand({
          TableName: ctx.table,
          FilterExpression: filter,
          ExpressionAttributeValues: Object.fromEntries(
            Object.entries(values).map(([name, value]) => [name, { S: value }]),
          ),
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      ),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return items;
}

/** The counter items the tallies add up to. */
function expectedFigures(tallies: readonly Item[]): Map<string, Figure> {
  const figures = new Map<string, Figure>();
  const at = (key: Item, entity: string) => {
    const text = keyText(key);
    const figure = figures.get(text) ?? { key, entity, counters: new Map<string, string>() };
    figures.set(text, figure);
    return figure;
  };
  const add = (figure: Figure, name: string, value: string) => {
    const sum = BigInt(figure.counters.get(name) ?? '0') + BigInt(value);
    if (sum === 0n) figure.counters.delete(name);
    else figure.counters.set(name, sum.toString());
  };
  for (const tally of tallies) {
    const shard = Number(tally.shard?.N ?? '0');
    for (const move of figureMoves(undefined, countedOf(tally), shard)) {
      if ('moves' in move) {
        const figure = at(statusCountsKey(move.scope), COUNTS_ENTITY);
        for (const [status, n] of move.moves) add(figure, status, String(n));
      } else {
        const figure = at(dayKey(move.scope, move.day), AGGREGATE_ENTITY);
        for (const [name, value] of move.counters) add(figure, name, value.toFixed(0));
      }
    }
  }
  return figures;
}

/** A stored counter item as a Figure (zeros dropped). */
function storedFigure(item: Item): Figure {
  const counters = new Map<string, string>();
  for (const [name, value] of Object.entries(item)) {
    if (COUNTER_ITEM_ATTRIBUTES.has(name) || value.N === undefined || value.N === '0') continue;
    counters.set(name, BigInt(value.N).toString());
  }
  const seq = item.seq?.N;
  return {
    key: { pk: item.pk!, sk: item.sk! },
    entity: item.entity?.S ?? '',
    counters,
    ...(seq === undefined ? {} : { seq: Number(seq) }),
  };
}

const same = (a: Map<string, string>, b: Map<string, string>) =>
  a.size === b.size && [...a].every(([name, value]) => b.get(name) === value);

/** Overwrites (or deletes) an item unless a consumer moved it since it was read. */
async function overwrite(
  client: DynamoDBClient,
  table: string,
  stored: Figure | undefined,
  wanted: Figure | undefined,
  at: string,
): Promise<boolean> {
  const condition =
    stored === undefined
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : stored.seq === undefined
        ? { ConditionExpression: 'attribute_not_exists(seq)' }
        : {
            ConditionExpression: 'seq = :seq',
            ExpressionAttributeValues: { ':seq': { N: String(stored.seq) } },
          };
  const key = (wanted ?? stored)!.key;
  try {
    if (wanted === undefined) {
      await client.send(new DeleteItemCommand({ TableName: table, Key: key, ...condition }));
    } else {
      const item: Item = {
        ...key,
        entity: { S: wanted.entity },
        updatedAt: { S: at },
        seq: { N: String((stored?.seq ?? 0) + 1) },
      };
      for (const [name, value] of wanted.counters) item[name] = { N: value };
      await client.send(new PutItemCommand({ TableName: table, Item: item, ...condition }));
    }
    return true;
  } catch (error) {
    if (errorName(error) === 'ConditionalCheckFailedException') return false;
    throw toStorageError(error, { write: true });
  }
}

/**
 * One pass: every counter item made the sum of the tallies (see the file's comment).
 *
 * @example const report = await correctFigures({ client, tableName }, new Date().toISOString());
 */
export async function correctFigures(table: DynamoTable, at: string): Promise<CorrectionReport> {
  const ctx = tableContext(table);
  // The counter items first, then the tallies: the order the argument above needs.
  const stored = await scanAll(ctx, 'begins_with(pk, :counts) OR begins_with(pk, :agg)', {
    ':counts': 'COUNTS#',
    ':agg': 'AGG#',
  });
  const tallies = await scanAll(ctx, 'sk = :tally AND entity = :entity', {
    ':tally': 'TALLY',
    ':entity': TALLY_ENTITY,
  });
  const expected = expectedFigures(tallies);
  const report: CorrectionReport = { checked: 0, corrected: 0, raced: 0 };
  const storedByKey = new Map<string, Figure>();
  for (const item of stored) {
    const figure = storedFigure(item);
    storedByKey.set(keyText(figure.key), figure);
  }
  const keys = new Set([...storedByKey.keys(), ...expected.keys()]);
  for (const key of keys) {
    report.checked++;
    const had = storedByKey.get(key);
    const wanted = expected.get(key);
    if (same(had?.counters ?? new Map(), wanted?.counters ?? new Map())) continue;
    // An item with nothing to count is kept at zero rather than deleted: readers need none.
    const target = wanted ?? { ...had!, counters: new Map<string, string>() };
    if (await overwrite(ctx.client, ctx.table, had, target, at)) report.corrected++;
    else report.raced++;
  }
  return report;
}
