import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  fromDayNumber,
  isValidIsoDate,
  isoWeekday,
  toDayNumber,
  yearOf,
} from '../../../src/domain/calendar/dates';
import { thrown } from './thrown';

const MS_PER_DAY = 86_400_000;
/** Day numbers of 0001-01-01 and 9999-12-31: the 4-digit years the module supports. */
const FIRST_DAY = -719_162;
const LAST_DAY = 2_932_896;
const dayNumbers = fc.integer({ min: FIRST_DAY, max: LAST_DAY });

describe('isValidIsoDate', () => {
  it.each([
    ['2024-02-29', true, 'a leap day in a leap year'],
    ['2000-02-29', true, 'a leap day in a year divisible by 400'],
    ['2025-12-31', true, 'the last day of a year'],
    ['2025-02-29', false, 'a leap day in a common year'],
    ['1900-02-29', false, 'a leap day in a century year not divisible by 400'],
    ['2025-04-31', false, 'the 31st of a 30-day month'],
    ['2025-13-01', false, 'month 13'],
    ['2025-00-10', false, 'month 0'],
    ['2025-01-00', false, 'day 0'],
    ['2025-1-01', false, 'a one-digit month'],
    ['25-01-01', false, 'a two-digit year'],
    ['2025-01-01T00:00', false, 'a date-time'],
    ['', false, 'an empty string'],
  ])('says %s is %s (%s)', (input, valid) => {
    expect(isValidIsoDate(input)).toBe(valid);
  });
});

describe('day numbers and weekdays', () => {
  it.each([
    ['1970-01-01', 0],
    ['1969-12-31', -1],
    ['2000-03-01', 11_017],
    ['2025-01-01', 20_089],
  ])('numbers %s as day %i since 1970-01-01', (date, n) => {
    expect(toDayNumber(date)).toBe(n);
    expect(fromDayNumber(n)).toBe(date);
  });

  it.each([
    ['1970-01-01', 4],
    ['2024-12-29', 7],
    ['2025-11-01', 6],
    ['2025-11-03', 1],
  ])('finds that %s is ISO weekday %i', (date, weekday) => {
    expect(isoWeekday(date)).toBe(weekday);
  });

  it('agrees with Date.UTC on every day of years 0001–9999', () => {
    fc.assert(
      fc.property(dayNumbers, (n) => {
        const utc = new Date(n * MS_PER_DAY);
        expect(fromDayNumber(n)).toBe(utc.toISOString().slice(0, 10));
        expect(toDayNumber(fromDayNumber(n))).toBe(n);
        expect(isoWeekday(fromDayNumber(n))).toBe(utc.getUTCDay() || 7);
      }),
    );
  });

  it('rejects a malformed date with invalid-input instead of computing nonsense', () => {
    expect(thrown(() => toDayNumber('2025-02-30')).code).toBe('invalid-input');
  });
});

describe('addDays, addMonths and yearOf', () => {
  it.each([
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2025-01-10', 0, '2025-01-10'],
  ])('moves %s by %i days to %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it.each([
    ['2025-08-31', 6, '2026-02-28', 'clamps to the end of a short February'],
    ['2024-01-31', 1, '2024-02-29', 'clamps to a leap day'],
    ['2025-03-31', -1, '2025-02-28', 'clamps going backwards'],
    ['2025-12-15', 1, '2026-01-15', 'crosses a year end'],
    ['2025-01-31', -13, '2023-12-31', 'goes back more than a year'],
    ['2025-05-02', 0, '2025-05-02', 'leaves the date alone for 0 months'],
  ])('adds months: %s + %i = %s (%s)', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });

  it('never changes the day of month except to clamp it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_900_000 }),
        fc.integer({ min: -600, max: 600 }),
        (n, k) => {
          const date = fromDayNumber(n);
          const result = addMonths(date, k);
          expect(Number(result.slice(8))).toBeLessThanOrEqual(Number(date.slice(8)));
          if (result.slice(8) !== date.slice(8)) expect(addDays(result, 1).slice(8)).toBe('01');
        },
      ),
    );
  });

  it('reads the year of a date', () => {
    expect(yearOf('2025-05-02')).toBe(2025);
  });
});
