/**
 * What the application needs from storage, with no database types in sight.
 * The DynamoDB implementation lives in `./dynamodb`; tests run it against
 * DynamoDB Local.
 */
import type { ActorRole, Claim, ClaimEvent, ClaimStatus, ClaimType } from '../domain/claim';
import type { Remedy } from '../domain/remedy';
import type { ShopProfile } from '../domain/shop';
import type {
  AnalyticsRepository,
  StatusCountRepository,
  TallyRepository,
} from './figures-repository';
import type { ShipmentRepository } from './shipment-repository';
import type { ClaimSearch } from './claim-search';
import type { CarrierHookRepository, UnmatchedEventRepository } from './carrier-hook-repository';
import type { WebhookRepository } from './webhook-repository';

export * from './errors';
export * from './figures-repository';
export * from './shipment-repository';
export type { ClaimSearch, SearchField } from './claim-search';
export type * from './carrier-hook-repository';
export * from './webhook-repository';

/**
 * An Idempotency-Key's record: an item of its own (`IDEM#<shop>#<key>`), written in the
 * filing's transaction, removed by the table's TTL after `expiresAt`. The key's shop is
 * the claim's.
 */
export interface IdempotencyRecord {
  key: string;
  /** A hash of the request body (the filing), to tell a retry from another request under the key. */
  fingerprint: string;
  /** Unix epoch seconds: after it the key is forgotten (and the table's TTL removes the record). */
  expiresAt: number;
  /**
   * The filing's clock, epoch seconds: a record whose `expiresAt` is before it is expired, and
   * the filing takes the key over (TTL deletes lazily, so the record may still be there).
   */
  nowSeconds: number;
}

/** What an Idempotency-Key that filing found in use holds: its record and the claim it filed. */
export interface StoredFiling {
  claimId: string;
  fingerprint: string;
  expiresAt: number;
  /** The claim as first answered (its written-once document), JSON. */
  response: string;
}

/**
 * What filing found: written; the key in use (and what it filed, for the caller to replay or
 * refuse); the id taken (never replaced); or the open-claim guard held by another claim.
 */
export type CreateClaimResult =
  | { created: true; claim: Claim }
  | { created: false; taken: 'key'; stored: StoredFiling }
  | { created: false; taken: 'id' }
  | { created: false; taken: 'open-claim'; existingClaimId: string };

export interface CreateClaimOptions {
  /** With an Idempotency-Key: its record, written in the filing's transaction. */
  idempotency?: IdempotencyRecord | undefined;
  /**
   * What the shop may have only one open claim of this type for (`waybill:<w>`):
   * a guard item written in the same transaction as the claim, refused while another
   * open claim holds it, released by the move that settles the claim (pass the same
   * subject to `update`). Without it, no guard.
   */
  openClaim?: string | undefined;
}

/** A claim as a listing carries it: the evidence entries are counted, not included. */
export type ClaimSummary = Omit<Claim, 'evidence'> & { evidenceCount: number };

/** List filters; all optional and combinable (AND). */
export interface ClaimFilter {
  shopId?: string;
  status?: ClaimStatus;
  type?: ClaimType;
  waybill?: string;
  carrier?: string;
  /** YYYY-MM-DD: only claims with `answerDueBy` before it and a non-final status. */
  overdueAsOf?: string;
  /**
   * ISO instant: only claims not settled whose `ack` message is not recorded sent and whose
   * `acknowledgeBy` is before it (the unacknowledged queue).
   */
  unacknowledgedAsOf?: string;
  /**
   * The index's order reversed: oldest first, or (on the due-date indexes) the
   * soonest answer date first. Default: newest / latest first.
   */
  ascending?: boolean;
  // The queue's search and "assigned to me".
  /** Claims whose field starts with the text (normalised: see ./claim-search.ts), in its order. */
  search?: ClaimSearch;
  /** Only claims assigned to this clerk key (a filter on the listing's index). */
  assigneeId?: string;
}

