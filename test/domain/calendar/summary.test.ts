import { describe, expect, it } from 'vitest';
import { CALENDAR_COUNTRIES, getCalendar } from '../../../src/domain/calendar';
import { countryYears } from '../../../src/domain/calendar/table';

const PANDEMIC = 'pandemic non-working days with pay are counted as days off (data set reading)';

describe('summary', () => {
  it.each([
    ['RU', 2025, 247],
    ['RU', 2024, 248],
    ['RU', 2020, 219],
    ['RU', 2021, 240],
    ['RU', 2013, 247],
    ['BY', 2025, 253],
    ['KZ', 2025, 253],
    ['UZ', 2025, 255],
  ])('gives %s %i exactly %i working days', (country, year, workingDays) => {
    expect(getCalendar(country).summary(year).workingDays).toBe(workingDays);
  });

  it.each([
    ['2025-01-04', { kind: 'holiday', holiday: 'Новогодние каникулы' }],
    ['2025-01-07', { kind: 'holiday', holiday: 'Рождество Христово' }],
    ['2025-01-11', { kind: 'weekend' }],
    ['2025-05-02', { kind: 'moved', movedFrom: '2025-01-04' }],
    ['2025-05-08', { kind: 'moved', movedFrom: '2025-02-23' }],
    ['2025-11-03', { kind: 'moved', movedFrom: '2025-11-01' }],
  ])('names why RU %s is a day off', (date, why) => {
    const off = getCalendar('RU')
      .summary(2025)
      .daysOff.find((d) => d.date === date);
    expect(off).toEqual({ date, ...why });
  });

  it('lists every RU 2025 day off, weekends included, in ascending order', () => {
    const { daysOff } = getCalendar('RU').summary(2025);
    const dates = daysOff.map((d) => d.date);
    expect(dates).toHaveLength(365 - 247);
    expect(dates).toEqual([...dates].sort());
    expect(dates).not.toContain('2025-11-01');
  });

  it('lists the RU 2025 short days and its one worked Saturday', () => {
    const summary = getCalendar('RU').summary(2025);
    expect(summary.shortDays).toEqual(['2025-03-07', '2025-04-30', '2025-06-11', '2025-11-01']);
    expect(summary.workingWeekendDays).toEqual(['2025-11-01']);
  });

  it('counts a moved day off with no source date as moved, and a bare t=1 weekend as a weekend', () => {
    const offs = getCalendar('RU').summary(2020).daysOff;
    expect(offs.find((d) => d.date === '2020-05-04')).toEqual({
      date: '2020-05-04',
      kind: 'moved',
    });
    expect(offs.find((d) => d.date === '2020-05-02')).toEqual({
      date: '2020-05-02',
      kind: 'weekend',
    });
  });

  it.each(CALENDAR_COUNTRIES)('agrees with countBusinessDays for every year of %s', (country) => {
    const calendar = getCalendar(country);
    for (let year = calendar.firstYear + 1; year <= calendar.lastYear; year++) {
      const counted = calendar.countBusinessDays(`${year - 1}-12-31`, `${year}-12-31`);
      expect(calendar.summary(year).workingDays, `${country} ${year}`).toBe(counted);
    }
  });
});

describe('source', () => {
  it('cites the file and its publication date', () => {
    expect(getCalendar('RU').source(2025)).toEqual({
      dataset: 'xmlcalendar',
      file: 'ru/2025/calendar.xml',
      published: '2024-12-01',
      preliminary: false,
    });
    expect(getCalendar('kz').summary(2022).source.file).toBe('kz/2022/calendar.xml');
  });

  it.each([
    [2020, 248],
    [2021, 247],
  ])('warns that RU %i reads the pandemic days as days off (officially %i)', (year, official) => {
    expect(getCalendar('RU').source(year).note).toBe(
      `${PANDEMIC}; official calendar counts ${official} working days`,
    );
  });

  it.each(CALENDAR_COUNTRIES)('carries each %s year’s preliminary flag from the table', (c) => {
    const calendar = getCalendar(c);
    for (const data of countryYears(c)) {
      expect(calendar.source(data.year).preliminary, `${c} ${data.year}`).toBe(data.preliminary);
      expect(calendar.summary(data.year).source.preliminary).toBe(data.preliminary);
    }
  });

  it('takes in the 2027 files: RU 2027 counts 247 working days, published 2026-09-02', () => {
    expect(getCalendar('RU').summary(2027)).toMatchObject({
      workingDays: 247,
      source: { file: 'ru/2027/calendar.xml', published: '2026-09-02' },
    });
  });

  it('adds no note to an ordinary year', () => {
    expect(getCalendar('RU').source(2022)).not.toHaveProperty('note');
  });
});
