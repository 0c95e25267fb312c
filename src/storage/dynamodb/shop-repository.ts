/**
 * ShopRepository on DynamoDB: one item per shop (pk SHOP#<shop>, sk PROFILE)
 * holding the profile as JSON, replaced only over the version it was read at.
 */
import { PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { ShopProfile } from '../../domain/shop';
import { ConflictError } from '../errors';
import type { ShopRepository } from '../repository';
import { errorName, toStorageError } from './errors';
import { shopKey } from './keys';
import { readItem } from './read';

/**
 * @example
 * const shops = new DynamoShopRepository({ client, tableName: 'parcel-claims' });
 * await shops.put({ ...profile, shopId: 'demo-shop', version: 1, updatedAt });
 */
export class DynamoShopRepository implements ShopRepository {
  private readonly client: DynamoDBClient;
  private readonly table: string;

  constructor(options: { client: DynamoDBClient; tableName: string }) {
    this.client = options.client;
    this.table = options.tableName;
  }

  async get(shopId: string): Promise<ShopProfile | undefined> {
    const item = await readItem(this.client, this.table, shopKey(shopId));
    const doc = item?.doc?.S;
    return doc === undefined ? undefined : (JSON.parse(doc) as ShopProfile);
  }

  async put(profile: ShopProfile): Promise<ShopProfile> {
    const first = profile.version === 1;
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.table,
          Item: {
            ...shopKey(profile.shopId),
            entity: { S: 'SHOP' },
            version: { N: String(profile.version) },
            doc: { S: JSON.stringify(profile) },
          },
          // Version n replaces version n − 1 only: two writers never both win.
          ConditionExpression: first ? 'attribute_not_exists(pk)' : 'version = :previous',
          ...(first
            ? {}
            : { ExpressionAttributeValues: { ':previous': { N: String(profile.version - 1) } } }),
        }),
      );
      return profile;
    } catch (error) {
      if (errorName(error) !== 'ConditionalCheckFailedException') throw toStorageError(error);
      throw new ConflictError(`shop ${profile.shopId} changed meanwhile`, { entity: 'shop' });
    }
  }
}
