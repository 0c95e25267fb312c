/**
 * Which years each country's calendar covers, and a warning when the coverage is about to
 * run out: from 1 January of the first year without data, every calculation that touches it
 * is refused (`calendar-year-unknown`). Read from the generated table only; nothing is built.
 */
import { toDayNumber, type IsoDate } from './dates';
import { countryYears } from './table';
import { CALENDAR_COUNTRIES, type CalendarCountry } from './types';

/** Warn this many days (or fewer) before a country's last covered day. */
export const COVERAGE_WARNING_DAYS = 60;

/**
 * One covered year: when its file was published, and whether the file can still change.
 * @example { year: 2027, published: '2026-09-02', preliminary: true }
 */
export interface CoveredYear {
  year: number;
  published: IsoDate;
  preliminary: boolean;
}

/**
 * A country's coverage, years ascending and contiguous.
 * @example calendarCoverage()[0] // { country: 'RU', firstYear: 2013, lastYear: 2027, years: [...] }
 */
export interface CountryCoverage {
  country: CalendarCountry;
  firstYear: number;
  lastYear: number;
  years: CoveredYear[];
}

/**
 * A country whose calendar ends within the warning window (or has ended).
 * @example { code: 'calendar-coverage-ending', country: 'KZ', lastYear: 2027, coveredUntil: '2027-12-31', daysLeft: 30, message: '…' }
 */
export interface CoverageWarning {
  code: 'calendar-coverage-ending';
  country: CalendarCountry;
  lastYear: number;
  coveredUntil: IsoDate;
  /** Days from today to the last covered day; negative once it has passed. */
  daysLeft: number;
  message: string;
}

/**
 * Every country's covered years, built fresh on each call (callers may keep the arrays).
 * @example calendarCoverage().find((c) => c.country === 'UZ')?.years.at(-1)?.preliminary // true
 */
export function calendarCoverage(): CountryCoverage[] {
  return CALENDAR_COUNTRIES.map((country) => {
    const years = countryYears(country).map(({ year, published, preliminary }) => ({
      year,
      published,
      preliminary,
    }));
    return {
      country,
      firstYear: years[0]?.year ?? 0,
      lastYear: years[years.length - 1]?.year ?? -1,
      years,
    };
  });
}

function warningFor(today: IsoDate, country: CalendarCountry, lastYear: number) {
  const coveredUntil = `${lastYear}-12-31`;
  const daysLeft = toDayNumber(coveredUntil) - toDayNumber(today);
  const next = lastYear + 1;
  const message =
    daysLeft >= 0
      ? `the ${country} business calendar ends on ${coveredUntil} (in ${daysLeft} ${daysLeft === 1 ? 'day' : 'days'}): take in the ${next} calendar, or calculations touching ${next} will be refused`
      : `the ${country} business calendar ended on ${coveredUntil}: calculations touching ${next} are refused until its calendar is taken in`;
  return {
    code: 'calendar-coverage-ending' as const,
    country,
    lastYear,
    coveredUntil,
    daysLeft,
    message,
  };
}

/**
 * The countries whose last covered day is at most `windowDays` after `today`, or before it.
 * Pure: `today` comes from the caller's clock.
 * @example coverageWarnings('2027-11-15', calendarCoverage()).length // 4, each ending 2027-12-31
 * @example coverageWarnings('2027-06-01', calendarCoverage()) // []
 */
export function coverageWarnings(
  today: IsoDate,
  coverage: readonly Pick<CountryCoverage, 'country' | 'lastYear'>[],
  windowDays: number = COVERAGE_WARNING_DAYS,
): CoverageWarning[] {
  return coverage
    .map(({ country, lastYear }) => warningFor(today, country, lastYear))
    .filter((warning) => warning.daysLeft <= windowDays);
}
