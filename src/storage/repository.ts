/**
 * What the application needs from storage, with no database types in sight.
 * The DynamoDB implementation lives in `./dynamodb`; tests run it against
 * DynamoDB Local.
 */
import type { ActorRole, Claim, ClaimEvent, ClaimStatus, ClaimType } from '../domain/claim';
import type { Remedy } from '../domain/remedy';
import type { ShopProfile } from '../domain/shop';
import type { ReportEffect, ShipmentEvent, ShipmentFacts } from '../domain/shipment';
import type { ClaimSearch } from './claim-search';
import type { DayFigures } from '../domain/analytics';

export * from './errors';
export type { ClaimSearch, SearchField } from './claim-search';

/**
 * An Idempotency-Key's record, stored with the claim it filed (same item, same write):
 * the claim's shop is the key's. The original answer replayed is the claim as created.
 */
export interface IdempotencyRecord {
  key: string;
  /** A hash of the request body (the filing), to tell a retry from another request under the key. */
  fingerprint: string;
  /** Unix epoch seconds: after it the key is forgotten (the caller judges it by its clock). */
  expiresAt: number;
}

/** What is stored under a claim id that filing found taken. */
export interface StoredFiling {
  claimId: string;
  shopId: string;
  /** Present when that claim was filed with an Idempotency-Key: the key's record and answer. */
  idempotency?: IdempotencyRecord & {
    /** The claim as first answered, JSON. */
    response: string;
  };
}

/**
 * What filing found: written; the id taken (and what is there, for the caller to
 * replay, refuse or file under another id); or the open-claim guard held by another claim.
 */
export type CreateClaimResult =
  | { created: true; claim: Claim }
  | { created: false; taken: 'id'; stored: StoredFiling }
  | { created: false; taken: 'open-claim'; existingClaimId: string };

