import { describe, expect, it } from 'vitest';
import {
  CALENDAR_COUNTRIES,
  calendarCoverage,
  coverageWarnings,
  COVERAGE_WARNING_DAYS,
  getCalendar,
} from '../../../src/domain/calendar';
import { addDays } from '../../../src/domain/calendar/dates';
import { countryYears } from '../../../src/domain/calendar/table';

describe('calendarCoverage', () => {
  it('lists every country with its contiguous years, as the calendars see them', () => {
    const coverage = calendarCoverage();
    expect(coverage.map((c) => c.country)).toEqual([...CALENDAR_COUNTRIES]);
    for (const { country, firstYear, lastYear, years } of coverage) {
      const calendar = getCalendar(country);
      expect([firstYear, lastYear]).toEqual([calendar.firstYear, calendar.lastYear]);
      expect(years.map((y) => y.year)).toEqual(
        Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i),
      );
      expect(years).toEqual(
        countryYears(country).map(({ year, published, preliminary }) => ({
          year,
          published,
          preliminary,
        })),
      );
    }
  });

  it('gives fresh arrays on each call', () => {
    const first = calendarCoverage();
    first[0]?.years.pop();
    expect(calendarCoverage()[0]?.years.length).toBe(countryYears('RU').length);
  });
});

describe('coverageWarnings', () => {
  const coverage = [
    { country: 'RU' as const, lastYear: 2030 },
    { country: 'UZ' as const, lastYear: 2029 },
  ];

  it.each([
    ['61 days before the end', '2029-10-31', []],
    ['60 days before the end', '2029-11-01', [['UZ', 60]]],
    ['on the last covered day', '2029-12-31', [['UZ', 0]]],
    ['after the end', '2030-01-05', [['UZ', -5]]],
    ['the day before the end', '2029-12-30', [['UZ', 1]]],
    [
      'inside the window of both',
      '2030-12-01',
      [
        ['RU', 30],
        ['UZ', -335],
      ],
    ],
    ['long before', '2029-01-01', []],
  ])('%s (%s)', (_, today, expected) => {
    const warnings = coverageWarnings(today, coverage);
    expect(warnings.map((w) => [w.country, w.daysLeft])).toEqual(expected);
  });

  it('names the country, the last covered day and the year to take in', () => {
    expect(coverageWarnings('2029-12-01', coverage)).toEqual([
      {
        code: 'calendar-coverage-ending',
        country: 'UZ',
        lastYear: 2029,
        coveredUntil: '2029-12-31',
        daysLeft: 30,
        message:
          'the UZ business calendar ends on 2029-12-31 (in 30 days): take in the 2030 calendar, or calculations touching 2030 will be refused',
      },
    ]);
    expect(coverageWarnings('2030-01-02', coverage)[0]?.message).toBe(
      'the UZ business calendar ended on 2029-12-31: calculations touching 2030 are refused until its calendar is taken in',
    );
  });

  it('warns for the real table exactly inside the window before its last day', () => {
    const real = calendarCoverage();
    const end = `${Math.min(...real.map((c) => c.lastYear))}-12-31`;
    const ending = real.filter((c) => `${c.lastYear}-12-31` === end).map((c) => c.country);
    expect(coverageWarnings(addDays(end, -COVERAGE_WARNING_DAYS - 1), real)).toEqual([]);
    const inside = coverageWarnings(addDays(end, -COVERAGE_WARNING_DAYS), real);
    expect(inside.map((w) => w.country)).toEqual(ending);
  });

  it('says "1 day", not "1 days"', () => {
    expect(coverageWarnings('2029-12-30', coverage)[0]?.message).toContain('(in 1 day)');
  });

  it('takes another window', () => {
    expect(coverageWarnings('2029-12-01', coverage, 10)).toEqual([]);
  });
});
