/**
 * What a dropped shipment leaves once its head is gone: its facts, its events, its claim
 * links (FILED#…) and its customer messages (MESSAGE#…, the message repository's items). Without
 * a head none of them is read as a shipment, so this runs after the order's commit; a
 * failure only leaves unread items behind. If the shipment id was used again meanwhile
 * (a new head, another incarnation), only the old incarnation's items go, each deleted on
 * condition it is still the one read.
 */
import { DeleteItemCommand } from '@aws-sdk/client-dynamodb';
import type { Item } from './codec';
import { errorName, toStorageError } from './errors';
import { SHIPMENT_SK } from './keys';
import { queryAll } from './read';
import { HEAD } from './shipment-head';
import { mapLimit } from './shipment-read';
import type { TableContext } from './table-context';

/** Deletes sent at once (a shipment may have 200 events). */
const DELETE_CONCURRENCY = 8;

/**
 * @example await clearLeftovers(ctx, shipmentPartition('shop-a', 'S-1'));
 */
export async function clearLeftovers(ctx: TableContext, partition: string): Promise<void> {
  const items = await queryAll(ctx.client, {
    TableName: ctx.table,
    KeyConditionExpression: '#pk = :pk',
    ProjectionExpression: '#pk, #sk, #born',
    ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk', '#born': HEAD.born },
    ExpressionAttributeValues: { ':pk': { S: partition } },
    ConsistentRead: true,
  });
  const head = items.find((item) => item.sk?.S === SHIPMENT_SK.head);
  const live = head?.[HEAD.born]?.S;
  const doomed = items.filter((item) => {
    const sk = item.sk?.S ?? SHIPMENT_SK.head;
    if (sk === SHIPMENT_SK.head) return false;
    // Messages and claim links carry no incarnation: kept once the id lives again.
    if (sk.startsWith(SHIPMENT_SK.messagePrefix) || sk.startsWith(SHIPMENT_SK.claimPrefix)) {
      return head === undefined;
    }
    return head === undefined || item[HEAD.born]?.S !== live;
  });
  await mapLimit(doomed, DELETE_CONCURRENCY, (item) => deleteIfSame(ctx, item));
}

async function deleteIfSame(ctx: TableContext, item: Item): Promise<void> {
  const born = item[HEAD.born];
  try {
    await ctx.client.send(
      new DeleteItemCommand({
        TableName: ctx.table,
        Key: { pk: item.pk!, sk: item.sk! },
        ...(born === undefined
          ? {}
          : {
              ConditionExpression: '#born = :born',
              ExpressionAttributeNames: { '#born': HEAD.born },
              ExpressionAttributeValues: { ':born': born },
            }),
      }),
    );
  } catch (error) {
    // Written again since it was read: not a leftover any more.
    if (errorName(error) === 'ConditionalCheckFailedException') return;
    throw toStorageError(error, { write: true });
  }
}
