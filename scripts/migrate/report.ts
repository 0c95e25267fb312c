/**
 * What a migration did, counted as it goes and printed at the end: items read per old entity,
 * written per new kind, claims migrated and rebuilt, and everything left out, with why.
 */

/** Why items of the old table were not copied (each reason counted, a few keys shown). */
export const SKIP_REASONS = {
  derived: 'derived figures (COUNTS#/AGG# items): rebuilt from the claims instead',
  expiredKey: 'idempotency record past its window (old IDEM# item): a retry now files anew',
  expiredSession: 'desk session past its expiry',
  orphanMessage: "message of a shipment its order no longer lists (dropped shipment's leftover)",
  headlessClaim: 'claim partition without its CLAIM item',
  evidenceLeftover: "evidence slot beyond the claim's evidenceCount (a failed move's leftover)",
  duplicateEvent: 'shipment event id met twice (the first kept)',
  unknown: 'item of no known layout',
} as const;
export type SkipReason = keyof typeof SKIP_REASONS;

/** Keys shown per skip reason. */
const EXAMPLES = 5;

export interface MigrationReport {
  from: string;
  to: string;
  /** The migration's clock (ISO): what "still in its window" is judged by. */
  now: string;
  target: 'created' | 'exists';
  /** Source items by their old `entity` (COUNTS# items have none). */
  read: Record<string, number>;
  /** Target items by kind (the derived ones, written by the reconciliation, not counted). */
  written: Record<string, number>;
  /** Target items deleted: evidence slots of a claim migrated again (see ./partition.ts). */
  deleted: number;
  claims: {
    migrated: number;
    /** BODY from the old first answer (key still in its window), not the current document. */
    bodiesFromFirstAnswer: number;
    /** IDEM# records written (keys still in their window). */
    keyRecords: number;
    /** Open claims given the guard they lacked (filed before guards existed). */
    guardsAdded: number;
  };
  /** The last step, `npm run rebuild-aggregates` on the new table. */
  rebuild: {
    /** Claims found on the new table. */
    claims: number;
    /** Claims whose derived items (tally, counters, search, ACKDUE) were written. */
    reconciled: number;
    /** Claims not reconciled (busy storage): run the migration (or the rebuild) again. */
    failed: string[];
    /** Counter items that did not add up to the claims' tallies, overwritten. */
    countersCorrected: number;
  };
  /** Partitions met twice by the Scan (re-read whole by a Query). */
  partitionsReread: number;
  skipped: Partial<Record<SkipReason, { count: number; examples: string[] }>>;
  /** Things that were migrated but deserve a look (named, with why). */
  warnings: string[];
}

/** @example newReport('legacy', 'parcel-claims', '2026-11-20T10:00:00.000Z').claims.migrated // 0 */
export function newReport(from: string, to: string, now: string): MigrationReport {
  return {
    from,
    to,
    now,
    target: 'exists',
    read: {},
    written: {},
    deleted: 0,
    claims: {
      migrated: 0,
      bodiesFromFirstAnswer: 0,
      keyRecords: 0,
      guardsAdded: 0,
    },
    rebuild: { claims: 0, reconciled: 0, failed: [], countersCorrected: 0 },
    partitionsReread: 0,
    skipped: {},
    warnings: [],
  };
}

/**
 * Counts an item left out, remembering a few keys.
 * @example skip(report, 'derived', 'AGG#ALL#2026-10')
 */
export function skip(report: MigrationReport, reason: SkipReason, key: string, count = 1): void {
  const entry = (report.skipped[reason] ??= { count: 0, examples: [] });
  entry.count += count;
  if (entry.examples.length < EXAMPLES) entry.examples.push(key);
}

/**
 * Counts a source item by its old entity.
 * @example countRead(report, 'CLAIM')
 */
export function countRead(report: MigrationReport, entity: string): void {
  report.read[entity] = (report.read[entity] ?? 0) + 1;
}

const lines = (counts: Record<string, number>): string[] =>
  Object.entries(counts)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, n]) => `    ${name}: ${n}`);

/**
 * The report as text, for the terminal.
 * @example console.log(formatReport(report));
 */
export function formatReport(report: MigrationReport): string {
  const total = (counts: Record<string, number>) =>
    Object.values(counts).reduce((a, b) => a + b, 0);
  const { claims, rebuild } = report;
  const out = [
    `Migrated ${report.from} → ${report.to} (${report.target === 'created' ? 'created' : 'existing table'}), clock ${report.now}`,
    `  read ${total(report.read)} items:`,
    ...lines(report.read),
    `  wrote ${total(report.written)} items:`,
    ...lines(report.written),
    `  claims: ${claims.migrated} migrated; ${claims.bodiesFromFirstAnswer} with their first answer as body (key in its window), ${claims.keyRecords} idempotency records; ${claims.guardsAdded} open-claim guards added`,
    `  derived items rebuilt (npm run rebuild-aggregates): ${rebuild.claims} claims, ${rebuild.reconciled} written, ${rebuild.countersCorrected} counter items corrected`,
  ];
  if (rebuild.failed.length > 0) {
    out.push(`  NOT rebuilt (storage busy), run again: ${rebuild.failed.join(', ')}`);
  }
  if (report.deleted > 0) {
    out.push(
      `  evidence slots cleared (a claim migrated again with its first answer): ${report.deleted}`,
    );
  }
  if (report.partitionsReread > 0) {
    out.push(`  partitions met twice by the Scan, read again whole: ${report.partitionsReread}`);
  }
  const skipped = Object.entries(report.skipped);
  out.push(skipped.length === 0 ? '  nothing skipped' : '  skipped:');
  for (const [reason, entry] of skipped) {
    const why = SKIP_REASONS[reason as SkipReason];
    out.push(`    ${entry.count} × ${why} (e.g. ${entry.examples.join(', ')})`);
  }
  for (const warning of report.warnings) out.push(`  warning: ${warning}`);
  return out.join('\n');
}
