/**
 * CarrierAccountRepository on DynamoDB: one item per shop and carrier in the shop's partition
 * (`SHOP#<s>` / `CARRIER#cdek`: the credentials sealed, never in the clear), listed for the
 * daily reconciliation in gsi5 (`CARRIERACCOUNTS#<shard>` / `<s>#cdek`, sharded by shop: no
 * constant partition; gsi5's API keys are under `APIKEYS#…`), and the reconciliation's cursor
 * (`RECONCILE#CARRIERS` / `CURSOR`, written by the cron alone, once a tick at most).
 */
import {
  DeleteItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import type { HookCarrier } from '../../carriers/types';
import type {
  CarrierAccountMark,
  CarrierAccountPage,
  CarrierAccountRecord,
  CarrierAccountRepository,
  CarrierCredentialsWrite,
  ReconciliationCursor,
} from '../carrier-account-repository';
import { INDEXES } from '../table';
import { numberOf, stringOf, type Item } from './codec';
import { errorName, guarded, toStorageError } from './errors';
import {
  CARRIER_ACCOUNT_VIEW,
  carrierAccountKey,
  indexKeys,
  reconciliationCursorKey,
  shardOf,
} from './keys';
import { keyText, readItem, readItems } from './read';
import { update } from './shipment-head';
import { tableContext, type DynamoTable, type TableContext } from './table-context';

/** Attempts of a PUT that keeps meeting a DELETE of the same account (each needs a race). */
const PUT_ATTEMPTS = 3;

/**
 * @example
 * const accounts = new DynamoCarrierAccountRepository({ client, tableName: 'parcel-claims' });
 */
export class DynamoCarrierAccountRepository implements CarrierAccountRepository {
  private readonly ctx: TableContext;
  readonly shards: number;

  constructor(table: DynamoTable) {
    this.ctx = tableContext(table);
    this.shards = this.ctx.shards;
  }

  async get(shopId: string, carrier: HookCarrier): Promise<CarrierAccountRecord | undefined> {
    const item = await readItem(
      this.ctx.client,
      this.ctx.table,
      carrierAccountKey(shopId, carrier),
    );
    return item === undefined ? undefined : recordOf(item);
  }

  async put(write: CarrierCredentialsWrite) {
    for (let attempt = 1; ; attempt++) {
      const created = await this.create(write);
      if (created !== undefined) return { record: created, created: true };
      const replaced = await this.replace(write);
      if (replaced !== undefined) return { record: replaced, created: false };
      // Deleted between the two: create it again (bounded: each round needs another DELETE).
      if (attempt >= PUT_ATTEMPTS) throw toStorageError(new Error('carrier account contended'));
    }
  }

  async delete(shopId: string, carrier: HookCarrier): Promise<boolean> {
    const answer = await guarded(
      this.ctx.client.send(
        new DeleteItemCommand({
          TableName: this.ctx.table,
          Key: carrierAccountKey(shopId, carrier),
          ReturnValues: 'ALL_OLD',
        }),
      ),
    );
    return answer.Attributes !== undefined;
  }

  async mark(
    shopId: string,
    carrier: HookCarrier,
    version: number,
    mark: CarrierAccountMark,
  ): Promise<'written' | 'moved'> {
    const set: Item = {};
    if (mark.reconciledOn !== undefined) set.reconciledOn = { S: mark.reconciledOn };
    if (typeof mark.reconcileAfter === 'string') set.reconcileAfter = { S: mark.reconcileAfter };
    if (mark.refusedAt !== undefined) set.refusedAt = { S: mark.refusedAt };
    const remove = mark.reconcileAfter === null ? ['reconcileAfter'] : [];
    // Only over the credentials the reconciliation read: a PUT meanwhile (new credentials,
    // version + 1) must not be marked refused for the old ones. Never creates an item.
    const expression = update(set, remove, { version: { N: String(version) } }, [
      'attribute_exists(pk)',
    ]);
    if (Object.keys(set).length === 0) {
      expression.UpdateExpression = expression.UpdateExpression.replace(/^SET  ?/, '');
    }
    try {
      await this.ctx.client.send(
        new UpdateItemCommand({
          TableName: this.ctx.table,
          Key: carrierAccountKey(shopId, carrier),
          ...expression,
        }),
      );
      return 'written';
    } catch (error) {
      if (errorName(error) === 'ConditionalCheckFailedException') return 'moved';
      throw toStorageError(error);
    }
  }

  async list(page: { shard: number; limit: number; after?: string }): Promise<CarrierAccountPage> {
    const index = INDEXES[CARRIER_ACCOUNT_VIEW.index];
    const partition = CARRIER_ACCOUNT_VIEW.clerk(page.shard);
    const start = page.after === undefined ? undefined : startKeyOf(partition, page.after);
    const answer = await guarded(
      this.ctx.client.send(
        new QueryCommand({
          TableName: this.ctx.table,
          IndexName: CARRIER_ACCOUNT_VIEW.index,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': index.pk },
          ExpressionAttributeValues: { ':pk': { S: partition } },
          Limit: Math.min(Math.max(1, page.limit), 100),
          ...(start === undefined ? {} : { ExclusiveStartKey: start }),
        }),
      ),
    );
    const keys = (answer.Items ?? []).map((entry) => ({ pk: entry.pk!, sk: entry.sk! }));
    const found = await readItems(this.ctx.client, this.ctx.table, keys);
    const items = keys.flatMap((key) => {
      const item = found.get(keyText(key));
      return item === undefined ? [] : [recordOf(item)];
    });
    const last = answer.LastEvaluatedKey?.[index.sk]?.S;
    return { items, ...(last === undefined ? {} : { last }) };
  }

  async getCursor(): Promise<ReconciliationCursor | undefined> {
    const item = await readItem(this.ctx.client, this.ctx.table, reconciliationCursorKey());
    const day = stringOf(item, 'day');
    if (day === undefined) return undefined;
    const after = stringOf(item, 'after');
    return {
      day,
      shard: numberOf(item, 'shard') ?? 0,
      ...(after === undefined ? {} : { after }),
      ...(item?.done?.BOOL === true ? { done: true } : {}),
    };
  }

  async putCursor(cursor: ReconciliationCursor): Promise<void> {
    // The cron's alone, one run at a time (a tick ends before the next starts): no condition.
    await guarded(
      this.ctx.client.send(
        new PutItemCommand({
          TableName: this.ctx.table,
          Item: {
            ...reconciliationCursorKey(),
            entity: { S: 'RECONCILE' },
            day: { S: cursor.day },
            shard: { N: String(cursor.shard) },
            ...(cursor.after === undefined ? {} : { after: { S: cursor.after } }),
            ...(cursor.done === true ? { done: { BOOL: true } } : {}),
          },
        }),
      ),
    );
  }

  /** The new account, or undefined when the shop has one already. */
  private async create(write: CarrierCredentialsWrite): Promise<CarrierAccountRecord | undefined> {
    const record: CarrierAccountRecord = { ...write, createdAt: write.updatedAt, version: 1 };
    try {
      await this.ctx.client.send(
        new PutItemCommand({
          TableName: this.ctx.table,
          Item: this.itemOf(record),
          // Never over an account that exists: that is a replace, which keeps its progress.
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return record;
    } catch (error) {
      if (errorName(error) === 'ConditionalCheckFailedException') return undefined;
      throw toStorageError(error);
    }
  }

  /** New credentials on the account that exists (undefined when it is gone meanwhile). */
  private async replace(write: CarrierCredentialsWrite): Promise<CarrierAccountRecord | undefined> {
    try {
      const answer = await this.ctx.client.send(
        new UpdateItemCommand({
          TableName: this.ctx.table,
          Key: carrierAccountKey(write.shopId, write.carrier),
          UpdateExpression:
            'SET sealed = :sealed, clientIdHint = :hint, updatedAt = :at ADD version :one REMOVE refusedAt',
          // Must exist: an Update would otherwise create an item with no listing entry.
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: {
            ':sealed': { S: write.sealed },
            ':hint': { S: write.clientIdHint },
            ':at': { S: write.updatedAt },
            ':one': { N: '1' },
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return answer.Attributes === undefined ? undefined : recordOf(answer.Attributes);
    } catch (error) {
      if (errorName(error) === 'ConditionalCheckFailedException') return undefined;
      throw toStorageError(error);
    }
  }

  private itemOf(record: CarrierAccountRecord): Item {
    const { shopId, carrier } = record;
    return {
      ...carrierAccountKey(shopId, carrier),
      ...indexKeys(
        CARRIER_ACCOUNT_VIEW.index,
        CARRIER_ACCOUNT_VIEW.clerk(shardOf(shopId, this.shards)),
        CARRIER_ACCOUNT_VIEW.sort(shopId, carrier),
      ),
      entity: { S: 'CARRIERACCOUNT' },
      shopId: { S: shopId },
      carrier: { S: carrier },
      sealed: { S: record.sealed },
      clientIdHint: { S: record.clientIdHint },
      createdAt: { S: record.createdAt },
      updatedAt: { S: record.updatedAt },
      version: { N: String(record.version) },
    };
  }
}

/** The index start key of the entry whose sort key is `sort` (`<shop>#<carrier>`). */
function startKeyOf(partition: string, sort: string): Item {
  const cut = sort.lastIndexOf('#');
  const shopId = decodeURIComponent(sort.slice(0, cut));
  return {
    ...carrierAccountKey(shopId, sort.slice(cut + 1)),
    ...indexKeys(CARRIER_ACCOUNT_VIEW.index, partition, sort),
  };
}

function recordOf(item: Item): CarrierAccountRecord {
  const optional = (name: 'reconciledOn' | 'reconcileAfter' | 'refusedAt') => {
    const value = stringOf(item, name);
    return value === undefined ? {} : { [name]: value };
  };
  return {
    shopId: stringOf(item, 'shopId') ?? '',
    carrier: (stringOf(item, 'carrier') ?? 'cdek') as HookCarrier,
    sealed: stringOf(item, 'sealed') ?? '',
    clientIdHint: stringOf(item, 'clientIdHint') ?? '',
    createdAt: stringOf(item, 'createdAt') ?? '',
    updatedAt: stringOf(item, 'updatedAt') ?? '',
    version: numberOf(item, 'version') ?? 0,
    ...optional('reconciledOn'),
    ...optional('reconcileAfter'),
    ...optional('refusedAt'),
  };
}
