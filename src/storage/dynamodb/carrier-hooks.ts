/**
 * CarrierHookRepository on DynamoDB. A hook is two items, written and deleted in one
 * transaction with the shop's hook count: the record in the shop's partition
 * (`SHOP#<shop>#HOOKS`, `HOOK#<id>`) and its copy under the token's hash
 * (`HOOKTOKEN#<sha256>`), so an inbound call is one strongly consistent GetItem and a
 * revoked token stops at once (as API keys: ./api-key-repository.ts). The count item
 * (`COUNT`, same partition) holds the cap: a create is conditioned on it being below, so two
 * creates at once never pass it together.
 */
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import type { HookCarrier } from '../../carriers/types';
import { open, seal, type SealContext } from '../../lib/sealed';
import type {
  CarrierHookRecord,
  CarrierHookRepository,
  CarrierHookTarget,
} from '../carrier-hook-repository';
import { ConflictError, InvalidCursorError, NotFoundError } from '../errors';
import type { Page, PageRequest } from '../repository';
import type { Item } from './codec';
import { guarded } from './errors';
import {
  CARRIER_HOOK_SK,
  carrierHookCountKey,
  carrierHookKey,
  carrierHookPartition,
  carrierHookTokenKey,
} from './keys';
import { readItem } from './read';
import { tableContext, type DynamoTable, type TableContext } from './table-context';
import { transact } from './transact';

const PURPOSE = 'parcel-claims carrier hooks cursor v1';

/**
 * A hook's two items: the record in the shop's partition, its copy under the token's hash.
 * @example carrierHookItems(record)[1].pk // { S: 'HOOKTOKEN#<sha256>' }
 */
export function carrierHookItems(record: CarrierHookRecord): [Item, Item] {
  const attributes = hookAttributes(record);
  return [
    { ...carrierHookKey(record.shopId, record.hookId), ...attributes },
    { ...carrierHookTokenKey(record.tokenHash), ...attributes },
  ];
}

/** The attributes both items of a hook hold. */
function hookAttributes(record: CarrierHookRecord): Item {
  return {
    shopId: { S: record.shopId },
    hookId: { S: record.hookId },
    carrier: { S: record.carrier },
    tokenHash: { S: record.tokenHash },
    createdAt: { S: record.createdAt },
    ...(record.forwardTo === undefined ? {} : { forwardTo: { S: record.forwardTo } }),
  };
}

function recordOf(item: Item): CarrierHookRecord {
  const forwardTo = item.forwardTo?.S;
  return {
    shopId: item.shopId?.S ?? '',
    hookId: item.hookId?.S ?? '',
    carrier: (item.carrier?.S ?? 'cdek') as HookCarrier,
    tokenHash: item.tokenHash?.S ?? '',
    createdAt: item.createdAt?.S ?? '',
    ...(forwardTo === undefined ? {} : { forwardTo }),
  };
}

/**
 * @example
 * const hooks = new DynamoCarrierHookRepository({ client, tableName: 'parcel-claims' });
 */
export class DynamoCarrierHookRepository implements CarrierHookRepository {
  private readonly ctx: TableContext;

  constructor(table: DynamoTable) {
    this.ctx = tableContext(table);
  }

  async create(record: CarrierHookRecord, max: number): Promise<boolean> {
    const TableName = this.ctx.table;
    const [hookItem, tokenItem] = carrierHookItems(record);
    const outcome = await transact(this.ctx.client, [
      // The cap: the count goes up only while below it (absent: no hook yet).
      {
        Update: {
          TableName,
          Key: carrierHookCountKey(record.shopId),
          UpdateExpression: 'ADD #n :one',
          ConditionExpression: 'attribute_not_exists(#n) OR #n < :max',
          ExpressionAttributeNames: { '#n': 'n' },
          ExpressionAttributeValues: { ':one': { N: '1' }, ':max': { N: String(max) } },
        },
      },
      // Ids and token hashes are unique: never replace another hook.
      {
        Put: {
          TableName,
          Item: hookItem,
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName,
          Item: tokenItem,
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ]);
    if (outcome.committed) return true;
    if (outcome.reasons[0]?.code === 'ConditionalCheckFailed') return false;
    throw new ConflictError(`carrier hook ${record.hookId} or its token exists already`);
  }

  async list(shopId: string, page: PageRequest): Promise<Page<CarrierHookRecord>> {
    const sealing: SealContext = {
      secret: this.ctx.cursorSecret,
      purpose: PURPOSE,
      boundTo: JSON.stringify([page.caller, shopId]),
    };
    const after = page.cursor === undefined ? undefined : await openCursor(sealing, page.cursor);
    const pk = carrierHookPartition(shopId);
    const items: Item[] = [];
    let startKey: Item | undefined =
      after === undefined ? undefined : { pk: { S: pk }, sk: { S: after } };
    // One more than asked for tells whether another page follows.
    do {
      const answer = await guarded(
        this.ctx.client.send(
          new QueryCommand({
            TableName: this.ctx.table,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :hook)',
            ExpressionAttributeValues: {
              ':pk': { S: pk },
              ':hook': { S: CARRIER_HOOK_SK.hookPrefix },
            },
            ConsistentRead: true,
            Limit: page.limit + 1 - items.length,
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      items.push(...(answer.Items ?? []));
      startKey = answer.LastEvaluatedKey;
    } while (startKey !== undefined && items.length <= page.limit);
    const shown = items.slice(0, page.limit);
    const last = shown.at(-1)?.sk?.S;
    const more = items.length > page.limit && last !== undefined;
    return {
      items: shown.map(recordOf),
      ...(more ? { nextCursor: await seal(sealing, last) } : {}),
    };
  }

  async revoke(shopId: string, hookId: string): Promise<void> {
    const item = await readItem(this.ctx.client, this.ctx.table, carrierHookKey(shopId, hookId));
    if (item === undefined) throw new NotFoundError('carrier-hook', hookId);
    const TableName = this.ctx.table;
    const outcome = await transact(this.ctx.client, [
      // Revoked once: a second revoke at the same moment finds it gone (404), never counts twice.
      {
        Delete: {
          TableName,
          Key: carrierHookKey(shopId, hookId),
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
      { Delete: { TableName, Key: carrierHookTokenKey(recordOf(item).tokenHash) } },
      {
        Update: {
          TableName,
          Key: carrierHookCountKey(shopId),
          UpdateExpression: 'ADD #n :minus',
          ExpressionAttributeNames: { '#n': 'n' },
          ExpressionAttributeValues: { ':minus': { N: '-1' } },
        },
      },
    ]);
    if (!outcome.committed) throw new NotFoundError('carrier-hook', hookId);
  }

  async findByToken(tokenHash: string): Promise<CarrierHookTarget | undefined> {
    const item = await readItem(this.ctx.client, this.ctx.table, carrierHookTokenKey(tokenHash));
    if (item === undefined) return undefined;
    const { shopId, hookId, carrier, forwardTo } = recordOf(item);
    return { shopId, hookId, carrier, ...(forwardTo === undefined ? {} : { forwardTo }) };
  }
}

/** The sort key a cursor resumes after; refused unless issued for this caller and shop. */
async function openCursor(sealing: SealContext, cursor: string): Promise<string> {
  const text =
    cursor.length <= 2048 && /^[A-Za-z0-9_-]+$/.test(cursor)
      ? await open(sealing, cursor)
      : undefined;
  if (text === undefined || !text.startsWith(CARRIER_HOOK_SK.hookPrefix)) {
    throw new InvalidCursorError('Invalid cursor: not issued to this caller for this listing');
  }
  return text;
}
