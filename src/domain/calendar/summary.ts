/**
 * Per-year facts a result can cite: where the year's data comes from, and its days off.
 */
import type { CalendarCountry, CalendarSource, CalendarYearSummary, DataYear } from './types';
import { describeYear } from './year-days';

const PANDEMIC_NOTE =
  'pandemic non-working days with pay are counted as days off (data set reading); official calendar counts';

/**
 * Where the data set and the official calendar differ, and we chose the data set: say so
 * in every result that relies on it (sources/README.md, "Caveats").
 */
const SOURCE_NOTES: Readonly<Partial<Record<CalendarCountry, Readonly<Record<number, string>>>>> = {
  RU: {
    2020: `${PANDEMIC_NOTE} 248 working days`,
    2021: `${PANDEMIC_NOTE} 247 working days`,
  },
};

/**
 * The source of one year's data.
 * @example sourceOf('RU', data2025) // { dataset: 'xmlcalendar', file: 'ru/2025/calendar.xml', published: '2024-12-01', preliminary: false }
 */
export function sourceOf(country: CalendarCountry, data: DataYear): CalendarSource {
  const note = SOURCE_NOTES[country]?.[data.year];
  return {
    dataset: 'xmlcalendar',
    file: `${country.toLowerCase()}/${data.year}/calendar.xml`,
    published: data.published,
    preliminary: data.preliminary,
    ...(note === undefined ? {} : { note }),
  };
}

/**
 * A year at a glance, built fresh on each call so callers may keep or change the arrays.
 * @example summarize('RU', data2025).workingDays // 247
 */
export function summarize(country: CalendarCountry, data: DataYear): CalendarYearSummary {
  const days = describeYear(data);
  return {
    country,
    year: data.year,
    workingDays: days.filter((d) => d.business).length,
    daysOff: days.flatMap((d) => (d.off ? [{ ...d.off }] : [])),
    shortDays: days.filter((d) => d.short).map((d) => d.date),
    workingWeekendDays: days.filter((d) => d.business && d.weekend).map((d) => d.date),
    source: sourceOf(country, data),
  };
}
