/**
 * The systemic-fault rule (domain-rules §6: "repeated complaints about the same thing reveal a
 * systemic fault"): a carrier × cause is flagged for a week when its claims that week exceed
 * `multiple` times its average over the `trailingWeeks` weeks before, and number at least
 * `minimumCount`, so that one or two claims of a rare kind are not called a trend. A
 * combination with no claims in the trailing weeks has an average of 0: its first
 * `minimumCount` claims in a week are flagged (something new is going wrong).
 */
import Big from 'big.js';
import { addDays, type IsoDate } from '../calendar/dates';
import { CLAIM_CAUSES, type ClaimCause } from '../claim/cause';
import { isoWeek } from './periods';

export interface FaultRule {
  /** How many times the trailing average a week's count must exceed. */
  multiple: Big;
  /** The fewest claims in a week that can be flagged. */
  minimumCount: number;
  /** Weeks the average is taken over. */
  trailingWeeks: number;
}

/** The rule's defaults: twice the trailing 8-week average, and at least 3 claims. */
export const DEFAULT_FAULT_RULE: FaultRule = {
  multiple: new Big(2),
  minimumCount: 3,
  trailingWeeks: 8,
};

export interface FaultFlag {
  carrier: string;
  cause: ClaimCause;
  /** ISO week, e.g. `2026-W49`. */
  week: string;
  count: number;
  /** The mean weekly count over the trailing weeks, to two decimals. */
  trailingAverage: number;
}

/** Weekly counts per carrier × cause, keyed by the Monday that starts each week. */
export type WeeklyCounts = ReadonlyMap<string, ReadonlyMap<IsoDate, number>>;

/**
 * The flags for each week (by its Monday) in `weeks`; `counts` must cover the trailing weeks
 * before the first of them too. Keys of `counts` are `carrier+cause`.
 * @example systemicFaults(new Map([['cdek+warehouse', new Map([['2026-11-30', 3]])]]), ['2026-11-30'])
 * // [{ carrier: 'cdek', cause: 'warehouse', week: '2026-W49', count: 3, trailingAverage: 0 }]
 */
export function systemicFaults(
  counts: WeeklyCounts,
  weeks: readonly IsoDate[],
  rule: FaultRule = DEFAULT_FAULT_RULE,
): FaultFlag[] {
  const flags: FaultFlag[] = [];
  for (const [combination, byWeek] of counts) {
    const [carrier = '', cause = ''] = combination.split('+').map(decodeURIComponent);
    if (!isCause(cause)) continue;
    for (const monday of weeks) {
      const count = byWeek.get(monday) ?? 0;
      if (count < rule.minimumCount) continue;
      let trailing = 0;
      for (let i = 1; i <= rule.trailingWeeks; i++) {
        trailing += byWeek.get(addDays(monday, -7 * i)) ?? 0;
      }
      const average = new Big(trailing).div(rule.trailingWeeks);
      if (new Big(count).lte(average.times(rule.multiple))) continue;
      const trailingAverage = Number(average.toFixed(2));
      flags.push({ carrier, cause, week: isoWeek(monday), count, trailingAverage });
    }
  }
  return flags.sort(
    (a, b) =>
      a.week.localeCompare(b.week) || b.count - a.count || a.carrier.localeCompare(b.carrier),
  );
}

const isCause = (value: string): value is ClaimCause =>
  (CLAIM_CAUSES as readonly string[]).includes(value);
