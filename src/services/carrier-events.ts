/**
 * What the carrier tells us, applied to the shop's shipments: each notice (src/carriers) is
 * matched to a shipment of the shop and recorded through the shipment service's one event
 * path, or kept, for 90 days, until an order brings its parcel (or for a clerk to see).
 *
 * Matching, within the shop: by waybill (the entry an order replace writes under it), else by
 * the shop's order id when that order has exactly one shipment the event can be for (no
 * waybill, or the same); a notice naming the carrier's order id alone (CDEK's ORDER_MODIFIED)
 * by the parcel an earlier notice named with that id. Nothing is lost to a race with the
 * order that brings the parcel: both sides write, then look (strongly consistent). The event
 * side keeps the event, then matches again; the order side (`applyKept`, after its replace
 * commits) reads what is kept for the waybills it brings (and for its id, when new).
 * Whichever looks second sees the other's write; both applying is harmless (a repeated event
 * id is a duplicate).
 */
import type { CarrierNotice } from '../carriers/types';
import { FilterNotAllowedError } from '../domain/claim';
import { DomainError } from '../domain/errors';
import type { ShipmentEvent } from '../domain/shipment';
import {
  NotFoundError,
  type Page,
  type Storage,
  type UnmatchedEventRecord,
  type UnmatchedParcel,
} from '../storage/repository';
import { shopScope, type Principal } from './actor';
import {
  parcelOf,
  refusal,
  unmatchedView,
  type IngestResult,
  type Match,
  type Naming,
  type UnmatchedEventView,
  type UnmatchedQuery,
  type UnmatchedReason,
} from './carrier-event-types';
import type { ArrivedParcels, ShipmentService } from './shipments';

export type {
  IngestResult,
  UnmatchedEventView,
  UnmatchedQuery,
  UnmatchedReason,
} from './carrier-event-types';

/** How long an event no shipment took is kept (the table's TTL removes it after). */
export const UNMATCHED_KEEP_DAYS = 90;
/** How long what a carrier's order id stands for is remembered (a parcel's life, and more). */
const CARRIER_ORDER_KEEP_DAYS = 180;
/** Parcels an order's arrival reads at once. */
const CONCURRENCY = 6;

export interface CarrierEventServiceDeps {
  storage: Storage;
  clock: () => Date;
  shipments: Pick<ShipmentService, 'recordCarrierEvent'>;
  /** Where a failure off the answer's path is reported; default one JSON line on stdout. */
  log?: (line: Record<string, unknown>) => void;
}

/**
 * @example
 * const events = createCarrierEventService({ storage, clock, shipments });
 * const [result] = await events.ingest('shop-a', notices); // { eventId, outcome: 'applied', shipmentId }
 */
