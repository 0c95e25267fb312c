/**
 * Reads the packed data set (data.generated.ts, written by scripts/generate-calendars.ts): a
 * country's years on first use, each year's days on first read of them. The format is
 * described on `PackedYear` (types.ts); this is its only reader.
 */
import { PACKED_CALENDARS } from './data.generated';
import {
  HOLIDAY_LETTERS,
  type CalendarCountry,
  type DataDay,
  type DataDayType,
  type DataYear,
  type PackedCountry,
} from './types';

/** One listed day: MMDD, the type, the holiday's letter (optional), `<MMDD` moved from (optional). */
const DAY = /(\d\d)(\d\d)([123])([a-zA-Z]?)(?:<(\d\d)(\d\d))?/y;

/**
 * The listed days of one packed year, in the order written (ascending). Throws on anything
 * else: the generator and this reader must agree byte for byte.
 * @example unpackDays('01011a05021<0104', ['Новогодние каникулы']) // [{ d: '01-01', t: 1, holiday: 'Новогодние каникулы' }, { d: '05-02', t: 1, f: '01-04' }]
 */
export function unpackDays(packed: string, holidays: readonly string[]): DataDay[] {
  const days: DataDay[] = [];
  DAY.lastIndex = 0;
  while (DAY.lastIndex < packed.length) {
    const at = DAY.lastIndex;
    const [, month, day, type, letter, fromMonth, fromDay] = DAY.exec(packed) ?? [];
    const holiday = letter ? holidays[HOLIDAY_LETTERS.indexOf(letter)] : undefined;
    if (!month || (letter && holiday === undefined))
      throw new Error(`packed calendar days unreadable at ${at}: ${packed.slice(at, at + 12)}`);
    days.push({
      d: `${month}-${day}`,
      t: Number(type) as DataDayType,
      ...(holiday === undefined ? {} : { holiday }),
      ...(fromMonth ? { f: `${fromMonth}-${fromDay}` } : {}),
    });
  }
  return days;
}

/** A country's years; each year's `days` unpacked on first read and kept. */
function unpackCountry({ holidays, years }: PackedCountry): DataYear[] {
  return years.map(([year, published, preliminary, packed]) => {
    let days: readonly DataDay[] | undefined;
    return {
      year,
      published,
      preliminary,
      get days() {
        return (days ??= unpackDays(packed, holidays));
      },
    };
  });
}

const unpacked = new Map<CalendarCountry, readonly DataYear[]>();

/**
 * The years of a country's data, ascending (the generator guarantees they are contiguous).
 * @example countryYears('UZ')[0]?.year // 2019
 */
export function countryYears(country: CalendarCountry): readonly DataYear[] {
  let years = unpacked.get(country);
  if (!years) {
    years = unpackCountry(PACKED_CALENDARS[country]);
    unpacked.set(country, years);
  }
  return years;
}
