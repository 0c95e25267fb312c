/**
 * Every move on a filed claim, as one pure function over a command: where a
 * move happens. The API and the desk both send a `ClaimCommand`; the rules of
 * each move (the status machine, the decision's amounts, the payout, the
 * evidence checklist, needs_info → in_review once the shop answers) are here
 * and in the functions this file calls, nowhere else.
 */
import type { IsoDate } from '../calendar/dates';
import type { EvidenceKind } from '../evidence';
import { resolvePolicy } from '../policies';
import { decide, recordPayment, type DecisionInput, type PaymentInput } from './decision';
import { missingEvidence, numberedEvidence } from './filing';
import { MAX_EVIDENCE_PER_ADDITION } from './errors';
import { DomainError } from '../errors';
import { assignClaim, unassignClaim } from './assignment';
import { addEvidence, transition, type ClaimChange } from './changes';
import type { Claim, ClaimActor, ClaimAssignee, ClaimEvent, ClaimEvidence } from './types';
import { changeCause, type ClaimCause } from './cause';
import { EVIDENCE_ADDED_NOTE } from './comments';

/** Evidence as a shop (or a clerk on the phone) gives it; `addedAt` is the move's instant. */
export type EvidenceInput = Omit<ClaimEvidence, 'id' | 'addedAt'> & { kind: EvidenceKind };

/**
 * What a caller asks of a claim.
 *
 * @example const command: ClaimCommand = { type: 'decide', decision: 'rejected', reason: 'Delivered on time' };
 */
export type ClaimCommand =
  | { type: 'review'; note?: string | undefined }
  | { type: 'cancel'; note?: string | undefined }
  | { type: 'addEvidence'; evidence: readonly EvidenceInput[] }
  | ({ type: 'decide' } & DecisionInput)
  | ({ type: 'pay' } & PaymentInput)
  | { type: 'assign'; assignee: ClaimAssignee }
  | { type: 'unassign' }
  // A clerk corrects the cause (no change, no event, when it is the same).
  | { type: 'changeCause'; cause: ClaimCause; note?: string | undefined };

export type ClaimCommandType = ClaimCommand['type'];

/** Who moves the claim, and when (today in the claims desk's calendar). */
export interface CommandContext {
  at: string;
  today: IsoDate;
  by: ClaimActor;
}

/** The claim after a command, and the history events it appends (one or two). */
export interface ClaimMove {
  claim: Claim;
  events: ClaimEvent[];
}

const withNote = (note: string | undefined) => (note ? { note } : {});

/** Evidence appended, the checklist recomputed; a claim waiting for it goes back into review. */
function addEvidenceMove(claim: Claim, given: readonly EvidenceInput[], ctx: CommandContext) {
  if (given.length === 0 || given.length > MAX_EVIDENCE_PER_ADDITION) {
    const message = `add from 1 to ${MAX_EVIDENCE_PER_ADDITION} evidence entries at a time, not ${given.length}`;
    throw new DomainError('invalid-input', message, '/evidence');
  }
  const added = numberedEvidence(claim.evidence, given, ctx.at);
  const { compensation } = claim;
  const awaited = 'missingEvidence' in compensation ? compensation.missingEvidence : [];
  const checklist = resolvePolicy(claim.carrier).claims.evidence[claim.type];
  const missing = missingEvidence(checklist, awaited, [...claim.evidence, ...added]);
  const withEvidence = addEvidence(claim, { evidence: added, missingEvidence: missing }, ctx);
  if (claim.status !== 'needs_info') return [withEvidence];
  const note = EVIDENCE_ADDED_NOTE;
  return [withEvidence, transition(withEvidence.claim, 'in_review', { ...ctx, note })];
}

function changesOf(claim: Claim, command: ClaimCommand, ctx: CommandContext): ClaimChange[] {
  switch (command.type) {
    case 'review':
      return [transition(claim, 'in_review', { ...ctx, ...withNote(command.note) })];
    case 'cancel':
      return [transition(claim, 'cancelled', { ...ctx, ...withNote(command.note) })];
    case 'addEvidence':
      return addEvidenceMove(claim, command.evidence, ctx);
    case 'decide': {
      const { type: _type, ...input } = command;
      return [decide(claim, input, ctx)];
    }
    case 'pay': {
      const { type: _type, ...input } = command;
      return [recordPayment(claim, input, ctx)];
    }
    case 'assign':
      return assignClaim(claim, command.assignee, ctx);
    case 'unassign':
      return unassignClaim(claim, ctx);
    case 'changeCause': {
      const change = changeCause(claim, command.cause, { ...ctx, ...withNote(command.note) });
      return change ? [change] : [];
    }
  }
}

/**
 * Applies a command to a claim: the next claim (version + events) and the
 * events to append, or a `DomainError` (a `ClaimStateError` when the status
 * does not allow it, `invalid-input` when an amount or date breaks a rule).
 *
 * @example
 * const { claim, events } = applyCommand(claim, { type: 'review' }, { at, today, by });
 */
export function applyCommand(claim: Claim, command: ClaimCommand, ctx: CommandContext): ClaimMove {
  const changes = changesOf(claim, command, ctx);
  const last = changes[changes.length - 1];
  return { claim: last ? last.claim : claim, events: changes.map((change) => change.event) };
}
