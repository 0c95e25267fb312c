/**
 * When each customer message of a claim went out: one small item per message
 * in the claim's partition (sk MESSAGE#<id>), written once, so the first
 * `sentAt` recorded is the one that stays.
 */
import { PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { MessageSentRepository } from '../repository';
import { errorName, toStorageError } from './errors';
import { claimPartition } from './items';
import { queryAll } from './read';

const PREFIX = 'MESSAGE#';

/**
 * @example
 * const sent = new DynamoMessageSentRepository({ client, tableName: 'parcel-claims' });
 * await sent.markSent('clm_…', 'ack', '2025-06-16T09:05:00.000Z'); // the first sentAt
 */
export class DynamoMessageSentRepository implements MessageSentRepository {
  private readonly client: DynamoDBClient;
  private readonly table: string;

  constructor(options: { client: DynamoDBClient; tableName: string }) {
    this.client = options.client;
    this.table = options.tableName;
  }

  async markSent(claimId: string, messageId: string, at: string): Promise<string> {
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.table,
          Item: {
            pk: { S: claimPartition(claimId) },
            sk: { S: `${PREFIX}${encodeURIComponent(messageId)}` },
            entity: { S: 'MESSAGE_SENT' },
            sentAt: { S: at },
          },
          // Recorded once: a repeated call (a retry, a second click) keeps the first time.
          ConditionExpression: 'attribute_not_exists(pk)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return at;
    } catch (error) {
      if (errorName(error) !== 'ConditionalCheckFailedException') throw toStorageError(error);
      const existing = (error as { Item?: { sentAt?: { S?: string } } }).Item;
      return existing?.sentAt?.S ?? at;
    }
  }

  async sentTimes(claimId: string): Promise<Record<string, string>> {
    const items = await queryAll(this.client, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': { S: claimPartition(claimId) },
        ':prefix': { S: PREFIX },
      },
      ConsistentRead: true,
    });
    const times: Record<string, string> = {};
    for (const item of items) {
      const id = decodeURIComponent((item.sk?.S ?? '').slice(PREFIX.length));
      if (item.sentAt?.S) times[id] = item.sentAt.S;
    }
    return times;
  }
}
