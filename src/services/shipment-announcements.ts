/**
 * Shipment events for the shop's webhooks (issue 23): `shipment.delivered` and
 * `shipment.late` (the first time the shipment is found late, with the amount accrued), once
 * per shipment each (ids `evt_<shop>_<shipment>_delivered` / `_late`: the outbox records an
 * id once). `data` is the shipment as GET /v1/shipments/{id} answers its shop's key (with its
 * `lateness` and its claims), read when announced; the `sequence` is its version.
 *
 * What guarantees "never missed":
 * - delivered: before an event reporting the delivery is written, a mark is put for the
 *   shipment (./shipment-announcement-repository.ts); after the write the event is announced
 *   and the mark cleared. A Worker that stops between the write and the announce leaves the
 *   mark, and the cron's pass over the marks (`runShipmentAnnouncements`, every 5 minutes)
 *   announces the delivery. A mark whose event was never written (refused, lost) is cleared
 *   once it is older than MARK_GRACE_MS and the shipment is not delivered.
 * - late: a shipment turns late as days pass, with no write at all, so the source of truth
 *   is the late view (every shipment past its deadline, undelivered or delivered late). The
 *   cron walks it once a day (a bounded page a tick, a cursor per day) and announces each
 *   shipment late as of today whose event is not recorded yet; a write that finds the
 *   shipment late announces it at once. A crash between that write and its announce is
 *   found by the same day's (or the next day's) pass: the shipment stays in the view.
 *   Only deadlines of the last LATE_WINDOW_DAYS count (the pass reads that stretch of the
 *   view, not all of history): the outbox keeps an event id 30 days, so a shipment late for
 *   longer is never announced twice. A shipment is late within days of its deadline, so the
 *   pass finds it inside the window; one whose deadline an order replace moves further back
 *   than the window, unannounced, is not announced (said in the report of issue 23).
 */
import type { ShipmentEvent } from '../domain/shipment';
import { NotFoundError } from '../storage/errors';
import type { DeliveryMark, Storage } from '../storage/repository';
import type { OutboundEvent } from '../webhooks/types';
import type { Principal } from './actor';
import { createClaimService } from './claims';
import { errorText } from './claim-changes';
import { createShipmentClaimService, type ShipmentWithClaims } from './shipment-claims';
import { createShipmentService, type Defer, type ShipmentView } from './shipments';
import type { Outbox } from './webhook-outbox';

/** Deadlines the late pass and the writes consider: the last 25 days (the outbox keeps ids 30). */
export const LATE_WINDOW_DAYS = 25;

/**
 * The first deadline day the window holds as of `today`.
 * @example lateWindowFrom('2026-12-31') // '2026-12-06'
 */
export const lateWindowFrom = (today: string): string =>
  new Date(Date.parse(`${today}T00:00:00.000Z`) - LATE_WINDOW_DAYS * 86_400_000)
    .toISOString()
    .slice(0, 10);

/** A mark older than this whose shipment is not delivered: its event was never written. */
export const MARK_GRACE_MS = 15 * 60_000;

/** What a shipment event reports. */
export type ShipmentHappening = 'delivered' | 'late';

/**
 * The id of a shipment's event: once per shipment and kind.
 * @example shipmentEventId('shop-a', 'S-1', 'late') // 'evt_shop-a_S-1_late'
 */
export const shipmentEventId = (shopId: string, shipmentId: string, what: ShipmentHappening) =>
  `evt_${shopId}_${shipmentId}_${what}`;

/** The shipment as GET /v1/shipments/{id} answers its shop's key. */
export type ShipmentRead = (shopId: string, shipmentId: string) => Promise<ShipmentWithClaims>;

/** What announcing needs. */
export interface ShipmentAnnouncerDeps {
  storage: Storage;
  clock: () => Date;
  outbox: Outbox;
  /** How the shipment is read (default: the route's own services, `shipmentReader`). */
  read?: ShipmentRead;
  log?: (line: { event: 'shipment-announce-failed'; shipmentId: string; error: string }) => void;
  /** The current request's `waitUntil`, to announce after the answer (absent: before it). */
  defer?: () => Defer | undefined;
}

