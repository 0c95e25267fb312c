/**
 * Destruction acts: the act item (its JSON `doc`, listed on gsi1), one item per record it
 * erased, one item per line of its event-log extract; and the subject's `ERASING` item, held
 * by the running act, so a second erasure of the same person (a re-run after a crash, or at
 * the same time) joins that act instead of starting another.
 */
import {
  QueryCommand,
  type DynamoDBClient,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import type { ErasedRecord, ErasureAct, ErasureStep } from '../../domain/personal-data';
import { open, seal } from '../../lib/sealed';
import { InvalidCursorError, StorageBusyError } from '../errors';
import type { Item } from './codec';
import { guarded } from './errors';
import { indexKeys } from './keys';
import {
  actKey,
  actPartition,
  actRecordKey,
  actStepKey,
  erasingKey,
  ERASURE_VIEW,
} from './pd-keys';
import { queryAll, readItem, readItems, keyText } from './read';
import type { TableContext } from './table-context';
import { MAX_TRANSACTION_ITEMS, transact } from './transact';

const CURSOR_PURPOSE = 'parcel-claims erasure cursor v1';
/** Starts that keep finding the person held by an act that is gone by the time it is read. */
const BEGIN_ATTEMPTS = 5;

/** The act item: its document without the records (items of their own). */
function actItem(act: ErasureAct): Item {
  const { records: _records, ...doc } = act;
  return {
    ...actKey(act.shopId, act.id),
    entity: { S: 'PD_ERASURE' },
    shopId: { S: act.shopId },
    doc: { S: JSON.stringify({ ...doc, recordCount: act.records.length }) },
    ...indexKeys(
      ERASURE_VIEW.index,
      ERASURE_VIEW.shop(act.shopId),
      ERASURE_VIEW.sort(act.startedAt, act.id),
    ),
  };
}

const actOf = (item: Item, records: ErasedRecord[]): ErasureAct => {
  const { recordCount: _count, ...doc } = JSON.parse(item.doc?.S ?? '{}') as ErasureAct & {
    recordCount: number;
  };
  return { ...doc, records };
};

/** Writes in transactions of at most 25 items. */
async function inChunks(
  client: DynamoDBClient,
  writes: readonly TransactWriteItem[],
): Promise<void> {
  for (let i = 0; i < writes.length; i += MAX_TRANSACTION_ITEMS) {
    await transact(client, writes.slice(i, i + MAX_TRANSACTION_ITEMS));
  }
}

/** @example const acts = new ErasureActs(ctx); await acts.begin(act); */
export class ErasureActs {
  constructor(private readonly ctx: TableContext) {}

  async begin(act: ErasureAct): Promise<ErasureAct> {
    const { table } = this.ctx;
    for (let attempt = 1; ; attempt++) {
      const outcome = await transact(this.ctx.client, [
        {
          Put: {
            TableName: table,
            Item: actItem(act),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...act.subjectRefs.map((ref): TransactWriteItem => ({
          Put: {
            TableName: table,
            Item: {
              ...erasingKey(act.shopId, ref),
              entity: { S: 'PD_ERASING' },
              erasureId: { S: act.id },
            },
            // One running act per person: the others join it.
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        })),
      ]);
      if (outcome.committed) return act;
      const keys = act.subjectRefs.map((ref) => erasingKey(act.shopId, ref));
      const held = await readItems(this.ctx.client, table, keys);
      for (const key of keys) {
        const id = held.get(keyText(key))?.erasureId?.S;
        const running = id === undefined ? undefined : await this.get(act.shopId, id);
        if (running !== undefined) return running.act;
      }
      // The holder finished meanwhile: try again (a hold whose act is gone is a fault).
      if (attempt >= BEGIN_ATTEMPTS) throw new StorageBusyError('contention', 1);
    }
  }

  async log(shopId: string, erasureId: string, steps: readonly ErasureStep[]): Promise<void> {
    await inChunks(
      this.ctx.client,
      steps.map((step, n) => ({
        Put: {
          TableName: this.ctx.table,
          Item: {
            ...actStepKey(shopId, erasureId, step, n),
            entity: { S: 'PD_ERASURE_STEP' },
            doc: { S: JSON.stringify(step) },
          },
        },
      })),
    );
  }

  async complete(act: ErasureAct): Promise<ErasureAct> {
    const { table } = this.ctx;
    await inChunks(
      this.ctx.client,
      act.records.map((record) => ({
        Put: {
          TableName: table,
          Item: {
            ...actRecordKey(act.shopId, act.id, record.kind, record.id),
            entity: { S: 'PD_ERASURE_RECORD' },
            kind: { S: record.kind },
            id: { S: record.id },
          },
        },
      })),
    );
    await transact(this.ctx.client, [
      { Put: { TableName: table, Item: actItem(act) } },
      ...act.subjectRefs.map((ref): TransactWriteItem => ({
        Delete: {
          TableName: table,
          Key: erasingKey(act.shopId, ref),
          // Only this act's hold: never another act's that started since.
          ConditionExpression: 'attribute_not_exists(pk) OR erasureId = :id',
          ExpressionAttributeValues: { ':id': { S: act.id } },
        },
      })),
    ]);
    return act;
  }

  async get(shopId: string, erasureId: string) {
    const items = await queryAll(this.ctx.client, {
      TableName: this.ctx.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: actPartition(shopId, erasureId) } },
      ConsistentRead: true,
    });
    const head = items.find((item) => item.sk?.S === 'ACT');
    if (head === undefined) return undefined;
    const records = items.flatMap((item): ErasedRecord[] =>
      item.entity?.S === 'PD_ERASURE_RECORD'
        ? [{ kind: item.kind?.S as ErasedRecord['kind'], id: item.id?.S ?? '' }]
        : [],
    );
    const steps = items.flatMap((item): ErasureStep[] =>
      item.entity?.S === 'PD_ERASURE_STEP' ? [JSON.parse(item.doc?.S ?? '{}') as ErasureStep] : [],
    );
    return { act: actOf(head, records), steps };
  }

  async list(shopId: string, page: { limit: number; cursor?: string | undefined }) {
    const context = { secret: this.ctx.cursorSecret, purpose: CURSOR_PURPOSE, boundTo: shopId };
    let start: Item | undefined;
    if (page.cursor !== undefined) {
      const plain = await open(context, page.cursor);
      if (plain === undefined)
        throw new InvalidCursorError('cursor was issued for another listing');
      start = Object.fromEntries(
        Object.entries(JSON.parse(plain) as Record<string, string>).map(([k, v]) => [k, { S: v }]),
      );
    }
    const answer = await guarded(
      this.ctx.client.send(
        new QueryCommand({
          TableName: this.ctx.table,
          IndexName: ERASURE_VIEW.index,
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': { S: ERASURE_VIEW.shop(shopId) } },
          ScanIndexForward: false,
          Limit: page.limit,
          ExclusiveStartKey: start,
        }),
      ),
    );
    const keys = (answer.Items ?? []).map((item) => ({
      pk: item.pk ?? { S: '' },
      sk: item.sk ?? { S: '' },
    }));
    const found = await readItems(this.ctx.client, this.ctx.table, keys);
    const items = keys.flatMap((key) => {
      const item = found.get(keyText(key));
      return item === undefined ? [] : [actOf(item, [])];
    });
    const last = answer.LastEvaluatedKey;
    if (last === undefined) return { items };
    const plain = JSON.stringify(
      Object.fromEntries(Object.entries(last).map(([k, v]) => [k, v.S])),
    );
    return { items, cursor: await seal(context, plain) };
  }

  /** The act item alone (no records, no extract). */
  async head(shopId: string, erasureId: string): Promise<ErasureAct | undefined> {
    const item = await readItem(this.ctx.client, this.ctx.table, actKey(shopId, erasureId));
    return item === undefined ? undefined : actOf(item, []);
  }
}
