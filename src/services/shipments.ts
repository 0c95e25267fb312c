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
  checkEvent,
  lateFromOf,
  reportEffect,
  MAX_EVENTS,
  orderStatus,
  recordEvent,
  shipmentContext,
  summarizeShipment,
  type Deadline,
  type Lateness,
  type Remeasurement,
  type ShipmentEvent,
  type ShipmentFacts,
  type ShipmentSummary,
} from '../domain/shipment';
import {
  ConflictError,
  NotFoundError,
  type Customer,
  type EventDecision,
  type OrderRecord,
  type Page,
  type ShipmentRecord,
  type Storage,
} from '../storage/repository';
import type { Principal } from './actor';
import { canonicalJson } from './fingerprint';

/** Shipments an order may have: one transaction writes them all, and the ones it drops. */
export const MAX_SHIPMENTS_PER_ORDER = 40;
/** Attempts at a write that lost a race before the caller hears of the conflict. */
const ATTEMPTS = 5;

export interface ShipmentServiceDeps {
  storage: Storage;
  /** The current instant; today is its UTC date. */
  clock: () => Date;
}

/**
 * Hands work on to run after the answer (a Worker's `waitUntil`), started when the runtime
 * likes; the work never rejects.
 */
export type Defer = (work: () => Promise<void>) => void;
const noop = (): void => undefined;

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

// A late shipment's cause, from its latest reschedule (see domain/claim/cause.ts).
/** A shipment of the late listing: with the cause its lateness is put down to. */
export type LateShipmentView = ShipmentView & { cause: ClaimCause };
const withCause = (view: ShipmentView): LateShipmentView => ({
  ...view,
  cause: lateCause(view.events.filter((e) => e.status === 'rescheduled')),
});

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

/** What a record shows as of `today`: the domain's summary of its facts and events. */
const summaryOf = (record: Pick<ShipmentRecord, 'facts' | 'events'>, today: string) =>
  summarizeShipment(record.facts, record.events, shipmentContext(record.facts, today));

/**
 * A shipment's view, from its record and its summary (computed once per request).
 * @example viewOf(record, summaryOf(record, '2025-03-20')).lateness?.businessDaysLate // 7
 */
function viewOf(record: ShipmentRecord, summary: ShipmentSummary): ShipmentView {
  const { watchDate: _watch, ...derived } = summary;
  return {
    ...record.facts,
    shopId: record.shopId,
    orderId: record.orderId,
    ...derived,
    version: record.version,
    updatedAt: record.updatedAt,
  };
}

/**
 * The record with the late-index date its summary gives and, while on its way, the first
 * late delivery date (both recomputed on every write that decides on the stored shipment).
 */
