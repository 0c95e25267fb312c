/**
 * Who on the desk works on a claim: a clerk takes it ("assign to me") or lets it go
 * ("unassign"). Either is a change of the claim like a status move (version + 1, one
 * history event), so it is conditioned on the version read and shows in the history,
 * but it never touches the status. Only clerks assign (the API and the desk check the role).
 */
import type { ChangeContext, ClaimChange } from './changes';
import type { Claim, ClaimAssignee, ClaimEventType } from './types';

function change(claim: Claim, next: Claim, ctx: ChangeContext, type: ClaimEventType): ClaimChange {
  return {
    claim: next,
    event: { claimId: claim.id, seq: next.version, at: ctx.at, actor: ctx.by, type },
  };
}

/**
 * The claim assigned to `assignee` (another clerk's assignment is taken over); none when it
 * is already theirs.
 *
 * @example
 * assignClaim(claim, { id: 'k1', name: 'Ольга' }, { at, by: { role: 'clerk', id: 'clerk:k1' } })
 */
export function assignClaim(
  claim: Claim,
  assignee: ClaimAssignee,
  ctx: ChangeContext,
): ClaimChange[] {
  if (claim.assignee?.id === assignee.id) return [];
  const next: Claim = { ...claim, assignee, updatedAt: ctx.at, version: claim.version + 1 };
  return [change(claim, next, ctx, 'assigned')];
}

/**
 * The claim with nobody on it; none when nobody was.
 *
 * @example unassignClaim(claim, { at, by: { role: 'clerk', id: 'clerk:k1' } })
 */
export function unassignClaim(claim: Claim, ctx: ChangeContext): ClaimChange[] {
  if (claim.assignee === undefined) return [];
  const { assignee: _gone, ...rest } = claim;
  const next: Claim = { ...rest, updatedAt: ctx.at, version: claim.version + 1 };
  return [change(claim, next, ctx, 'unassigned')];
}
