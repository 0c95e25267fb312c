import { describe, expect, it } from 'vitest';
import { computeLate, type LateInput } from '../../../src/domain/compensation';
import { DomainError } from '../../../src/domain/errors';
import { resolvePolicy } from '../../../src/domain/policies';
import { fakeCalendar } from './fake-calendar';

const cdek = { policy: resolvePolicy('cdek'), calendar: fakeCalendar };
const rub = (amount: string) => ({ amount, currency: 'RUB' as const });
const fee500 = { deliveryCost: rub('500.00') };

describe('computeLate under cdek (3 % per business day, capped at the delivery cost)', () => {
  it.each([
    [
      'pays 3 % per business day: 2 days of 500.00 is 30.00',
      '2025-03-11',
      '2025-03-13',
      2,
      '30.00',
    ],
    ['does not count the weekend', '2025-03-14', '2025-03-17', 1, '15.00'],
    ['does not count a public holiday', '2025-06-11', '2025-06-13', 1, '15.00'],
    ['owes nothing when delivered before the promised date', '2025-03-11', '2025-03-10', 0, '0.00'],
    ['owes nothing when delivered on the promised date', '2025-03-11', '2025-03-11', 0, '0.00'],
    [
      'owes nothing for a delay that falls on a weekend only',
      '2025-03-14',
      '2025-03-16',
      0,
      '0.00',
    ],
  ])('%s', (_name, promisedDate, deliveredDate, days, amount) => {
    const result = computeLate({ ...fee500, promisedDate, deliveredDate }, cdek);
    expect(result.businessDaysLate).toBe(days);
    expect(result.daysLate).toBe(days);
    expect(result.amount).toEqual(rub(amount));
    expect(result.delivered).toBe(true);
  });

  it.each([
    ['caps the penalty at the delivery cost after 34 business days', 34, '510.00', '500.00', true],
    ['stays under the cap at 33 business days', 33, '495.00', '495.00', false],
  ])('%s', (_name, days, uncapped, amount, capped) => {
    const deliveredDate = fakeCalendar.addBusinessDays('2025-03-03', days);
    const result = computeLate({ ...fee500, promisedDate: '2025-03-03', deliveredDate }, cdek);
    expect(result).toMatchObject({ businessDaysLate: days, capped });
    expect(result.uncappedAmount).toEqual(rub(uncapped));
    expect(result.cap).toEqual(rub('500.00'));
    expect(result.amount).toEqual(rub(amount));
  });

  it('rounds once, half-up, at the end: 3 % × 1 day × 333.33 = 9.9999 → 10.00', () => {
    const input = {
      deliveryCost: rub('333.33'),
      promisedDate: '2025-03-11',
      deliveredDate: '2025-03-12',
    };
    const result = computeLate(input, cdek);
    expect(result.amount).toEqual(rub('10.00'));
    expect(result.lines.find((l) => l.key === 'rounding.half_up')?.text).toBe(
      'Rounded once, half-up to 2 decimals: 9.9999 RUB → 10.00 RUB.',
    );
  });

  it('derives the promised date from shipping + transit business days', () => {
    const input = {
      ...fee500,
      shippedDate: '2025-03-07',
      transitBusinessDays: 3,
      deliveredDate: '2025-03-14',
    };
    const result = computeLate(input, cdek);
    expect(result.promisedDate).toBe('2025-03-12');
    expect(result.amount).toEqual(rub('30.00'));
    expect(result.lines.map((l) => l.key)).toContain('late.promised.computed');
  });

  it('counts an undelivered parcel up to asOf', () => {
    const result = computeLate({ ...fee500, promisedDate: '2025-03-11', asOf: '2025-03-18' }, cdek);
    expect(result).toMatchObject({
      delivered: false,
      lateUntil: '2025-03-18',
      businessDaysLate: 5,
    });
    expect(result.lateDates).toEqual([
      '2025-03-12',
      '2025-03-13',
      '2025-03-14',
      '2025-03-17',
      '2025-03-18',
    ]);
    expect(result.amount).toEqual(rub('75.00'));
  });

  it('says so when the promised date has not passed yet', () => {
    const result = computeLate({ ...fee500, promisedDate: '2025-03-11', asOf: '2025-03-05' }, cdek);
    expect(result.amount).toEqual(rub('0.00'));
    expect(result.lines.map((l) => l.key)).toContain('late.not_yet_due');
  });

  it('says so when the parcel came on time', () => {
    const result = computeLate(
      { ...fee500, promisedDate: '2025-03-11', deliveredDate: '2025-03-10' },
      cdek,
    );
    expect(result.lateDates).toEqual([]);
    expect(result.lines.find((l) => l.key === 'late.on_time')?.text).toBe(
      'Delivered on or before the promised date 2025-03-11: no delay, nothing is owed.',
    );
  });

  it('explains the answer line by line: policy, dates, calendar, days, formula, cap, rounding', () => {
    const result = computeLate(
      { ...fee500, promisedDate: '2025-03-11', deliveredDate: '2025-03-13' },
      cdek,
    );
    const text = result.lines.map((l) => l.text);
    expect(text).toEqual([
      expect.stringContaining('Policy cdek, version 2025-01'),
      expect.stringContaining('The FAQ gives no cap'),
      'Penalty rate: 3 % of the delivery cost per business day of delay.',
      'Promised delivery date: 2025-03-11.',
      'Delivered on 2025-03-13.',
      'Business days from the RU production calendar for 2025: xmlcalendar file fake/2025/calendar.xml, published 2024-12-01.',
      'Business days late: 2 (calendar days: 2), counted after 2025-03-11 up to and including 2025-03-13; first counted day 2025-03-12, last 2025-03-13.',
      'Penalty: 3 % × 2 days × 500.00 RUB = 30.00 RUB.',
      'Cap: 100 % of the delivery cost = 500.00 RUB; not reached.',
      'No rounding needed: every amount is exact to 2 decimals.',
    ]);
    expect(result.policy).toEqual({ id: 'cdek', version: '2025-01' });
  });

  it('cites every calendar year the dates touch, with its note and preliminary flag', () => {
    const result = computeLate(
      { ...fee500, promisedDate: '2025-12-30', deliveredDate: '2026-01-05' },
      cdek,
    );
    const cited = result.lines
      .filter((l) => l.key.startsWith('calendar.'))
      .map((l) => [l.key, l.params['year']]);
    expect(cited).toEqual([
      ['calendar.source', 2025],
      ['calendar.source', 2026],
      ['calendar.note', 2026],
      ['calendar.preliminary', 2026],
    ]);
    expect(result.lines.some((l) => l.text.includes('a test note'))).toBe(true);
  });

  it('says when a count relies on a preliminary calendar, and only then', () => {
    const preliminary = computeLate(
      { ...fee500, promisedDate: '2026-03-10', deliveredDate: '2026-03-12' },
      cdek,
    );
    expect(preliminary.lines.find((l) => l.key === 'calendar.preliminary')).toEqual({
      key: 'calendar.preliminary',
      params: { country: 'RU', year: 2026, published: '2025-12-01' },
      text: 'The RU calendar for 2026 (published 2025-12-01) is preliminary: days off may still be decreed, so this count can change.',
    });
    const final = computeLate(
      { ...fee500, promisedDate: '2025-03-10', deliveredDate: '2025-03-12' },
      cdek,
    );
    expect(final.lines.some((l) => l.key === 'calendar.preliminary')).toBe(false);
  });
});

