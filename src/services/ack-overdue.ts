/**
 * `claim.acknowledgement_overdue` on time (issue 23). No change of the claim raises it: its
 * `acknowledgeBy` simply passes. The claim-change consumer announces it once when a reconcile
 * finds the deadline passed unacknowledged (./claim-announcements.ts `becameOverdue`, kept in
 * the tally), and the cron's rolling sweep reconciles every claim, so it is never missed; this
 * bounded step of the 5-minute cron makes it timely. It reads the unacknowledged queue
 * (clerk-wide, sharded, sorted by deadline) past where the last tick stopped, up to now, and
 * reconciles each claim found, which announces it. A claim whose reconcile fails is marked
 * pending (the cron's pending pass reconciles it again) and the step moves on, so one claim
 * never holds up the others. Entries the cursor passed by (written late, or an index that
 * lagged) are the sweep's.
 */
import { errorText, logOf, reconcileClaim, type ClaimChangeDeps } from './claim-changes';
import type { ClaimAnnouncer } from './claim-announcements';

/**
 * Claims one tick reconciles at most: about 7 requests each, beside the claim-change cron's
 * own (src/services/claim-change-jobs.ts) within a tick's subrequests.
 */
export const ACK_OVERDUE_PER_TICK = 25;

/** What the step needs: the claim-change consumer's dependencies, with the webhooks. */
export type AckOverdueDeps = ClaimChangeDeps & { announcer: ClaimAnnouncer };

/** What a tick did: claims whose deadline it found passed, and those that failed (pending). */
export interface AckOverdueReport {
  reconciled: number;
  failed: number;
}

/**
 * Reconciles the claims whose acknowledgement time passed since the last tick, at most
 * `limit`, so each overdue one is announced (once: by its event id and the claim's tally).
 *
 * @example const { reconciled } = await announceOverdueAcks({ storage, clock, announcer });
 */
export async function announceOverdueAcks(
  deps: AckOverdueDeps,
  limit = ACK_OVERDUE_PER_TICK,
): Promise<AckOverdueReport> {
  const { tallies } = deps.storage;
  const now = deps.clock().toISOString();
  const overdue = await tallies.overdueAcks(now, limit);
  let failed = 0;
  for (const { claimId } of overdue) {
    try {
      await reconcileClaim(deps, claimId);
    } catch (error) {
      failed++;
      logOf(deps)({ event: 'claim-change-failed', claimId, error: errorText(error) });
      // The pending pass retries it; if even the marker fails, the sweep reaches it.
      await tallies.markPending(claimId, now).catch(() => undefined);
    }
  }
  await tallies.passOverdueAcks(overdue, now);
  return { reconciled: overdue.length - failed, failed };
}
