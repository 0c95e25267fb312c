/**
 * Orders and shipments: what the application needs from storage (see ./dynamodb for the
 * implementation, tested against DynamoDB Local). A shipment is stored as several items (a
 * small head of derived state, its facts, one item per event); a record joins them back.
 */
import type { ShipmentClaimRef, ShipmentEvent, ShipmentFacts } from '../domain/shipment';
import type { Page, PageRequest } from './repository';

/** The order's customer: the claimant of any claim filed for its shipments. */
export interface Customer {
  name: string;
  email: string;
  phone: string;
}

/** A shop's order: its own id, who ordered, and which of its shipments belong to it. */
export interface OrderRecord {
  shopId: string;
  orderId: string;
  placedAt: string;
  customer: Customer;
  b2b: boolean;
  /** The shop's own shipment ids, in the order the shop listed them. */
  shipmentIds: string[];
  /** 1 when created; +1 on every replace that changes something. */
  version: number;
  updatedAt: string;
  /** Issue 25: when the customer's data was erased, and by which act (`pde_…`). */
  personalData?: { erasedAt: string; erasureId: string };
}

/** A shipment: the facts the shop stated and every event reported for it. */
export interface ShipmentRecord {
  shopId: string;
  shipmentId: string;
  orderId: string;
  facts: ShipmentFacts;
  /** In arrival order. */
  events: ShipmentEvent[];
  /** +1 on every write (a replace that changed its facts, each new event). */
  version: number;
  updatedAt: string;
  /**
   * Its order's `placedAt`, as of the order replace that last wrote it: when the shipment
   * began, so no event may be dated more than a day before it (domain/happened.ts). Absent
   * on shipments stored before it was kept: the service reads the order instead.
   */
  placedAt?: string;
  /**
   * The deadline, while the shipment may be owed for lateness (not cancelled, not delivered
   * on time): its place in the late view. Computed by the domain (`summarizeShipment`).
   */
  lateViewDate?: string;
}

/**
 * One order replace: the order, its shipments, the ones it dropped. Written so that the order
 * never lists a shipment it does not have (see ./dynamodb/order-replace.ts).
 */
export interface OrderReplace {
  order: OrderRecord;
  /** The version read; absent: the order must not exist yet. */
  expectedOrderVersion?: number;
  /**
   * Shipments to write (their facts changed), each conditioned on the version read (absent:
   * must not exist), with the waybill its facts had at that version (its entry under the
   * waybill moves with it: see `shipmentsByWaybill`).
   */
  puts: { record: ShipmentRecord; expectedVersion?: number; previousWaybill?: string }[];
  /** Shipments the order no longer lists: deleted with every item of theirs (and their waybill entry). */
  removes: { shipmentId: string; expectedVersion: number; waybill?: string }[];
}

/** The late listing: shipments watched with a deadline before `before` (today). */
export interface LateShipmentFilter {
  /** One shop's (every shop key's, a clerk's `shopId=`); absent: every shop's (clerks). */
  shopId?: string;
  /** YYYY-MM-DD, exclusive. */
  before: string;
  /** YYYY-MM-DD, inclusive: deadlines from this day on (absent: every one before `before`). */
  from?: string;
}

/**
 * A claim filed from a shipment (its `shipmentId`), as the shipment lists it: written by the
 * claim-change consumer only (src/services/claim-changes.ts), never by a request.
 */
export interface ShipmentClaimLink {
  shopId: string;
  shipmentId: string;
  /** The claim version `ref` was made from: a link is never replaced by an older one. */
  claimVersion: number;
  ref: ShipmentClaimRef;
}

/**
 * A shipment in its shop's open watch (not in a final status, with a waybill): what the daily
 * carrier reconciliation reads (src/services/carrier-reconciliation.ts).
 */
export interface OpenShipment {
  shopId: string;
  shipmentId: string;
  waybill: string;
  status: string;
  /** When a carrier event (hook, reconciliation, sandbox) was last recorded; absent: never. */
  heardAt?: string;
}

/** A page of the open watch; `last` set when more may follow (the next page's `after`). */
export interface OpenShipmentPage {
  items: OpenShipment[];
  last?: string;
}

/** A shipment of the late listing, with the claims linked to it (read with it, no extra read). */
export type LateShipmentRecord = ShipmentRecord & { claims: ShipmentClaimRef[] };

/**
 * What an event makes of the shipment as stored: the answer, and the shipment to write
 * (`next`: the event appended last, version one up), or nothing to write (a resend).
 */
export interface EventDecision<T> {
  answer: T;
  next?: ShipmentRecord;
}

/**
 * Orders and shipments, per shop (ids are the shop's own).
 *
 * @example
 * const answer = await shipments.applyEvent('shop-a', 'S-1', 'e1', (current) => ({ answer: 'ok', next: { ...current, events: [...current.events, e1], version: current.version + 1 } }));
 */
export interface ShipmentRepository {
  /** Strongly consistent. */
  getOrder(shopId: string, orderId: string): Promise<OrderRecord | undefined>;
  /** Strongly consistent; the ones that exist, in the order asked. */
  getShipments(shopId: string, shipmentIds: readonly string[]): Promise<ShipmentRecord[]>;
  /** Strongly consistent. */
  getShipment(shopId: string, shipmentId: string): Promise<ShipmentRecord | undefined>;
  /**
   * The ids of the shop's shipments whose facts carry `waybill` (one, unless the shop reused
   * it), strongly consistent: the entries are written in the same transactions as the
   * shipments they name.
   */
  shipmentsByWaybill(shopId: string, waybill: string): Promise<string[]>;
  /**
   * Writes the order, its changed shipments and the removals; the order item last, as the
   * commit point. Nothing the order lists is ever missing or half-written.
   * @throws {ConflictError} (entity `order`) when anything moved since it was read, or
   *   another replace of the order is under way (read again and retry).
   */
  replaceOrder(write: OrderReplace): Promise<void>;
  /**
   * Records event `eventId`, the one write path for an event: reads the shipment, applies
   * `decide` (pure; it may throw a refusal) and writes its `next` (the event's own item, and
   * the head), conditioned on the shipment read. A lost race reads and decides again
   * (bounded), so distinct events sent at once never refuse each other. What writes nothing
   * (a resend) is answered from the shipment as read.
   * @throws {NotFoundError} when there is no such shipment.
   * @throws {StorageBusyError} when it kept moving through every attempt (nobody's write is
   *   to blame: never a ConflictError).
   */
  applyEvent<T>(
    shopId: string,
    shipmentId: string,
    eventId: string,
    decide: (current: ShipmentRecord) => EventDecision<T>,
  ): Promise<T>;
  /**
   * Watched shipments whose deadline is before `filter.before`, oldest deadline first, read
   * from the late view. A page may be short, never silently missing a shipment.
   * @throws {InvalidCursorError} for a cursor not issued to this caller for this listing.
   */
  listLate(filter: LateShipmentFilter, page: PageRequest): Promise<Page<LateShipmentRecord>>;
  /**
   * Makes the shipment's link to the claim say `link.ref`, unless it already says that or
   * what a newer claim version says (`unchanged`); a shipment that is gone keeps no link.
   * Idempotent and order-free: consumers may apply a claim's changes twice or out of order.
   */
  linkClaim(link: ShipmentClaimLink): Promise<'written' | 'unchanged'>;
  /**
   * A page of the shop's open shipments that have a waybill, by shipment id, after `after`
   * (eventually consistent: a shipment that just entered or left may be missed or listed once
   * more). At most 50 a page.
   */
  listOpen(shopId: string, page: { limit: number; after?: string }): Promise<OpenShipmentPage>;
}
