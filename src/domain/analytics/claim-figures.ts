/**
 * What one claim contributes to the analytics counters as a whole, from its present state:
 * its own figures (counted, computed, approved, paid: as `claimCounters`) and the value of
 * the remedies its customer accepted (`given`), all in the claim's filing day.
 *
 * One rule for every figure: a claim adds to the figures exactly when it adds to `count`. So
 * `given` is what the customers of the counted claims accepted, whatever the claim's status
 * (open, approved, rejected or paid: the shop may make amends whatever the claim's outcome), and
 * a withdrawn (cancelled) claim adds nothing at all, what its customer accepted before the
 * withdrawal included: it was filed in error, so it is neither a complaint nor money, and a
 * group's `given` never holds money of claims its `count` leaves out. The
 * claim-change consumer keeps, per claim, the figures it has added so far and adds the
 * difference to the new ones, so a day's counters are always the sum of its claims'
 * `claimFigures`: the same totals the per-change deltas (`claimDelta`) and the remedies'
 * `given` add up to.
 */
import Big from 'big.js';
import type { Claim } from '../claim';
import type { Remedy } from '../remedy';
import type { CurrencyCode } from '../money';
import {
  claimSums,
  spread,
  toMinor,
  type Counters,
  type CountedAs,
  type MinorSum,
} from './figures';

/** A claim's whole contribution to its filing day's counters, in a form small enough to keep. */
export interface ClaimFigures {
  /** The claim's filing day (UTC), YYYY-MM-DD: every counter of the claim is in it. */
  day: string;
  /** What the claim is counted under; absent: it counts for nothing (no cause: filed before causes). */
  counted?: CountedAs;
  /** 1, or 0 for a withdrawn claim (which then has no sums either). */
  count: number;
  /** One sum per metric and currency, integer minor units. */
  sums: MinorSum[];
}

/**
 * @example
 * claimFigures(paidClaim, [acceptedGift]).sums.map((s) => s.metric) // ['computed', 'approved', 'paid', 'given']
 */
export function claimFigures(claim: Claim, remedies: readonly Remedy[]): ClaimFigures {
  const day = claim.createdAt.slice(0, 10);
  if (claim.cause === undefined) return { day, count: 0, sums: [] };
  const { carrier, cause, type } = claim;
  // A withdrawn claim was filed in error: neither a complaint nor money (as claimCounters),
  // and so none of its remedies either: `given` follows `count`.
  const counted = { carrier, cause, type };
  if (claim.status === 'cancelled') return { day, counted, count: 0, sums: [] };
  const sums = claimSums(claim);
  // Every other claim counts what its customer accepted, whatever the claim's outcome.
  const given = new Map<CurrencyCode, Big>();
  for (const remedy of remedies) {
    if (remedy.status !== 'accepted' || remedy.value === undefined) continue;
    const currency = remedy.value.currency;
    given.set(currency, (given.get(currency) ?? new Big(0)).plus(toMinor(remedy.value)));
  }
  for (const [currency, minor] of given) sums.push({ metric: 'given', currency, minor });
  return { day, counted, count: 1, sums };
}

/**
 * The counters of a claim's figures, under every dimension.
 * @example figureCounters(claimFigures(claim, [])).get('count#all#all') // Big(1)
 */
export function figureCounters(figures: ClaimFigures): Counters {
  if (figures.counted === undefined) return new Map();
  return spread(figures.counted, figures.count, figures.sums);
}
