import { describe, expect, it } from 'vitest';
import { getCalendar } from '../../../src/domain/calendar';

describe('isBusinessDay', () => {
  it.each([
    ['RU', '2025-01-01', false, 'a New Year holiday'],
    ['RU', '2025-01-07', false, 'Orthodox Christmas'],
    ['RU', '2025-01-08', false, 'the last day of the New Year holidays'],
    ['RU', '2025-01-09', true, 'the first working day after the New Year holidays'],
    ['RU', '2025-03-07', true, 'a Friday shortened before a holiday'],
    ['RU', '2025-05-02', false, 'a day off moved from 2025-01-04'],
    ['RU', '2025-05-08', false, 'a day off moved from 2025-02-23'],
    ['RU', '2025-11-01', true, 'a Saturday worked as a short day (t=2)'],
    ['RU', '2025-11-02', false, 'an ordinary Sunday'],
    ['RU', '2025-11-03', false, 'a Monday off, moved from 2025-11-01'],
    ['RU', '2025-11-04', false, 'National Unity Day'],
    ['RU', '2025-12-31', false, 'a day off moved from 2025-01-05'],
    ['RU', '2024-12-28', true, 'a Saturday worked as a full day (t=3)'],
    ['RU', '2024-04-27', true, 'a Saturday worked as a full day (t=3)'],
    ['RU', '2020-04-15', false, 'a pandemic non-working day with pay, as the data set reads it'],
    ['RU', '2021-11-01', false, 'a pandemic non-working day with pay, as the data set reads it'],
    ['BY', '2025-07-12', true, 'a Saturday worked as a full day (t=3)'],
    ['BY', '2025-07-04', false, 'a Friday off, moved from 2025-07-12'],
    ['KZ', '2022-03-05', true, 'a Saturday worked as a full day (t=3)'],
    ['KZ', '2022-03-07', false, 'a Monday off, moved from 2022-03-05'],
    ['UZ', '2025-03-21', false, 'Navruz'],
    ['UZ', '2025-03-24', true, 'an ordinary Monday'],
  ])('in %s treats %s as business day: %s (%s)', (country, date, expected) => {
    expect(getCalendar(country).isBusinessDay(date)).toBe(expected);
  });
});

describe('countBusinessDays', () => {
  it.each([
    [
      'RU',
      '2024-12-27',
      '2025-01-10',
      3,
      'crosses the year end: 12-28 (worked Saturday), 01-09, 01-10',
    ],
    ['RU', '2024-12-31', '2025-01-08', 0, 'spans only the New Year holidays'],
    ['RU', '2025-01-08', '2025-01-09', 1, 'counts upTo but not after'],
    ['RU', '2025-04-30', '2025-05-12', 4, 'skips the May holidays and their moved days off'],
    [
      'RU',
      '2025-10-31',
      '2025-11-05',
      2,
      'counts the short Saturday 11-01 and 11-05, not 11-03 or 11-04',
    ],
    ['RU', '2024-12-31', '2025-12-31', 247, 'counts the whole of 2025'],
    ['RU', '2025-06-01', '2025-06-01', 0, 'is zero for an empty span'],
    ['RU', '2025-06-10', '2025-06-01', 0, 'is zero when upTo is before after'],
    [
      'BY',
      '2025-07-01',
      '2025-07-14',
      8,
      'skips 07-03 and 07-04 and counts the worked Saturday 07-12',
    ],
  ])('in %s counts after %s up to %s as %i (%s)', (country, after, upTo, expected) => {
    expect(getCalendar(country).countBusinessDays(after, upTo)).toBe(expected);
  });

  it('counts ten years as the sum of the yearly working days', () => {
    const ru = getCalendar('RU');
    const years = Array.from({ length: 10 }, (_, i) => 2015 + i);
    const sum = years.reduce((total, year) => total + ru.summary(year).workingDays, 0);
    expect(ru.countBusinessDays('2014-12-31', '2024-12-31')).toBe(sum);
  });
});

describe('listBusinessDays', () => {
  it.each([
    ['2025-04-30', '2025-05-31', 3, ['2025-05-05', '2025-05-06', '2025-05-07']],
    ['2024-12-27', '2025-01-10', 10, ['2024-12-28', '2025-01-09', '2025-01-10']],
    ['2024-12-31', '2025-01-08', 5, []],
    ['2025-04-30', '2025-05-31', 0, []],
  ])('in RU lists business days after %s up to %s, at most %i', (after, upTo, limit, expected) => {
    expect(getCalendar('RU').listBusinessDays(after, upTo, limit)).toEqual(expected);
  });
});

describe('addBusinessDays', () => {
  it.each([
    ['RU', '2024-12-27', 1, '2024-12-28', 'lands on a worked Saturday'],
    ['RU', '2024-12-28', 1, '2025-01-09', 'jumps the whole New Year holiday block'],
    ['RU', '2024-12-28', 2, '2025-01-10', 'continues after the holiday block'],
    ['RU', '2025-01-01', 0, '2025-01-01', 'returns the start itself for n = 0, even on a holiday'],
    ['RU', '2025-04-30', 1, '2025-05-05', 'skips the May 1–4 days off'],
    ['RU', '2025-01-08', 247, '2025-12-30', 'reaches the last of the 247 business days of 2025'],
    ['RU', '2025-01-08', 248, '2026-01-12', 'crosses into 2026 past its holiday block'],
    ['RU', '2026-12-29', 1, '2026-12-30', 'reaches the last business day of the data'],
    ['KZ', '2022-03-04', 1, '2022-03-05', 'lands on a worked Saturday in Kazakhstan'],
  ])('in %s adds to %s %i business days giving %s (%s)', (country, from, n, expected) => {
    expect(getCalendar(country).addBusinessDays(from, n)).toBe(expected);
  });
});