export interface CreateClaimOptions {
  /** With an Idempotency-Key: its record, kept in the claim item. */
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
 *
 * @example
 * const result = await claims.create(claim, event, { idempotency: { key, fingerprint, expiresAt }, openClaim: `waybill:${claim.waybill}` });
 * if (!result.created && result.taken === 'id') decide(result.stored);
 */
export interface ClaimRepository {
  /**
   * Writes the claim (with its first event and idempotency record), its evidence
   * entries and its open-claim guard atomically, under `claim.id`. Nothing is written
   * when the id is taken (the answer says what is stored there) or the guard is held.
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
  /** A clerk's name as the desk shows it (1–80 characters); history keeps storing the key id. */
  displayName?: string;
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

/** What recording the customer's answer came to: written, or the remedy as it stands (if it exists). */
export type RemedyAnswerResult =
  { answered: true; remedy: Remedy } | { answered: false; current?: Remedy };

/**
 * The remedies offered to a claim's customer, kept beside the claim (not in it).
 *
 * @example
 * await remedies.create({ id: 'rm_1', claimId, kind: 'refund', value, status: 'offered', offeredAt, offeredBy });
 * const result = await remedies.answer({ ...offered, status: 'accepted', answeredAt, answeredBy });
 */
export interface RemedyRepository {
  /** Every remedy of the claim, oldest first (strongly consistent). */
  list(claimId: string): Promise<Remedy[]>;
  /**
   * Writes a new offer under its id (`rm_<n>`).
   * @throws {ConflictError} when the id is taken (another offer came first: take the next).
   */
  create(remedy: Remedy): Promise<Remedy>;
  /**
   * Replaces the remedy by `next` (its answered form) if it is still `offered`; an accepted
   * one with a value also adds it to the analytics of `claim` in the same write.
   */
  answer(next: Remedy, claim?: Claim): Promise<RemedyAnswerResult>;
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

/** How many claims are in each status. */
export type StatusCounts = Record<ClaimStatus, number>;

/**
 * The per-status counters filing and every move keep (see dynamodb/status-counts.ts).
 *
 * @example (await statusCounts.counts('demo-shop')).in_review // 2
 */
export interface StatusCountRepository {
  /** One shop's counts, or every shop's when `shopId` is undefined. */
  counts(shopId?: string): Promise<StatusCounts>;
}

/** The order's customer: the claimant of any claim filed for its shipments. */
export interface Customer {
  name: string;
  email: string;
  phone: string;
}

/** A shop's order: its own id, who ordered, and which of its shipments belong to it. */
export interface OrderRecord {
  shopId: string;
  orderId: string;
  placedAt: string;
  customer: Customer;
  b2b: boolean;
  /** The shop's own shipment ids, in the order the shop listed them. */
  shipmentIds: string[];
  /** 1 when created; +1 on every replace that changes something. */
  version: number;
  updatedAt: string;
}

/** A shipment: the facts the shop stated and every event reported for it. */
export interface ShipmentRecord {
  shopId: string;
  shipmentId: string;
  orderId: string;
  facts: ShipmentFacts;
  events: ShipmentEvent[];
  /** +1 on every write (a replace that changed its facts, each new event). */
  version: number;
  updatedAt: string;
  /**
   * The deadline, while the shipment may be owed for lateness (not cancelled, not delivered
   * on time): its place in the late index. Computed by the domain (`summarizeShipment`).
   */
  watchDate?: string;
  /**
   * While on its way: the first delivery date that would be late (the domain's `lateFromOf`),
   * so a delivery report can be recorded without reading the shipment.
   */
  lateFrom?: string;
}

/** One order replace, written atomically: the order, its shipments, the ones it dropped. */
export interface OrderReplace {
  order: OrderRecord;
  /** The version read; absent: the order must not exist yet. */
  expectedOrderVersion?: number;
  /** Shipments to write, each conditioned on the version read (absent: must not exist). */
  puts: { record: ShipmentRecord; expectedVersion?: number }[];
  /** Shipments the order no longer lists: deleted, so none is left without its order. */
  removes: { shipmentId: string; expectedVersion: number }[];
}

/** The late listing: shipments watched with a deadline before `before` (today). */
export interface LateShipmentFilter {
  /** One shop's (every shop key's, a clerk's `shopId=`); absent: every shop's (clerks). */
  shopId?: string;
  /** YYYY-MM-DD, exclusive. */
  before: string;
}

/**
 * What an event makes of the shipment as stored: the answer, and the shipment to write
 * (`next`, its version one up), or nothing to write (a resent event id).
 */
export interface EventDecision<T> {
  answer: T;
  next?: ShipmentRecord;
}

/** What appending a routine event found: written (the shipment as it is now), or refused. */
export type AppendOutcome =
  | { appended: true; record: ShipmentRecord }
  | {
      appended: false;
      /** The shipment as stored, to decide on (absent: there is no such shipment). */
      current: ShipmentRecord | undefined;
    };

/**
 * Orders and shipments, per shop (ids are the shop's own).
 *
 * @example
 * const s = await shipments.getShipment('shop-a', 'S-1');
 * const outcome = await shipments.recordEvent({ ...s, events: [...s.events, e], version: s.version + 1 }, e.eventId, s.version);
 */
export interface ShipmentRepository {
  /** Strongly consistent. */
  getOrder(shopId: string, orderId: string): Promise<OrderRecord | undefined>;
  /** Strongly consistent; the ones that exist, in the order asked. */
  getShipments(shopId: string, shipmentIds: readonly string[]): Promise<ShipmentRecord[]>;
  /** Strongly consistent. */
  getShipment(shopId: string, shipmentId: string): Promise<ShipmentRecord | undefined>;
  /**
   * Writes the order, its shipments and the removals in one transaction.
   * @throws {ConflictError} when anything moved since it was read.
   */
  replaceOrder(write: OrderReplace): Promise<void>;
  /**
   * Writes `next` (the shipment with event `eventId` appended) if the stored one is at
   * `expectedVersion` and has no event `eventId`: one conditional write. A resent event
   * is `duplicate` and changes nothing.
   * @throws {ConflictError} when the shipment moved on (read it again and retry).
   * @throws {NotFoundError} when it is gone.
   */
  recordEvent(
    next: ShipmentRecord,
    eventId: string,
    expectedVersion: number,
  ): Promise<'recorded' | 'duplicate'>;
  /**
   * Records event `eventId`: `decide` (pure; it may throw a refusal) is applied to the shipment as
   * stored and its `next` written, conditioned on what it was applied to. The common path is
   * one conditional PutItem on the shipment as this instance last saw it; a stale guess
   * fails the condition, which returns the current item to decide again (bounded). What
   * writes nothing (a resend, a refusal) is only answered from the shipment as stored.
   * @throws {NotFoundError} when there is no such shipment.
   * @throws {ConflictError} when it kept moving through every attempt.
   */
  applyEvent<T>(
    shopId: string,
    shipmentId: string,
    eventId: string,
    decide: (current: ShipmentRecord) => EventDecision<T>,
    /** `stored`: the shipment as just returned by storage (e.g. a refused append): decided on first. */
    options?: { stored?: ShipmentRecord },
  ): Promise<T>;
  /**
   * Records a status report with no read: one UpdateItem that appends it (events, version + 1,
   * `updatedAt`) and applies `effect` (the domain's `reportEffect`), conditioned on what that
   * effect assumes: the shipment on its way, no later status report, fewer than `maxEvents`
   * events, no event with its id, and for a delivery no earlier one and a date on or after the
   * shipping date. Refused, the shipment as stored comes back, for `applyEvent` to decide on.
   */
  appendReport(
    shopId: string,
    shipmentId: string,
    event: ShipmentEvent,
    effect: ReportEffect,
    write: { updatedAt: string; maxEvents: number },
  ): Promise<AppendOutcome>;
  /**
   * Puts the shipment's place in the late index (`watchDate`) and its `lateFrom` as `record`
   * says, if it is still at `record`'s version and write time (else whoever wrote since has
   * decided them): what follows an append that could not tell them (a delivery on an instance
   * with no copy). Nothing else changes, the version neither. False when it was not that write.
   */
  tidyWatch(record: ShipmentRecord): Promise<boolean>;
  /**
   * Watched shipments whose deadline is before `filter.before`, oldest deadline first, from
   * the late index: it reads late ones only.
   * @throws {InvalidCursorError} for a cursor not issued to this caller for this listing.
   */
  listLate(filter: LateShipmentFilter, page: PageRequest): Promise<Page<ShipmentRecord>>;
}

/**
 * Everything the application stores, as one dependency.
 *
 * @example
 * type Variables = { storage: Storage };
 */
/**
 * The analytics counters by day (written with each claim change, see dynamodb/aggregates.ts).
 *
 * @example const days = await storage.analytics.days({ shopId: 'demo-shop' }, '2026-12-01', '2026-12-31');
 */
export interface AnalyticsRepository {
  /** The day buckets of one shop (or `ALL` shops) from `from` to `to` (YYYY-MM-DD); days with no claims are absent. */
  days(scope: { shopId: string } | 'ALL', from: string, to: string): Promise<DayFigures[]>;
}

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
}
