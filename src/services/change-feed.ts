/**
 * Where a committed claim change is announced, so that what is derived from claims (status
 * counts, analytics figures, search keys, the unacknowledged queue) follows it off the
 * request path. The Worker's feed sends the claim id to a Cloudflare Queue; tests and
 * scripts apply it inline (src/services/claim-changes.ts has both).
 */
export interface ClaimChangeFeed {
  /**
   * Called after a change of the claim committed (filing, move, remedy answer). Never
   * throws: a feed that cannot announce records the claim for the reconciliation instead.
   */
  claimChanged(claimId: string): Promise<void>;
}

/** A feed that announces nothing (a tool that only reads). */
export const SILENT_FEED: ClaimChangeFeed = { claimChanged: async () => undefined };
