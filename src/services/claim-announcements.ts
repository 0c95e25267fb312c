/**
 * Claim events for the shop's webhooks, from the claim's own history (issue 23).
 *
 * The history events (LOG# items) are written in the same transaction as the change they
 * record: they are the outbox. The claim-change consumer (./claim-changes.ts) calls
 * `announceClaim` with what the claim's tally says was announced; each history event and
 * each answered remedy past that is handed to the webhook outbox, oldest first, and what
 * was announced is returned so the consumer keeps it in the tally, in its conditioned
 * write. The tally moves only after `announce` recorded the event, so a crash between the
 * two re-announces, which the outbox ignores (the event id is deterministic). An announce
 * that fails stops there: the tally keeps what was announced before it, and the next
 * reconcile (the queue's retry, the pending marker, the cron's sweep) announces the rest.
 *
 * `claim.acknowledgement_overdue` is time-driven: no change raises it, so it is derived from
 * what the claim says at each reconcile (`becameOverdue`: the deadline passed while the
 * customer was unacknowledged and the claim unsettled) and kept as `ackOverdue` in the tally.
 * The cron's step over the unacknowledged queue (./ack-overdue.ts) reconciles the claims
 * whose deadline just passed, so it is announced within a tick; the cron's rolling sweep
 * reconciles every claim, so one the step's cursor passed by (its queue entry written late,
 * or an index that lagged) is still announced: never missed, once (by id and by the tally).
 *
 * `data` is the claim as GET /v1/claims/{id} answers a shop key (with its customer side, the
 * clerks named by reference: ./clerk-view.ts), as read when it is announced; the event's
 * `sequence` is the history's (the claim version the change produced), so a receiver keeps
 * the latest. A remedy's `data` is the remedy as its route answers it.
 */
import { isFinalStatus, type Claim, type ClaimEvent, type ClaimEventType } from '../domain/claim';
import { customerSide, type Remedy } from '../domain/remedy';
import type { Announced } from '../storage/repository';
import type { OutboundEvent, WebhookEventType } from '../webhooks/types';
import type { Principal } from './actor';
import type { ClerkViews } from './clerk-view';
import type { Outbox } from './webhook-outbox';

/** What announcing claim events needs: the outbox and the callers' views of a claim. */
export interface ClaimAnnouncer {
  outbox: Outbox;
  views: ClerkViews;
}

/** Nothing announced yet. */
export const NOTHING_ANNOUNCED: Announced = { seq: 0, remedies: [] };

/** The webhook event each kind of history event raises (the others raise none). */
const RAISES: Partial<Record<ClaimEventType, WebhookEventType>> = {
  filed: 'claim.filed',
  status_changed: 'claim.status_changed',
  // A move to paid records the payment (src/domain/claim/changes.ts `transition`).
  payment_recorded: 'claim.paid',
};

/**
 * The id of a claim event: one per history entry, so one event per change.
 * @example claimEventId('clm_1', 3) // 'evt_clm_1_3'
 */
export const claimEventId = (claimId: string, seq: number): string => `evt_${claimId}_${seq}`;

/**
 * The id of a remedy's answer: one per remedy (an answer is final).
 * @example remedyEventId('clm_1', 'rm_2') // 'evt_clm_1_remedy_2'
 */
export const remedyEventId = (claimId: string, remedyId: string): string =>
  `evt_${claimId}_remedy_${remedyId.replace(/^rm_/, '')}`;

/**
 * The id of a claim's overdue acknowledgement: once per claim (its deadline is set at filing).
 * @example ackOverdueEventId('clm_1') // 'evt_clm_1_ack_overdue'
 */
export const ackOverdueEventId = (claimId: string): string => `evt_${claimId}_ack_overdue`;

/** What a reconcile knows beside the claim: its messages' sent times and the clock. */
export interface AnnounceContext {
  sent: Readonly<Record<string, string>>;
  now: string;
}

/**
 * Whether the claim's acknowledgement became overdue: its `acknowledgeBy` passed (as of `now`)
 * before the customer was acknowledged (the `ack` recorded sent) and before the claim was
 * settled (its move to a final status). A fact of the data, so any reconcile can tell it.
 *
 * @example becameOverdue(claim, history, { sent: {}, now: claim.acknowledgeBy }) // true
 */
export function becameOverdue(
  claim: Claim,
  history: readonly ClaimEvent[],
  { sent, now }: AnnounceContext,
): boolean {
  const due = claim.acknowledgeBy;
  if (due === undefined || due > now) return false;
  // The move to a final status (a `status_changed`, or the `payment_recorded` of paid).
  const settled = history.find(
    (e) => e.to !== undefined && e.type !== 'filed' && isFinalStatus(e.to),
  );
  const stops = [sent.ack, settled?.at].filter((t): t is string => t !== undefined);
  // Settled without a history entry (cannot happen: every move writes one): not overdue.
  if (isFinalStatus(claim.status) && settled === undefined) return false;
  return stops.every((t) => due < t);
}

/** The principal whose view the events carry: the claim's shop, through a shop key. */
const shopOf = (shopId: string): Principal => ({ keyId: 'webhooks', role: 'shop', shopId });

/**
 * The claim as GET /v1/claims/{id} answers its shop's key: with its customer side, the
 * clerks named by reference (the route's `typedClaim` only narrows the type: same JSON).
 *
 * @example const data = await claimData(announcer, claim, remedies);
 */
