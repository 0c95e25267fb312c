/**
 * Storage of issue 25 (customers' personal data): the pseudonymous subject index, erasing a
 * claim's or an order's items in place, the destruction acts and their event-log extracts,
 * and the retention entries the daily cron reads. The DynamoDB implementation is
 * ./dynamodb/pd-repository.ts; the keys are in ./dynamodb/pd-keys.ts.
 */
import type {
  ErasedRecord,
  ErasureAct,
  ErasureStep,
  PersonalDataMark,
  PersonIdentifiers,
} from '../domain/personal-data';

/** A record a subject reference points at: a claim (by id) or an order (by the shop's id). */
export interface SubjectRecord {
  kind: 'claim' | 'order';
  id: string;
}

/** What erasing one record rewrote (for the act and its extract). */
export interface RecordErasure {
  /** false: the record was gone, or already erased by another act (nothing written). */
  erased: boolean;
  /** The records rewritten beside it: its messages, the webhook events that carried it. */
  related: ErasedRecord[];
  /** Whether index entries (search keys, subject index) were deleted or re-keyed. */
  indexEntries: boolean;
}

/** A settled record due for erasure on `dueDay` (the retention entry). */
export interface RetentionEntry {
  shopId: string;
  record: SubjectRecord;
  /** YYYY-MM-DD (UTC). */
  dueDay: string;
}

/**
 * @example
 * await personalData.indexRecord('shop-a', ['9c1f…'], { kind: 'claim', id: 'clm_1' });
 * const records = await personalData.recordsOf('shop-a', '9c1f…');
 */
export interface PersonalDataRepository {
  /** Writes one subject-index entry per reference (idempotent puts). */
  indexRecord(shopId: string, refs: readonly string[], record: SubjectRecord): Promise<void>;
  /** Every record indexed under the reference in the shop (follows every page). */
  recordsOf(shopId: string, ref: string): Promise<SubjectRecord[]>;
  /**
   * Starts an act (status `running`) unless one is running for the same person (any of
   * `act.subjectRefs`): then that one is returned, to be completed (a re-run, or two
   * erasures of the same person at once).
   */
  begin(act: ErasureAct): Promise<ErasureAct>;
  /**
   * Overwrites the claim's items with tombstones (body, history, notes, evidence, remedies,
   * head's free text, search entries, webhook events carrying it), conditioned; the body
   * last, with the mark (so an interrupted run is found again and completed); deletes its
   * subject-index entries under `refs`.
   */
  eraseClaim(
    claimId: string,
    who: PersonIdentifiers,
    mark: PersonalDataMark,
    refs: readonly string[],
  ): Promise<RecordErasure>;
  /** The same for an order (its customer; its shipments' messages listed). */
  eraseOrder(
    shopId: string,
    orderId: string,
    who: PersonIdentifiers,
    mark: PersonalDataMark,
    refs: readonly string[],
  ): Promise<RecordErasure>;
  /** Appends lines to the act's event-log extract (one item each). */
  log(shopId: string, erasureId: string, steps: readonly ErasureStep[]): Promise<void>;
  /** Marks the act completed with its records, and frees the person for another act. */
  complete(act: ErasureAct): Promise<ErasureAct>;
  /** The act with its event-log extract (strongly consistent), or undefined. */
  get(
    shopId: string,
    erasureId: string,
  ): Promise<{ act: ErasureAct; steps: ErasureStep[] } | undefined>;
  /** A shop's acts, newest first. */
  list(
    shopId: string,
    page: { limit: number; cursor?: string | undefined },
  ): Promise<{ items: ErasureAct[]; cursor?: string }>;
  /** Writes (or moves) the record's retention entry to `dueDay`. */
  scheduleRetention(entry: RetentionEntry): Promise<void>;
  /** Entries due on or before `today`, oldest first, at most `limit` (across the shards). */
  dueForRetention(today: string, limit: number): Promise<RetentionEntry[]>;
  /** Removes a record's retention entry (erased, or no longer settled). */
  clearRetention(shopId: string, record: SubjectRecord): Promise<void>;
}
