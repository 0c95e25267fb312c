/**
 * The shipment service: orders and shipments with plain arguments, shared by the API (and
 * later the desk). It checks who may see what (a shop its own; a clerk every shop's, naming
 * the shop), applies the shipment rules (src/domain/shipment), and writes conditioned on the
 * versions it read, retrying a lost race. It knows no HTTP: it throws only domain and storage
 * errors, each with a stable code.
 */
import { FilterNotAllowedError, lateCause, type ClaimCause } from '../domain/claim';
import { DomainError, nested } from '../domain/errors';
import {
  causeHints,
  checkEvent,
  checkPlacedAt,
  latenessStop,
  orderStatus,
  recordEvent,
  shipmentContext,
  shownClaim,
  summarizeShipment,
  type Deadline,
  type Lateness,
  type Remeasurement,
  type ShipmentClaimRef,
  type ShipmentEvent,
  type ShipmentFacts,
  type ShipmentSummary,
} from '../domain/shipment';
import {
  ConflictError,
  NotFoundError,
  type Customer,
  type EventDecision,
  type LateShipmentRecord,
  type OrderRecord,
  type OrderReplace,
  type Page,
  type ShipmentRecord,
  type Storage,
} from '../storage/repository';
import type { Principal } from './actor';
import { canonicalJson } from './fingerprint';
import type { ShipmentAnnouncer } from './shipment-announcements';

/** Shipments an order may have (a replace of them all, with waybills, takes up to nine transactions). */
export const MAX_SHIPMENTS_PER_ORDER = 40;
/** Attempts at a write that lost a race before the caller hears of the conflict. */
const ATTEMPTS = 6;

export interface ShipmentServiceDeps {
  storage: Storage;
  /** The current instant; today is its UTC date. */
  clock: () => Date;
  /**
   * Told, after an order replace commits, of the parcels it newly brings: carrier events kept
   * for them before they were known are applied (src/services/carrier-events.ts). Awaited
   * before the answer; it must not reject (a failure leaves the events kept, and is logged).
   */
  arrivals?: (shopId: string, parcels: ArrivedParcels) => Promise<void>;
  /**
   * The shop's webhooks, told around each event write (./shipment-announcements.ts):
   * `shipment.delivered` and `shipment.late`. Absent: nothing is announced or marked.
   */
  announcer?: ShipmentAnnouncer;
  /**
   * Issue 25: told of each order a replace wrote, to keep its customer's subject-index
   * entries (./personal-data.ts `onOrderChanged`). Absent: none are kept (the rebuild
   * backfills them). A failure is logged, never answered: the order is written.
   */
  personalData?: {
    onOrderChanged(order: OrderRecord): Promise<void>;
    /** A shipment of the order reached a final status: the order may be settled now. */
    onShipmentFinal(shopId: string, orderId: string): Promise<void>;
  };
}

/** What an order replace newly brings: waybills no shipment of it had, and the order when new. */
export interface ArrivedParcels {
  waybills: string[];
  /** The order's id, when the replace created it. */
  orderId?: string;
}

/**
 * Hands work on to run after the answer (a Worker's `waitUntil`), started when the runtime
 * likes; the work never rejects. (Every write decides the shipment's place in the late view
 * itself; what is deferred is the shipment webhooks' announce: ./shipment-announcements.ts.)
 */
export type Defer = (work: () => Promise<void>) => void;

/** The body of PUT /v1/orders/{orderId}. */
export interface OrderInput {
  placedAt: string;
  customer: Customer;
  b2b: boolean;
  shipments: ShipmentFacts[];
}

/** A shipment as the API shows it: its facts, and everything derived from them as of today. */
export type ShipmentView = ShipmentFacts & {
  shopId: string;
  orderId: string;
  weight: ShipmentSummary['weight'];
  charges: ShipmentSummary['charges'];
  status: ShipmentSummary['status'];
  statusAt?: string;
  deliveredDate?: string;
  events: ShipmentEvent[];
  deadline: Deadline;
  remeasurement?: Remeasurement;
  lateness: Lateness | null;
  version: number;
  updatedAt: string;
};

/** Shipment statuses after which its order may be settled (src/domain/personal-data/retention.ts). */
const FINAL_FOR_RETENTION: ReadonlySet<string> = new Set(['delivered', 'received', 'cancelled']);

