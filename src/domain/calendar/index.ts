/**
 * Business-day calendars (RU, BY, KZ, UZ) from the xmlcalendar data set. Delivery terms and
 * delays are counted in business days (domain-rules.md §2), so every late-delivery figure
 * goes through here. A year the data set lacks is an error, never a weekends-only guess.
 */
import { DomainError } from '../errors';
import { createBusinessCalendar } from './business-calendar';
import { CALENDAR_COUNTRIES, type BusinessCalendar, type CalendarCountry } from './types';

export { CALENDAR_COUNTRIES } from './types';
export {
  calendarCoverage,
  coverageWarnings,
  COVERAGE_WARNING_DAYS,
  type CountryCoverage,
  type CoverageWarning,
  type CoveredYear,
} from './coverage';
export type {
  BusinessCalendar,
  CalendarCountry,
  CalendarSource,
  CalendarYearSummary,
  DayOff,
} from './types';
export type { IsoDate } from './dates';

/**
 * The calendar a late delivery is counted in when it names none: the claims
 * desk's (Russia's), for the calculators and claims alike.
 */
export const DEFAULT_CALENDAR: CalendarCountry = 'RU';

const calendars = new Map<CalendarCountry, BusinessCalendar>();

function isCalendarCountry(code: string): code is CalendarCountry {
  return (CALENDAR_COUNTRIES as readonly string[]).includes(code);
}

/**
 * The business calendar of a country, by ISO 3166 alpha-2 code in any case.
 * Throws `calendar-unknown` for a country without data.
 * @example
 * getCalendar('ru').countBusinessDays('2024-12-27', '2025-01-10'); // 3
 * getCalendar('RU').addBusinessDays('2024-12-28', 1); // '2025-01-09'
 */
export function getCalendar(country: string): BusinessCalendar {
  const code = country.toUpperCase();
  if (!isCalendarCountry(code)) {
    throw new DomainError(
      'calendar-unknown',
      `no business calendar for country "${country}"; known: ${CALENDAR_COUNTRIES.join(', ')}`,
    );
  }
  let calendar = calendars.get(code);
  if (!calendar) {
    calendar = createBusinessCalendar(code);
    calendars.set(code, calendar);
  }
  return calendar;
}
