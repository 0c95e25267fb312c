/**
 * Everything a shipment shows, from its facts and events, as of a day: chargeable weight,
 * charges, status, reschedules, re-measurement and lateness. Time comes in as `today`.
 */
import { DEFAULT_CALENDAR, getCalendar } from '../calendar';
import { isValidIsoDate, toDayNumber, type IsoDate } from '../calendar/dates';
import type { LateCalendar } from '../compensation/late-span';
import { DomainError } from '../errors';
import { checkHappenedAt, CLOCK_TOLERANCE_HOURS } from '../happened';
import { moneyFromJson } from '../money';
import { resolvePolicy, RESCHEDULE_REASONS, type CarrierPolicy } from '../policies';
import { computeWeight, type WeightResult } from '../weight';
import { computeCharges, type Charges } from './charges';
import { parseInstant } from './instant';
import { deadlineOf, latenessOf, type Deadline, type Lateness } from './lateness';
import { remeasurement, type Remeasurement } from './remeasure';
import { deriveState, inTimeOrder, type ShipmentState } from './state';
import type { RescheduledEvent, ShipmentEvent, ShipmentFacts, ShipmentStatus } from './types';

/** The rules a shipment is judged by. */
export interface ShipmentContext {
  policy: CarrierPolicy;
  calendar: LateCalendar;
  today: IsoDate;
  /** The last day lateness counts, once a claim settled it (./lateness-stop.ts); absent: today. */
  stopsOn?: IsoDate;
}

/**
 * The carrier's policy and the shipment's calendar.
 * @example shipmentContext({ carrier: 'cdek' }, '2025-03-20').policy.id // 'cdek'
 */
export function shipmentContext(
  facts: Pick<ShipmentFacts, 'carrier' | 'calendar'>,
  today: IsoDate,
): ShipmentContext {
  const policy = resolvePolicy(facts.carrier, '/carrier');
  let calendar: LateCalendar;
  try {
    calendar = getCalendar(facts.calendar ?? DEFAULT_CALENDAR);
  } catch (error) {
    throw error instanceof DomainError ? error.within('/calendar') : error;
  }
  return { policy, calendar, today };
}

/** @example summarizeShipment(facts, events, ctx).status // 'in_transit' */
export interface ShipmentSummary {
  weight: WeightResult;
  charges: Charges;
  status: ShipmentStatus;
  statusAt?: string;
  deliveredDate?: IsoDate;
  /** Every event, in the order they happened. */
  events: ShipmentEvent[];
  deadline: Deadline;
  remeasurement?: Remeasurement;
  lateness: Lateness | null;
  /**
   * The deadline, while the shipment may be owed for lateness: not cancelled, and not
   * delivered on time. What the late listing's index is keyed on.
   */
  lateViewDate?: IsoDate;
}

/**
 * A shipment as of `ctx.today`.
 * @example summarizeShipment(facts, [], ctx).charges.total // tariff + packaging
 */
export function summarizeShipment(
  facts: ShipmentFacts,
  events: readonly ShipmentEvent[],
  ctx: ShipmentContext,
): ShipmentSummary {
  const { policy, calendar } = ctx;
  const state: ShipmentState = deriveState(events);
  const weight = computeWeight({ packages: facts.packages }, { policy });
  const quoted = moneyFromJson(facts.deliveryCost, '/deliveryCost');
  const measured = state.remeasured && remeasurement(facts, state.remeasured, policy);
  const tariff = measured
    ? {
        amount: moneyFromJson(measured.charged, '/charged'),
        remeasured: { date: measured.at.slice(0, 10), quoted },
      }
    : { amount: quoted };
  const charges = computeCharges(facts, tariff, policy);
  const deadline = deadlineOf(facts, state, policy, calendar);
  const lateness = latenessOf(facts, state, deadline, charges.deliveryCost, ctx);
  const watched =
    state.status !== 'cancelled' &&
    ((state.deliveredDate ?? state.refusedDate) === undefined || lateness?.late === true);
  return {
    weight,
    charges,
    status: state.status,
    ...(state.statusAt === undefined ? {} : { statusAt: state.statusAt }),
    ...(state.deliveredDate === undefined ? {} : { deliveredDate: state.deliveredDate }),
    events: inTimeOrder(events),
    deadline,
    ...(measured ? { remeasurement: measured } : {}),
    lateness,
    ...(watched ? { lateViewDate: deadline.deadline } : {}),
  };
}

