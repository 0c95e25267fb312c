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
import {
  CALENDAR_SOURCES,
  parseCalendarXml,
  PRELIMINARY_FILE,
  readPreliminary,
  renderCalendarModule,
} from '../../scripts/generate-calendars';
import { CALENDAR_COUNTRIES, getCalendar } from '../../src/domain/calendar';
import { addDays, isoWeekday } from '../../src/domain/calendar/dates';
import { countryYears } from '../../src/domain/calendar/table';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
// The source files live in the repository (src/domain/calendar/sources); CALENDARS_DIR may override.
const dataDir = path.resolve(process.env.CALENDARS_DIR ?? CALENDAR_SOURCES);
const generatedFile = path.join(repoRoot, 'src/domain/calendar/data.generated.ts');

/** Every COUNTRY/YEAR/calendar.xml of the data set, e.g. ['by', 2015]. */
const files = readdirSync(dataDir)
  .filter((c) => /^[a-z]{2}$/.test(c))
  .flatMap((c) => readdirSync(path.join(dataDir, c)).map((y): [string, number] => [c, Number(y)]));

/** A temporary source folder holding `years` of country xx, and the given manifest. */
function sourceFolder(years: number[], manifest?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'calendars-'));
  for (const year of years) {
    mkdirSync(path.join(dir, 'xx', String(year)), { recursive: true });
    const xml = `<calendar year="${year}" date="${year - 1}.09.01"><days></days></calendar>`;
    writeFileSync(path.join(dir, 'xx', String(year), 'calendar.xml'), xml);
  }
  if (manifest !== undefined) writeFileSync(path.join(dir, PRELIMINARY_FILE), manifest);
  return dir;
}

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

  it('reads the XML from the repository, not from a folder beside it', () => {
    expect(path.relative(repoRoot, CALENDAR_SOURCES)).toBe(
      path.join('src/domain/calendar/sources'),
    );
    expect(existsSync(path.join(CALENDAR_SOURCES, 'ru/2027/calendar.xml'))).toBe(true);
  });

  it('covers every country and year of the data set, and nothing else', () => {
    const inTable = CALENDAR_COUNTRIES.reduce((n, c) => n + countryYears(c).length, 0);
    expect(files.length).toBe(inTable);
    for (const [country, year] of files)
      expect(getCalendar(country).covers(`${year}-06-01`)).toBe(true);
  });

  it('flags exactly the files preliminary.json lists', () => {
    const listed = readPreliminary(dataDir);
    const flagged = CALENDAR_COUNTRIES.flatMap((c) =>
      countryYears(c)
        .filter((y) => y.preliminary)
        .map((y) => `${c.toLowerCase()}/${y.year}`),
    );
    expect(flagged.sort()).toEqual([...listed].sort());
  });

  it('marks a year listed in the manifest, and takes a new year in without code changes', () => {
    const dir = sourceFolder([2030, 2031], JSON.stringify({ 'xx/2031': 'holidays may follow' }));
    const module = renderCalendarModule(dir);
    expect(module).toContain('[2030, "2029-09-01", false, ""],');
    expect(module).toContain('[2031, "2030-09-01", true, ""],');
    expect(readPreliminary(sourceFolder([2030]))).toEqual(new Set());
  });

  it.each([
    ['an entry naming no file', JSON.stringify({ 'xx/2032': 'soon' }), 'xx/2032/calendar.xml'],
    ['an entry without a reason', JSON.stringify({ 'xx/2030': '' }), '"xx/2030"'],
    ['a malformed key', JSON.stringify({ 'XX-2030': 'why' }), '"XX-2030"'],
    ['a list instead of an object', JSON.stringify(['xx/2030']), 'expected an object'],
  ])('refuses a manifest with %s', (_, manifest, why) => {
    expect(() => renderCalendarModule(sourceFolder([2030], manifest))).toThrow(why);
  });

  it('keeps the source files exactly as published: prettier and eslint leave them alone', () => {
    expect(readFileSync(path.join(repoRoot, '.prettierignore'), 'utf8')).toContain(
      'src/domain/calendar/sources/**/*.xml',
    );
    expect(readFileSync(path.join(repoRoot, 'eslint.config.js'), 'utf8')).toContain(
      "'src/domain/calendar/sources'",
    );
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

  it.each(files)('unpacks %s/%i exactly as the XML reads: days, types, titles, moves', (c, y) => {
    const file = `${c}/${y}/calendar.xml`;
    const parsed = parseCalendarXml(readFileSync(path.join(dataDir, file), 'utf8'), file);
    const stored = countryYears(c.toUpperCase() as (typeof CALENDAR_COUNTRIES)[number]).find(
      (data) => data.year === y,
    );
    expect(stored?.published).toBe(parsed.published);
    expect(stored?.days).toEqual(
      parsed.days.map(({ d, t, h, f }) => ({
        d,
        t,
        ...(h === undefined ? {} : { holiday: parsed.holidays.get(h) }),
        ...(f === undefined ? {} : { f }),
      })),
    );
  });

  it('decodes XML entities in holiday titles and normalises dates', () => {
    const xml = `<calendar year="2030" lang="ru" date="2029.09.01"><holidays>
      <holiday id="1" title="&quot;New&quot; &amp; year" /></holidays><days>
      <day d="01.02" t="1" f="01.05"/><day d="01.01" t="1" h="1"/></days></calendar>`;
    expect(parseCalendarXml(xml, 'xx/2030/calendar.xml')).toEqual({
      year: 2030,
      published: '2029-09-01',
      preliminary: false,
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
    expect(() => renderCalendarModule(sourceFolder([2024, 2026]))).toThrow('2025 is missing');
  });

  it('refuses a missing data folder with a clear message', () => {
    expect(() => renderCalendarModule(path.join(tmpdir(), 'no-such-calendars'))).toThrow(
      'not found',
    );
  });
});
