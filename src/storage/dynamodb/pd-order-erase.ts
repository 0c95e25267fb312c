/**
 * Erasing an order's customer in place: ONE transaction rewrites the ORDER item (customer
 * tombstoned, any other text naming the person erased, the mark set; version, shipments and
 * a replace's lock kept), deletes its subject-index entries and its retention entry. The
 * order's shipments hold no customer data (their facts and events are the parcel's); their
 * sent messages (times only: a message is rendered from the order, never stored) are listed.
 */
import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import {
  ERASED_PERSON,
  scrubJson,
  type ErasedRecord,
  type PersonalDataMark,
  type PersonIdentifiers,
} from '../../domain/personal-data';
import type { RecordErasure } from '../personal-data-repository';
import { orderKey, shipmentPartition, SHIPMENT_SK } from './keys';
import { ORDER } from './order-items';
import { retentionKey, subjectRecordKey } from './pd-keys';
import { queryAll, readItem } from './read';
import type { TableContext } from './table-context';
import { transact } from './transact';

/** An order that keeps being replaced under the erasure is read again this many times. */
const ATTEMPTS = 4;

/**
 * @example await eraseOrderItem(ctx, 'shop-a', 'O-1', who, mark, ['9c1f…'])
 */
export async function eraseOrderItem(
  ctx: TableContext,
  shopId: string,
  orderId: string,
  who: PersonIdentifiers,
  mark: PersonalDataMark,
  refs: readonly string[],
): Promise<RecordErasure> {
  const record = { kind: 'order', id: orderId } as const;
  const indexDeletes: TransactWriteItem[] = refs.map((ref) => ({
    Delete: { TableName: ctx.table, Key: subjectRecordKey(shopId, ref, record) },
  }));
  for (let attempt = 1; ; attempt++) {
    const item = await readItem(ctx.client, ctx.table, orderKey(shopId, orderId));
    const text = item?.doc?.S;
    if (item === undefined || text === undefined) {
      if (indexDeletes.length > 0) await transact(ctx.client, indexDeletes);
      return { erased: false, related: [], indexEntries: indexDeletes.length > 0 };
    }
    const erasedBy = item.erasureId?.S;
    const doc = JSON.parse(text) as { shipmentIds?: string[] };
    if (erasedBy !== undefined) {
      if (indexDeletes.length > 0) await transact(ctx.client, indexDeletes);
      const mine = erasedBy === mark.erasureId;
      return {
        erased: mine,
        related: mine ? await messagesOf(ctx, shopId, doc.shipmentIds ?? []) : [],
        indexEntries: indexDeletes.length > 0,
      };
    }
    const erased = {
      ...(scrubJson(doc, who) as Record<string, unknown>),
      customer: { ...ERASED_PERSON },
      personalData: { ...mark },
    };
    const outcome = await transact(ctx.client, [
      {
        Put: {
          TableName: ctx.table,
          Item: {
            ...item,
            doc: { S: JSON.stringify(erased) },
            erasureId: { S: mark.erasureId },
            erasedAt: { S: mark.erasedAt },
          },
          // Over the order as read: a replace meanwhile is read again and erased in turn.
          ConditionExpression: '#v = :v AND attribute_not_exists(erasureId)',
          ExpressionAttributeNames: { '#v': ORDER.version },
          ExpressionAttributeValues: { ':v': item[ORDER.version] ?? { N: '0' } },
        },
      },
      { Delete: { TableName: ctx.table, Key: retentionKey(shopId, record) } },
      ...indexDeletes,
    ]);
    if (outcome.committed) {
      return {
        erased: true,
        related: await messagesOf(ctx, shopId, doc.shipmentIds ?? []),
        indexEntries: true,
      };
    }
    if (attempt >= ATTEMPTS) throw new Error(`order ${orderId} kept changing during its erasure`);
  }
}

/** The messages sent about the order's shipments (each `<shipmentId>/<messageId>`). */
async function messagesOf(
  ctx: TableContext,
  shopId: string,
  shipmentIds: readonly string[],
): Promise<ErasedRecord[]> {
  const found = await Promise.all(
    shipmentIds.map((shipmentId) =>
      queryAll(ctx.client, {
        TableName: ctx.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': { S: shipmentPartition(shopId, shipmentId) },
          ':prefix': { S: SHIPMENT_SK.messagePrefix },
        },
        ProjectionExpression: 'sk',
        ConsistentRead: true,
      }).then((items) =>
        items.map((item): ErasedRecord => ({
          kind: 'message',
          id: `${shipmentId}/${decodeURIComponent((item.sk?.S ?? '').slice(SHIPMENT_SK.messagePrefix.length))}`,
        })),
      ),
    ),
  );
  return found.flat();
}
