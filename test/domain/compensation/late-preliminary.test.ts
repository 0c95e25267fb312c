import { describe, expect, it } from 'vitest';
import { calendarCoverage, getCalendar } from '../../../src/domain/calendar';
import { computeLate } from '../../../src/domain/compensation';
import { resolvePolicy } from '../../../src/domain/policies';

const fee500 = { deliveryCost: { amount: '500.00', currency: 'RUB' as const } };
const cases = calendarCoverage().flatMap(({ country, years }) =>
  years.map((y): [string, number, boolean, string] => [
    country,
    y.year,
    y.preliminary,
    y.published,
  ]),
);

describe('computeLate on the real calendars: preliminary years', () => {
  it.each(cases)('%s %i (preliminary: %s) says so exactly when it is', (c, year, prelim, pub) => {
    const ctx = { policy: resolvePolicy('cdek'), calendar: getCalendar(c) };
    const input = { ...fee500, promisedDate: `${year}-06-10`, deliveredDate: `${year}-06-20` };
    const lines = computeLate(input, ctx).lines.filter((l) => l.key === 'calendar.preliminary');
    expect(lines).toEqual(
      prelim ? [expect.objectContaining({ params: { country: c, year, published: pub } })] : [],
    );
  });

  it('has preliminary years in the data today (KZ and UZ 2027 at the time of writing)', () => {
    expect(cases.some(([, , prelim]) => prelim)).toBe(true);
  });
});
