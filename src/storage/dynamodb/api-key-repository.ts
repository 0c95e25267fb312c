/**
 * ApiKeyRepository on DynamoDB. Each key is two items written together: the
 * record by key id, and a copy under its hash so that authentication is one
 * strongly consistent GetItem (a GSI would be eventually consistent: a
 * revoked key could keep working for a moment).
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { INDEX_KEY_ATTRIBUTES } from '../table';
import { isSandboxShopId, SANDBOX_SUFFIX } from '../api-keys';
import { ConflictError, NotFoundError } from '../errors';
import type { ApiKeyRecord, ApiKeyRepository, NewApiKey } from '../repository';
import { toItem, type Item } from './codec';
import { API_KEY_VIEW, apiKeyHashKey, apiKeyKey, indexKeys, shardOf } from './keys';
import { keyText, readItem, readItems } from './read';
import { transact } from './transact';
import { allShards, tableContext, type DynamoTable } from './table-context';
import { readView } from './views';
import { fromItem } from './codec';

/** The longest clerk display name. */
export const MAX_DISPLAY_NAME_LENGTH = 80;

function checkDisplayName(role: ApiKeyRecord['role'], name: string): void {
  if (role !== 'clerk') throw new RangeError('only clerk keys have a displayName');
  if (name.trim() === '' || name !== name.trim() || [...name].length > MAX_DISPLAY_NAME_LENGTH) {
    throw new RangeError(
      `displayName must be 1–${MAX_DISPLAY_NAME_LENGTH} characters, without surrounding spaces`,
    );
  }
}

/**
 * @example
 * const apiKeys = new DynamoApiKeyRepository({ client, tableName: 'parcel-claims' });
 * await apiKeys.create({ keyId, secretHash: await hashApiKey(key), role: 'shop', shopId: 's1', createdAt });
 */
export class DynamoApiKeyRepository implements ApiKeyRepository {
  private readonly client: DynamoDBClient;
  private readonly table: string;
  private readonly shards: number;
  private readonly cursorSecret: string;

  constructor(options: DynamoTable) {
    const ctx = tableContext(options);
    this.client = ctx.client;
    this.table = ctx.table;
    this.shards = ctx.shards;
    this.cursorSecret = ctx.cursorSecret;
  }