function withWatch(
  record: ShipmentRecord,
  summary: ShipmentSummary,
  today: string,
): ShipmentRecord {
  const { watchDate: _old, lateFrom: _oldFrom, ...rest } = record;
  const lateFrom = lateFromOf(record.facts, summary, shipmentContext(record.facts, today));
  return {
    ...rest,
    ...(summary.watchDate === undefined ? {} : { watchDate: summary.watchDate }),
    ...(lateFrom === undefined ? {} : { lateFrom }),
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

async function retrying<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= ATTEMPTS) throw error;
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

  /**
   * After a write that could not tell the shipment's place in the late index (a delivery on an
   * instance with no copy of it), puts it right: after the answer when the runtime can (`defer`,
   * the Worker's waitUntil), else before it. Until then the late listing leaves it out.
   */
  const tidyAfter = async (
    record: ShipmentRecord,
    summary: ShipmentSummary,
    today: string,
    defer: Defer | undefined,
  ): Promise<void> => {
    const decided = withWatch(record, summary, today);
    if (decided.watchDate === record.watchDate && decided.lateFrom === record.lateFrom) return;
    if (defer === undefined) {
      await repo.tidyWatch(decided);
      return;
    }
    // A failure after the answer is left to the next listing, which leaves it out and tries again.
    defer(() => repo.tidyWatch(decided).then(noop, noop));
  };

  async function replace(shopId: string, orderId: string, input: OrderInput) {
    const today = todayOf(clock);
    const now = clock().toISOString();
    const existing = await repo.getOrder(shopId, orderId);
    const ids = input.shipments.map((s) => s.shipmentId);
    const stored = await repo.getShipments(shopId, [...(existing?.shipmentIds ?? []), ...ids]);
    const byId = new Map(stored.map((s) => [s.shipmentId, s]));
    const puts: { record: ShipmentRecord; expectedVersion?: number }[] = [];
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
      if (current && canonicalJson(current.facts) === canonicalJson(facts)) return;
      const next: ShipmentRecord = {
        shopId,
        shipmentId: facts.shipmentId,
        orderId,
        facts,
        // Events are the carrier's: a replace keeps them.
        events: current?.events ?? [],
        version: (current?.version ?? 0) + 1,
        updatedAt: now,
      };
      puts.push({
        record: withWatch(next, summary, today),
        ...(current ? { expectedVersion: current.version } : {}),
      });
    });
    const removes = (existing?.shipmentIds ?? [])
      .filter((id) => !ids.includes(id))
      .flatMap((id) => {
        const record = byId.get(id);
        return record ? [{ shipmentId: id, expectedVersion: record.version }] : [];
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
    await repo.replaceOrder({
      order,
      ...(existing ? { expectedOrderVersion: existing.version } : {}),
      puts,
      removes,
    });
    return { order, created: existing === undefined };
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
      const { created } = await retrying(() => replace(shopId, orderId, input));
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
     * state (status, late-index date) is written with the event, in one conditional write.
     */
    async recordEvent(
      principal: Principal,
      shipmentId: string,
      event: ShipmentEvent,
      options: { defer?: Defer } = {},
    ): Promise<EventAnswer> {
      const shopId = shopFor(principal, undefined, true) ?? '';
      const today = todayOf(clock);
      const view = (record: ShipmentRecord) => viewOf(record, summaryOf(record, today));
      let stored: ShipmentRecord | undefined;
      // A report is told from itself (and its instant checked): recorded with no read while
      // the conditions of the domain's `reportEffect` hold, which storage checks.
      const effect = reportEffect(event);
      if (effect !== undefined) {
        const write = { updatedAt: clock().toISOString(), maxEvents: MAX_EVENTS };
        const outcome = await repo.appendReport(shopId, shipmentId, event, effect, write);
        if (outcome.appended) {
          const summary = summaryOf(outcome.record, today);
          // Only a delivery may be written without telling its place in the late index.
          if (effect.kind === 'delivered') {
            await tidyAfter(outcome.record, summary, today, options.defer);
          }
          return { shipment: viewOf(outcome.record, summary), duplicate: false };
        }
        if (outcome.current === undefined) throw new NotFoundError('shipment', shipmentId);
        // Refused (a resend, the limit, a report out of order, a shipment no longer on its
        // way, a delivery that needs the facts): decided on below, on the item as stored.
        stored = outcome.current;
      }
      // Storage applies this to the shipment as stored (its last seen copy, checked by the
      // write's condition) and writes `next`, deciding again on whatever it finds instead.
      const decide = (current: ShipmentRecord): EventDecision<EventAnswer> => {
        const recorded = recordEvent(current.events, event);
        if (recorded.duplicate) return { answer: { shipment: view(current), duplicate: true } };
        if (current.events.length >= MAX_EVENTS) {
          const message = `shipment '${shipmentId}' has ${MAX_EVENTS} events, the most kept`;
          throw new DomainError('invalid-input', message, '/eventId');
        }
        const ctx = shipmentContext(current.facts, today);
        checkEvent(current.facts, event, ctx.policy);
        // One summary: it is both what is written (the late-index date) and what is answered.
        const summary = summarizeShipment(current.facts, recorded.events, ctx);
        const next = withWatch(
          {
            ...current,
            events: recorded.events,
            version: current.version + 1,
            updatedAt: clock().toISOString(),
          },
          summary,
          today,
        );
        return { answer: { shipment: viewOf(next, summary), duplicate: false }, next };
      };
      // Awaited here: workerd reports a rejection handed on un-awaited as unhandled.
      return await repo.applyEvent<EventAnswer>(
        shopId,
        shipmentId,
        event.eventId,
        decide,
        stored === undefined ? {} : { stored },
      );
    },

    /**
     * Shipments past their deadline as of today, undelivered or delivered late, oldest
     * deadline first, each with the late calculator's figures; a shop its own, a clerk all
     * (or one shop's).
     */
    async listLate(
      principal: Principal,
      query: LateQuery,
      options: { defer?: Defer } = {},
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
      const items: LateShipmentView[] = [];
      for (const record of page.items) {
        const summary = summaryOf(record, today);
        // Delivered on time, its place in the index not yet put right: not late, left out.
        if (summary.watchDate === undefined) {
          await tidyAfter(record, summary, today, options.defer);
          continue;
        }
        items.push(withCause(viewOf(record, summary)));
      }
      return {
        items,
        ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }),
      };
    },
  };
}

/** @example const service: ShipmentService = createShipmentService(deps); */
export type ShipmentService = ReturnType<typeof createShipmentService>;
