/**
 * DeskSessionRepository on DynamoDB: one item per session, all of a clerk
 * key's sessions in one partition (`DESKKEY#<keyId>`, sk `SESSION#<sessionId>`),
 * so "sign out everywhere" is one Query and a batch of deletes. The item's
 * `expiresAt` is the table's TTL attribute: DynamoDB removes expired sessions,
 * lazily (up to ~48 h late), so every read also compares it with the caller's clock.
 */
import {
  BatchWriteItemCommand,
  DeleteItemCommand,
  PutItemCommand,
  type DynamoDBClient,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { ConflictError, StorageBusyError } from '../errors';
import type { DeskSessionRecord, DeskSessionRepository } from '../repository';
import { TTL_ATTRIBUTE } from '../table';
import type { Item } from './codec';
import { errorName, guarded } from './errors';
import { queryAll, readItem } from './read';

const partition = (keyId: string) => `DESKKEY#${encodeURIComponent(keyId)}`;
const sessionKey = (keyId: string, sessionId: string): Item => ({
  pk: { S: partition(keyId) },
  sk: { S: `SESSION#${encodeURIComponent(sessionId)}` },
});

/** BatchWriteItem takes at most 25 requests; what DynamoDB leaves unprocessed is sent again. */
const BATCH = 25;
const BATCH_ATTEMPTS = 6;

/**
 * @example
 * const sessions = new DynamoDeskSessionRepository({ client, tableName: 'parcel-claims' });
 * await sessions.create({ keyId, sessionId, createdAt, expiresAt });
 */
export class DynamoDeskSessionRepository implements DeskSessionRepository {
  private readonly client: DynamoDBClient;
  private readonly table: string;

  constructor(options: { client: DynamoDBClient; tableName: string }) {
    this.client = options.client;
    this.table = options.tableName;
  }

  async create(session: DeskSessionRecord): Promise<DeskSessionRecord> {
    if (!Number.isSafeInteger(session.expiresAt)) throw new RangeError('expiresAt: epoch seconds');
    const item: Item = {
      ...sessionKey(session.keyId, session.sessionId),
      entity: { S: 'DESKSESSION' },
      keyId: { S: session.keyId },
      sessionId: { S: session.sessionId },
      createdAt: { S: session.createdAt },
      [TTL_ATTRIBUTE]: { N: String(session.expiresAt) },
    };
    const put = new PutItemCommand({
      TableName: this.table,
      Item: item,
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    try {
      await guarded(this.client.send(put));
    } catch (error) {
      if (errorName(error) === 'ConditionalCheckFailedException') {
        throw new ConflictError(`desk session ${session.sessionId} already exists`);
      }
      throw error;
    }
    return { ...session };
  }

  async get(
    keyId: string,
    sessionId: string,
    nowSeconds: number,
  ): Promise<DeskSessionRecord | undefined> {
    const item = await readItem(this.client, this.table, sessionKey(keyId, sessionId));
    if (item === undefined) return undefined;
    const expiresAt = Number(item[TTL_ATTRIBUTE]?.N);
    if (!(expiresAt > nowSeconds)) return undefined;
    return { keyId, sessionId, createdAt: item.createdAt?.S ?? '', expiresAt };
  }

  async delete(keyId: string, sessionId: string): Promise<void> {
    const input = { TableName: this.table, Key: sessionKey(keyId, sessionId) };
    await guarded(this.client.send(new DeleteItemCommand(input)));
  }

  async deleteAllForKey(keyId: string): Promise<number> {
    const items = await queryAll(this.client, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :session)',
      ExpressionAttributeValues: { ':pk': { S: partition(keyId) }, ':session': { S: 'SESSION#' } },
      ProjectionExpression: 'pk, sk',
      ConsistentRead: true,
    });
    for (let i = 0; i < items.length; i += BATCH) {
      const batch = items.slice(i, i + BATCH);
      await this.deleteBatch(batch.map((key) => ({ DeleteRequest: { Key: key } })));
    }
    return items.length;
  }

  private async deleteBatch(requests: WriteRequest[]): Promise<void> {
    let pending = requests;
    for (let attempt = 1; pending.length > 0; attempt++) {
      if (attempt > BATCH_ATTEMPTS) throw new StorageBusyError('throttled', 1);
      if (attempt > 1) await new Promise((done) => setTimeout(done, 50 * 2 ** attempt));
      const answer = await guarded(
        this.client.send(new BatchWriteItemCommand({ RequestItems: { [this.table]: pending } })),
      );
      pending = answer.UnprocessedItems?.[this.table] ?? [];
    }
  }
}