  async create(key: NewApiKey): Promise<ApiKeyRecord> {
    if ((key.role === 'shop') !== (key.shopId !== undefined && key.shopId !== '')) {
      throw new RangeError('a shop key needs a shopId; a clerk key has none');
    }
    if (key.shopId !== undefined && isSandboxShopId(key.shopId)) {
      throw new RangeError(
        `shop ids ending in ${SANDBOX_SUFFIX} are sandboxes; create a test key for the shop instead`,
      );
    }
    if (key.test === true && key.role !== 'shop')
      throw new RangeError('only shop keys are test keys');
    if (key.displayName !== undefined) checkDisplayName(key.role, key.displayName);
    const record: ApiKeyRecord = { ...key };
    // The CLI's listing, by creation: sharded by key id (no constant partition).
    const listing = indexKeys(
      'gsi5',
      API_KEY_VIEW.clerk(shardOf(key.keyId, this.shards)),
      `${key.createdAt}#${key.keyId}`,
    );
    const outcome = await transact(this.client, [
      // Key ids are unique: never replace another key's record.
      {
        Put: {
          TableName: this.table,
          Item: { ...this.item(record, apiKeyKey(key.keyId)), ...listing },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      // One hash, one key: a duplicate secret must not authenticate as two keys.
      {
        Put: {
          TableName: this.table,
          Item: this.item(record, apiKeyHashKey(key.secretHash)),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ]);
    if (!outcome.committed) throw new ConflictError(`API key ${key.keyId} already exists`);
    return record;
  }

  async get(keyId: string): Promise<ApiKeyRecord | undefined> {
    return this.read(apiKeyKey(keyId));
  }

  async findByHash(secretHash: string): Promise<ApiKeyRecord | undefined> {
    const record = await this.read(apiKeyHashKey(secretHash));
    return record === undefined || record.revokedAt !== undefined ? undefined : record;
  }

  async revoke(keyId: string, at: string): Promise<ApiKeyRecord> {
    const current = await this.get(keyId);
    if (current === undefined) throw new NotFoundError('api-key', keyId);
    if (current.revokedAt !== undefined) return current;
    // Must exist (an Update would otherwise create a stray item) and revoke once:
    // the first revokedAt is the one that counts.
    const outcome = await this.updateBoth(current, {
      UpdateExpression: 'SET revokedAt = :at',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(revokedAt)',
      ExpressionAttributeValues: { ':at': { S: at } },
    });
    if (outcome.committed) return { ...current, revokedAt: at };
    const now = await this.get(keyId);
    if (now === undefined) throw new NotFoundError('api-key', keyId);
    if (now.revokedAt === undefined)
      throw new ConflictError(`API key ${keyId} is contended; retry`);
    return now;
  }

  /**
   * Names (or renames) a clerk key, on both its items at once, so that the
   * record by id and the copy under its hash never disagree.
   *
   * @throws {NotFoundError} when no such key exists.
   * @throws {RangeError} not a clerk key, or a name blank, padded or over 80 characters.
   */
  async setDisplayName(keyId: string, displayName: string): Promise<ApiKeyRecord> {
    const current = await this.get(keyId);
    if (current === undefined) throw new NotFoundError('api-key', keyId);
    checkDisplayName(current.role, displayName);
    // Must exist: an Update would otherwise create a stray item.
    const outcome = await this.updateBoth(current, {
      UpdateExpression: 'SET displayName = :name',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':name': { S: displayName } },
    });
    if (!outcome.committed) throw new ConflictError(`API key ${keyId} is contended; retry`);
    return { ...current, displayName };
  }

  async setTimeZone(keyId: string, timeZone: string): Promise<ApiKeyRecord> {
    const current = await this.get(keyId);
    if (current === undefined) throw new NotFoundError('api-key', keyId);
    if (current.role !== 'clerk') throw new RangeError('only clerk keys have a timeZone');
    if (timeZone === '' || timeZone.length > 64) throw new RangeError('timeZone is not a zone id');
    const outcome = await this.updateBoth(current, {
      // TIMEZONE is one of DynamoDB's reserved words.
      UpdateExpression: 'SET #zone = :zone',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#zone': 'timeZone' },
      ExpressionAttributeValues: { ':zone': { S: timeZone } },
    });
    if (!outcome.committed) throw new ConflictError(`API key ${keyId} is contended; retry`);
    return { ...current, timeZone };
  }

  async list(): Promise<ApiKeyRecord[]> {
    const records: ApiKeyRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await readView(
        this.client,
        this.table,
        {
          view: 'api-keys',
          partitions: allShards(this.shards).map((shard) => ({
            index: API_KEY_VIEW.index,
            pk: API_KEY_VIEW.clerk(shard),
          })),
          range: {},
          ascending: true,
          load: async (entries) => {
            const found = await readItems(
              this.client,
              this.table,
              entries.map((e) => apiKeyKey(decodeURIComponent(e.pk.slice('APIKEY#'.length)))),
            );
            return entries.map((e) => {
              const item = found.get(keyText({ pk: { S: e.pk }, sk: { S: e.sk } }));
              return item === undefined ? undefined : recordOf(item);
            });
          },
        },
        {
          limit: 1000,
          cursor,
          seal: { secret: this.cursorSecret, purpose: 'api keys', boundTo: 'cli' },
        },
      );
      records.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return records;
  }

  /** The same conditional update of the record by id and of its copy under the hash, together. */
  private updateBoth(
    current: ApiKeyRecord,
    update: {
      UpdateExpression: string;
      ConditionExpression: string;
      ExpressionAttributeNames?: Record<string, string>;
      ExpressionAttributeValues: Item;
    },
  ) {
    const on = (key: Item) => ({ Update: { TableName: this.table, Key: key, ...update } });
    return transact(this.client, [
      on(apiKeyKey(current.keyId)),
      on(apiKeyHashKey(current.secretHash)),
    ]);
  }

  private item(record: ApiKeyRecord, key: Item): Item {
    return { ...toItem(record), ...key, entity: { S: key.sk?.S ?? 'APIKEY' } };
  }

  private async read(key: Item): Promise<ApiKeyRecord | undefined> {
    const item = await readItem(this.client, this.table, key);
    return item === undefined ? undefined : recordOf(item);
  }
}

/** Attributes that belong to the storage layout, not to the record. */
const LAYOUT: ReadonlySet<string> = new Set(['pk', 'sk', 'entity', ...INDEX_KEY_ATTRIBUTES]);

/** The key record an item holds (only this module writes them, so the shape is its own). */
const recordOf = (item: Item): ApiKeyRecord => fromItem(item, LAYOUT) as unknown as ApiKeyRecord;
