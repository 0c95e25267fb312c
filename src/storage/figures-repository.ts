/**
 * What is derived from claims, kept off the request path by the claim-change consumer
 * (src/services/claim-changes.ts): the status counters and the analytics day counters (read
 * by the API and the desk, with the time they were last moved: "as of"), and, per claim,
 * what the consumer has counted of it (its tally), its search entries and its place in the
 * unacknowledged queue.
 */
import type { ClaimFigures, DayFigures } from '../domain/analytics';
import type { Claim, ClaimStatus } from '../domain/claim';

/** How many claims are in each status. */
export type StatusCounts = Record<ClaimStatus, number>;

/** Figures and when the consumer last moved them (ISO instant; absent: never, nothing counted yet). */
export interface AsOf {
  asOf?: string;
}

/**
 * What the status counters say: claims per status, and how many are waiting for their
 * customer's acknowledgement (listed in the unacknowledged queue, due or not yet).
 */
export interface StatusCountFigures extends AsOf {
  counts: StatusCounts;
  unacknowledged: number;
}

/**
 * The per-status counters the consumer keeps (see dynamodb/status-counts.ts).
 *
 * @example const { counts, unacknowledged, asOf } = await statusCounts.counts('demo-shop'); counts.in_review // 2
 */
export interface StatusCountRepository {
  /** One shop's counts, or every shop's when `shopId` is undefined. */
  counts(shopId?: string): Promise<StatusCountFigures>;
}

/**
 * The analytics counters by day (see dynamodb/aggregates.ts).
 *
 * @example const { days, asOf } = await storage.analytics.days({ shopId: 'demo-shop' }, '2026-12-01', '2026-12-31');
 */
export interface AnalyticsRepository {
  /** The day buckets of one shop (or `ALL` shops) from `from` to `to` (YYYY-MM-DD); days with no claims are absent. */
  days(
    scope: { shopId: string } | 'ALL',
    from: string,
    to: string,
  ): Promise<{ days: DayFigures[] } & AsOf>;
}

/**
 * What a claim adds to the derived figures: one in its status's count, one in the count of
 * claims waiting for their acknowledgement while it is listed unacknowledged, its analytics
 * figures.
 */
export interface ClaimContribution {
  shopId: string;
  status: ClaimStatus;
  /** Counted as waiting for its acknowledgement (what `ClaimTarget.ackDue` says). */
  unacknowledged: boolean;
  figures: ClaimFigures;
}

/** What the consumer found of a claim's derived items (read before the claim itself). */
export interface ClaimTally {
  claimId: string;
  /** The tally's revision: every write of the claim's derived items is conditioned on it. Absent: never counted. */
  rev?: number;
  /** What has been added to the counters for the claim (absent: nothing). */
  counted?: ClaimContribution;
  /** The shard of every shop's counters the claim is counted in (storage's business). */
  shard?: number;
  /** The claim's entry in the unacknowledged queue, if listed (its sort key there). */
  ackDue?: string;
  /** The claim's search entries as stored (absent: none), compared with what the claim gives now. */
  search: { claimant?: StoredSearchEntry; reference?: StoredSearchEntry };
  /** What of the claim's history has been announced to the shop's webhooks (absent: nothing). */
  announced?: Announced;
}

/**
 * What of a claim has been announced as webhook events (src/services/claim-announcements.ts):
 * every history event up to `seq`, the answered remedies named (their ids), and whether its
 * overdue acknowledgement was (`ackOverdue`, absent: not yet, or it never became overdue).
 */
export interface Announced {
  seq: number;
  remedies: readonly string[];
  ackOverdue?: boolean;
}

/**
 * A stored search entry as `read` found it: the attributes that place it in the search
 * indexes, name → value (storage's business). `writeSearch` rewrites an entry whose
 * attributes differ from what the claim gives under the current normalisation, so a change
 * of the rule (../claim-search.ts) reaches stored keys through the consumer.
 */
export type StoredSearchEntry = Readonly<Record<string, string>>;

/** What bringing the search entries up to date came to (`stale`: one moved meanwhile, read again). */
export type SearchOutcome = 'written' | 'unchanged' | 'stale';

/** What a claim's derived items should be, from the claim read after its tally. */
export interface ClaimTarget {
  /** Undefined: the claim is gone (nothing to count). */
  claim: Claim | undefined;
  contribution: ClaimContribution | undefined;
  /** Listed as unacknowledged: not settled, `acknowledgeBy` set, `ack` not recorded sent. */
  ackDue: boolean;
  /** What is announced once this converges (absent: as the tally says, unchanged). */
  announced?: Announced;
}

/** A claim past its acknowledgement time, and its place in the queue (storage's business). */
export interface OverdueAck {
  claimId: string;
  place: string;
}

/** What converging came to: written, nothing to write, or someone wrote meanwhile (read again). */
export type ConvergeOutcome = 'written' | 'unchanged' | 'stale';

/** A claim change waiting for the cron (the queue could not be told). */
export interface PendingChange {
  claimId: string;
  /** Opaque: hand it back to `clearPending`. */
  marker: string;
}

/** A stretch of the rolling sweep over every claim. */
export interface SweepPage {
  claimIds: string[];
  /** Where the next stretch starts (opaque); absent: the sweep reached the end. */
  next?: string;
}

/**
 * Per-claim bookkeeping of the consumer, the cron's pending changes and its sweep.
 *
 * @example
 * const tally = await storage.tallies.read('clm_1');
 * await storage.tallies.converge(tally, target, at); // 'written' | 'unchanged' | 'stale'
 */
export interface TallyRepository {
  /** The claim's tally, unacknowledged entry and search entries, strongly consistent. */
  read(claimId: string): Promise<ClaimTally>;
  /**
   * Makes the claim's derived items what `target` says, in one transaction conditioned on the
   * tally being as read: the counters move by the difference. `stale` when the tally moved
   * meanwhile, or the `ack` was recorded meanwhile (read again and converge again).
   */
  converge(tally: ClaimTally, target: ClaimTarget, at: string): Promise<ConvergeOutcome>;
  /**
   * Makes the claim's search entries what the claim gives now (none for a claim that is
   * gone): writes one that is missing or differs from `tally.search`, deletes one the claim
   * no longer gives, each conditioned on the entry being as read (`stale` otherwise: read
   * again). Entries equal to what they should be are not written.
   */
  writeSearch(tally: ClaimTally, claim: Claim | undefined): Promise<SearchOutcome>;
  /** Records a change for the cron (when the queue could not be told). */
  markPending(claimId: string, at: string): Promise<void>;
  /** Up to `limit` recorded changes, oldest first per shard. */
  pending(limit: number): Promise<PendingChange[]>;
  clearPending(change: PendingChange): Promise<void>;
  /** Up to about `limit` claim ids from `from` (a previous `next`; absent: the start). */
  sweep(from: string | undefined, limit: number): Promise<SweepPage>;
  /** Where the cron's sweep stopped, and how many times it went round. */
  sweepCursor(): Promise<{ next?: string; rounds: number }>;
  saveSweepCursor(cursor: { next?: string | undefined; rounds: number }, at: string): Promise<void>;
  /**
   * Up to `limit` claims listed as unacknowledged with a deadline before `before`, oldest
   * deadline first, past what `passOverdueAcks` recorded (the webhooks' overdue step).
   */
  overdueAcks(before: string, limit: number): Promise<OverdueAck[]>;
  /** Records that `passed` were announced: the next `overdueAcks` starts after them. */
  passOverdueAcks(passed: readonly OverdueAck[], at: string): Promise<void>;
}