/** An order with its shipments and its derived status. */
export interface OrderView {
  shopId: string;
  orderId: string;
  placedAt: string;
  customer: Customer;
  b2b: boolean;
  status: ShipmentSummary['status'];
  shipments: ShipmentView[];
  version: number;
  updatedAt: string;
}

/** What recording an event answers: the shipment, and whether the event was a resend. */
export interface EventAnswer {
  shipment: ShipmentView;
  duplicate: boolean;
}

/**
 * What deciding on an event comes to: the answer, or (a shipment stored before its head kept
 * its order's placedAt) the order to read first, nothing written.
 */
type EventStep = { kind: 'answer'; answer: EventAnswer } | { kind: 'order'; orderId: string };

/**
 * A shipment of the late listing: the cause its lateness is put down to (its latest
 * reschedule's, see domain/claim/cause.ts), the claim filed from it that it shows, and the
 * day its lateness stopped growing once a claim settled it (domain/shipment/lateness-stop.ts).
 */
export type LateShipmentView = ShipmentView & {
  cause: ClaimCause;
  /** The claim that stopped its lateness, else the latest filed from it; absent: none. */
  claim?: ShipmentClaimRef;
  /** The last day its lateness counts (the settling claim's filing day); absent: today. */
  latenessFrozenOn?: string;
};

/** The late listing's item of a shipment, as of `today`, with the claims linked to it. */
function lateItem(record: LateShipmentRecord, today: string): LateShipmentView | undefined {
  const stop = latenessStop(record.claims);
  const summary = summaryOf(record, today, stop?.on);
  // Storage lists what its view held; the rules have the last word.
  if (summary.lateViewDate === undefined) return undefined;
  const claim = shownClaim(record.claims);
  return {
    ...viewOf(record, summary),
    cause: lateCause(causeHints(summary.events)),
    ...(claim === undefined ? {} : { claim }),
    ...(stop === undefined ? {} : { latenessFrozenOn: stop.on }),
  };
}

/** A late listing, as the API takes it. */
export interface LateQuery {
  shopId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

const todayOf = (clock: () => Date) => clock().toISOString().slice(0, 10);

/** How the caller names a shop: a shop key is its own; a clerk key names one with `shopId`. */
function shopFor(principal: Principal, shopId: string | undefined, required: boolean) {
  if (principal.role === 'shop') {
    if (shopId !== undefined && shopId !== principal.shopId) {
      throw new FilterNotAllowedError(
        'shopId',
        'A shop key sees its own shipments only; leave shopId out.',
        'is not allowed with a shop key other than its own',
      );
    }
    return principal.shopId ?? '';
  }
  if (shopId === undefined && required) {
    throw new FilterNotAllowedError(
      'shopId',
      'A clerk key names the shop whose order or shipment it reads: ?shopId=…',
      'is required with a clerk key',
    );
  }
  return shopId;
}

/**
 * What a record shows as of `today`: the domain's summary of its facts and events (its
 * lateness counted up to `stopsOn` at most, once a claim settled it).
 */
const summaryOf = (
  record: Pick<ShipmentRecord, 'facts' | 'events'>,
  today: string,
  stopsOn?: string,
) =>
  summarizeShipment(record.facts, record.events, {
    ...shipmentContext(record.facts, today),
    ...(stopsOn === undefined ? {} : { stopsOn }),
  });

/**
 * A shipment's view, from its record and its summary (computed once per request).
 * @example viewOf(record, summaryOf(record, '2025-03-20')).lateness?.businessDaysLate // 7
 */
function viewOf(record: ShipmentRecord, summary: ShipmentSummary): ShipmentView {
  const { lateViewDate: _lateViewDate, ...derived } = summary;
  return {
    ...record.facts,
    shopId: record.shopId,
    orderId: record.orderId,
    ...derived,
    version: record.version,
    updatedAt: record.updatedAt,
  };
}

/** The record with the late-view date its summary gives (recomputed on every write). */
function withLateViewDate(record: ShipmentRecord, summary: ShipmentSummary): ShipmentRecord {
  const { lateViewDate: _old, ...rest } = record;
  return {
    ...rest,
    ...(summary.lateViewDate === undefined ? {} : { lateViewDate: summary.lateViewDate }),
  };
}

function orderView(order: OrderRecord, shipments: ShipmentRecord[], today: string): OrderView {
  const byId = new Map(shipments.map((s) => [s.shipmentId, s]));
  const views = order.shipmentIds.flatMap((id) => {
    const record = byId.get(id);
    return record ? [viewOf(record, summaryOf(record, today))] : [];
  });
  const { shipmentIds: _ids, ...rest } = order;
  return { ...rest, status: orderStatus(views.map((v) => v.status)), shipments: views };
}

/**
 * `work` again after a lost race, with a growing random pause: another replace of the order
 * may hold it for a few transactions.
 */
async function retrying<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= ATTEMPTS) throw error;
      await new Promise((done) => setTimeout(done, (0.5 + Math.random()) * 10 * 2 ** attempt));
    }
  }
}

