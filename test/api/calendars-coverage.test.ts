import { describe, expect, it } from 'vitest';
import { calculatorApp } from '../../scripts/bench/calculators';
import { calendarCoverage, CALENDAR_COUNTRIES } from '../../src/domain/calendar';
import { call, rub } from './helpers';

const coverage = calendarCoverage();
const preliminary = coverage.flatMap(({ country, years }) =>
  years.filter((y) => y.preliminary).map((y) => ({ country, ...y })),
);

describe('GET /v1/calendars', () => {
  it('lists every country with each year’s published date and preliminary flag', async () => {
    const a = await call('GET', '/v1/calendars');
    expect(a.status, a.text).toBe(200);
    expect(a.headers.get('cache-control')).toBe('public, max-age=3600');
    const items = a.body.items as typeof coverage;
    expect(items.map((c) => c.country)).toEqual([...CALENDAR_COUNTRIES]);
    expect(items).toEqual(coverage);
    for (const { years, lastYear } of items) {
      expect(years.at(-1)?.year).toBe(lastYear);
      expect(lastYear).toBeGreaterThanOrEqual(2027);
    }
  });

  it('flags a preliminary year the same way as the year endpoint does', async () => {
    expect(preliminary.length).toBeGreaterThan(0);
    for (const { country, year, published } of preliminary) {
      const a = await call('GET', `/v1/calendars/${country}/${year}`);
      expect(a.status, a.text).toBe(200);
      expect(a.body.source).toMatchObject({ published, preliminary: true });
    }
    const final = coverage[0]?.years[0];
    const b = await call('GET', `/v1/calendars/${coverage[0]?.country}/${final?.year}`);
    expect(b.body.source).toMatchObject({ preliminary: false });
  });

  it('refuses the year after the last covered one', async () => {
    for (const { country, lastYear } of coverage) {
      const a = await call('GET', `/v1/calendars/${country}/${lastYear + 1}`);
      expect(a.status, a.text).toBe(422);
      expect(a.body.type).toBe('/problems/calendar-year-unknown');
    }
  });
});

describe('a late result in a preliminary year', () => {
  it('says so in its lines, with the file’s published date', async () => {
    const { country, year, published } = preliminary[0] ?? { country: '', year: 0, published: '' };
    const a = await call('POST', '/v1/compensation/late', {
      deliveryCost: rub('500.00'),
      calendar: country,
      promisedDate: `${year}-06-10`,
      deliveredDate: `${year}-06-20`,
    });
    expect(a.status, a.text).toBe(200);
    const lines = a.body.lines as { key: string; params: unknown; text: string }[];
    expect(lines).toContainEqual({
      key: 'calendar.preliminary',
      params: { country, year, published },
      text: `The ${country} calendar for ${year} (published ${published}) is preliminary: days off may still be decreed, so this count can change.`,
    });
  });
});

describe('GET /health', () => {
  const health = (today: string) =>
    calculatorApp(() => new Date(`${today}T12:00:00Z`)).request('/health');
  const lastDay = `${Math.min(...coverage.map((c) => c.lastYear))}-12-31`;
  const endingFirst = coverage.filter((c) => `${c.lastYear}-12-31` === lastDay);

  it('reports the last covered year per country, and no warning far from the end', async () => {
    const a = await call('GET', '/health');
    expect(a.status, a.text).toBe(200);
    expect(a.body).toEqual({
      status: 'ok',
      service: 'parcel-claims-api',
      version: expect.any(String),
      calendars: coverage.map(({ country, lastYear }) => ({ country, lastYear })),
      warnings: [],
    });
  });

  it('warns, by the app’s clock, when a country’s calendar ends within 60 days', async () => {
    const year = Number(lastDay.slice(0, 4));
    const inside = (await (await health(`${year}-11-01`)).json()) as Record<string, unknown>;
    expect(inside.status).toBe('ok');
    expect(inside.warnings).toEqual(
      endingFirst.map(({ country, lastYear }) =>
        expect.objectContaining({
          code: 'calendar-coverage-ending',
          country,
          lastYear,
          coveredUntil: lastDay,
          daysLeft: 60,
        }),
      ),
    );
    const outside = (await (await health(`${year}-10-31`)).json()) as Record<string, unknown>;
    expect(outside.warnings).toEqual([]);
  });
});
