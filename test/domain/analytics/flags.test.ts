import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/calendar/dates';
import { isoWeek, systemicFaults, weekStart } from '../../../src/domain/analytics';

const MONDAY = '2026-11-30';
/** Counts per week for one carrier × cause: `history[0]` is 8 weeks before MONDAY, the last is MONDAY's. */
function weeks(history: number[]) {
  const byWeek = new Map<string, number>();
  history.forEach((count, i) => {
    byWeek.set(addDays(MONDAY, -7 * (history.length - 1 - i)), count);
  });
  return new Map([['cdek+warehouse', byWeek]]);
}

describe('systemic-fault flag', () => {
  it.each([
    // 8 trailing weeks, then the week judged
    ['a week above twice the trailing average', [1, 1, 1, 1, 1, 1, 1, 1, 3], true],
    ['exactly twice the average (not above)', [2, 2, 2, 2, 2, 2, 2, 2, 4], false],
    ['fewer than 3 claims, however rare before', [0, 0, 0, 0, 0, 0, 0, 0, 2], false],
    ['3 claims of a kind never seen before', [0, 0, 0, 0, 0, 0, 0, 0, 3], true],
    ['a steady high count', [5, 6, 5, 6, 5, 6, 5, 6, 7], false],
  ])('%s: flagged %s', (_name, history, flagged) => {
    expect(systemicFaults(weeks(history), [MONDAY]).length > 0).toBe(flagged);
  });

  it('says which week, how many, and the trailing average', () => {
    expect(systemicFaults(weeks([1, 0, 0, 0, 0, 0, 0, 2, 4]), [MONDAY])).toEqual([
      { carrier: 'cdek', cause: 'warehouse', week: '2026-W49', count: 4, trailingAverage: 0.38 },
    ]);
  });

  it('takes its multiple as given', () => {
    const history = [1, 1, 1, 1, 1, 1, 1, 1, 3];
    const rule = { multiple: new Big(3), minimumCount: 3, trailingWeeks: 8 };
    expect(systemicFaults(weeks(history), [MONDAY], rule)).toEqual([]);
  });

  it('ignores weeks older than the trailing window', () => {
    const old = weeks([9, 9, 0, 0, 0, 0, 0, 0, 0, 0, 3]);
    expect(systemicFaults(old, [MONDAY])[0]?.trailingAverage).toBe(0);
  });
});

describe('weeks', () => {
  it.each([
    ['2026-12-03', '2026-11-30', '2026-W49'],
    ['2027-01-01', '2026-12-28', '2026-W53'],
    ['2025-12-29', '2025-12-29', '2026-W01'],
    ['2024-12-30', '2024-12-30', '2025-W01'],
  ])('%s is in the week of Monday %s (%s)', (day, monday, week) => {
    expect(weekStart(day)).toBe(monday);
    expect(isoWeek(day)).toBe(week);
  });
});