/** What the shipment service tells around each event write (src/services/shipments.ts). */
export interface ShipmentAnnouncer {
  /** Before the write: a delivery's mark (undefined for any other event). */
  beforeEvent(
    shopId: string,
    shipmentId: string,
    event: ShipmentEvent,
  ): Promise<DeliveryMark | undefined>;
  /** After the write (or a resend's answer): announces what is due. Never throws. */
  afterEvent(
    shopId: string,
    shipmentId: string,
    shipment: ShipmentView,
    mark: DeliveryMark | undefined,
  ): Promise<void>;
}

const shopOf = (shopId: string): Principal => ({ keyId: 'webhooks', role: 'shop', shopId });

/**
 * Reads a shipment as its route answers the shop: the same services the app builds (the
 * claim service reads only: it never files here).
 *
 * @example const read = shipmentReader({ storage, clock }); await read('shop-a', 'S-1');
 */
export function shipmentReader(
  deps: Pick<ShipmentAnnouncerDeps, 'storage' | 'clock'>,
): ShipmentRead {
  const newId = () => {
    throw new Error('the webhook reader files no claim');
  };
  const claims = createClaimService({ ...deps, newId });
  const shipments = createShipmentService(deps);
  const shipmentClaims = createShipmentClaimService({ storage: deps.storage, claims, shipments });
  return (shopId, shipmentId) => shipmentClaims.getShipment(shopOf(shopId), shipmentId);
}

/** The event of `what` for the shipment as read. */
function eventOf(
  what: ShipmentHappening,
  data: ShipmentWithClaims,
  timestamp: string,
): OutboundEvent {
  return {
    id: shipmentEventId(data.shopId, data.shipmentId, what),
    type: what === 'delivered' ? 'shipment.delivered' : 'shipment.late',
    timestamp,
    shopId: data.shopId,
    subject: { kind: 'shipment', id: data.shipmentId, sequence: data.version },
    // As JSON, as the route sends it.
    data: JSON.parse(JSON.stringify(data)) as unknown,
  };
}

/**
 * @example
 * const announcer = createShipmentAnnouncer({ storage, clock, outbox });
 * const shipments = createShipmentService({ storage, clock, announcer });
 */
export function createShipmentAnnouncer(deps: ShipmentAnnouncerDeps) {
  const { storage, clock, outbox } = deps;
  const marks = storage.shipmentAnnouncements;
  const read = deps.read ?? shipmentReader(deps);

  /**
   * Reads the shipment and announces its lateness if it shows it (unless recorded already:
   * the guard is one read, the outbox's own check a transaction), and its delivery when
   * `delivery` (a delivery's mark is behind the call: an event after the delivery, 30 days
   * on, when the outbox has forgotten the id, must not announce it again). Answers whether
   * the shipment is delivered (its event recorded now, if asked for).
   */
  /** Late, within the window, and not announced yet (the guard: one read). */
  async function lateToAnnounce(view: ShipmentView): Promise<boolean> {
    if (view.lateness?.late !== true) return false;
    if (view.deadline.deadline < lateWindowFrom(clock().toISOString().slice(0, 10))) return false;
    return !(await marks.announced(
      view.shopId,
      shipmentEventId(view.shopId, view.shipmentId, 'late'),
    ));
  }

  async function announce(
    shopId: string,
    shipmentId: string,
    delivery: boolean,
  ): Promise<{ delivered: boolean }> {
    const data = await read(shopId, shipmentId);
    const delivered = data.status === 'delivered';
    if (delivered && delivery) {
      await outbox.announce(eventOf('delivered', data, data.statusAt ?? data.updatedAt));
    }
    if (await lateToAnnounce(data)) {
      // Found late now: the first time is when it is announced.
      await outbox.announce(eventOf('late', data, clock().toISOString()));
    }
    return { delivered };
  }

  const logFailure = (shipmentId: string, error: unknown) => {
    const line = {
      event: 'shipment-announce-failed' as const,
      shipmentId,
      error: errorText(error),
    };
    (deps.log ?? ((l: object) => console.error(JSON.stringify(l))))(line);
  };

  const announcer: ShipmentAnnouncer = {
    async beforeEvent(shopId, shipmentId, event) {
      if (event.status !== 'delivered') return undefined;
      const mark = { shopId, shipmentId, at: clock().toISOString() };
      await marks.markDelivery(mark);
      return mark;
    },
    async afterEvent(shopId, shipmentId, shipment, mark) {
      // After the answer when the runtime allows (a Worker's waitUntil): nothing is lost if
      // it never runs, since the delivery's mark and the daily late pass remain.
      const later = deps.defer?.();
      const work = () => announceAfter(shopId, shipmentId, shipment, mark);
      if (later === undefined) await work();
      else later(work);
    },
  };

  async function announceAfter(
    shopId: string,
    shipmentId: string,
    shipment: ShipmentView,
    mark: DeliveryMark | undefined,
  ): Promise<void> {
    try {
      // The shipment is read (as its route answers) only when something is to be announced:
      // an event on a shipment long since announced late costs the guard's read alone.
      const delivery = mark !== undefined && shipment.status === 'delivered';
      if (delivery || (await lateToAnnounce(shipment))) {
        await announce(shopId, shipmentId, mark !== undefined);
      }
      // Not delivered (a refusal, a duplicate of nothing): the mark has nothing to wait for.
      if (mark !== undefined) await marks.clearDelivery(mark);
    } catch (error) {
      // The write has committed: the answer stands; the mark and the late pass remain.
      logFailure(shipmentId, error);
    }
  }

  return { announcer, announce, marks, read, logFailure };
}

