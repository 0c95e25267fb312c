/**
 * Reading a view: one or more index partitions that share one kind of sort key (a shop's
 * claims in each status, the shards of a clerk-wide view), merged into one order. Index
 * entries are KEYS_ONLY: the items behind them are loaded by the caller (`load`), then
 * filtered in memory (`keep`). Every partition is read by following its LastEvaluatedKey,
 * and an entry is taken only once no unread entry of any partition can sort before it, so
 * a page may be short (the query budget ran out) but never silently misses an item.
 *
 * The cursor is one sort key, the last entry examined (the "watermark"), sealed and bound
 * to the caller and the query: the next page reads each partition from just after it.
 */
import { QueryCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { open, seal, type SealContext } from '../../lib/sealed';
import { InvalidCursorError } from '../errors';
import type { Page } from '../repository';
import { INDEXES, type IndexName } from '../table';
import type { Item } from './codec';
import { guarded } from './errors';

/** One index partition of a view. */
export interface ViewPartition {
  index: IndexName;
  pk: string;
}

/** Which sort keys a view reads: from `from` (inclusive) to `below` (exclusive), starting with `prefix`. */
export interface ViewRange {
  from?: string;
  below?: string;
  prefix?: string;
}

/** An index entry: the base key of its item, the partition it was read from, its sort key there. */
export interface ViewEntry {
  pk: string;
  sk: string;
  partition: string;
  sort: string;
}

/** What to read, and how to turn entries into records. */
export interface ViewRead<T> {
  /** Names the view in its cursors: a cursor opens only for the view that issued it. */
  view: string;
  partitions: readonly ViewPartition[];
  range: ViewRange;
  /** Sort keys ascending (oldest, soonest, A→Z first); default descending. */
  ascending: boolean;
  /** The records behind entries, in their order; undefined where the item is gone. */
  load(entries: readonly ViewEntry[]): Promise<(T | undefined)[]>;
  /** Only records it keeps are answered (a filter the index cannot apply). */
  keep?: (record: T) => boolean;
}

export interface ViewPage {
  /** 1..1000 */
  limit: number;
  cursor?: string | undefined;
  /** The cursor's seal: its secret, and what it is bound to (caller and query). */
  seal: SealContext;
}

/** The largest `limit` accepted. */
export const MAX_PAGE_SIZE = 1000;
/** Queries one page may send at most (a Worker has a subrequest budget). */
const MAX_QUERIES = 160;
const MAX_CURSOR_LENGTH = 2048;
/** Above every sort key: they are ASCII (user parts URI-encoded) or normalised text below U+10FFFF. */
const TOP = '\u{10FFFF}';

interface Stream {
  partition: ViewPartition;
  buffer: ViewEntry[];
  startKey?: Item | undefined;
  done: boolean;
  /** The last sort key read from it: nothing unread sorts before it. */
  frontier?: string;
}

/**
 * @example
 * const page = await readView(client, table, { view: 'claims:status', partitions, range: {}, ascending: false, load }, { limit: 20, seal });
 */
export async function readView<T>(
  client: DynamoDBClient,
  table: string,
  read: ViewRead<T>,
  page: ViewPage,
): Promise<Page<T>> {
  if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_PAGE_SIZE) {
    throw new RangeError(`limit must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  const watermark = page.cursor === undefined ? undefined : await openCursor(read, page);
  const bounds = boundsOf(read.range, watermark, read.ascending);
  const streams: Stream[] = read.partitions.map((partition) => ({
    partition,
    buffer: [],
    done: bounds === undefined,
  }));
  const before = (a: string, b: string) => (read.ascending ? a < b : a > b);
  const items: T[] = [];
  let last: string | undefined;
  let queries = 0;
  // A chunk of entries per query: a page's worth, more once filtering has dropped some.
  let chunk = Math.min(page.limit + 1, 100);
  // Every partition is read at least once, however many there are.
  const budget = Math.max(MAX_QUERIES, 2 * streams.length);
  for (let round = 0; ; round++) {
    const empty = streams.filter((s) => !s.done && s.buffer.length === 0);
    if (round > 0 && queries + empty.length > budget) break;
    queries += empty.length;
    await Promise.all(empty.map((s) => fill(client, table, s, bounds!, read.ascending, chunk)));
    // Safe: entries that no unread entry of a partition still going can come before. Each
    // such partition has read up to its frontier; the one furthest behind binds.
    let binding: string | undefined;
    let unread = false;
    for (const s of streams) {
      if (s.done) continue;
      if (s.frontier === undefined) unread = true;
      else if (binding === undefined || before(s.frontier, binding)) binding = s.frontier;
    }
    const safe = unread
      ? []
      : streams
          .flatMap((s) => s.buffer)
          .filter((e) => binding === undefined || !before(binding, e.sort))
          .sort((a, b) => (a.sort === b.sort ? 0 : before(a.sort, b.sort) ? -1 : 1));
    if (safe.length === 0) {
      if (streams.every((s) => s.done && s.buffer.length === 0)) return { items };
      continue;
    }
    const wanted = page.limit - items.length;
    const taken = safe.slice(0, read.keep ? Math.max(wanted * 2, 10) : wanted);
    const records = await read.load(taken);
    let examined = 0;
    for (const [i, record] of records.entries()) {
      examined = i + 1;
      last = taken[i]!.sort;
      if (record !== undefined && (read.keep?.(record) ?? true)) items.push(record);
      if (items.length === page.limit) break;
    }
    const consumed = new Set(taken.slice(0, examined).map((e) => e.sort));
    for (const s of streams) s.buffer = s.buffer.filter((e) => !consumed.has(e.sort));
    if (items.length === page.limit) {
      const more = streams.some((s) => !s.done || s.buffer.length > 0);
      return { items, ...(more ? { nextCursor: await sealCursor(read, page, last!) } : {}) };
    }
    if (streams.every((s) => s.done && s.buffer.length === 0)) return { items };
    chunk = Math.min(chunk * 2, 500);
  }
  // The budget ran out: a short page, and a cursor from where it stopped.
  const resume = last ?? watermark;
  if (resume === undefined) return { items };
  return { items, nextCursor: await sealCursor(read, page, resume) };
}

interface Bounds {
  /** Inclusive. */
  lo?: string;
  /** Exclusive. */
  hi?: string;
}

/** The sort keys still to read: the view's range past the watermark (undefined: nothing). */
function boundsOf(range: ViewRange, watermark: string | undefined, ascending: boolean) {
  let lo = range.from;
  let hi = range.below;
  if (range.prefix !== undefined) {
    if (lo === undefined || lo < range.prefix) lo = range.prefix;
    const end = `${range.prefix}${TOP}`;
    if (hi === undefined || hi > end) hi = end;
  }
  let exclusiveLo = false;
  if (watermark !== undefined) {
    if (ascending && (lo === undefined || lo <= watermark)) {
      lo = watermark;
      exclusiveLo = true;
    }
    if (!ascending && (hi === undefined || hi > watermark)) hi = watermark;
  }
  if (lo !== undefined && hi !== undefined && lo >= hi) return undefined;
  return { lo, hi, exclusiveLo } as Bounds & { exclusiveLo: boolean };
}

/** One Query of a partition, continuing from where it stopped. */
async function fill(
  client: DynamoDBClient,
  table: string,
  stream: Stream,
  bounds: Bounds & { exclusiveLo?: boolean },
  ascending: boolean,
  chunk: number,
): Promise<void> {
  const { pk, sk } = INDEXES[stream.partition.index];
  const values: Item = { ':pk': { S: stream.partition.pk } };
  let condition = '#pk = :pk';
  if (bounds.lo !== undefined && bounds.hi !== undefined) {
    condition += ' AND #sk BETWEEN :lo AND :hi';
    values[':lo'] = { S: bounds.lo };
    values[':hi'] = { S: bounds.hi };
  } else if (bounds.hi !== undefined) {
    condition += ' AND #sk < :hi';
    values[':hi'] = { S: bounds.hi };
  } else if (bounds.lo !== undefined) {
    condition += ' AND #sk >= :lo';
    values[':lo'] = { S: bounds.lo };
  }
  const result = await guarded(
    client.send(
      new QueryCommand({
        TableName: table,
        IndexName: stream.partition.index,
        KeyConditionExpression: condition,
        ExpressionAttributeNames: condition.includes('#sk')
          ? { '#pk': pk, '#sk': sk }
          : { '#pk': pk },
        ExpressionAttributeValues: values,
        ScanIndexForward: ascending,
        Limit: chunk,
        ExclusiveStartKey: stream.startKey,
      }),
    ),
  );
  const entries = (result.Items ?? []).flatMap((item): ViewEntry[] => {
    const sort = item[sk]?.S;
    const base = { pk: item.pk?.S, sk: item.sk?.S };
    if (sort === undefined || base.pk === undefined || base.sk === undefined) return [];
    // BETWEEN is inclusive at both ends: the exclusive ones are dropped here.
    if (sort === bounds.hi || (bounds.exclusiveLo && sort === bounds.lo)) return [];
    return [{ pk: base.pk, sk: base.sk, partition: stream.partition.pk, sort }];
  });
  const lastRead = (result.Items ?? []).at(-1)?.[sk]?.S;
  if (lastRead !== undefined) stream.frontier = lastRead;
  stream.buffer.push(...entries);
  stream.startKey = result.LastEvaluatedKey;
  stream.done = result.LastEvaluatedKey === undefined;
}

async function sealCursor<T>(read: ViewRead<T>, page: ViewPage, watermark: string) {
  return seal(page.seal, JSON.stringify({ v: read.view, w: watermark }));
}

async function openCursor<T>(read: ViewRead<T>, page: ViewPage): Promise<string> {
  const invalid = (why: string) => new InvalidCursorError(`Invalid cursor: ${why}`);
  const cursor = page.cursor ?? '';
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) {
    throw invalid('not a cursor');
  }
  const text = await open(page.seal, cursor);
  if (text === undefined) throw invalid('not issued to this caller for this listing, or altered');
  // Sealed by us, so well formed; checked anyway.
  const { v, w } = JSON.parse(text) as { v?: unknown; w?: unknown };
  if (v !== read.view || typeof w !== 'string' || w === '') {
    throw invalid('issued for another listing');
  }
  const { below, prefix } = read.range;
  if ((below !== undefined && w >= below) || (prefix !== undefined && !w.startsWith(prefix))) {
    throw invalid('issued for another listing');
  }
  return w;
}
