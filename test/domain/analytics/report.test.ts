import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import {
  buildReport,
  readFrom,
  spread,
  type DayFigures,
  type CountedAs,
} from '../../../src/domain/analytics';

const cdekLate: CountedAs = { carrier: 'cdek', cause: 'courier_late', type: 'late' };
const postLost: CountedAs = { carrier: 'russian-post', cause: 'lost_in_transit', type: 'lost' };
const rub = (kopecks: number) => [
  { metric: 'computed' as const, currency: 'RUB' as const, minor: new Big(kopecks) },
];

/** One day bucket holding `n` claims of `what`, each computed at `kopecks`. */
function day(date: string, ...claims: [CountedAs, number, number][]): DayFigures {
  const counters = new Map<string, Big>();
  for (const [what, n, kopecks] of claims) {
    for (const [name, value] of spread(what, n, rub(n * kopecks))) {
      counters.set(name, (counters.get(name) ?? new Big(0)).plus(value));
    }
  }
  return { day: date, counters };
}

const days = [
  day('2026-10-15', [cdekLate, 1, 1000]), // before the range: only the flag reads it
  day('2026-11-02', [cdekLate, 2, 1000], [postLost, 1, 300000]),
  day('2026-11-04', [cdekLate, 2, 1000]),
  day('2026-12-01', [postLost, 1, 50]),
];
const query = { from: '2026-11-01', to: '2026-12-01', currency: 'RUB' } as const;

describe('the analytics report', () => {
  it('groups by carrier, most claims first, with money from kopecks', () => {
    const report = buildReport(days, { ...query, groupBy: 'carrier' });
    expect(report.groups.map((g) => [g.key, g.count, g.computed.amount])).toEqual([
      ['cdek', 4, '40.00'],
      ['russian-post', 2, '3000.50'],
    ]);
    expect(report.totals).toMatchObject({ count: 6, computed: { amount: '3040.50' } });
    expect(report.totals.paid).toEqual({ amount: '0.00', currency: 'RUB' });
  });

  it('groups by month and ISO week, empty periods of the range included', () => {
    const months = buildReport(days, { ...query, groupBy: 'month' }).groups;
    expect(months.map((g) => [g.key, g.count])).toEqual([
      ['2026-11', 5],
      ['2026-12', 1],
    ]);
    const weeks = buildReport(days, { ...query, groupBy: 'week' }).groups;
    expect(weeks.map((g) => g.key)).toEqual([
      '2026-W44',
      '2026-W45',
      '2026-W46',
      '2026-W47',
      '2026-W48',
      '2026-W49',
    ]);
    expect(weeks.map((g) => g.count)).toEqual([0, 5, 0, 0, 0, 1]);
  });

  it('flags the week cdek was late four times against a trailing average of 1/8', () => {
    const report = buildReport(days, { ...query, groupBy: 'cause' });
    expect(report.flags).toEqual([
      { carrier: 'cdek', cause: 'courier_late', week: '2026-W45', count: 4, trailingAverage: 0.13 },
    ]);
    expect(report.groups.map((g) => g.key)).toEqual(['courier_late', 'lost_in_transit']);
  });

  it('reads from the Monday of the first week, 8 weeks back', () => {
    expect(readFrom('2026-11-04')).toBe('2026-09-07');
  });
});
