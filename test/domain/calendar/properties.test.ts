import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CALENDAR_COUNTRIES,
  getCalendar,
  type BusinessCalendar,
} from '../../../src/domain/calendar';
import { addDays, fromDayNumber, toDayNumber } from '../../../src/domain/calendar/dates';

const firstDay = (c: BusinessCalendar) => toDayNumber(`${c.firstYear}-01-01`);
const lastDay = (c: BusinessCalendar) => toDayNumber(`${c.lastYear}-12-31`);

/** A date the calendar covers, at most `margin` days before its last day. */
const dateIn = (c: BusinessCalendar, margin = 0) =>
  fc.integer({ min: firstDay(c), max: lastDay(c) - margin }).map(fromDayNumber);

/** Ascending dates (a <= b <= c) the calendar covers. */
const sortedDates = (c: BusinessCalendar, n: number) =>
  fc
    .array(fc.integer({ min: firstDay(c), max: lastDay(c) }), { minLength: n, maxLength: n })
    .map((days) => [...days].sort((x, y) => x - y).map(fromDayNumber));

/** The obvious day-by-day count the prefix sums must agree with. Test-only. */
function naiveCount(c: BusinessCalendar, after: string, upTo: string): number {
  let count = 0;
  for (let d = addDays(after, 1); d <= upTo; d = addDays(d, 1)) if (c.isBusinessDay(d)) count++;
  return count;
}

describe.each(CALENDAR_COUNTRIES)('the %s calendar', (country) => {
  const calendar = getCalendar(country);

  it('splits a count at any midpoint: count(a, c) = count(a, b) + count(b, c)', () => {
    fc.assert(
      fc.property(sortedDates(calendar, 3), ([a = '', b = '', c = '']) => {
        const whole = calendar.countBusinessDays(a, c);
        expect(whole).toBe(calendar.countBusinessDays(a, b) + calendar.countBusinessDays(b, c));
      }),
    );
  });

  it('counts exactly as a day-by-day walk over spans up to 400 days', () => {
    fc.assert(
      fc.property(dateIn(calendar, 400), fc.integer({ min: -5, max: 400 }), (after, span) => {
        const upTo = addDays(after, span);
        fc.pre(upTo >= `${calendar.firstYear}-01-01`);
        expect(calendar.countBusinessDays(after, upTo)).toBe(naiveCount(calendar, after, upTo));
      }),
    );
  });

  it('never counts fewer days over a longer span', () => {
    fc.assert(
      fc.property(sortedDates(calendar, 3), ([a = '', b = '', c = '']) => {
        expect(calendar.countBusinessDays(a, b)).toBeLessThanOrEqual(
          calendar.countBusinessDays(a, c),
        );
        expect(calendar.countBusinessDays(b, c)).toBeLessThanOrEqual(
          calendar.countBusinessDays(a, c),
        );
      }),
    );
  });

  it('adds n business days to land on the n-th business day after the start', () => {
    fc.assert(
      fc.property(dateIn(calendar, 730), fc.integer({ min: 1, max: 400 }), (from, n) => {
        const result = calendar.addBusinessDays(from, n);
        expect(calendar.isBusinessDay(result)).toBe(true);
        expect(calendar.countBusinessDays(from, result)).toBe(n);
        // ...and the first such day: one day earlier the count is still short.
        expect(calendar.countBusinessDays(from, addDays(result, -1))).toBe(n - 1);
      }),
    );
  });

  it('lists exactly the days it counts, all business days, ascending', () => {
    fc.assert(
      fc.property(dateIn(calendar, 120), fc.integer({ min: 0, max: 120 }), (after, span) => {
        const upTo = addDays(after, span);
        const listed = calendar.listBusinessDays(after, upTo, 1000);
        expect(listed).toHaveLength(calendar.countBusinessDays(after, upTo));
        expect(listed.every((d) => d > after && d <= upTo && calendar.isBusinessDay(d))).toBe(true);
        expect(listed).toEqual([...listed].sort());
      }),
    );
  });
});
