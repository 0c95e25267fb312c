/**
 * What one claim adds to the analytics counters, and what a change of it moves. A counter is
 * a metric (a count, or a sum of money in integer minor units, per currency) for one value of
 * one dimension (every claim, a carrier, a cause, a type, a carrier × cause). The counters
 * live in the claim's filing day, so one claim's figures stay in one bucket: a change only
 * ever adds the difference between the claim's figures after and before it.
 */
import Big from 'big.js';
import type { Claim, ClaimCause, ClaimType } from '../claim';
import { CURRENCIES, type CurrencyCode, type MoneyJson } from '../money';

/** The views of the counters; `carrier_cause` is what the systemic-fault flag reads. */
export const DIMENSIONS = ['all', 'carrier', 'cause', 'type', 'carrier_cause'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The money a claim moves through: computed at filing, approved, paid, given as remedies. */
export const MONEY_METRICS = ['computed', 'approved', 'paid', 'given'] as const;
export type MoneyMetric = (typeof MONEY_METRICS)[number];

/** Counter name → its value (a count, or integer minor units). */
export type Counters = Map<string, Big>;

/** The one value of the `all` dimension. */
export const ALL = 'all';

const SEPARATOR = '#';
const part = encodeURIComponent;

/**
 * A counter's name: `count#carrier#cdek`, `paid#RUB#cause#warehouse`, `count#carrier_cause#cdek+warehouse`.
 * @example counterName('count', 'type', 'late') // 'count#type#late'
 */
export function counterName(
  metric: 'count' | MoneyMetric,
  dimension: Dimension,
  value: string,
  currency?: CurrencyCode,
): string {
  const money = metric === 'count' ? [] : [currency ?? 'RUB'];
  return [metric, ...money, dimension, part(value)].join(SEPARATOR);
}

/**
 * The value of `carrier_cause` for a carrier and a cause.
 * @example carrierCause('cdek', 'warehouse') // 'cdek+warehouse'
 */
export const carrierCause = (carrier: string, cause: ClaimCause): string =>
  `${part(carrier)}+${cause}`;

/** A counter's parts, or undefined for a name that is no counter. */
export function parseCounter(
  name: string,
):
  | { metric: 'count' | MoneyMetric; currency?: string; dimension: Dimension; value: string }
  | undefined {
  const parts = name.split(SEPARATOR);
  const [metric] = parts;
  const rest = metric === 'count' ? parts.slice(1) : parts.slice(2);
  const [dimension, value] = rest;
  if (rest.length !== 2 || value === undefined) return undefined;
  if (!(DIMENSIONS as readonly string[]).includes(dimension ?? '')) return undefined;
  const isMetric =
    metric === 'count' || (MONEY_METRICS as readonly string[]).includes(metric ?? '');
  if (!isMetric) return undefined;
  return {
    metric: metric as 'count' | MoneyMetric,
    ...(metric === 'count' ? {} : { currency: parts[1] ?? '' }),
    dimension: dimension as Dimension,
    value: decodeURIComponent(value),
  };
}

/**
 * An amount in integer minor units (kopecks), exactly.
 * @example toMinor({ amount: '12.30', currency: 'RUB' }).toString() // '1230'
 */
export function toMinor(money: MoneyJson): Big {
  return new Big(money.amount).times(new Big(10).pow(CURRENCIES[money.currency].exponent));
}

/**
 * Integer minor units back to wire money.
 * @example fromMinor(new Big(1230), 'RUB') // { amount: '12.30', currency: 'RUB' }
 */
export function fromMinor(minor: Big, currency: CurrencyCode): MoneyJson {
  const { exponent } = CURRENCIES[currency];
  return { amount: minor.div(new Big(10).pow(exponent)).toFixed(exponent), currency };
}

/** What a claim is counted under. */
export interface CountedAs {
  carrier: string;
  cause: ClaimCause;
  type: ClaimType;
}

function dimensionsOf(what: CountedAs): [Dimension, string][] {
  return [
    ['all', ALL],
    ['carrier', what.carrier],
    ['cause', what.cause],
    ['type', what.type],
    ['carrier_cause', carrierCause(what.carrier, what.cause)],
  ];
}

/** A sum a counter adds: integer minor units of a currency. */
export interface MinorSum {
  metric: MoneyMetric;
  currency: CurrencyCode;
  minor: Big;
}

/**
 * The counters for a count and sums under every dimension of `what`.
 * @example spread({ carrier: 'cdek', cause: 'warehouse', type: 'damaged' }, 0, [{ metric: 'given', currency: 'RUB', minor: new Big(50000) }])
 */
export function spread(what: CountedAs, count: number, sums: readonly MinorSum[]): Counters {
  const counters: Counters = new Map();
  for (const [dimension, value] of dimensionsOf(what)) {
    if (count !== 0) counters.set(counterName('count', dimension, value), new Big(count));
    for (const { metric, currency, minor } of sums) {
      counters.set(counterName(metric, dimension, value, currency), minor);
    }
  }
  return counters;
}

const sum = (metric: MoneyMetric, money: MoneyJson): MinorSum => ({
  metric,
  currency: money.currency,
  minor: toMinor(money),
});

const APPROVED_STATUSES: readonly Claim['status'][] = ['approved', 'partially_approved', 'paid'];

/**
 * What a claim in its present state contributes. A withdrawn (cancelled) claim counts for
 * nothing: it was filed in error, so it is neither a complaint nor money. A claim with no
 * cause was filed before causes (and these counters) existed: it is not counted.
 * @example claimCounters(claim).get('count#all#all') // Big(1)
 */
export function claimCounters(claim: Claim): Counters {
  if (claim.cause === undefined || claim.status === 'cancelled') return new Map();
  const { carrier, cause, type } = claim;
  return spread({ carrier, cause, type }, 1, claimSums(claim));
}

/**
 * The money a counted claim (not withdrawn, with a cause) moves in its present state:
 * computed; approved once approved; paid once paid.
 * @example claimSums(paidClaim).map((s) => s.metric) // ['computed', 'approved', 'paid']
 */
export function claimSums(claim: Claim): MinorSum[] {
  const sums = [sum('computed', claim.compensation.amount)];
  const approved = claim.decision?.approvedAmount;
  if (approved && APPROVED_STATUSES.includes(claim.status)) sums.push(sum('approved', approved));
  if (claim.payment && claim.status === 'paid') sums.push(sum('paid', claim.payment.amount));
  return sums;
}

/** A change of the counters of one shop on one day. */
export interface CounterDelta {
  shopId: string;
  /** The claim's filing day (UTC), YYYY-MM-DD. */
  day: string;
  counters: Counters;
}

/**
 * What a claim's change moves: its counters after minus before (filing: before is nothing),
 * without the counters it leaves alone; undefined when nothing moves (e.g. evidence added).
 * @example claimDelta(submitted, approved)?.counters.get('approved#RUB#all#all') // Big(150000)
 */
export function claimDelta(previous: Claim | undefined, next: Claim): CounterDelta | undefined {
  const after = claimCounters(next);
  const difference: Counters = new Map();
  for (const [name, value] of after) difference.set(name, value);
  for (const [name, value] of previous ? claimCounters(previous) : new Map<string, Big>()) {
    difference.set(name, (difference.get(name) ?? new Big(0)).minus(value));
  }
  for (const [name, value] of difference) if (value.eq(0)) difference.delete(name);
  if (difference.size === 0) return undefined;
  return { shopId: next.shopId, day: next.createdAt.slice(0, 10), counters: difference };
}