export function createCarrierEventService(deps: CarrierEventServiceDeps) {
  const { storage, clock, shipments } = deps;
  const repo = storage.shipments;
  const kept = storage.unmatchedEvents;
  const log = deps.log ?? ((line) => console.log(JSON.stringify(line)));

  /**
   * The notice's naming, with the parcel its carrier order id stands for when it names nothing
   * else (CDEK's ORDER_MODIFIED: the order's uuid alone), as an earlier notice named it.
   */
  async function resolve(shopId: string, notice: Naming): Promise<Naming> {
    if (notice.waybill !== undefined || notice.orderNumber !== undefined) return notice;
    if (notice.carrierOrderId === undefined) return notice;
    return { ...notice, ...(await kept.carrierOrder(shopId, notice.carrierOrderId)) };
  }

  /**
   * The first notice naming a carrier order together with its parcel remembers it, then
   * applies what was kept under the order id alone (write, then look: as the order side).
   */
  async function remember(shopId: string, notice: Naming): Promise<void> {
    const { carrierOrderId, waybill, orderNumber } = notice;
    if (carrierOrderId === undefined || (waybill === undefined && orderNumber === undefined)) {
      return;
    }
    const parcel = {
      ...(waybill === undefined ? {} : { waybill }),
      ...(orderNumber === undefined ? {} : { orderNumber }),
    };
    // Known already (every report after an order's first): a read, cheaper than a write refused.
    if ((await kept.carrierOrder(shopId, carrierOrderId)) !== undefined) return;
    const expiresAt = Math.floor(clock().getTime() / 1000) + CARRIER_ORDER_KEEP_DAYS * 86_400;
    if (!(await kept.rememberCarrierOrder(shopId, carrierOrderId, parcel, expiresAt))) return;
    for (const stored of await kept.ofParcel(shopId, { carrierOrderId })) {
      await retry(shopId, stored);
    }
  }

  async function match(shopId: string, naming: Naming): Promise<Match> {
    const notice = await resolve(shopId, naming);
    if (notice.waybill !== undefined) {
      const ids = await repo.shipmentsByWaybill(shopId, notice.waybill);
      if (ids.length === 1) return { shipmentId: ids[0]! };
      if (ids.length > 1) return { reason: 'ambiguous' };
    }
    if (notice.orderNumber === undefined) return { reason: 'no_shipment' };
    const order = await repo.getOrder(shopId, notice.orderNumber);
    if (order === undefined) return { reason: 'no_shipment' };
    const candidates = (await repo.getShipments(shopId, order.shipmentIds)).filter(
      (s) =>
        notice.waybill === undefined ||
        s.facts.waybill === undefined ||
        s.facts.waybill === notice.waybill,
    );
    return candidates.length === 1
      ? { shipmentId: candidates[0]!.shipmentId }
      : { reason: 'ambiguous' };
  }

  /** The event recorded on the shipment; `gone` when the shipment went meanwhile. */
  async function apply(
    shopId: string,
    shipmentId: string,
    event: ShipmentEvent,
  ): Promise<IngestResult | 'gone'> {
    const { eventId } = event;
    try {
      const { duplicate } = await shipments.recordCarrierEvent(shopId, shipmentId, event);
      return { eventId, outcome: duplicate ? 'duplicate' : 'applied', shipmentId };
    } catch (error) {
      if (error instanceof NotFoundError) return 'gone';
      if (error instanceof DomainError) {
        return { eventId, outcome: 'refused', shipmentId, reason: refusal(error) };
      }
      throw error;
    }
  }

  const record = (
    shopId: string,
    parcel: UnmatchedParcel,
    notice: CarrierNotice,
    reason: UnmatchedReason,
  ): UnmatchedEventRecord => {
    const now = clock();
    return {
      shopId,
      parcel,
      eventId: notice.event.eventId,
      carrier: notice.carrier,
      ...(notice.waybill === undefined ? {} : { waybill: notice.waybill }),
      ...(notice.orderNumber === undefined ? {} : { orderNumber: notice.orderNumber }),
      ...(notice.carrierOrderId === undefined ? {} : { carrierOrderId: notice.carrierOrderId }),
      receivedAt: now.toISOString(),
      reason,
      event: notice.event,
      expiresAt: Math.floor(now.getTime() / 1000) + UNMATCHED_KEEP_DAYS * 86_400,
    };
  };

  /**
   * An event kept under its carrier order id alone, once that id is known to stand for a
   * waybill or an order id: kept under that parcel instead (where an order that brings it
   * looks). Undefined when it stays where it is.
   */
  async function rekeyed(
    shopId: string,
    stored: UnmatchedEventRecord,
    reason: UnmatchedReason,
  ): Promise<UnmatchedEventRecord | undefined> {
    if (!('carrierOrderId' in stored.parcel)) return undefined;
    const { waybill, orderNumber } = await resolve(shopId, stored);
    const parcel = parcelOf({ waybill, orderNumber });
    if (parcel === undefined) return undefined;
    const moved: UnmatchedEventRecord = {
      ...stored,
      parcel,
      ...(waybill === undefined ? {} : { waybill }),
      ...(orderNumber === undefined ? {} : { orderNumber }),
      reason,
    };
    await kept.keep(moved);
    await kept.remove(shopId, stored.parcel, stored.eventId);
    return moved;
  }

  /**
   * A kept event matched again (its shipment may have arrived): applied and forgotten, or
   * refused (its reason rewritten), or left as it is.
   */
  async function retry(shopId: string, stored: UnmatchedEventRecord): Promise<IngestResult> {
    const found = await match(shopId, stored);
    const { eventId } = stored;
    const unmatched: IngestResult = { eventId, outcome: 'unmatched', reason: stored.reason };
    if (!('shipmentId' in found)) {
      const moved = await rekeyed(shopId, stored, found.reason);
      return moved === undefined ? { ...unmatched, reason: found.reason } : retry(shopId, moved);
    }
    const result = await apply(shopId, found.shipmentId, stored.event);
    if (result === 'gone') return unmatched;
    if (result.outcome === 'refused') {
      if (result.reason !== stored.reason) {
        await kept.setReason(shopId, stored.parcel, eventId, result.reason ?? '');
      }
      return result;
    }
    await kept.remove(shopId, stored.parcel, eventId);
    return result;
  }

  async function ingestOne(shopId: string, received: CarrierNotice): Promise<IngestResult> {
    const { eventId } = received.event;
    await remember(shopId, received);
    // Named as an earlier notice named its carrier order: kept, if it is, under that parcel.
    const notice = { ...received, ...(await resolve(shopId, received)) };
    const found = await match(shopId, notice);
    let reason: UnmatchedReason = 'shipmentId' in found ? 'no_shipment' : found.reason;
    if ('shipmentId' in found) {
      const result = await apply(shopId, found.shipmentId, notice.event);
      if (result !== 'gone' && result.outcome !== 'refused') return result;
      if (result !== 'gone') reason = result.reason as UnmatchedReason;
    }
    const parcel = parcelOf(notice);
    if (parcel === undefined) {
      // Nothing names the parcel: nothing could ever match it.
      log({ event: 'carrier-event-unnamed', shopId, eventId });
      return { eventId, outcome: 'unmatched', reason };
    }
    const stored = record(shopId, parcel, notice, reason);
    if (!(await kept.keep(stored))) return { eventId, outcome: 'duplicate', reason };
    if (reason.startsWith('refused')) {
      const shipmentId = 'shipmentId' in found ? found.shipmentId : undefined;
      return { eventId, outcome: 'refused', reason, ...(shipmentId ? { shipmentId } : {}) };
    }
    // Kept, then looked for again: an order written meanwhile is seen now, or it sees this.
    return retry(shopId, stored);
  }

  return {
    /**
     * Applies the notices of one payload, in their order, each to the shop's shipment it
     * names; what no shipment takes (or the rules refuse) is kept. A repeated event is a
     * duplicate, whether it was applied or kept.
     */
    async ingest(shopId: string, notices: CarrierNotice[]): Promise<IngestResult[]> {
      const results: IngestResult[] = [];
      for (const notice of notices) results.push(await ingestOne(shopId, notice));
      return results;
    },

    /**
     * The order side: after a replace commits, the events kept for the waybills it brings
     * (and for its id, when it created the order) are matched again, applied and forgotten.
     * Never rejects: a failure is logged, and the events stay kept (listed, and tried again
     * when a replace brings their parcel once more).
     */
    async applyKept(shopId: string, parcels: ArrivedParcels): Promise<void> {
      const all: UnmatchedParcel[] = [
        ...parcels.waybills.map((waybill) => ({ waybill })),
        ...(parcels.orderId === undefined ? [] : [{ orderNumber: parcels.orderId }]),
      ];
      const lanes = Array.from({ length: Math.min(CONCURRENCY, all.length) }, async () => {
        for (let parcel = all.shift(); parcel; parcel = all.shift()) {
          const current = parcel;
          try {
            for (const stored of await kept.ofParcel(shopId, current)) await retry(shopId, stored);
          } catch (error) {
            const why = error instanceof Error ? error.message : String(error);
            log({ event: 'carrier-events-kept-not-applied', shopId, parcel: current, why });
          }
        }
      });
      await Promise.all(lanes);
    },

    /**
     * The events kept for a shop, newest first: a shop key its own, a clerk names the shop.
     * @throws {FilterNotAllowedError} a shop key naming another shop; a clerk naming none.
     */
    async listUnmatched(
      principal: Principal,
      query: UnmatchedQuery,
    ): Promise<Page<UnmatchedEventView>> {
      const shopId = shopScope(principal, query.shopId, 'carrier events');
      if (shopId === undefined) {
        throw new FilterNotAllowedError(
          'shopId',
          'A clerk key names the shop whose carrier events it reads: ?shopId=…',
          'is required with a clerk key',
        );
      }
      const page = await kept.list(shopId, {
        limit: query.limit,
        caller: principal.keyId,
        ...(query.cursor ? { cursor: query.cursor } : {}),
      });
      return {
        items: page.items.map(unmatchedView),
        ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }),
      };
    },
  };
}

/** @example const service: CarrierEventService = createCarrierEventService(deps); */
export type CarrierEventService = ReturnType<typeof createCarrierEventService>;
