/**
 * Personal data of a shop's customers (152-FZ: the shop is the operator, we process on its
 * instruction): what an erasure is asked for, what it erases, and the act that proves it
 * (Roskomnadzor order No. 179 of 28.10.2022: an act plus an extract of the event log).
 */

/** Whom an erasure or an access request is about: one of the person's identifiers or records. */
export type PersonalDataSelector =
  { phone: string } | { email: string } | { claimId: string } | { orderId: string };

/** A person's identifiers (the subject of an access request): a phone or an e-mail. */
export type PersonalDataSubject = { phone: string } | { email: string };

/** Why the data is erased: the shop's request (a subject's demand), or its retention period ran out. */
export type ErasureReason = { kind: 'request' } | { kind: 'retention'; retainDays: number };

/** The categories an erasure destroys (the act names those it found). */
export const ERASURE_CATEGORIES = ['name', 'phone', 'email', 'customer_text'] as const;
/** @example const category: ErasureCategory = 'phone'; */
export type ErasureCategory = (typeof ERASURE_CATEGORIES)[number];

/** The kinds of record an erasure rewrites. */
export const ERASED_RECORD_KINDS = ['claim', 'order', 'message', 'webhook_event'] as const;
/** @example const kind: ErasedRecordKind = 'claim'; */
export type ErasedRecordKind = (typeof ERASED_RECORD_KINDS)[number];

/** A record by kind and id (a message: `<claimId>/<messageId>` or `<shipmentId>/<messageId>`). */
export interface ErasedRecord {
  kind: ErasedRecordKind;
  id: string;
}

/** The mark an erased claim, order or message carries: when, and by which act. */
export interface PersonalDataMark {
  erasedAt: string;
  erasureId: string;
}

/** The actions of an erasure's event-log extract. */
export const ERASURE_ACTIONS = [
  'erasure_started',
  'overwritten',
  'index_entries_deleted',
  'webhook_event_overwritten',
  'erasure_completed',
] as const;
/** @example const action: ErasureAction = 'overwritten'; */
export type ErasureAction = (typeof ERASURE_ACTIONS)[number];

/** One line of the event-log extract: when, what, on which record, by whom. */
export interface ErasureStep {
  at: string;
  action: ErasureAction;
  record?: ErasedRecord;
  /** The shop key id (`key:<id>`), a clerk (`clerk:<id>`), or the retention cron (`system:retention`). */
  actor: string;
}

/** On whose instruction: the shop's request (with the key it came with), or its retention policy. */
export type ErasureInstruction =
  | { kind: 'request'; keyId: string; role: 'shop' | 'clerk' }
  | { kind: 'retention'; retainDays: number };

/** How the data was destroyed (the act's "method"), one fixed text. */
export const ERASURE_METHOD =
  'overwritten in place with tombstones; index entries deleted' as const;

/**
 * The destruction act. `status` is `running` until every record is erased: an erasure
 * interrupted half-way is completed by running it again for the same person (the same act).
 */
export interface ErasureAct {
  /** `pde_` + 32 hex digits. */
  id: string;
  shopId: string;
  /** Whose: the pseudonymous reference of the person (an HMAC of the phone, else e-mail, in the shop). */
  subjectRef: string;
  /** Every reference of the person the erasure found (phone's, e-mail's). */
  subjectRefs: string[];
  categories: ErasureCategory[];
  records: ErasedRecord[];
  startedAt: string;
  completedAt?: string;
  status: 'running' | 'completed';
  method: typeof ERASURE_METHOD;
  instruction: ErasureInstruction;
}
