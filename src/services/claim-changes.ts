/**
 * What is derived from claims, kept off the request path (issue 18: "nothing shared between
 * shops in a request's write"): the status counts, the analytics counters (a shop's and
 * every shop's), the search entries, the unacknowledged queue (and its count), and the link
 * a claim filed from a shipment gives that shipment (issue 21). A request commits the
 * claim change alone and announces it (`ClaimChangeFeed`); `reconcileClaim` then brings the
 * claim's derived items to what the claim says, wherever the announcement is applied: the
 * Worker's queue consumer, the cron (./claim-change-jobs.ts), inline in tests and scripts.
 *
 * Idempotent and order-free: `reconcileClaim` reads the claim's tally (what has been counted
 * of it), THEN the claim, its remedies and its sent messages, and writes the difference in
 * one transaction conditioned on the tally being unchanged. The claim read after the tally
 * is at least as new as what the tally's writer read, so the last write to succeed was made
 * from the latest claim; a consumer whose tally moved meanwhile writes nothing and reads
 * again. Applying a change twice, late, or out of order converges to the same figures.
 */
import { claimFigures } from '../domain/analytics';
import { isFinalStatus, type Claim } from '../domain/claim';
import { claimRef } from '../domain/shipment';
import type { Remedy } from '../domain/remedy';
import {
  StorageBusyError,
  type ClaimTarget,
  type ShipmentClaimLink,
  type Storage,
} from '../storage/repository';
import type { ClaimChangeFeed } from './change-feed';
import { announceClaim, type ClaimAnnouncer } from './claim-announcements';
import type { Defer } from './shipments';

/** What applying claim changes needs. */
export interface ClaimChangeDeps {
  storage: Storage;
  /** The consumer's clock: the counters' `updatedAt` ("as of"). */
  clock: () => Date;
  /** Where failures are told (default: one JSON line on stderr). */
  log?: (line: ClaimChangeLogLine) => void;
  /**
   * The shop's webhooks, told of the claim's history (./claim-announcements.ts); absent: the
   * tally's announcements stay as they are (nothing is announced, nothing is skipped).
   */
  announcer?: ClaimAnnouncer;
  /**
   * Issue 25: the claim's personal-data items (its subject-index entries, its retention
   * entry once settled: ./personal-data.ts `onClaimChanged`); absent: none are kept.
   */
  personalData?: { onClaimChanged(claim: Claim): Promise<void> };
}

/** A line about a change that could not be applied now (it will be, later). */
export interface ClaimChangeLogLine {
  event:
    | 'claim-change-failed'
    | 'claim-change-unannounced'
    | 'claim-change-lost'
    | 'claim-announce-failed';
  claimId: string;
  error: string;
}

/** The body of a queue message: which claim changed (the consumer reads the rest). */
export interface ClaimChangeMessage {
  claimId: string;
}

/** Some of a claim's events could not be announced: the next reconcile announces them. */
export class AnnounceError extends Error {
  override readonly name = 'AnnounceError';
  constructor(
    readonly claimId: string,
    override readonly cause: unknown,
  ) {
    super(`claim ${claimId}: events not announced (${errorText(cause)})`);
  }
}

/** Rounds of read-and-converge before the consumer gives up for now (the queue retries). */
const MAX_ROUNDS = 12;

const defaultLog = (line: ClaimChangeLogLine) => console.error(JSON.stringify(line));
/** @example logOf(deps)({ event: 'claim-change-failed', claimId, error: errorText(e) }) */
export const logOf = (deps: ClaimChangeDeps) => deps.log ?? defaultLog;
/** @example errorText(new StorageBusyError('contention', 1)) // 'StorageBusyError: Storage busy (contention)' */
export const errorText = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/**
 * What a claim's derived items should be: one in its status's count, its analytics figures
 * (its remedies' `given` included), listed (and counted) as unacknowledged while it is not
 * settled, has an acknowledgement deadline and its `ack` is not recorded sent.
 *
 * @example targetOf(claim, [], {}).ackDue // true for a claim just filed with acknowledgeBy
 */
export function targetOf(
  claim: Claim | undefined,
  remedies: readonly Remedy[],
  sent: Readonly<Record<string, string>>,
): ClaimTarget {
  if (claim === undefined) return { claim, contribution: undefined, ackDue: false };
  const ackDue = !isFinalStatus(claim.status) && claim.acknowledgeBy !== undefined && !sent.ack;
  return {
    claim,
    contribution: {
      shopId: claim.shopId,
      status: claim.status,
      unacknowledged: ackDue,
      figures: claimFigures(claim, remedies),
    },
    ackDue,
  };
}

/**
 * The link a claim filed from a shipment gives that shipment (what the late listing shows of
 * it, and what stops its lateness: src/domain/shipment/lateness-stop.ts); none for a claim
 * filed without a shipment (by waybill alone) or gone.
 *
 * @example linkOf(claim)?.ref.status // 'paid'
 */
export function linkOf(claim: Claim | undefined): ShipmentClaimLink | undefined {
  if (claim?.shipmentId === undefined) return undefined;
  const { shopId, shipmentId, version } = claim;
  return { shopId, shipmentId, claimVersion: version, ref: claimRef(claim) };
}

