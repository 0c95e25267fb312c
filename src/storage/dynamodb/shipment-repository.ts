/**
 * ShipmentRepository on DynamoDB. A shipment is a partition of small items (./shipment-items.ts):
 * a head of derived state, its facts, one item per event; read whole by one Query
 * (./shipment-read.ts). An event is one read and one two-item transaction
 * (./shipment-event.ts); an order replace, one transaction or, when larger, several with
 * the ORDER item last as the commit point (./order-replace.ts); the late listing reads the
 * late views (./shipment-list.ts); the claim-change consumer links claims (./shipment-claim-links.ts).
 * A shipment with a waybill has an entry under it (`SHOP#<shop>#WAYBILL#<waybill>`), written
 * and deleted with the shipment by the order replace (./order-groups.ts): a carrier event
 * names the parcel by its waybill.
 */
import type { Page, PageRequest } from '../repository';
import type {
  EventDecision,
  LateShipmentFilter,
  OrderRecord,
  LateShipmentRecord,
  OrderReplace,
  ShipmentClaimLink,
  ShipmentRecord,
  ShipmentRepository,
} from '../shipment-repository';
import { orderKey, shipmentPartition, waybillPartition } from './keys';
import { itemToOrder } from './order-items';
import { replaceOrder } from './order-replace';
import { queryAll, readItem } from './read';
import { linkClaim } from './shipment-claim-links';
import { applyEvent } from './shipment-event';
import { listLate } from './shipment-list';
import { mapLimit, readShipment, READ_CONCURRENCY } from './shipment-read';
import { tableContext, type DynamoTable, type TableContext } from './table-context';

/**
 * @example
 * const shipments = new DynamoShipmentRepository({ client, tableName: 'parcel-claims' });
 */
export class DynamoShipmentRepository implements ShipmentRepository {
  private readonly ctx: TableContext;

  constructor(table: DynamoTable) {
    this.ctx = tableContext(table);
  }

  async getOrder(shopId: string, orderId: string): Promise<OrderRecord | undefined> {
    const item = await readItem(this.ctx.client, this.ctx.table, orderKey(shopId, orderId));
    return item === undefined ? undefined : itemToOrder(item);
  }

  async getShipment(shopId: string, shipmentId: string): Promise<ShipmentRecord | undefined> {
    return (await readShipment(this.ctx, shipmentPartition(shopId, shipmentId)))?.record;
  }

  async getShipments(shopId: string, shipmentIds: readonly string[]): Promise<ShipmentRecord[]> {
    const ids = [...new Set(shipmentIds)];
    const found = await mapLimit(ids, READ_CONCURRENCY, (id) => this.getShipment(shopId, id));
    return found.flatMap((record) => record ?? []);
  }

  async shipmentsByWaybill(shopId: string, waybill: string): Promise<string[]> {
    const items = await queryAll(this.ctx.client, {
      TableName: this.ctx.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: waybillPartition(shopId, waybill) } },
      ConsistentRead: true,
    });
    return items.flatMap((item) => item.shipmentId?.S ?? []);
  }

  replaceOrder(write: OrderReplace): Promise<void> {
    return replaceOrder(this.ctx, write);
  }

  applyEvent<T>(
    shopId: string,
    shipmentId: string,
    eventId: string,
    decide: (current: ShipmentRecord) => EventDecision<T>,
  ): Promise<T> {
    return applyEvent(this.ctx, shopId, shipmentId, eventId, decide);
  }

  listLate(filter: LateShipmentFilter, page: PageRequest): Promise<Page<LateShipmentRecord>> {
    return listLate(this.ctx, filter, page);
  }

  linkClaim(link: ShipmentClaimLink): Promise<'written' | 'unchanged'> {
    return linkClaim(this.ctx, link);
  }
}