export interface PageRequest {
  /** 1..1000 */
  limit: number;
  /**
   * Who lists (e.g. the API key id): the cursors handed out open only for the same
   * caller and the same filter.
   */
  caller: string;
  /** An opaque `nextCursor` from the previous page of the same filter, for the same caller. */
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** Absent on the last page. */
  nextCursor?: string;
}

/**
 * Claims, their evidence and their history. Storage never replaces an id it was given.
 * A claim is kept as a written-once document (the claim as filed) and a small head of
 * what moves change (see ./dynamodb/claim-items.ts); reads join them back.
 *
 * @example
 * const result = await claims.create(claim, event, { idempotency: { key, fingerprint, expiresAt, nowSeconds }, openClaim: `waybill:${claim.waybill}` });
 * if (!result.created && result.taken === 'key') decide(result.stored);
 */
export interface ClaimRepository {
  /**
   * Writes the claim (with its first event and its evidence), its idempotency record and
   * its open-claim guard atomically, under `claim.id`. Nothing is written when the key is in
   * use (the answer says what it filed), the id is taken, or the guard is held.
   */
  create(claim: Claim, event: ClaimEvent, options?: CreateClaimOptions): Promise<CreateClaimResult>;
  /** The claim as last written with its evidence (strongly consistent), or undefined. */
  get(id: string): Promise<Claim | undefined>;
  /**
   * Replaces `previous` (as read) by `next` if the claim is still at `previous.version`,
   * and appends the event(s) and any evidence `next` adds, atomically. `next.version`
   * must be `previous.version + events`. A move to a final status releases the guard of
   * `openClaim` (as filed).
   * @throws {ConflictError} with `currentVersion` when the claim moved on.
   * @throws {NotFoundError} when the claim does not exist.
   */
  update(
    previous: Claim,
    next: Claim,
    events: ClaimEvent | readonly ClaimEvent[],
    options?: { openClaim?: string | undefined },
  ): Promise<Claim>;
  /** Every event of the claim, ascending by `seq`. */
  history(claimId: string): Promise<ClaimEvent[]>;
  /**
   * Claims matching `filter`, newest first (createdAt desc, id desc); the
   * overdue listing is ordered by answerDueBy desc, then newest first;
   * `filter.ascending` reverses either order. Each without its evidence entries, with
   * their number (`evidenceCount`).
   * @throws {InvalidCursorError} for a cursor not issued to this caller for this filter.
   */
  list(filter: ClaimFilter, page: PageRequest): Promise<Page<ClaimSummary>>;
}

/** A stored API key: only the SHA-256 of the secret is kept. */
export interface ApiKeyRecord {
  keyId: string;
  /** Lowercase hex SHA-256 of the whole key string. */
  secretHash: string;
  role: ActorRole;
  /** Set for role `shop`, absent for `clerk`. */
  shopId?: string;
  /**
   * A shop's test key (`pct_test_…`): it works in the sandbox shop `<shopId>~test`
   * (src/storage/api-keys.ts `sandboxShopId`), never in the live one. Absent: a live key.
   */
  test?: true;
  /** A clerk's name as the desk shows it (1–80 characters); history keeps storing the key id. */
  displayName?: string;
  /** The IANA time zone a clerk reads the desk's times in (absent: the desk's default). */
  timeZone?: string;
  createdAt: string;
  revokedAt?: string;
}

export type NewApiKey = Omit<ApiKeyRecord, 'revokedAt'>;

/**
 * API keys, looked up by hash on every authenticated request.
 *
 * @example
 * const record = await apiKeys.findByHash(await hashApiKey(bearer));
 * if (!record) return unauthorized();
 */
export interface ApiKeyRepository {
  /** @throws {ConflictError} when the key id or hash already exists. */
  create(key: NewApiKey): Promise<ApiKeyRecord>;
  /** Any key by id, revoked or not. */
  get(keyId: string): Promise<ApiKeyRecord | undefined>;
  /** The ACTIVE key with this hash; revoked and unknown keys both give undefined. */
  findByHash(secretHash: string): Promise<ApiKeyRecord | undefined>;
  /**
   * Disables the key; revoking twice keeps the first `revokedAt`.
   * @throws {NotFoundError} when no such key exists.
   */
  revoke(keyId: string, at: string): Promise<ApiKeyRecord>;
  /**
   * A clerk's own setting: the time zone the desk shows times in, on both items of the key.
   * @throws {NotFoundError} when no such key exists.
   * @throws {RangeError} not a clerk key, or a zone id empty or over 64 characters (the
   *   services check it is a zone the runtime knows).
   */
  setTimeZone(keyId: string, timeZone: string): Promise<ApiKeyRecord>;
  /** All keys, oldest first (an admin listing for the CLI). */
  list(): Promise<ApiKeyRecord[]>;
}

