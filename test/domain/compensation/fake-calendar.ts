/**
 * A small weekends-only business calendar for unit tests (2024–2026), with two holidays, so
 * the compensation rules can be tested apart from the real production-calendar data. Its
 * last year is preliminary, like a file that can still change.
 */
import {
  addDays,
  isoWeekday,
  toDayNumber,
  yearOf,
  type IsoDate,
} from '../../../src/domain/calendar/dates';
import type { LateCalendar } from '../../../src/domain/compensation';
import { DomainError } from '../../../src/domain/errors';

/** Holidays of the fake: Russia Day 2025 (a Thursday) and New Year's Day 2025. */
export const FAKE_HOLIDAYS: readonly IsoDate[] = ['2025-06-12', '2025-01-01'];

const FIRST_YEAR = 2024;
const LAST_YEAR = 2026;

function requireCovered(date: IsoDate): void {
  const year = yearOf(date);
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    throw new DomainError('calendar-year-unknown', `fake calendar has no ${year}`);
  }
}

function isBusinessDay(date: IsoDate): boolean {
  requireCovered(date);
  return isoWeekday(date) <= 5 && !FAKE_HOLIDAYS.includes(date);
}

/** Walks day by day: fine for a test calendar of three years. */
function listBusinessDays(after: IsoDate, upTo: IsoDate, limit: number): IsoDate[] {
  requireCovered(after);
  requireCovered(upTo);
  const days: IsoDate[] = [];
  const span = toDayNumber(upTo) - toDayNumber(after);
  for (let k = 1; k <= span && days.length < limit; k++) {
    const day = addDays(after, k);
    if (isBusinessDay(day)) days.push(day);
  }
  return days;
}

/**
 * The fake, shaped like the real calendars.
 * @example fakeCalendar.countBusinessDays('2025-03-14', '2025-03-17') // 1
 */
export const fakeCalendar: LateCalendar = {
  country: 'RU',
  firstYear: FIRST_YEAR,
  lastYear: LAST_YEAR,
  covers: (date) => yearOf(date) >= FIRST_YEAR && yearOf(date) <= LAST_YEAR,
  countBusinessDays: (after, upTo) => listBusinessDays(after, upTo, Number.MAX_SAFE_INTEGER).length,
  listBusinessDays,
  addBusinessDays: (from, n) => {
    let date = from;
    for (let found = 0; found < n;) {
      date = addDays(date, 1);
      if (isBusinessDay(date)) found++;
    }
    return date;
  },
  source: (year) => ({
    dataset: 'xmlcalendar',
    file: `fake/${year}/calendar.xml`,
    published: `${year - 1}-12-01`,
    preliminary: year === LAST_YEAR,
    ...(year === 2026 ? { note: 'a test note' } : {}),
  }),
};
