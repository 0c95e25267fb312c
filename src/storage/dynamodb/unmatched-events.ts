/**
 * UnmatchedEventRepository on DynamoDB. A kept event is one item in its parcel's partition
 * (`SHOP#<shop>#UNMATCHED#W#<waybill>` or `…#O#<order id>`, sort key the event id), put only
 * if absent (the dedupe: CDEK's resend of an event is kept once), removed by the table's TTL
 * after 90 days (`expiresAt`) or once applied. It carries a sparse gsi1 entry
 * (`SHOP#<shop>#UNMATCHED`, `<receivedAt>#<random>`): the shop's listing, newest first,
 * reads the KEYS_ONLY entries and then the items (BatchGetItem); an item gone meanwhile (applied,
 * expired) is left out. Beside them, what a carrier's order id stands for
 * (`SHOP#<shop>#CARRIERORDER#<id>`): the parcel a notice named with it, for one that names the
 * order by that id alone.
 */
import { PutItemCommand, UpdateItemCommand, DeleteItemCommand } from '@aws-sdk/client-dynamodb';
import type { HookCarrier } from '../../carriers/types';
import type { ShipmentEvent } from '../../domain/shipment';
import type { SealContext } from '../../lib/sealed';
import type {
  CarrierOrderParcel,
  UnmatchedEventRecord,
  UnmatchedEventRepository,
  UnmatchedParcel,
} from '../carrier-hook-repository';
import type { Page, PageRequest } from '../repository';
import type { Item } from './codec';
import { conditionalWrite } from './errors';
import {
  carrierOrderKey,
  indexKeys,
  UNMATCHED_VIEW,
  unmatchedEventKey,
  unmatchedPartition,
} from './keys';
import { keyText, queryAll, readItem, readItems } from './read';
import { packDoc, unpackDoc } from './shipment-items';
import { tableContext, type DynamoTable, type TableContext } from './table-context';
import { readView } from './views';

const PURPOSE = 'parcel-claims unmatched carrier events cursor v1';

/**
 * The item of a kept event (its event as a JSON document, deflated when large).
 * @example (await unmatchedItem(record)).reason // { S: 'no_shipment' }
 */
export async function unmatchedItem(record: UnmatchedEventRecord): Promise<Item> {
  const partition = unmatchedPartition(record.shopId, record.parcel);
  return {
    ...(await unmatchedEventKey(partition, record.eventId)),
    ...indexKeys(
      UNMATCHED_VIEW.index,
      UNMATCHED_VIEW.shop(record.shopId),
      `${record.receivedAt}#${crypto.randomUUID()}`,
    ),
    shopId: { S: record.shopId },
    eventId: { S: record.eventId },
    carrier: { S: record.carrier },
    ...(record.waybill === undefined ? {} : { waybill: { S: record.waybill } }),
    ...(record.orderNumber === undefined ? {} : { orderNumber: { S: record.orderNumber } }),
    ...(record.carrierOrderId === undefined
      ? {}
      : { carrierOrderId: { S: record.carrierOrderId } }),
    receivedAt: { S: record.receivedAt },
    reason: { S: record.reason },
    expiresAt: { N: String(record.expiresAt) },
    ...(await packDoc(JSON.stringify(record.event))),
  };
}

async function recordOf(item: Item, parcel: UnmatchedParcel): Promise<UnmatchedEventRecord> {
  const waybill = item.waybill?.S;
  const orderNumber = item.orderNumber?.S;
  const carrierOrderId = item.carrierOrderId?.S;
  return {
    shopId: item.shopId?.S ?? '',
    parcel,
    eventId: item.eventId?.S ?? '',
    carrier: (item.carrier?.S ?? 'cdek') as HookCarrier,
    ...(waybill === undefined ? {} : { waybill }),
    ...(orderNumber === undefined ? {} : { orderNumber }),
    ...(carrierOrderId === undefined ? {} : { carrierOrderId }),
    receivedAt: item.receivedAt?.S ?? '',
    reason: item.reason?.S ?? '',
    event: JSON.parse(await unpackDoc(item)) as ShipmentEvent,
    expiresAt: Number(item.expiresAt?.N ?? '0'),
  };
}

/** The parcel a kept item's partition names (its waybill, its order id, the carrier's). */
function parcelOf(item: Item): UnmatchedParcel {
  const pk = item.pk?.S ?? '';
  if (pk.includes('#UNMATCHED#W#')) return { waybill: item.waybill?.S ?? '' };
  if (pk.includes('#UNMATCHED#O#')) return { orderNumber: item.orderNumber?.S ?? '' };
  return { carrierOrderId: item.carrierOrderId?.S ?? '' };
}