describe('computeLate under calendar-day policies', () => {
  it.each([
    [
      'road-freight counts 9 % per calendar day, weekend included',
      'road-freight',
      '1000.00',
      '2025-03-17',
      3,
      '270.00',
    ],
    [
      'road-freight caps at the freight charge after 12 days',
      'road-freight',
      '1000.00',
      '2025-03-26',
      12,
      '1000.00',
    ],
    [
      'russian-post counts 3 % per calendar day',
      'russian-post',
      '350.00',
      '2025-03-17',
      3,
      '31.50',
    ],
  ])('%s', (_name, carrier, cost, deliveredDate, days, amount) => {
    const ctx = { policy: resolvePolicy(carrier), calendar: fakeCalendar };
    const result = computeLate(
      { deliveryCost: rub(cost), promisedDate: '2025-03-14', deliveredDate },
      ctx,
    );
    expect(result).toMatchObject({ dayBasis: 'calendar', daysLate: days });
    expect(result.lateDates).toHaveLength(days);
    expect(result.amount).toEqual(rub(amount));
  });

  it('still reports the business days late', () => {
    const ctx = { policy: resolvePolicy('road-freight'), calendar: fakeCalendar };
    const input = { ...fee500, promisedDate: '2025-03-14', deliveredDate: '2025-03-17' };
    expect(computeLate(input, ctx).businessDaysLate).toBe(1);
  });
});

