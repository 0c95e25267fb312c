import { describe, expect, it } from 'vitest';
import { getCalendar } from '../../../src/domain/calendar';
import { computeLate } from '../../../src/domain/compensation';
import { resolvePolicy } from '../../../src/domain/policies';

const ru = { policy: resolvePolicy('cdek'), calendar: getCalendar('RU') };
const fee500 = { deliveryCost: { amount: '500.00', currency: 'RUB' as const } };

describe('computeLate on the real RU production calendar', () => {
  it('skips the New Year holidays: promised 2024-12-28, delivered 2025-01-10 is 2 business days', () => {
    const result = computeLate(
      { ...fee500, promisedDate: '2024-12-28', deliveredDate: '2025-01-10' },
      ru,
    );
    expect(result.businessDaysLate).toBe(2);
    expect(result.lateDates).toEqual(['2025-01-09', '2025-01-10']);
    expect(result.amount).toEqual({ amount: '30.00', currency: 'RUB' });
    const files = result.lines
      .filter((l) => l.key === 'calendar.source')
      .map((l) => l.params['file']);
    expect(files).toEqual(['ru/2024/calendar.xml', 'ru/2025/calendar.xml']);
  });

  it('counts a worked Saturday as a business day of transit', () => {
    const input = {
      ...fee500,
      shippedDate: '2024-12-27',
      transitBusinessDays: 1,
      deliveredDate: '2025-01-09',
    };
    const result = computeLate(input, ru);
    expect(result.promisedDate).toBe('2024-12-28');
    expect(result.businessDaysLate).toBe(1);
  });

  it('carries the calendar note into the lines (2021 non-working days)', () => {
    const result = computeLate(
      { ...fee500, promisedDate: '2021-10-29', deliveredDate: '2021-11-09' },
      ru,
    );
    expect(result.lines.some((l) => l.key === 'calendar.note')).toBe(true);
  });

  it('lists at most 100 late dates for a 10-year delay (the speed is in npm run bench)', () => {
    const long = computeLate(
      { ...fee500, promisedDate: '2015-03-02', deliveredDate: '2025-03-03' },
      ru,
    );
    expect(long).toMatchObject({ lateDatesTruncated: true, capped: true });
    expect(long.lateDates).toHaveLength(100);
    expect(long.businessDaysLate).toBe(ru.calendar.countBusinessDays('2015-03-02', '2025-03-03'));
  });

  it('refuses a year the data set lacks, naming the field', () => {
    const last = ru.calendar.lastYear;
    const input = { promisedDate: `${last}-12-30`, deliveredDate: `${last + 1}-01-11` };
    expect(() => computeLate({ ...fee500, ...input }, ru)).toThrow(
      expect.objectContaining({ code: 'calendar-year-unknown', pointer: '/deliveredDate' }),
    );
  });
});