async function claimData(
  announcer: Pick<ClaimAnnouncer, 'views'>,
  claim: Claim,
  remedies: readonly Remedy[],
): Promise<unknown> {
  const customer = customerSide(remedies, claim.compensation.amount.currency);
  return announcer.views(shopOf(claim.shopId)).claim({ ...claim, customer });
}

/**
 * What is due, oldest first: history events past `announced.seq`, then unannounced answers,
 * then the overdue acknowledgement if it is not announced yet.
 */
interface Due {
  events: ClaimEvent[];
  answers: Remedy[];
  ackOverdue: boolean;
}

/**
 * What of the claim has not been announced yet (`overdue`: `becameOverdue` of the claim).
 * @example dueOf(history, remedies, NOTHING_ANNOUNCED).events[0]?.type // 'filed'
 */
export function dueOf(
  history: readonly ClaimEvent[],
  remedies: readonly Remedy[],
  announced: Announced,
  overdue = false,
): Due {
  return {
    ackOverdue: overdue && announced.ackOverdue !== true,
    events: history
      .filter((e) => e.seq > announced.seq && RAISES[e.type] !== undefined)
      .sort((a, b) => a.seq - b.seq),
    answers: remedies.filter((r) => r.status !== 'offered' && !announced.remedies.includes(r.id)),
  };
}

/**
 * Announces what of the claim is due and answers what is announced now (to keep in the
 * tally) and the failure that stopped it, if one did (the rest is for the next reconcile).
 * A claim whose history holds nothing to announce advances `seq` past it all the same.
 *
 * @example
 * const { announced, failure } =
 *   await announceClaim(announcer, claim, history, remedies, tally.announced, { sent, now });
 */
export async function announceClaim(
  announcer: ClaimAnnouncer,
  claim: Claim,
  history: readonly ClaimEvent[],
  remedies: readonly Remedy[],
  before: Announced = NOTHING_ANNOUNCED,
  context?: AnnounceContext,
): Promise<{ announced: Announced; failure?: unknown }> {
  // A history read after the claim may hold a newer change: it waits for a claim that has it,
  // so an event's data is never older than the change it reports.
  const seen = history.filter((e) => e.seq <= claim.version);
  const overdue = context !== undefined && becameOverdue(claim, seen, context);
  const due = dueOf(seen, remedies, before, overdue);
  const lastSeq = seen.reduce((max, e) => Math.max(max, e.seq), before.seq);
  const kept = before.ackOverdue ? { ackOverdue: true } : {};
  if (due.events.length === 0 && due.answers.length === 0 && !due.ackOverdue) {
    return { announced: { seq: lastSeq, remedies: before.remedies, ...kept } };
  }
  const data = await claimData(announcer, claim, remedies);
  let seq = before.seq;
  const told = [...before.remedies];
  let ackOverdue = before.ackOverdue === true;
  const announced = () => ({
    seq,
    remedies: announcedRemedies(told),
    ...(ackOverdue ? { ackOverdue } : {}),
  });
  try {
    for (const e of due.events) {
      await announcer.outbox.announce({
        id: claimEventId(claim.id, e.seq),
        type: RAISES[e.type] ?? 'claim.status_changed',
        timestamp: e.at,
        shopId: claim.shopId,
        subject: { kind: 'claim', id: claim.id, sequence: e.seq },
        data,
      });
      seq = e.seq;
    }
    // Every history event is now announced (or raises none).
    seq = lastSeq;
    for (const r of due.answers) {
      await announcer.outbox.announce(await remedyEvent(announcer, claim, r));
      told.push(r.id);
    }
    if (due.ackOverdue) {
      await announcer.outbox.announce(ackOverdueEvent(claim, data));
      ackOverdue = true;
    }
  } catch (failure) {
    return { announced: announced(), failure };
  }
  return { announced: announced() };
}

/**
 * The claim's overdue acknowledgement as an event: at its deadline, the claim as it is now.
 * @example ackOverdueEvent(claim, data).id // 'evt_clm_1_ack_overdue'
 */
export function ackOverdueEvent(claim: Claim, data: unknown): OutboundEvent {
  return {
    id: ackOverdueEventId(claim.id),
    type: 'claim.acknowledgement_overdue',
    // `becameOverdue` holds only for a claim with a deadline.
    timestamp: claim.acknowledgeBy ?? claim.createdAt,
    shopId: claim.shopId,
    subject: { kind: 'claim', id: claim.id, sequence: claim.version },
    data,
  };
}

/** A remedy's answer as an event: the remedy as its route answers a shop key. */
async function remedyEvent(
  announcer: ClaimAnnouncer,
  claim: Claim,
  remedy: Remedy,
): Promise<OutboundEvent> {
  return {
    id: remedyEventId(claim.id, remedy.id),
    type: 'remedy.answered',
    timestamp: remedy.answeredAt ?? remedy.offeredAt,
    shopId: claim.shopId,
    // Its offer is the remedy's first state, its answer (final) the second.
    subject: { kind: 'remedy', id: remedy.id, sequence: 2 },
    data: await announcer.views(shopOf(claim.shopId)).remedy(remedy),
  };
}

/**
 * The remedies announced, as kept: the answered ones by id (an order-free list).
 * @example announcedRemedies(['rm_2', 'rm_1']) // ['rm_1', 'rm_2']
 */
export const announcedRemedies = (ids: readonly string[]): string[] =>
  [...new Set(ids)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