describe('computeLate refuses inputs it cannot count', () => {
  const cases: [string, Partial<LateInput>, string, string][] = [
    [
      'both promisedDate and a transit time',
      {
        promisedDate: '2025-03-11',
        shippedDate: '2025-03-07',
        transitBusinessDays: 2,
        deliveredDate: '2025-03-13',
      },
      'invalid-input',
      '/transitBusinessDays',
    ],
    [
      'neither promisedDate nor shippedDate',
      { deliveredDate: '2025-03-13' },
      'invalid-input',
      '/promisedDate',
    ],
    [
      'transit without shippedDate',
      { transitBusinessDays: 2, deliveredDate: '2025-03-13' },
      'invalid-input',
      '/shippedDate',
    ],
    [
      'shippedDate without transit',
      { shippedDate: '2025-03-07', deliveredDate: '2025-03-13' },
      'invalid-input',
      '/transitBusinessDays',
    ],
    [
      'a negative transit',
      { shippedDate: '2025-03-07', transitBusinessDays: -1, deliveredDate: '2025-03-13' },
      'invalid-input',
      '/transitBusinessDays',
    ],
    [
      'both deliveredDate and asOf',
      { promisedDate: '2025-03-11', deliveredDate: '2025-03-13', asOf: '2025-03-13' },
      'invalid-input',
      '/asOf',
    ],
    [
      'neither deliveredDate nor asOf',
      { promisedDate: '2025-03-11' },
      'invalid-input',
      '/deliveredDate',
    ],
    [
      'a date that does not exist',
      { promisedDate: '2025-02-30', deliveredDate: '2025-03-13' },
      'invalid-input',
      '/promisedDate',
    ],
    [
      'a delivery before shipping',
      { shippedDate: '2025-03-07', transitBusinessDays: 2, deliveredDate: '2025-03-01' },
      'invalid-input',
      '/deliveredDate',
    ],
    [
      'a delivery year the calendar lacks',
      { promisedDate: '2026-12-30', deliveredDate: '2027-01-05' },
      'calendar-year-unknown',
      '/deliveredDate',
    ],
    [
      'a promised year the calendar lacks',
      { promisedDate: '2023-12-29', deliveredDate: '2024-01-05' },
      'calendar-year-unknown',
      '/promisedDate',
    ],
    [
      'a transit that runs past the calendar',
      { shippedDate: '2026-12-20', transitBusinessDays: 30, asOf: '2026-12-31' },
      'calendar-year-unknown',
      '/transitBusinessDays',
    ],
    [
      'a carrier other than the policy used',
      { carrier: 'russian-post', promisedDate: '2025-03-11', deliveredDate: '2025-03-13' },
      'invalid-input',
      '/carrier',
    ],
    [
      'a calendar other than the one used',
      { calendar: 'KZ', promisedDate: '2025-03-11', deliveredDate: '2025-03-13' },
      'invalid-input',
      '/calendar',
    ],
  ];
  it.each(cases)('refuses %s', (_name, dates, code, pointer) => {
    const run = () => computeLate({ ...fee500, ...dates }, cdek);
    expect(run).toThrow(DomainError);
    expect(run).toThrow(expect.objectContaining({ code, pointer }));
  });

  it.each([
    [
      'a promised date before the shipping date',
      { promisedDate: '2025-03-05', shippedDate: '2025-03-07', deliveredDate: '2025-03-13' },
      { field: 'promisedDate', date: '2025-03-05', other: 'shippedDate', otherDate: '2025-03-07' },
    ],
    [
      'a delivery before the stated shipping date',
      { promisedDate: '2025-03-11', shippedDate: '2025-03-07', deliveredDate: '2025-03-06' },
      { field: 'deliveredDate', date: '2025-03-06', other: 'shippedDate', otherDate: '2025-03-07' },
    ],
  ])('refuses %s as dates out of order, naming the later-stated field', (_name, dates, params) => {
    const run = () => computeLate({ ...fee500, ...dates }, cdek);
    expect(run).toThrow(
      expect.objectContaining({
        code: 'invalid-input',
        reason: 'date_order',
        pointer: `/${params.field}`,
        params,
        message: `${params.date} is before shippedDate ${params.otherDate}`,
      }),
    );
  });

  it.each([
    [
      'neither way to the promised date',
      { deliveredDate: '2025-03-13' },
      'one_of',
      'promisedDate',
      'transitBusinessDays',
    ],
    [
      'a promised date and a transit time',
      { promisedDate: '2025-03-11', transitBusinessDays: 2, deliveredDate: '2025-03-13' },
      'not_both',
      'transitBusinessDays',
      'promisedDate',
    ],
    ['neither end date', { promisedDate: '2025-03-11' }, 'one_of', 'deliveredDate', 'asOf'],
    [
      'both end dates',
      { promisedDate: '2025-03-11', deliveredDate: '2025-03-13', asOf: '2025-03-13' },
      'not_both',
      'asOf',
      'deliveredDate',
    ],
  ])('gives the reason for %s, naming both fields', (_name, dates, reason, field, other) => {
    const run = () => computeLate({ ...fee500, ...dates }, cdek);
    expect(run).toThrow(
      expect.objectContaining({ reason, pointer: `/${field}`, params: { field, other } }),
    );
  });

  it('takes a shipping date stated beside the promised date as a check, not a count', () => {
    const dates = { promisedDate: '2025-03-11', deliveredDate: '2025-03-13' };
    const withShipping = computeLate({ ...fee500, ...dates, shippedDate: '2025-03-07' }, cdek);
    expect(withShipping).toEqual(computeLate({ ...fee500, ...dates }, cdek));
  });

  it('answers 0 with its lines for a delivery that was not late', () => {
    const onTime = computeLate(
      { ...fee500, promisedDate: '2025-03-11', deliveredDate: '2025-03-11' },
      cdek,
    );
    expect(onTime).toMatchObject({ daysLate: 0, amount: rub('0.00') });
    expect(onTime.lines.length).toBeGreaterThan(0);
  });

  it('refuses an amount with too many decimals, naming the field', () => {
    const run = () =>
      computeLate(
        { deliveryCost: rub('500.001'), promisedDate: '2025-03-11', deliveredDate: '2025-03-13' },
        cdek,
      );
    expect(run).toThrow(
      expect.objectContaining({ code: 'invalid-input', pointer: '/deliveryCost/amount' }),
    );
  });

  it('accepts the calendar country in any case', () => {
    const input = {
      ...fee500,
      calendar: 'ru',
      promisedDate: '2025-03-11',
      deliveredDate: '2025-03-13',
    };
    expect(computeLate(input, cdek).amount).toEqual(rub('30.00'));
  });
});

