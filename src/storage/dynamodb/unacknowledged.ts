/**
 * The unacknowledged queue: claims whose customer has not yet been told "we have your claim"
 * (the `ack` message is not recorded sent) and whose acknowledgement has a deadline. One
 * small item per such claim in its partition (sk ACKDUE), in a shop's view (gsi3) and its
 * clerk-wide sharded twin (gsi4), sorted by `<acknowledgeBy>#<createdAt>#<id>`, so
 * `sort < :now` reads only the claims past their acknowledgement time, oldest first.
 *
 * The claim-change consumer creates it (with a check, in the same transaction, that the
 * `ack` is not recorded: an ack recorded meanwhile wins) and deletes it once the claim is
 * settled; recording the `ack` sent deletes it in the same transaction as the MESSAGE item
 * (./message-repository.ts), so the customer counts as acknowledged exactly when the queue
 * stops listing the claim. A claim filed before `acknowledgeBy` existed is never listed.
 */
import { isFinalStatus, type Claim } from '../../domain/claim';
import type { Item } from './codec';
import { ackDueKey, CLAIM_VIEWS, createdSort, indexKeys } from './keys';

export const ACK_DUE_ENTITY = 'ACKDUE';

/**
 * The claim's sort key in the queue, or undefined when it is not to be listed whatever the
 * messages say (settled, or no `acknowledgeBy`).
 *
 * @example ackDueSort(claim) // '2025-03-01T01:00:00.000Z#2025-03-01T00:00:00.000Z#clm_1'
 */
export function ackDueSort(claim: Claim): string | undefined {
  if (claim.acknowledgeBy === undefined || isFinalStatus(claim.status)) return undefined;
  return `${claim.acknowledgeBy}#${createdSort(claim)}`;
}

/**
 * The queue's item of a claim listed under `sort`.
 * @example ackDueItem(claim, ackDueSort(claim)!, 1).gsi4pk // { S: 'UNACK#1' }
 */
export function ackDueItem(claim: Claim, sort: string, shard: number): Item {
  const view = CLAIM_VIEWS.unacknowledged;
  return {
    ...ackDueKey(claim.id),
    entity: { S: ACK_DUE_ENTITY },
    shopId: { S: claim.shopId },
    ...indexKeys(view.indexes[0], view.shop(claim.shopId), sort),
    ...indexKeys(view.indexes[1], view.clerk(shard), sort),
  };
}