/**
 * What a carrier's order id stands for, as an item (removed by the TTL after `expiresAt`).
 * @example carrierOrderItem('s', 'uuid-1', { waybill: '1106207236' }, 1_800_000_000).sk // { S: 'PARCEL' }
 */
export function carrierOrderItem(
  shopId: string,
  carrierOrderId: string,
  parcel: CarrierOrderParcel,
  expiresAt: number,
): Item {
  return {
    ...carrierOrderKey(shopId, carrierOrderId),
    ...(parcel.waybill === undefined ? {} : { waybill: { S: parcel.waybill } }),
    ...(parcel.orderNumber === undefined ? {} : { orderNumber: { S: parcel.orderNumber } }),
    expiresAt: { N: String(expiresAt) },
  };
}

/**
 * @example
 * const unmatched = new DynamoUnmatchedEventRepository({ client, tableName: 'parcel-claims' });
 */
export class DynamoUnmatchedEventRepository implements UnmatchedEventRepository {
  private readonly ctx: TableContext;

  constructor(table: DynamoTable) {
    this.ctx = tableContext(table);
  }

  async keep(record: UnmatchedEventRecord): Promise<boolean> {
    return conditionalWrite(
      this.ctx.client.send(
        new PutItemCommand({
          TableName: this.ctx.table,
          Item: await unmatchedItem(record),
          // The dedupe: a resend of a kept event keeps the first.
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  }

  async setReason(
    shopId: string,
    parcel: UnmatchedParcel,
    eventId: string,
    reason: string,
  ): Promise<void> {
    const key = await unmatchedEventKey(unmatchedPartition(shopId, parcel), eventId);
    await conditionalWrite(
      this.ctx.client.send(
        new UpdateItemCommand({
          TableName: this.ctx.table,
          Key: key,
          UpdateExpression: 'SET #reason = :reason',
          // Never a stray item: one applied and removed meanwhile stays removed.
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#reason': 'reason' },
          ExpressionAttributeValues: { ':reason': { S: reason } },
        }),
      ),
    );
  }

  async ofParcel(shopId: string, parcel: UnmatchedParcel): Promise<UnmatchedEventRecord[]> {
    const items = await queryAll(this.ctx.client, {
      TableName: this.ctx.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: unmatchedPartition(shopId, parcel) } },
      ConsistentRead: true,
    });
    return Promise.all(items.map((item) => recordOf(item, parcel)));
  }

  async remove(shopId: string, parcel: UnmatchedParcel, eventId: string): Promise<void> {
    const key = await unmatchedEventKey(unmatchedPartition(shopId, parcel), eventId);
    await conditionalWrite(
      this.ctx.client.send(new DeleteItemCommand({ TableName: this.ctx.table, Key: key })),
    );
  }

  async rememberCarrierOrder(
    shopId: string,
    carrierOrderId: string,
    parcel: CarrierOrderParcel,
    expiresAt: number,
  ): Promise<boolean> {
    const item = carrierOrderItem(shopId, carrierOrderId, parcel, expiresAt);
    return conditionalWrite(
      this.ctx.client.send(
        new PutItemCommand({
          TableName: this.ctx.table,
          Item: item,
          // The first naming stands (a carrier's order keeps its parcel).
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  }

  async carrierOrder(
    shopId: string,
    carrierOrderId: string,
  ): Promise<CarrierOrderParcel | undefined> {
    const item = await readItem(
      this.ctx.client,
      this.ctx.table,
      carrierOrderKey(shopId, carrierOrderId),
    );
    if (item === undefined) return undefined;
    const waybill = item.waybill?.S;
    const orderNumber = item.orderNumber?.S;
    return {
      ...(waybill === undefined ? {} : { waybill }),
      ...(orderNumber === undefined ? {} : { orderNumber }),
    };
  }

  list(shopId: string, page: PageRequest): Promise<Page<UnmatchedEventRecord>> {
    const seal: SealContext = {
      secret: this.ctx.cursorSecret,
      purpose: PURPOSE,
      boundTo: JSON.stringify([page.caller, shopId]),
    };
    return readView(
      this.ctx.client,
      this.ctx.table,
      {
        view: 'carrier-events:unmatched',
        partitions: [{ index: UNMATCHED_VIEW.index, pk: UNMATCHED_VIEW.shop(shopId) }],
        range: {},
        ascending: false,
        load: async (entries) => {
          const keys = entries.map((e) => ({ pk: { S: e.pk }, sk: { S: e.sk } }));
          const found = await readItems(this.ctx.client, this.ctx.table, keys);
          return Promise.all(
            keys.map(async (key) => {
              const item = found.get(keyText(key));
              return item === undefined ? undefined : recordOf(item, parcelOf(item));
            }),
          );
        },
      },
      { limit: page.limit, cursor: page.cursor, seal },
    );
  }
}