/**
 * A reschedule's own checks, which need no facts.
 * @example checkRescheduled({ promisedDate: '2025-02-30', reason: 'other' }) // throws at /promisedDate
 */
function checkRescheduled(event: Pick<RescheduledEvent, 'promisedDate' | 'reason'>): void {
  if (!isValidIsoDate(event.promisedDate)) {
    const message = `"${event.promisedDate}" is not a calendar date (YYYY-MM-DD)`;
    throw new DomainError('invalid-input', message, '/promisedDate');
  }
  if (!(RESCHEDULE_REASONS as readonly string[]).includes(event.reason)) {
    const message = `reason must be one of ${RESCHEDULE_REASONS.join(', ')}`;
    throw new DomainError('invalid-input', message, '/reason');
  }
}

/**
 * When an event is checked: the server's instant, and the shipment's start (its order's
 * `placedAt`; absent when unknown, then only the future is bounded).
 * @example { now: '2025-06-16T09:00:00.000Z', placedAt: '2025-06-01T18:20:00+03:00' }
 */
export interface EventTime {
  now: string;
  placedAt?: string | undefined;
}

/**
 * Checks an event against the shipment before it is recorded; errors point into the event.
 * Its `at` follows the rule of every reported instant (../happened.ts): at most 24 h ahead
 * of `now`, at least 24 h after the order was placed.
 * @example checkEvent(facts, { eventId: 'e1', status: 'delivered', at: '2025-03-01T10:00:00Z' }, policy, { now }) // throws when shipped 2025-03-05
 * @example checkEvent(facts, { eventId: 'typo', status: 'in_transit', at: '2062-11-17T10:00:00+03:00' }, policy, { now }) // throws in_the_future at /at
 */
export function checkEvent(
  facts: ShipmentFacts,
  event: ShipmentEvent,
  policy: CarrierPolicy,
  time: EventTime,
): void {
  const since = time.placedAt === undefined ? undefined : { field: 'placedAt', at: time.placedAt };
  const { date } = checkHappenedAt(event.at, '/at', { now: time.now, since });
  if (event.status === 'delivered' || event.status === 'received') {
    if (facts.shippedDate !== undefined && toDayNumber(date) < toDayNumber(facts.shippedDate)) {
      const message = `${date} is before the shipping date ${facts.shippedDate}`;
      throw new DomainError('invalid-input', message, '/at');
    }
  }
  if (event.status === 'rescheduled') checkRescheduled(event);
  if (event.status === 'remeasured') remeasurement(facts, event, policy);
}

/**
 * Checks an order's `placedAt`: by the rule of every reported instant (../happened.ts), and
 * not more than 24 h after any event of the shipments it keeps (their start would move past
 * what they already report). Errors point at `/placedAt`.
 * @example checkPlacedAt('2062-11-17T10:00:00+03:00', [], '2025-06-16T09:00:00.000Z') // throws in_the_future
 * @example checkPlacedAt('2025-06-05T10:00:00+03:00', [{ shipmentId: 'S-1', events: [inTransitOn3June] }], now) // throws: after its event
 */
export function checkPlacedAt(
  placedAt: string,
  shipments: readonly { shipmentId: string; events: readonly ShipmentEvent[] }[],
  now: string,
): void {
  const placed = checkHappenedAt(placedAt, '/placedAt', { now });
  for (const { shipmentId, events } of shipments) {
    const [first] = inTimeOrder(events);
    if (first === undefined) continue;
    if (parseInstant(first.at, '/at').ms < placed.ms - CLOCK_TOLERANCE_HOURS * 3_600_000) {
      const message = `${placedAt} is more than ${CLOCK_TOLERANCE_HOURS} h after event '${first.eventId}' of shipment '${shipmentId}' (${first.at}): an order is placed before its shipments move`;
      throw new DomainError('invalid-input', message, '/placedAt', {
        params: { shipmentId, eventId: first.eventId, at: first.at },
      });
    }
  }
}