describe('computeLate does not grow with the delay', () => {
  it('lists at most 100 late dates and walks no more of the calendar', () => {
    const calls: number[] = [];
    const counting = {
      ...fakeCalendar,
      listBusinessDays: (after: string, upTo: string, limit: number) => {
        calls.push(limit);
        return fakeCalendar.listBusinessDays(after, upTo, limit);
      },
    };
    const input = { ...fee500, promisedDate: '2024-01-02', deliveredDate: '2026-12-30' };
    const result = computeLate(input, { policy: resolvePolicy('cdek'), calendar: counting });
    expect(result.lateDates).toHaveLength(100);
    expect(result.lateDatesTruncated).toBe(true);
    expect(calls).toEqual([100]);
    expect(result.lines.map((l) => l.key)).toContain('late.dates_truncated');
  });

  it('lists at most 100 calendar days under a calendar-day policy', () => {
    const ctx = { policy: resolvePolicy('russian-post'), calendar: fakeCalendar };
    const result = computeLate(
      { ...fee500, promisedDate: '2024-01-02', deliveredDate: '2026-12-30' },
      ctx,
    );
    expect(result.daysLate).toBe(1093);
    expect(result.lateDates).toHaveLength(100);
    expect(result.lateDates[99]).toBe('2024-04-11');
    expect(result.lines.find((l) => l.key === 'late.days.calendar')?.params['lastLateDate']).toBe(
      '2026-12-30',
    );
  });
});
