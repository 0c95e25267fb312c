/**
 * A reference ShipmentRepository in memory: what storage must do, with none of DynamoDB's
 * machinery (one record per shipment, versions checked, the late listing by sorting). The
 * service run on it and on DynamoDB must answer and store the same.
 */
import {
  ConflictError,
  NotFoundError,
  type EventDecision,
  type LateShipmentFilter,
  type LateShipmentRecord,
  type OrderRecord,
  type OrderReplace,
  type Page,
  type PageRequest,
  type ShipmentClaimLink,
  type ShipmentRecord,
  type ShipmentRepository,
} from '../../src/storage/repository';

const id = (shopId: string, other: string) => JSON.stringify([shopId, other]);

/** @example const service = createShipmentService({ storage: { ...base, shipments: new MemoryShipments() }, clock }); */
export class MemoryShipments implements ShipmentRepository {
  private readonly orders = new Map<string, OrderRecord>();
  private readonly shipments = new Map<string, ShipmentRecord>();
  /** Per shipment: claim id → the latest link. */
  private readonly links = new Map<string, Map<string, ShipmentClaimLink>>();

  async getOrder(shopId: string, orderId: string) {
    const order = this.orders.get(id(shopId, orderId));
    return order && structuredClone(order);
  }

  async getShipment(shopId: string, shipmentId: string) {
    const record = this.shipments.get(id(shopId, shipmentId));
    return record && structuredClone(record);
  }

  async getShipments(shopId: string, shipmentIds: readonly string[]) {
    const found = await Promise.all(
      [...new Set(shipmentIds)].map((s) => this.getShipment(shopId, s)),
    );
    return found.flatMap((r) => r ?? []);
  }

  async shipmentsByWaybill(shopId: string, waybill: string) {
    return [...this.shipments.values()]
      .filter((s) => s.shopId === shopId && s.facts.waybill === waybill)
      .map((s) => s.shipmentId);
  }

  async replaceOrder(write: OrderReplace) {
    const { shopId, orderId } = write.order;
    const version = (shipmentId: string) => this.shipments.get(id(shopId, shipmentId))?.version;
    const moved =
      this.orders.get(id(shopId, orderId))?.version !== write.expectedOrderVersion ||
      write.puts.some((p) => version(p.record.shipmentId) !== p.expectedVersion) ||
      write.removes.some((r) => version(r.shipmentId) !== r.expectedVersion);
    if (moved) throw new ConflictError(`order '${orderId}' changed`, { entity: 'order' });
    this.orders.set(id(shopId, orderId), structuredClone(write.order));
    for (const { record } of write.puts) {
      this.shipments.set(id(shopId, record.shipmentId), structuredClone(record));
    }
    for (const { shipmentId } of write.removes) this.shipments.delete(id(shopId, shipmentId));
  }

  async applyEvent<T>(
    shopId: string,
    shipmentId: string,
    _eventId: string,
    decide: (current: ShipmentRecord) => EventDecision<T>,
  ): Promise<T> {
    const current = await this.getShipment(shopId, shipmentId);
    if (current === undefined) throw new NotFoundError('shipment', shipmentId);
    const { answer, next } = decide(current);
    if (next !== undefined) this.shipments.set(id(shopId, shipmentId), structuredClone(next));
    return answer;
  }

  /** One page of every late shipment (no cursor needed in the comparisons). */
  async listLate(filter: LateShipmentFilter, page: PageRequest): Promise<Page<LateShipmentRecord>> {
    const late = [...this.shipments.values()]
      .filter((r) => filter.shopId === undefined || r.shopId === filter.shopId)
      .filter((r) => r.lateViewDate !== undefined && r.lateViewDate < filter.before)
      .sort((a, b) =>
        a.lateViewDate! < b.lateViewDate! ? -1 : a.lateViewDate! > b.lateViewDate! ? 1 : 0,
      )
      .map((r) => {
        const links = this.links.get(id(r.shopId, r.shipmentId))?.values() ?? [];
        return { ...r, claims: [...links].map((link) => link.ref) };
      });
    return { items: structuredClone(late.slice(0, page.limit)) };
  }

  async linkClaim(link: ShipmentClaimLink): Promise<'written' | 'unchanged'> {
    const shipment = id(link.shopId, link.shipmentId);
    const links = this.links.get(shipment) ?? new Map<string, ShipmentClaimLink>();
    const stored = links.get(link.ref.id);
    if (!this.shipments.has(shipment)) return 'unchanged';
    if (stored !== undefined && stored.claimVersion >= link.claimVersion) return 'unchanged';
    this.links.set(shipment, links.set(link.ref.id, structuredClone(link)));
    return 'written';
  }
}
