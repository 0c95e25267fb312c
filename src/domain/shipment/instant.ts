/**
 * Event instants: ISO 8601 with an offset, ordered by the instant they name, dated by the
 * local date they were written with (the carrier's day, not UTC's).
 */
import { isValidIsoDate, toDayNumber, type IsoDate } from '../calendar/dates';
import { DomainError } from '../errors';

/** An ISO 8601 instant with its offset (Z or ±hh:mm); seconds and fractions optional. */
export const INSTANT_PATTERN =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/** @example parseInstant('2025-03-13T10:00:00+03:00', '/at') // { ms: 1741849200000, date: '2025-03-13' } */
export interface Instant {
  /** Milliseconds since the epoch: what events are ordered by. */
  ms: number;
  /** The local calendar date as written. */
  date: IsoDate;
}

/**
 * The instant of `at`, or an `invalid-input` at `pointer`.
 * @example parseInstant('2025-03-13T07:00:00Z', '/at').date // '2025-03-13'
 */
export function parseInstant(at: string, pointer: string): Instant {
  const match = typeof at === 'string' ? INSTANT_PATTERN.exec(at) : null;
  const [, date = '', hh = '', mm = '', ss = '0', fraction = '0', offset = 'Z'] = match ?? [];
  const hours = Number(hh);
  const minutes = Number(mm);
  const seconds = Number(ss);
  if (!match || !isValidIsoDate(date) || hours > 23 || minutes > 59 || seconds > 59) {
    const message = `"${String(at)}" is not an instant such as 2025-03-13T10:00:00+03:00`;
    throw new DomainError('invalid-input', message, pointer);
  }
  const offsetMinutes =
    offset === 'Z' ? 0 : (offset.startsWith('-') ? -1 : 1) * offsetOf(offset.slice(1));
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  const localMs = ((toDayNumber(date) * 24 + hours) * 60 + minutes) * 60_000 + seconds * 1000;
  return { ms: localMs + millis - offsetMinutes * 60_000, date };
}

function offsetOf(hhmm: string): number {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}