/** How much one cron tick does. */
export interface ShipmentAnnounceBudget {
  /** Delivery marks looked at (default 25). */
  marks?: number;
  /**
   * Late shipments of today's pass looked at (default 50: with the marks and the claim
   * cron's own, within a tick's subrequests).
   */
  late?: number;
}

/** What a tick did. */
export interface ShipmentAnnounceReport {
  marks: number;
  late: number;
  failed: number;
  latePassDone: boolean;
}

/** The caller the late pass lists as (its cursors open for it alone). */
const LATE_PASS_CALLER = 'webhooks:late-pass';

/**
 * One cron tick: the delivery marks (each announced and cleared, or cleared once stale),
 * then the next page of today's pass over the late view. Bounded; a failure is logged and
 * left for the next tick (a mark stays) or the next day's pass.
 *
 * @example const report = await runShipmentAnnouncements({ storage, clock, outbox });
 */
export async function runShipmentAnnouncements(
  deps: ShipmentAnnouncerDeps,
  budget: ShipmentAnnounceBudget = {},
): Promise<ShipmentAnnounceReport> {
  const { storage, clock } = deps;
  const { announce, marks, logFailure } = createShipmentAnnouncer(deps);
  const now = clock();
  let failed = 0;

  const found = await marks.deliveryMarks(budget.marks ?? 25);
  for (const mark of found) {
    try {
      const { delivered } = await announce(mark.shopId, mark.shipmentId, true).catch(
        (error: unknown) => {
          if (error instanceof NotFoundError) return { delivered: false };
          throw error;
        },
      );
      const stale = now.getTime() - Date.parse(mark.at) > MARK_GRACE_MS;
      if (delivered || stale) await marks.clearDelivery(mark);
    } catch (error) {
      failed++;
      logFailure(mark.shipmentId, error);
    }
  }

  const today = now.toISOString().slice(0, 10);
  const cursor = await marks.latePass();
  const todays = cursor?.day === today ? cursor : { day: today, done: false };
  if (todays.done) return { marks: found.length, late: 0, failed, latePassDone: true };
  const page = await storage.shipments.listLate(
    { before: today, from: lateWindowFrom(today) },
    {
      limit: budget.late ?? 50,
      caller: LATE_PASS_CALLER,
      ...(todays.next === undefined ? {} : { cursor: todays.next }),
    },
  );
  for (const record of page.items) {
    const id = shipmentEventId(record.shopId, record.shipmentId, 'late');
    try {
      if (!(await marks.announced(record.shopId, id))) {
        await announce(record.shopId, record.shipmentId, false);
      }
    } catch (error) {
      // Tomorrow's pass comes back to it (it stays in the late view).
      failed++;
      logFailure(record.shipmentId, error);
    }
  }
  const done = page.nextCursor === undefined;
  await marks.saveLatePass(
    { day: today, done, ...(done ? {} : { next: page.nextCursor }) },
    now.toISOString(),
  );
  return { marks: found.length, late: page.items.length, failed, latePassDone: done };
}