/** A clerk's signed-in desk session, kept on the server so that signing out can end it. */
export interface DeskSessionRecord {
  /** The clerk key that signed in. */
  keyId: string;
  /** Random, at least 128 bits; the cookie carries it signed. */
  sessionId: string;
  /** ISO instant of the sign-in. */
  createdAt: string;
  /** Unix epoch seconds: from then on the session is over (the table's TTL removes it later). */
  expiresAt: number;
}

/**
 * The desk's sessions, grouped by clerk key.
 *
 * @example
 * await deskSessions.create({ keyId, sessionId, createdAt, expiresAt });
 * const session = await deskSessions.get(keyId, sessionId, nowSeconds); // undefined once signed out
 */
export interface DeskSessionRepository {
  /** @throws {ConflictError} when the key already has a session with this id. */
  create(session: DeskSessionRecord): Promise<DeskSessionRecord>;
  /**
   * The session (strongly consistent), or undefined when it was never made, was
   * deleted, or has expired at `nowSeconds` (TTL deletes lazily: the read checks too).
   */
  get(keyId: string, sessionId: string, nowSeconds: number): Promise<DeskSessionRecord | undefined>;
  /** Ends one session; ending a missing one is no error. */
  delete(keyId: string, sessionId: string): Promise<void>;
  /** Ends every session of the key ("sign out everywhere"); the number ended. */
  deleteAllForKey(keyId: string): Promise<number>;
}

/**
 * Shops' profiles, one per shop.
 *
 * @example
 * const current = await shops.get('demo-shop');
 * await shops.put({ ...input, shopId: 'demo-shop', version: (current?.version ?? 0) + 1, updatedAt });
 */
export interface ShopRepository {
  get(shopId: string): Promise<ShopProfile | undefined>;
  /**
   * Writes the profile if the stored one is at `version − 1` (none stored, for version 1).
   * @throws {ConflictError} when another write came first.
   */
  put(profile: ShopProfile): Promise<ShopProfile>;
}

/** Whose messages: a claim's, or a (late) shipment's of a shop. */
export type MessageSubject = { claimId: string } | { shopId: string; shipmentId: string };

/**
 * When the customer messages of a claim or a shipment were sent (the drafts themselves are
 * rendered, not stored).
 *
 * @example
 * await messagesSent.markSent({ claimId: 'clm_…' }, 'ack', at); // the first time recorded, kept
 */
export interface MessageSentRepository {
  /**
   * Records the message as sent at `at`, unless it was already: the stored time is returned.
   * A claim's `ack` takes the claim out of the unacknowledged queue in the same write.
   */
  markSent(subject: MessageSubject, messageId: string, at: string): Promise<string>;
  /** Message id → sentAt, for every message of the subject recorded as sent. */
  sentTimes(subject: MessageSubject): Promise<Record<string, string>>;
}

/**
 * What recording the customer's answer came to: written; refused because the claim is in one
 * of the statuses the answer was conditioned against (`claimStatus`, read again); or the
 * remedy as it stands (if it exists).
 */
export type RemedyAnswerResult =
  | { answered: true; remedy: Remedy }
  | { answered: false; claimStatus: ClaimStatus }
  | { answered: false; current?: Remedy };

/**
 * The remedies offered to a claim's customer, kept beside the claim (not in it).
 *
 * @example
 * const n = await remedies.takeNumber(claimId, 0); // 1 for a claim's first offer
 * await remedies.create({ id: `rm_${n}`, claimId, kind: 'refund', value, status: 'offered', offeredAt, offeredBy });
 * const result = await remedies.answer({ ...offered, status: 'accepted', answeredAt, answeredBy }, ['cancelled']);
 */