function checkShipmentIds(shipments: readonly ShipmentFacts[]): void {
  if (shipments.length === 0 || shipments.length > MAX_SHIPMENTS_PER_ORDER) {
    const message = `give from 1 to ${MAX_SHIPMENTS_PER_ORDER} shipments, got ${shipments.length}`;
    throw new DomainError('invalid-input', message, '/shipments');
  }
  const seen = new Set<string>();
  shipments.forEach((s, i) => {
    if (seen.has(s.shipmentId)) {
      const message = `shipment '${s.shipmentId}' is listed twice`;
      throw new DomainError('invalid-input', message, `/shipments/${i}/shipmentId`);
    }
    seen.add(s.shipmentId);
  });
}

/**
 * @example
 * const shipments = createShipmentService({ storage, clock: () => new Date() });
 * const { order } = await shipments.putOrder(principal, 'O-1', body);
 */
export function createShipmentService(deps: ShipmentServiceDeps) {
  const { storage, clock } = deps;
  const repo = storage.shipments;

  /** One attempt at the replace; `brought` gathers the waybills it writes that are new. */
  async function replace(shopId: string, orderId: string, input: OrderInput, brought: Set<string>) {
    const today = todayOf(clock);
    const now = clock().toISOString();
    const existing = await repo.getOrder(shopId, orderId);
    const ids = input.shipments.map((s) => s.shipmentId);
    const stored = await repo.getShipments(shopId, [...(existing?.shipmentIds ?? []), ...ids]);
    const byId = new Map(stored.map((s) => [s.shipmentId, s]));
    // When the order was placed: not in the future, nor after what its shipments report.
    const kept = stored.filter((s) => s.orderId === orderId && ids.includes(s.shipmentId));
    checkPlacedAt(input.placedAt, kept, now);
    const puts: OrderReplace['puts'] = [];
    input.shipments.forEach((facts, i) => {
      const current = byId.get(facts.shipmentId);
      if (current && current.orderId !== orderId) {
        const message = `shipment '${facts.shipmentId}' belongs to order '${current.orderId}'; drop it there first`;
        throw new DomainError('invalid-input', message, `/shipments/${i}/shipmentId`);
      }
      // Checks every fact (policy, packaging, weights, dates, money), pointing into the body.
      const summary = nested(`/shipments/${i}`, () =>
        summaryOf({ facts, events: current?.events ?? [] }, today),
      );
      // A head stored before it kept placedAt is not rewritten for that alone: an event
      // reads the order's instead (recordEvent).
      const samePlacement = (current?.placedAt ?? input.placedAt) === input.placedAt;
      if (current && samePlacement && canonicalJson(current.facts) === canonicalJson(facts)) return;
      const next: ShipmentRecord = {
        shopId,
        shipmentId: facts.shipmentId,
        orderId,
        placedAt: input.placedAt,
        facts,
        // Events are the carrier's: a replace keeps them.
        events: current?.events ?? [],
        version: (current?.version ?? 0) + 1,
        updatedAt: now,
      };
      const previousWaybill = current?.facts.waybill;
      puts.push({
        record: withLateViewDate(next, summary),
        ...(current ? { expectedVersion: current.version } : {}),
        ...(previousWaybill === undefined ? {} : { previousWaybill }),
      });
    });
    const removes = (existing?.shipmentIds ?? [])
      .filter((id) => !ids.includes(id))
      .flatMap((id) => {
        const record = byId.get(id);
        const waybill = record?.facts.waybill;
        return record
          ? [
              {
                shipmentId: id,
                expectedVersion: record.version,
                ...(waybill === undefined ? {} : { waybill }),
              },
            ]
          : [];
      });
    const facts = {
      placedAt: input.placedAt,
      customer: input.customer,
      b2b: input.b2b,
      shipmentIds: ids,
    };
    const unchanged =
      existing !== undefined &&
      puts.length === 0 &&
      removes.length === 0 &&
      canonicalJson(facts) ===
        canonicalJson({
          placedAt: existing.placedAt,
          customer: existing.customer,
          b2b: existing.b2b,
          shipmentIds: existing.shipmentIds,
        });
    if (unchanged) return { order: existing, created: false };
    const order: OrderRecord = {
      shopId,
      orderId,
      ...facts,
      version: (existing?.version ?? 0) + 1,
      updatedAt: now,
    };
    // Gathered before the write: an attempt that fails part-way may have written some.
    for (const { record, previousWaybill } of puts) {
      const waybill = record.facts.waybill;
      if (waybill !== undefined && waybill !== previousWaybill) brought.add(waybill);
    }
    await repo.replaceOrder({
      order,
      ...(existing ? { expectedOrderVersion: existing.version } : {}),
      puts,
      removes,
    });
    await indexOrder(order);
    return { order, created: existing === undefined };
  }

  /** The order's retention entry once settled (issue 25); a failure is logged, never answered. */
  async function settleQuietly(shopId: string, orderId: string): Promise<void> {
    try {
      await deps.personalData?.onShipmentFinal(shopId, orderId);
    } catch (error) {
      console.error(
        JSON.stringify({
          event: 'personal-data-settle-failed',
          shopId,
          orderId,
          error: String(error),
        }),
      );
    }
  }

  /** The order's subject-index entries (issue 25); ids only reach the log. */
  async function indexOrder(order: OrderRecord): Promise<void> {
    try {
      await deps.personalData?.onOrderChanged(order);
    } catch (error) {
      const { shopId, orderId } = order;
      console.error(
        JSON.stringify({
          event: 'personal-data-index-failed',
          shopId,
          orderId,
          error: String(error),
        }),
      );
    }
  }

  async function readOrder(shopId: string, orderId: string): Promise<OrderView> {
    const order = await repo.getOrder(shopId, orderId);
    if (!order) throw new NotFoundError('order', orderId);
    return orderView(order, await repo.getShipments(shopId, order.shipmentIds), todayOf(clock));
  }

  async function readShipment(shopId: string, shipmentId: string): Promise<ShipmentRecord> {
    const record = await repo.getShipment(shopId, shipmentId);
    if (!record) throw new NotFoundError('shipment', shipmentId);
    return record;
  }

  /** The one event path (see recordEvent): decide with the rules, write once, retry a race. */
  async function recordFor(
    shopId: string,
    shipmentId: string,
    event: ShipmentEvent,
  ): Promise<EventAnswer> {
    const now = clock().toISOString();
    const today = now.slice(0, 10);
    // The order's placedAt, once read for a shipment whose head does not keep it.
    let ordered: { placedAt?: string | undefined } | undefined;
    // Storage applies this to the shipment as stored and writes `next`, conditioned on
    // what it read; it decides again on whatever it finds if that moved meanwhile.
    const decide = (current: ShipmentRecord): EventDecision<EventStep> => {
      const recorded = recordEvent(current.events, event);
      if (recorded.duplicate) {
        const answer = viewOf(current, summaryOf(current, today));
        return { answer: { kind: 'answer', answer: { shipment: answer, duplicate: true } } };
      }
      const placedAt = current.placedAt ?? ordered?.placedAt;
      if (placedAt === undefined && ordered === undefined) {
        return { answer: { kind: 'order', orderId: current.orderId } };
      }
      const ctx = shipmentContext(current.facts, today);
      checkEvent(current.facts, event, ctx.policy, { now, placedAt });
      // One summary: it is both what is written (the late-view date) and what is answered.
      const summary = summarizeShipment(current.facts, recorded.events, ctx);
      const next = withLateViewDate(
        {
          ...current,
          // An old head learns its order's placedAt with its next event.
          ...(placedAt === undefined ? {} : { placedAt }),
          events: recorded.events,
          version: current.version + 1,
          updatedAt: now,
        },
        summary,
      );
      const answer = { shipment: viewOf(next, summary), duplicate: false };
      return { answer: { kind: 'answer', answer }, next };
    };
    // A delivery is marked before it is written: a stop before the announce leaves the mark.
    const mark = await deps.announcer?.beforeEvent(shopId, shipmentId, event);
    // At most twice: once the order is read, `decide` always answers.
    for (;;) {
      // Awaited here: workerd reports a rejection handed on un-awaited as unhandled.
      const step = await repo.applyEvent<EventStep>(shopId, shipmentId, event.eventId, decide);
      if (step.kind === 'answer') {
        // A resend too: it may follow a crash between the first write and its announce.
        await deps.announcer?.afterEvent(shopId, shipmentId, step.answer.shipment, mark);
        if (FINAL_FOR_RETENTION.has(step.answer.shipment.status)) {
          await settleQuietly(shopId, step.answer.shipment.orderId);
        }
        return step.answer;
      }
      // A shipment the order's commit never listed may have no order: no start to check.
      ordered = { placedAt: (await repo.getOrder(shopId, step.orderId))?.placedAt };
    }
  }

  return {
    /**
     * Creates or replaces the shop's order (idempotent: the same body again writes nothing).
     * Shipments it no longer lists are deleted; the events of those it keeps are kept.
     */
    async putOrder(
      principal: Principal,
      orderId: string,
      input: OrderInput,
    ): Promise<{ order: OrderView; created: boolean }> {
      const shopId = shopFor(principal, undefined, true) ?? '';
      checkShipmentIds(input.shipments);
      // Every attempt's new waybills: one that failed part-way may have written some already.
      const brought = new Set<string>();
      const { created } = await retrying(() => replace(shopId, orderId, input, brought));
      if (deps.arrivals && (created || brought.size > 0)) {
        const parcels = { waybills: [...brought], ...(created ? { orderId } : {}) };
        // Never fails the replace, which has committed: what is not applied stays kept.
        await deps.arrivals(shopId, parcels).catch(() => undefined);
      }
      return { order: await readOrder(shopId, orderId), created };
    },

    /** One order; a clerk names the shop. */
    async getOrder(principal: Principal, orderId: string, shopId?: string): Promise<OrderView> {
      return readOrder(shopFor(principal, shopId, true) ?? '', orderId);
    },

    /** One shipment; a clerk names the shop. */
    async getShipment(
      principal: Principal,
      shipmentId: string,
      shopId?: string,
    ): Promise<ShipmentView> {
      const record = await readShipment(shopFor(principal, shopId, true) ?? '', shipmentId);
      return viewOf(record, summaryOf(record, todayOf(clock)));
    },

    /**
     * Records a carrier event; a repeated event id is ignored (`duplicate`), and the derived
     * state (status, late-view date) is written with the event, in one conditional write.
     * The domain refuses an event dated more than a day ahead of the clock or before the
     * order was placed, and past the cap anything but a final status.
     */
    async recordEvent(
      principal: Principal,
      shipmentId: string,
      input: ShipmentEvent,
      _options: { defer?: Defer } = {},
    ): Promise<EventAnswer> {
      const shopId = shopFor(principal, undefined, true) ?? '';
      // The shop's own call: `api`, kept as no source at all (what every event had before).
      const { source: _source, ...event } = input;
      return recordFor(shopId, shipmentId, event);
    },

    /**
     * Records an event for the shop's shipment as a carrier path brings it (a CDEK hook, the
     * reconciliation, the sandbox): the same rules and the same one write as the API's, with
     * the event's `source` kept.
     */
    recordCarrierEvent(shopId: string, shipmentId: string, event: ShipmentEvent) {
      return recordFor(shopId, shipmentId, event);
    },
    /**
     * Shipments past their deadline as of today, undelivered or delivered late, oldest
     * deadline first, each with the late calculator's figures (no longer growing once a late
     * or lost claim filed from it is accepted) and its claim; a shop its own, a clerk all
     * (or one shop's). The claims come with the shipments' own reads: no read per claim.
     */
    async listLate(
      principal: Principal,
      query: LateQuery,
      _options: { defer?: Defer } = {},
    ): Promise<Page<LateShipmentView>> {
      const shopId = shopFor(principal, query.shopId, false);
      const today = todayOf(clock);
      const page = await repo.listLate(
        { ...(shopId === undefined ? {} : { shopId }), before: today },
        {
          limit: query.limit,
          caller: principal.keyId,
          ...(query.cursor ? { cursor: query.cursor } : {}),
        },
      );
      const items = page.items.flatMap((record) => lateItem(record, today) ?? []);
      return {
        items,
        ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }),
      };
    },
  };
}

/** @example const service: ShipmentService = createShipmentService(deps); */
export type ShipmentService = ReturnType<typeof createShipmentService>;
