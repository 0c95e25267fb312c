/**
 * When each customer message went out: one small item per message in its subject's
 * partition (a claim's, sk MESSAGE#<id>; a shipment's, the same beside its SHIPMENT item),
 * written once, so the first `sentAt` recorded is the one that stays. A claim's `ack`
 * is written in one transaction with the removal of the claim's unacknowledged-queue keys:
 * the customer counts as acknowledged exactly when the queue stops listing the claim.
 */
import {
  PutItemCommand,
  type DynamoDBClient,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { NotFoundError, type MessageSentRepository, type MessageSubject } from '../repository';
import type { Item } from './codec';
import { errorName, toStorageError } from './errors';
import { claimKey, claimPartition } from './items';
import { queryAll } from './read';
import { shipmentPartition } from './shipment-items';
import { transact } from './transact';
import { UNACKNOWLEDGED_ATTRIBUTES } from './unacknowledged';

const PREFIX = 'MESSAGE#';
/** The message whose sending acknowledges a claim. */
const ACKNOWLEDGEMENT = 'ack';
/** Recorded once: a repeated call (a retry, a second click) keeps the first time. */
const ONCE = 'attribute_not_exists(pk)';

const partitionOf = (subject: MessageSubject): string =>
  'claimId' in subject
    ? claimPartition(subject.claimId)
    : shipmentPartition(subject.shopId, subject.shipmentId);

/**
 * @example
 * const sent = new DynamoMessageSentRepository({ client, tableName: 'parcel-claims' });
 * await sent.markSent({ claimId: 'clm_…' }, 'ack', '2025-06-16T09:05:00.000Z'); // the first sentAt
 */
export class DynamoMessageSentRepository implements MessageSentRepository {
  private readonly client: DynamoDBClient;
  private readonly table: string;

  constructor(options: { client: DynamoDBClient; tableName: string }) {
    this.client = options.client;
    this.table = options.tableName;
  }

  async markSent(subject: MessageSubject, messageId: string, at: string): Promise<string> {
    const item: Item = {
      pk: { S: partitionOf(subject) },
      sk: { S: `${PREFIX}${encodeURIComponent(messageId)}` },
      entity: { S: 'MESSAGE_SENT' },
      sentAt: { S: at },
    };
    if ('claimId' in subject && messageId === ACKNOWLEDGEMENT) {
      return await this.acknowledge(subject.claimId, item, at);
    }
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.table,
          Item: item,
          ConditionExpression: ONCE,
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return at;
    } catch (error) {
      if (errorName(error) !== 'ConditionalCheckFailedException') throw toStorageError(error);
      const existing = (error as { Item?: Item }).Item;
      return existing?.sentAt?.S ?? at;
    }
  }

  /** The `ack` item and the claim leaving the unacknowledged queue, in one transaction. */
  private async acknowledge(claimId: string, item: Item, at: string): Promise<string> {
    const names = Object.fromEntries(UNACKNOWLEDGED_ATTRIBUTES.map((name, i) => [`#a${i}`, name]));
    const items: TransactWriteItem[] = [
      {
        Put: {
          TableName: this.table,
          Item: item,
          ConditionExpression: ONCE,
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      {
        Update: {
          TableName: this.table,
          Key: claimKey(claimId),
          UpdateExpression: `REMOVE ${Object.keys(names).join(', ')}`,
          // Never creates a claim item: only an existing claim leaves the queue.
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: names,
        },
      },
    ];
    const outcome = await transact(this.client, items);
    if (outcome.committed) return at;
    const [sent, claim] = outcome.reasons;
    if (claim?.code === 'ConditionalCheckFailed') throw new NotFoundError('claim', claimId);
    // Recorded before: that first time stays (and the claim left the queue with it).
    return sent?.item?.sentAt?.S ?? at;
  }

  async sentTimes(subject: MessageSubject): Promise<Record<string, string>> {
    const items = await queryAll(this.client, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': { S: partitionOf(subject) },
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
