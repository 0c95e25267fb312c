import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCalendarXml, renderCalendarModule } from '../../scripts/generate-calendars';
import { getCalendar } from '../../src/domain/calendar';
import { addDays, isoWeekday } from '../../src/domain/calendar/dates';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
// test/scripts -> repo root (/work/main) -> its sibling /work/shared
const dataDir = path.resolve(
  process.env.CALENDARS_DIR ?? path.resolve(here, '../../../shared/data/calendars'),
);
if (!existsSync(dataDir)) {
  throw new Error(
    `calendar data not found at ${dataDir}: check out shared/ next to the repo or set CALENDARS_DIR`,
  );
}
const generatedFile = path.join(repoRoot, 'src/domain/calendar/data.generated.ts');

/** Every COUNTRY/YEAR/calendar.xml of the data set, e.g. ['by', 2015]. */
const files = readdirSync(dataDir)
  .filter((c) => /^[a-z]{2}$/.test(c))
  .flatMap((c) => readdirSync(path.join(dataDir, c)).map((y): [string, number] => [c, Number(y)]));

/** An independent reading of one file: the `t` of each listed day, by ISO date. */
function listedDayTypes(country: string, year: number): Map<string, string> {
  const xml = readFileSync(path.join(dataDir, country, String(year), 'calendar.xml'), 'utf8');
  const days = [...xml.matchAll(/<day d="(\d\d)\.(\d\d)" t="(\d)"/g)];
  // If the attribute order ever changed, this reading would skip days: refuse instead.
  expect(days.length, `${country}/${year}: unreadable <day>`).toBe(xml.match(/<day\b/g)?.length);
  return new Map(days.map(([, m, d, t]) => [`${year}-${m}-${d}`, t ?? '']));
}

describe('generate-calendars', () => {
  it('regenerates exactly the committed data.generated.ts from the XML files', () => {
    const committed = readFileSync(generatedFile, 'utf8');
    expect(renderCalendarModule(dataDir) === committed, 'stale: run npm run calendars').toBe(true);
  });

  it('covers every country and year of the data set', () => {
    expect(files.length).toBe(46);
    for (const [country, year] of files)
      expect(getCalendar(country).covers(`${year}-06-01`)).toBe(true);
  });

  it.each(files)('agrees with %s/%i/calendar.xml on every day of the year', (country, year) => {
    const listed = listedDayTypes(country, year);
    const calendar = getCalendar(country);
    expect(listed.size).toBeGreaterThan(0);
    for (let date = `${year}-01-01`; date <= `${year}-12-31`; date = addDays(date, 1)) {
      const t = listed.get(date);
      const expected = t === undefined ? isoWeekday(date) <= 5 : t !== '1';
      expect(calendar.isBusinessDay(date), `${country} ${date} t=${t ?? '-'}`).toBe(expected);
    }
  });

  it('decodes XML entities in holiday titles and normalises dates', () => {
    const xml = `<calendar year="2030" lang="ru" date="2029.09.01"><holidays>
      <holiday id="1" title="&quot;New&quot; &amp; year" /></holidays><days>
      <day d="01.02" t="1" f="01.05"/><day d="01.01" t="1" h="1"/></days></calendar>`;
    expect(parseCalendarXml(xml, 'xx/2030/calendar.xml')).toEqual({
      year: 2030,
      published: '2029-09-01',
      holidays: new Map([[1, '"New" & year']]),
      days: [
        { d: '01-01', t: 1, h: 1 },
        { d: '01-02', t: 1, f: '01-05' },
      ],
    });
  });

  it.each([
    ['an unknown day type', '<day d="01.01" t="4"/>', 't="4"'],
    ['a date that does not exist', '<day d="02.29" t="1"/>', '02.29'],
    ['a holiday id that is not listed', '<day d="01.01" t="1" h="9"/>', 'h="9"'],
    ['a day listed twice', '<day d="01.01" t="1"/><day d="01.01" t="2"/>', 'twice'],
  ])('refuses %s, naming the file', (_, days, why) => {
    const xml = `<calendar year="2025" date="2024.12.01"><days>${days}</days></calendar>`;
    expect(() => parseCalendarXml(xml, 'xx/2025/calendar.xml')).toThrow(`xx/2025/calendar.xml`);
    expect(() => parseCalendarXml(xml, 'xx/2025/calendar.xml')).toThrow(why);
  });

  it('refuses a gap between years, which would silently read as weekends only', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'calendars-'));
    for (const year of [2024, 2026]) {
      mkdirSync(path.join(dir, 'xx', String(year)), { recursive: true });
      const xml = `<calendar year="${year}" date="2023.01.01"><days></days></calendar>`;
      writeFileSync(path.join(dir, 'xx', String(year), 'calendar.xml'), xml);
    }
    expect(() => renderCalendarModule(dir)).toThrow('2025 is missing');
  });

  it('refuses a missing data folder with a clear message', () => {
    expect(() => renderCalendarModule(path.join(tmpdir(), 'no-such-calendars'))).toThrow(
      'not found',
    );
  });
});