export interface RemedyRepository {
  /** Every remedy of the claim, oldest first (strongly consistent). */
  list(claimId: string): Promise<Remedy[]>;
  /**
   * A number for the claim's next offer that no other call has had or will have, however
   * many ask at once: the numbers rise in the order they are asked for. A claim's first
   * number is `after + 1` (`after`: its highest remedy number, for claims whose offers were
   * numbered before storage kept count); a number whose offer is never written is skipped.
   */
  takeNumber(claimId: string, after: number): Promise<number>;
  /**
   * Writes a new offer under its id (`rm_<n>`, n from `takeNumber`).
   * @throws {ConflictError} when the id is taken (only by an offer numbered without `takeNumber`).
   */
  create(remedy: Remedy): Promise<Remedy>;
  /**
   * Replaces the remedy by `next` (its answered form) if it is still `offered` and, in the
   * same write, its claim's status is none of `closedIn` (the caller's rule: the service
   * passes the domain's `REMEDY_CLOSED_STATUSES`; storage keeps no rule of its own, only the
   * condition): an answer and a move of the claim never both win against each other's state.
   * What an accepted one gives is counted off the request path (the caller announces the
   * change).
   */
  answer(next: Remedy, closedIn: readonly ClaimStatus[]): Promise<RemedyAnswerResult>;
}

// The clerks' internal notes and the status counters.

/** A clerk's internal note on a claim: never shown to the shop. */
export interface ClaimNote {
  /** `<at>#<n>`: unique within the claim, in the order written. */
  id: string;
  claimId: string;
  at: string;
  /** The clerk who wrote it: key id and display name (the key id when it has none). */
  author: { id: string; name: string };
  /** 1..2000 characters. */
  text: string;
}

/**
 * Internal notes, kept in the claim's partition, each written once.
 *
 * @example
 * await notes.add({ claimId, at, author: { id: 'k1', name: 'Ольга' }, text: 'Called the carrier' });
 */
export interface NoteRepository {
  /** Writes the note under a key no other note has (never over one); the note as stored. */
  add(note: Omit<ClaimNote, 'id'>): Promise<ClaimNote>;
  /** Every note of the claim, oldest first. */
  list(claimId: string): Promise<ClaimNote[]>;
}

/**
 * Everything the application stores, as one dependency.
 *
 * @example
 * type Variables = { storage: Storage };
 */
export interface Storage {
  claims: ClaimRepository;
  analytics: AnalyticsRepository;
  apiKeys: ApiKeyRepository;
  shops: ShopRepository;
  messagesSent: MessageSentRepository;
  remedies: RemedyRepository;
  deskSessions: DeskSessionRepository;
  shipments: ShipmentRepository;
  /** Internal notes and status counters. */
  notes: NoteRepository;
  statusCounts: StatusCountRepository;
  /** The claim-change consumer's bookkeeping (see ./figures-repository.ts). */
  tallies: TallyRepository;
  /** Shops' carrier credentials, for the daily reconciliation. */
  carrierAccounts: CarrierAccountRepository;
  /** Shops' carrier hooks, and the carrier events kept for parcels not known yet. */
  carrierHooks: CarrierHookRepository;
  unmatchedEvents: UnmatchedEventRepository;
  /** Outbound webhooks: endpoints, events, deliveries (./webhook-repository.ts). */
  webhooks: WebhookRepository;
  /** The shipment webhooks' delivery marks and late pass (./shipment-announcement-repository.ts). */
  shipmentAnnouncements: ShipmentAnnouncementRepository;
  /** Audits of carrier reports: heads, rows, chunk summaries (./audit-repository.ts). */
  audits: AuditRepository;
}

export * from './carrier-account-repository';
export type * from './shipment-announcement-repository';
import type { ShipmentAnnouncementRepository } from './shipment-announcement-repository';
import type { CarrierAccountRepository } from './carrier-account-repository';
export type * from './audit-repository';
import type { AuditRepository } from './audit-repository';
