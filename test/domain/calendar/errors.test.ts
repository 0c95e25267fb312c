import { describe, expect, it } from 'vitest';
import { getCalendar, type BusinessCalendar } from '../../../src/domain/calendar';
import { thrown } from './thrown';

const ru = getCalendar('RU');

describe('years without data', () => {
  it.each<[string, (c: BusinessCalendar) => unknown, number]>([
    ['isBusinessDay on 2012-12-31', (c) => c.isBusinessDay('2012-12-31'), 2012],
    ['isBusinessDay on 2027-01-01', (c) => c.isBusinessDay('2027-01-01'), 2027],
    ['a count spanning into 2027', (c) => c.countBusinessDays('2026-12-20', '2027-01-10'), 2027],
    ['a count starting in 2012', (c) => c.countBusinessDays('2012-12-31', '2013-01-10'), 2012],
    ['an empty count in 2027', (c) => c.countBusinessDays('2027-02-01', '2027-01-01'), 2027],
    ['a list reaching into 2027', (c) => c.listBusinessDays('2026-12-01', '2027-01-31', 1), 2027],
    ['adding days from 2012', (c) => c.addBusinessDays('2012-12-28', 0), 2012],
    ['adding days past the end of 2026', (c) => c.addBusinessDays('2026-12-30', 1), 2027],
    ['the summary of 2012', (c) => c.summary(2012), 2012],
    ['the source of 2027', (c) => c.source(2027), 2027],
  ])('rejects %s with calendar-year-unknown naming the year, country and range', (_, run, year) => {
    const error = thrown(() => run(ru));
    expect(error.code).toBe('calendar-year-unknown');
    expect(error.message).toContain(String(year));
    expect(error.message).toContain('RU');
    expect(error.message).toContain('2013–2026');
  });

  it.each([
    ['2012-12-31', false],
    ['2013-01-01', true],
    ['2026-12-31', true],
    ['2027-01-01', false],
  ])('says whether RU covers %s (%s) without throwing', (date, covered) => {
    expect(ru.covers(date)).toBe(covered);
  });

  it('reports the range each country has', () => {
    const ranges = ['RU', 'BY', 'KZ', 'UZ'].map((c) => {
      const { firstYear, lastYear } = getCalendar(c);
      return [c, firstYear, lastYear];
    });
    expect(ranges).toEqual([
      ['RU', 2013, 2026],
      ['BY', 2015, 2026],
      ['KZ', 2015, 2026],
      ['UZ', 2019, 2026],
    ]);
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
