import { describe, expect, it } from 'vitest';
import {
  CALENDAR_COUNTRIES,
  getCalendar,
  type BusinessCalendar,
} from '../../../src/domain/calendar';
import { countryYears } from '../../../src/domain/calendar/table';
import { thrown } from './thrown';

const ru = getCalendar('RU');
// Computed from the table, so taking in a new year changes no test.
const last = ru.lastYear;
const next = last + 1;
const range = `${ru.firstYear}–${last}`;

describe('years without data', () => {
  it.each<[string, (c: BusinessCalendar) => unknown, number]>([
    ['isBusinessDay on 2012-12-31', (c) => c.isBusinessDay('2012-12-31'), 2012],
    [
      'isBusinessDay on January 1 after the last year',
      (c) => c.isBusinessDay(`${next}-01-01`),
      next,
    ],
    [
      'a count spanning into the year after the last',
      (c) => c.countBusinessDays(`${last}-12-20`, `${next}-01-10`),
      next,
    ],
    ['a count starting in 2012', (c) => c.countBusinessDays('2012-12-31', '2013-01-10'), 2012],
    [
      'an empty count after the last year',
      (c) => c.countBusinessDays(`${next}-02-01`, `${next}-01-01`),
      next,
    ],
    [
      'a list reaching past the last year',
      (c) => c.listBusinessDays(`${last}-12-01`, `${next}-01-31`, 1),
      next,
    ],
    ['adding days from 2012', (c) => c.addBusinessDays('2012-12-28', 0), 2012],
    [
      'adding days past the end of the last year',
      (c) => c.addBusinessDays(`${last}-12-30`, 1),
      next,
    ],
    ['the summary of 2012', (c) => c.summary(2012), 2012],
    ['the source of the year after the last', (c) => c.source(next), next],
  ])('rejects %s with calendar-year-unknown naming the year, country and range', (_, run, year) => {
    const error = thrown(() => run(ru));
    expect(error.code).toBe('calendar-year-unknown');
    expect(error.message).toContain(String(year));
    expect(error.message).toContain('RU');
    expect(error.message).toContain(range);
  });

  it.each([
    ['2012-12-31', false],
    ['2013-01-01', true],
    [`${last}-12-31`, true],
    [`${next}-01-01`, false],
  ])('says whether RU covers %s (%s) without throwing', (date, covered) => {
    expect(ru.covers(date)).toBe(covered);
  });

  it('reports the range each country has in the table, through 2027 at least', () => {
    const ranges = CALENDAR_COUNTRIES.map((c) => {
      const { firstYear, lastYear } = getCalendar(c);
      return [c, firstYear, lastYear];
    });
    expect(ranges).toEqual(
      CALENDAR_COUNTRIES.map((c) => [c, countryYears(c)[0]?.year, countryYears(c).at(-1)?.year]),
    );
    expect(ranges.map(([, first]) => first)).toEqual([2013, 2015, 2015, 2019]);
    for (const [, , lastYear] of ranges) expect(lastYear).toBeGreaterThanOrEqual(2027);
  });
});

describe('unknown countries and bad input', () => {
  it('rejects an unknown country with calendar-unknown', () => {
    const error = thrown(() => getCalendar('XX'));
    expect(error.code).toBe('calendar-unknown');
    expect(error.message).toContain('XX');
  });

  it('accepts a country code in any case', () => {
    expect(getCalendar('ru').country).toBe('RU');
    expect(getCalendar('Kz')).toBe(getCalendar('KZ'));
  });

  it.each<[string, (c: BusinessCalendar) => unknown]>([
    ['a malformed date', (c) => c.isBusinessDay('2025-02-30')],
    ['a malformed date in covers', (c) => c.covers('2025/01/01')],
    ['a negative n', (c) => c.addBusinessDays('2025-01-09', -1)],
    ['a fractional n', (c) => c.addBusinessDays('2025-01-09', 1.5)],
    ['a negative limit', (c) => c.listBusinessDays('2025-01-09', '2025-02-01', -1)],
    ['a fractional year', (c) => c.summary(2025.5)],
  ])('rejects %s with invalid-input', (_, run) => {
    expect(thrown(() => run(ru)).code).toBe('invalid-input');
  });
});
