/**
 * When each customer message went out: one small item per message in its subject's
 * partition (a claim's, sk MESSAGE#<id>; a shipment's, the same beside its HEAD), written
 * once, so the first `sentAt` recorded is the one that stays. A claim's `ack` is written in
 * one transaction with the deletion of the claim's unacknowledged-queue item (ACKDUE, see
 * ./unacknowledged.ts) and a check that the claim exists: the customer counts as
 * acknowledged exactly when the queue stops listing the claim.
 *
 * A refused write (recorded before) is answered by reading the item again, never from the
 * refusal (YDB's Document API returns no item with it): that also recognises our own write
 * when the SDK retried a request that had gone through.
 */
import { PutItemCommand, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { NotFoundError, type MessageSentRepository, type MessageSubject } from '../repository';
import type { Item } from './codec';
import { errorName, toStorageError } from './errors';
import {
  ackDueKey,
  claimHeadKey,
  claimMessageKey,
  claimPartition,
  CLAIM_SK,
  shipmentMessageKey,
  shipmentPartition,
  SHIPMENT_SK,
} from './keys';
import { queryAll, readItem } from './read';
import { tableContext, type DynamoTable, type TableContext } from './table-context';
import { transact } from './transact';

/** The message whose sending acknowledges a claim. */
const ACKNOWLEDGEMENT = 'ack';
/** Recorded once: a repeated call (a retry, a second click) keeps the first time. */
const ONCE = 'attribute_not_exists(pk)';

const keyOf = (subject: MessageSubject, messageId: string): Item =>
  'claimId' in subject
    ? claimMessageKey(subject.claimId, messageId)
    : shipmentMessageKey(subject.shopId, subject.shipmentId, messageId);

/**
 * @example
 * const sent = new DynamoMessageSentRepository({ client, tableName: 'parcel-claims' });
 * await sent.markSent({ claimId: 'clm_…' }, 'ack', '2025-06-16T09:05:00.000Z'); // the first sentAt
 */
export class DynamoMessageSentRepository implements MessageSentRepository {
  private readonly ctx: TableContext;

  constructor(table: DynamoTable) {
    this.ctx = tableContext(table);
  }

  async markSent(subject: MessageSubject, messageId: string, at: string): Promise<string> {
    const key = keyOf(subject, messageId);
    const item: Item = { ...key, entity: { S: 'MESSAGE_SENT' }, sentAt: { S: at } };
    if ('claimId' in subject && messageId === ACKNOWLEDGEMENT) {
      return await this.acknowledge(subject.claimId, item, at);
    }
    try {
      await this.ctx.client.send(
        new PutItemCommand({ TableName: this.ctx.table, Item: item, ConditionExpression: ONCE }),
      );
      return at;
    } catch (error) {
      if (errorName(error) !== 'ConditionalCheckFailedException') {
        throw toStorageError(error, { write: true });
      }
      return await this.recorded(key, at);
    }
  }

  /** The `ack` item and the claim leaving the unacknowledged queue, in one transaction. */
  private async acknowledge(claimId: string, item: Item, at: string): Promise<string> {
    const { table } = this.ctx;
    const items: TransactWriteItem[] = [
      { Put: { TableName: table, Item: item, ConditionExpression: ONCE } },
      // Deleting an item that is not there is no error: a claim not listed stays unlisted.
      { Delete: { TableName: table, Key: ackDueKey(claimId) } },
      // Only an existing claim is acknowledged (no MESSAGE item for a claim that is not).
      {
        ConditionCheck: {
          TableName: table,
          Key: claimHeadKey(claimId),
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
    ];
    const outcome = await transact(this.ctx.client, items);
    if (outcome.committed) return at;
    if (outcome.reasons[2]?.code === 'ConditionalCheckFailed') {
      throw new NotFoundError('claim', claimId);
    }
    // Recorded before: that first time stays (and the claim left the queue with it).
    return await this.recorded(claimMessageKey(claimId, ACKNOWLEDGEMENT), at);
  }

  /** The time recorded first, read again (`at` if it is gone, which a message never is). */
  private async recorded(key: Item, at: string): Promise<string> {
    const existing = await readItem(this.ctx.client, this.ctx.table, key);
    return existing?.sentAt?.S ?? at;
  }

  async sentTimes(subject: MessageSubject): Promise<Record<string, string>> {
    const [partition, prefix] =
      'claimId' in subject
        ? [claimPartition(subject.claimId), CLAIM_SK.messagePrefix]
        : [shipmentPartition(subject.shopId, subject.shipmentId), SHIPMENT_SK.messagePrefix];
    const items = await queryAll(this.ctx.client, {
      TableName: this.ctx.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': { S: partition }, ':prefix': { S: prefix } },
      ConsistentRead: true,
    });
    const times: Record<string, string> = {};
    for (const item of items) {
      const id = decodeURIComponent((item.sk?.S ?? '').slice(prefix.length));
      if (item.sentAt?.S) times[id] = item.sentAt.S;
    }
    return times;
  }
}
