/**
 * The unacknowledged queue: claims whose customer has not yet been told "we have your
 * claim" (the `ack` message is not recorded sent). Two sparse indexes, like the overdue
 * ones: the CLAIM item carries their keys from filing until the `ack` message is recorded
 * sent (the same transaction removes them) or the claim is settled (the move that makes it
 * final removes them). A claim filed before `acknowledgeBy` existed never enters them.
 *
 * Unlike the other index keys these are not derived from the claim alone (whether the
 * customer was told is a MESSAGE item, not a field), so a move neither rewrites nor
 * removes them, except the move that settles the claim.
 */
import { isFinalStatus, type Claim } from '../../domain/claim';
import { INDEX_PARTITIONS, INDEXES } from '../table';

/** The index key attributes of the queue (both indexes share the sort key). */
export const UNACKNOWLEDGED_ATTRIBUTES: readonly string[] = [
  INDEXES.shopUnacknowledged.pk,
  INDEXES.unacknowledged.pk,
  INDEXES.unacknowledged.sk,
];

/**
 * The queue's keys for a claim being filed: sort key `<acknowledgeBy>#<createdAt>#<id>`,
 * so `ackSk < :now` reads only the claims past their acknowledgement time, oldest first.
 *
 * @example unacknowledgedKeys(claim) // { shopAckPk: 'shop#shop-1#unack', ackPk: 'UNACK', ackSk: '2025-…Z#2025-…Z#clm_1' }
 */
export function unacknowledgedKeys(claim: Claim): Record<string, { S: string }> {
  if (claim.acknowledgeBy === undefined || isFinalStatus(claim.status)) return {};
  return {
    [INDEXES.shopUnacknowledged.pk]: { S: INDEX_PARTITIONS.shopUnacknowledged(claim) },
    [INDEXES.unacknowledged.pk]: { S: INDEX_PARTITIONS.unacknowledged() },
    [INDEXES.unacknowledged.sk]: {
      S: `${claim.acknowledgeBy}#${claim.createdAt}#${claim.id}`,
    },
  };
}

/**
 * Whether a move to `next` removes the index attribute `name` the new claim item lacks:
 * every other index's yes; the queue's only when the claim is settled.
 *
 * @example removedByMove('ackPk', { status: 'in_review' }) // false: still unacknowledged
 */
export function removedByMove(name: string, next: Pick<Claim, 'status'>): boolean {
  return !UNACKNOWLEDGED_ATTRIBUTES.includes(name) || isFinalStatus(next.status);
}