/**
 * Brings the claim's derived items to what the claim says now: `written`, or `unchanged`
 * when they already were. Safe to call any number of times, concurrently, in any order.
 *
 * @throws {StorageBusyError} the claim's counters stayed contended (the caller retries later).
 * @example await reconcileClaim({ storage, clock }, 'clm_1'); // 'written'
 */
export async function reconcileClaim(
  deps: ClaimChangeDeps,
  claimId: string,
): Promise<'written' | 'unchanged'> {
  const { storage } = deps;
  // A round that wrote anything (search entries, tally) makes the answer `written`, even if
  // a later round, reading again after a `stale`, finds nothing left to write.
  let wrote = false;
  for (let round = 1; ; round++) {
    try {
      const tally = await storage.tallies.read(claimId);
      // Read after the tally, never before (see the file's comment).
      const [claim, remedies, sent, history] = await Promise.all([
        storage.claims.get(claimId),
        storage.remedies.list(claimId),
        storage.messagesSent.sentTimes({ claimId }),
        deps.announcer ? storage.claims.history(claimId) : Promise.resolve([]),
      ]);
      // Search entries written under an older normalisation are rewritten here too.
      const searched = await storage.tallies.writeSearch(tally, claim);
      // Announced before the tally records it: a crash between re-announces (a no-op by id).
      const told =
        deps.announcer && claim
          ? await announceClaim(deps.announcer, claim, history, remedies, tally.announced, {
              sent,
              now: deps.clock().toISOString(),
            })
          : undefined;
      const target = {
        ...targetOf(claim, remedies, sent),
        ...(told ? { announced: told.announced } : {}),
      };
      const outcome = await storage.tallies.converge(tally, target, deps.clock().toISOString());
      wrote ||= searched === 'written' || outcome === 'written';
      if (outcome !== 'stale' && searched !== 'stale') {
        // The shipment's link: guarded by the claim's version, so a round's claim read will do.
        const link = linkOf(claim);
        const linked = link === undefined ? 'unchanged' : await storage.shipments.linkClaim(link);
        if (claim !== undefined) await deps.personalData?.onClaimChanged(claim);
        // What was not announced is left behind in the tally: thrown, so the queue retries
        // (or the change is marked pending for the cron).
        if (told?.failure !== undefined) throw new AnnounceError(claimId, told.failure);
        return wrote || linked === 'written' ? 'written' : 'unchanged';
      }
    } catch (error) {
      if (!(error instanceof StorageBusyError) || round >= MAX_ROUNDS) throw error;
    }
    if (round >= MAX_ROUNDS) throw new StorageBusyError('contention', 1);
    // Other claims' consumers on the same counters: back off, with jitter, and read again.
    await new Promise((done) => setTimeout(done, Math.random() * 25 * 2 ** Math.min(round, 6)));
  }
}

/** Records a change for the cron; if even that fails, the cron's sweep reaches the claim in time. */
async function recordForCron(deps: ClaimChangeDeps, claimId: string, cause: unknown) {
  const log = logOf(deps);
  try {
    await deps.storage.tallies.markPending(claimId, deps.clock().toISOString());
    log({ event: 'claim-change-unannounced', claimId, error: errorText(cause) });
  } catch (error) {
    log({ event: 'claim-change-lost', claimId, error: `${errorText(cause)}; ${errorText(error)}` });
  }
}

/**
 * Applies each change before answering (tests, scripts, a Worker without the queue), so
 * what an answer reads next is already derived. Never throws: a change that could not be
 * applied is left to the cron.
 *
 * @example const app = createApp({ ...deps, changes: inlineFeed({ storage, clock }) });
 */
export function inlineFeed(deps: ClaimChangeDeps): ClaimChangeFeed {
  return {
    async claimChanged(claimId) {
      try {
        await reconcileClaim(deps, claimId);
      } catch (error) {
        await recordForCron(deps, claimId, error);
      }
    },
  };
}

/** The producer side of the Cloudflare Queue (`env.CLAIM_CHANGES`). */
export interface ChangeQueue {
  send(body: ClaimChangeMessage, options?: { contentType?: 'json' }): Promise<unknown>;
}

/**
 * Announces each change on the queue, after the answer when the request can wait for work
 * (`defer`: the request's waitUntil), else before it. Never throws: a send that fails
 * records the change for the cron.
 *
 * @example changes: queueFeed(env.CLAIM_CHANGES, { storage, clock, defer: requestDefer })
 */
export function queueFeed(
  queue: ChangeQueue,
  deps: ClaimChangeDeps & { defer?: () => Defer | undefined },
): ClaimChangeFeed {
  const announce = async (claimId: string) => {
    try {
      await queue.send({ claimId }, { contentType: 'json' });
    } catch (error) {
      await recordForCron(deps, claimId, error);
    }
  };
  return {
    async claimChanged(claimId) {
      const defer = deps.defer?.();
      if (defer === undefined) await announce(claimId);
      else defer(() => announce(claimId));
    },
  };
}
