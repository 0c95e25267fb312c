/**
 * What a client says happened: a carrier event's `at`, an order's `placedAt`, a claim's
 * shipping and delivery dates, a payout's `paidOn`. It cannot have happened after now, nor
 * before what it belongs to began (a shipment's order was placed, a claim was filed). Both
 * bounds give the same tolerance, CLOCK_TOLERANCE_HOURS: the client's clock, the carrier's
 * and ours disagree, and a local date runs up to 14 h ahead of UTC. One rule, for instants
 * and dates alike:
 *   instant: since − 24 h ≤ it ≤ now + 24 h
 *   date:    UTC date of (since − 24 h) ≤ it ≤ UTC date of (now + 24 h)
 * (today and tomorrow as the server counts days, at most; a date before the start's own
 * day only by as much). Dates that are promises (`promisedDate`, a reschedule's) are not
 * facts and are not checked here. Time comes in as `now`: the caller's clock.
 */
import { fromDayNumber, isValidIsoDate, toDayNumber, type IsoDate } from './calendar/dates';
import { DomainError } from './errors';
import { parseInstant, type Instant } from './shipment/instant';

/** How far a reported instant may lie ahead of the server's clock, or before its start. @example CLOCK_TOLERANCE_HOURS // 24 */
export const CLOCK_TOLERANCE_HOURS = 24;
const TOLERANCE_MS = CLOCK_TOLERANCE_HOURS * 3_600_000;
const DAY_MS = 86_400_000;

/** What the reported thing belongs to began at: a field name and an instant. @example { field: 'placedAt', at: '2025-06-01T18:20:00+03:00' } */
export interface Since {
  field: string;
  at: string;
}

/** The bounds of a report: the server's `now` (an ISO instant) and, when known, its start. @example { now: '2025-06-16T09:00:00.000Z', since: { field: 'createdAt', at: '2025-06-10T08:00:00.000Z' } } */
export interface HappenedBounds {
  now: string;
  since?: Since | undefined;
}

/** `ms` as an ISO instant in UTC, with milliseconds (no Date: see calendar/dates.ts). */
function isoOf(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  const inDay = ms - day * DAY_MS;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const [h, m, s, milli] = [
    Math.floor(inDay / 3_600_000),
    Math.floor(inDay / 60_000) % 60,
    Math.floor(inDay / 1000) % 60,
    inDay % 1000,
  ];
  return `${fromDayNumber(day)}T${pad(h)}:${pad(m)}:${pad(s)}.${pad(milli, 3)}Z`;
}

/** The server's instant; a bad one is the caller's bug, not the client's input. */
function nowMs(now: string): number {
  try {
    return parseInstant(now, '/now').ms;
  } catch {
    throw new RangeError(`now must be an ISO instant, got "${now}"`);
  }
}

/** The start, when it can be read (a stored value from before it was checked may not be). */
function sinceOf(since: Since | undefined): (Instant & Since) | undefined {
  if (since === undefined) return undefined;
  try {
    return { ...since, ...parseInstant(since.at, `/${since.field}`) };
  } catch {
    return undefined;
  }
}

const fieldOf = (pointer: string) => pointer.slice(pointer.lastIndexOf('/') + 1);

/**
 * The latest instant a client may report as past: now + the tolerance.
 * @example latestInstant('2025-06-16T09:00:00.000Z') // '2025-06-17T09:00:00.000Z'
 */
export function latestInstant(now: string): string {
  return isoOf(nowMs(now) + TOLERANCE_MS);
}

/**
 * The latest date a client may report as past: the UTC date of now + the tolerance.
 * @example latestDate('2025-06-16T09:00:00.000Z') // '2025-06-17'
 */
export function latestDate(now: string): IsoDate {
  return latestInstant(now).slice(0, 10);
}

function inTheFuture(pointer: string, value: string, latest: string, now: string): DomainError {
  const message = `${value} has not happened yet: at most ${latest}, ${CLOCK_TOLERANCE_HOURS} h ahead of the server’s clock (${now})`;
  return new DomainError('invalid-input', message, pointer, {
    reason: 'in_the_future',
    params: { field: fieldOf(pointer), latest },
  });
}

function beforeStart(
  pointer: string,
  value: string,
  date: IsoDate,
  since: Instant & Since,
): DomainError {
  const message = `${value} is more than ${CLOCK_TOLERANCE_HOURS} h before ${since.field} ${since.at}`;
  return new DomainError('invalid-input', message, pointer, {
    reason: 'date_order',
    params: { field: fieldOf(pointer), date, other: since.field, otherDate: since.date },
  });
}

/**
 * Checks a reported instant against the rule; answers it parsed. Refusals point at
 * `pointer`: `in_the_future` (params `field`, `latest`), `date_order` (params `field`,
 * `date`, `other`, `otherDate`: its local date and the start's), or not an instant at all.
 * @example checkHappenedAt('2062-11-17T10:00:00+03:00', '/at', { now: '2025-06-16T09:00:00.000Z' }) // throws in_the_future at /at
 * @example checkHappenedAt('2025-06-03T12:00:00+03:00', '/at', { now, since: { field: 'placedAt', at: '2025-06-01T18:20:00+03:00' } }).date // '2025-06-03'
 */
export function checkHappenedAt(at: string, pointer: string, bounds: HappenedBounds): Instant {
  const instant = parseInstant(at, pointer);
  const latest = nowMs(bounds.now) + TOLERANCE_MS;
  if (instant.ms > latest) throw inTheFuture(pointer, at, isoOf(latest), bounds.now);
  const since = sinceOf(bounds.since);
  if (since !== undefined && instant.ms < since.ms - TOLERANCE_MS) {
    throw beforeStart(pointer, at, instant.date, since);
  }
  return instant;
}

/**
 * Checks a reported date against the rule (an invalid date is left to the date's own check).
 * Refusals as checkHappenedAt's.
 * @example checkHappenedOn('2025-06-18', '/paidOn', { now: '2025-06-16T09:00:00.000Z' }) // throws in_the_future (latest 2025-06-17)
 * @example checkHappenedOn('2025-06-17', '/paidOn', { now: '2025-06-16T09:00:00.000Z' }) // '2025-06-17'
 */
export function checkHappenedOn(date: IsoDate, pointer: string, bounds: HappenedBounds): IsoDate {
  if (!isValidIsoDate(date)) return date;
  const latest = latestDate(bounds.now);
  if (toDayNumber(date) > toDayNumber(latest)) {
    throw inTheFuture(pointer, date, latest, bounds.now);
  }
  const since = sinceOf(bounds.since);
  if (since !== undefined) {
    const earliest = isoOf(since.ms - TOLERANCE_MS).slice(0, 10);
    if (toDayNumber(date) < toDayNumber(earliest)) throw beforeStart(pointer, date, date, since);
  }
  return date;
}
