/**
 * The analytics answer, from day buckets of counters: the figures per group (a carrier, a
 * cause, a type, a week or a month), their totals, and the systemic-fault flags. Its work
 * grows with the days read, never with the claims counted in them.
 */
import Big from 'big.js';
import { addDays, type IsoDate } from '../calendar/dates';
import type { CurrencyCode, MoneyJson } from '../money';
import {
  ALL,
  counterName,
  fromMinor,
  MONEY_METRICS,
  parseCounter,
  type Counters,
  type Dimension,
  type MoneyMetric,
} from './figures';
import { DEFAULT_FAULT_RULE, systemicFaults, type FaultFlag, type FaultRule } from './flags';
import { daysBetween, isoWeek, monthOf, weekStart } from './periods';

export const GROUP_BY = ['carrier', 'cause', 'type', 'week', 'month'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

/** One stored bucket: a shop's (or every shop's) counters of one UTC day. */
export interface DayFigures {
  day: IsoDate;
  counters: Counters;
}

export type Figures = { count: number } & Record<MoneyMetric, MoneyJson>;
export type Group = { key: string } & Figures;

export interface AnalyticsReport {
  from: IsoDate;
  to: IsoDate;
  groupBy: GroupBy;
  currency: CurrencyCode;
  groups: Group[];
  totals: Figures;
  flags: FaultFlag[];
}

export interface ReportQuery {
  from: IsoDate;
  to: IsoDate;
  groupBy: GroupBy;
  /** The money figures are of this currency; counts are of every currency. */
  currency: CurrencyCode;
  rule?: FaultRule;
}

/**
 * The first day to read for a report: the Monday of `from`'s week, less the trailing weeks
 * the fault flag averages over.
 * @example readFrom('2026-12-03') // '2026-10-05'
 */
export function readFrom(from: IsoDate, rule: FaultRule = DEFAULT_FAULT_RULE): IsoDate {
  return addDays(weekStart(from), -7 * rule.trailingWeeks);
}

/** Sums `count` and the money metrics of one dimension value over some days. */
function figuresOf(
  days: readonly DayFigures[],
  dimension: Dimension,
  value: string,
  currency: CurrencyCode,
): Figures {
  const sum = (name: string) =>
    days.reduce((total, d) => total.plus(d.counters.get(name) ?? 0), new Big(0));
  const money = Object.fromEntries(
    MONEY_METRICS.map((metric) => [
      metric,
      fromMinor(sum(counterName(metric, dimension, value, currency)), currency),
    ]),
  ) as Record<MoneyMetric, MoneyJson>;
  return { count: Number(sum(counterName('count', dimension, value))), ...money };
}

/** The values of a dimension that any day holds a counter for. */
function valuesOf(days: readonly DayFigures[], dimension: Dimension): string[] {
  const values = new Set<string>();
  for (const d of days) {
    for (const name of d.counters.keys()) {
      const counter = parseCounter(name);
      if (counter?.dimension === dimension) values.add(counter.value);
    }
  }
  return [...values];
}

function groupsOf(days: readonly DayFigures[], query: ReportQuery): Group[] {
  const { groupBy, currency } = query;
  if (groupBy === 'week' || groupBy === 'month') {
    const periodOf = groupBy === 'week' ? isoWeek : monthOf;
    const periods = [...new Set(daysBetween(query.from, query.to).map(periodOf))];
    return periods.map((key) => {
      const within = days.filter((d) => periodOf(d.day) === key);
      return { key, ...figuresOf(within, 'all', ALL, currency) };
    });
  }
  return valuesOf(days, groupBy)
    .map((key) => ({ key, ...figuresOf(days, groupBy, key, currency) }))
    .filter((group) => group.count > 0 || MONEY_METRICS.some((m) => group[m].amount !== '0.00'))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** Claims per carrier × cause per week (by its Monday), from the days read. */
function weeklyCounts(days: readonly DayFigures[]): Map<string, Map<IsoDate, number>> {
  const counts = new Map<string, Map<IsoDate, number>>();
  for (const d of days) {
    const monday = weekStart(d.day);
    for (const [name, value] of d.counters) {
      const counter = parseCounter(name);
      if (counter?.metric !== 'count' || counter.dimension !== 'carrier_cause') continue;
      const byWeek = counts.get(counter.value) ?? new Map<IsoDate, number>();
      byWeek.set(monday, (byWeek.get(monday) ?? 0) + Number(value));
      counts.set(counter.value, byWeek);
    }
  }
  return counts;
}

/**
 * The report for `query` from the day buckets read (from `readFrom(query.from)` to `query.to`):
 * the groups and totals count only the days from `from` to `to`; the flags judge each week
 * that range touches against the weeks before it.
 * @example buildReport(days, { from: '2026-12-01', to: '2026-12-31', groupBy: 'carrier', currency: 'RUB' }).groups[0]?.key // 'cdek'
 */
export function buildReport(days: readonly DayFigures[], query: ReportQuery): AnalyticsReport {
  const inRange = days.filter((d) => d.day >= query.from && d.day <= query.to);
  const rule = query.rule ?? DEFAULT_FAULT_RULE;
  const weeks = [...new Set(daysBetween(query.from, query.to).map(weekStart))];
  return {
    from: query.from,
    to: query.to,
    groupBy: query.groupBy,
    currency: query.currency,
    groups: groupsOf(inRange, query),
    totals: figuresOf(inRange, 'all', ALL, query.currency),
    flags: systemicFaults(weeklyCounts(days), weeks, rule),
  };
}
