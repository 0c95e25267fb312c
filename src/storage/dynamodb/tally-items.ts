/**
 * A claim's tally: what the claim-change consumer has added to the counters for it, one
 * small item in the claim's partition (sk TALLY), written only in the transaction that adds
 * the differences to the counters:
 *   rev        N  moved by every write of the claim's derived items; each write is
 *                 conditioned on it (attribute_not_exists for the first)
 *   shard      N  the shard of every shop's counters the claim is counted in (kept: if
 *                 VIEW_SHARDS grows, the claim stays where its figures are)
 *   shopId, status, day   S  what is counted: one in the status's count, figures on the day
 *   unack      BOOL  present (true) while counted as waiting for its acknowledgement
 *   figures    S  JSON of the claim's analytics figures (src/domain/analytics/claim-figures.ts):
 *                 what it is counted under, its count and its sums (money as minor-unit strings)
 *   updatedAt  S  the consumer's clock
 *   announced  S  JSON {seq, remedies, ackOverdue?}: what of the claim the webhooks were told
 *                 (advanced only after the outbox recorded it: src/services/claim-announcements.ts)
 * A claim without a tally has never been counted (filed before the consumer existed): its
 * first reconcile adds its whole contribution.
 */
import Big from 'big.js';
import type { ClaimFigures, MinorSum } from '../../domain/analytics';
import type { ClaimStatus } from '../../domain/claim';
import type { Announced, ClaimContribution } from '../figures-repository';
import type { Item } from './codec';
import { tallyKey } from './keys';

export const TALLY_ENTITY = 'TALLY';

/** The JSON form of figures: sums as [metric, currency, minor units]. */
interface StoredFigures {
  counted?: ClaimFigures['counted'];
  count: number;
  sums: [MinorSum['metric'], MinorSum['currency'], string][];
}

/**
 * The tally item of a claim at revision `rev`.
 * @example tallyItem('clm_1', 2, 0, contribution, at).rev // { N: '2' }
 */
export function tallyItem(
  claimId: string,
  rev: number,
  shard: number,
  counted: ClaimContribution | undefined,
  at: string,
  announced?: Announced,
): Item {
  const item: Item = {
    ...tallyKey(claimId),
    entity: { S: TALLY_ENTITY },
    rev: { N: String(rev) },
    shard: { N: String(shard) },
    updatedAt: { S: at },
    ...(announced === undefined ? {} : { announced: { S: JSON.stringify(announced) } }),
  };
  if (counted === undefined) return item;
  const { counted: what, count, sums } = counted.figures;
  const stored: StoredFigures = {
    ...(what === undefined ? {} : { counted: what }),
    count,
    sums: sums.map((s) => [s.metric, s.currency, s.minor.toFixed(0)]),
  };
  return {
    ...item,
    shopId: { S: counted.shopId },
    status: { S: counted.status },
    ...(counted.unacknowledged ? { unack: { BOOL: true } } : {}),
    day: { S: counted.figures.day },
    figures: { S: JSON.stringify(stored) },
  };
}

/**
 * What a tally item says was counted (undefined: nothing).
 * @example countedOf(tallyItem('clm_1', 1, 0, contribution, at)) // contribution
 */
export function countedOf(item: Item | undefined): ClaimContribution | undefined {
  const shopId = item?.shopId?.S;
  const status = item?.status?.S;
  const day = item?.day?.S;
  const json = item?.figures?.S;
  if (shopId === undefined || status === undefined || day === undefined || json === undefined) {
    return undefined;
  }
  // Written by tallyItem only, so well formed.
  const stored = JSON.parse(json) as StoredFigures;
  return {
    shopId,
    status: status as ClaimStatus,
    // A tally written before the count existed has none: its next reconcile adds it.
    unacknowledged: item?.unack?.BOOL === true,
    figures: {
      day,
      ...(stored.counted === undefined ? {} : { counted: stored.counted }),
      count: stored.count,
      sums: stored.sums.map(([metric, currency, minor]) => ({
        metric,
        currency,
        minor: new Big(minor),
      })),
    },
  };
}

/**
 * What a tally item says was announced (undefined: nothing yet).
 * @example announcedOf(tallyItem('clm_1', 1, 0, undefined, at, { seq: 2, remedies: [] }))?.seq // 2
 */
export function announcedOf(item: Item | undefined): Announced | undefined {
  const json = item?.announced?.S;
  if (json === undefined) return undefined;
  // Written by tallyItem only, so well formed.
  const { seq, remedies, ackOverdue } = JSON.parse(json) as Announced;
  return { seq, remedies, ...(ackOverdue ? { ackOverdue } : {}) };
}

/**
 * Whether two announcement states are the same (absent equals absent only).
 * @example sameAnnounced({ seq: 1, remedies: [] }, { seq: 1, remedies: [] }) // true
 */
export function sameAnnounced(a: Announced | undefined, b: Announced | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return (
    a.seq === b.seq &&
    a.remedies.join(',') === b.remedies.join(',') &&
    (a.ackOverdue ?? false) === (b.ackOverdue ?? false)
  );
}
