/**
 * What the application needs from storage, with no database types in sight.
 * The DynamoDB implementation lives in `./dynamodb`; tests run it against
 * DynamoDB Local.
 */
import type { ActorRole, Claim, ClaimEvent, ClaimStatus, ClaimType } from '../domain/claim';
import type { ShipmentEvent, ShipmentFacts } from '../domain/shipment';

export * from './errors';

/**
 * An Idempotency-Key's record, stored with the claim it filed (same item, same write).
 * The original answer replayed is the claim as created.
 */
export interface IdempotencyInput {
  shopId: string;
  key: string;
  /** A hash of the request body (the filing), to tell a retry from another request under the key. */
  fingerprint: string;
  /** Unix epoch seconds: after it the key is forgotten and files a new claim. */
  expiresAt: number;
  /**
   * The caller asks storage to file under the id derived from (shop, key, generation)
   * instead of `claim.id`, so every request with the key targets one item. Without
   * this, storage never replaces an id it was given.
   */
  idFromKey: true;
}

/** A stored original response for an idempotency key that was already used. */
export interface IdempotencyReplay {
  fingerprint: string;
  /** The claim as first answered, JSON. */
  response: string;
  claimId: string;
}

export type CreateClaimResult =
  { created: true; claim: Claim } | { created: false; replay: IdempotencyReplay };

/** List filters; all optional and combinable (AND). */
export interface ClaimFilter {
  shopId?: string;
  status?: ClaimStatus;
  type?: ClaimType;
  waybill?: string;
  carrier?: string;
  /** YYYY-MM-DD: only claims with `answerDueBy` before it and a non-final status. */
  overdueAsOf?: string;
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
 * Claims and their history.
 *
 * @example
 * const result = await claims.create(claim, event, { shopId, key, fingerprint, expiresAt, idFromKey: true });
 * if (!result.created) return replay(result.replay);
 */
export interface ClaimRepository {
  /**
   * Writes claim, first event and idempotency record atomically. With a key (and
   * `idFromKey`, the caller's explicit request), the claim's id is derived from
   * (shop, key) and replaces `claim.id`: the answer carries the stored claim. When the key was already used within its window,
   * nothing is written and the stored replay is returned.
   * @throws {ConflictError} when the claim id exists.
   * @throws {IdempotencyConflictError} when the key was re-used after its window too often.
   */
  create(
    claim: Claim,
    event: ClaimEvent,
    idempotency?: IdempotencyInput,
  ): Promise<CreateClaimResult>;
  /** The claim as last written (strongly consistent), or undefined. */
  get(id: string): Promise<Claim | undefined>;
  /**
   * Replaces the claim if it is still at `expectedVersion` and appends the
   * event(s), atomically. `next.version` must be `expectedVersion + events`.
   * @throws {ConflictError} with `currentVersion` when the claim moved on.
   * @throws {NotFoundError} when the claim does not exist.
   */
  update(
    next: Claim,
    expectedVersion: number,
    events: ClaimEvent | readonly ClaimEvent[],
  ): Promise<Claim>;
  /** Every event of the claim, ascending by `seq`. */
  history(claimId: string): Promise<ClaimEvent[]>;
  /**
   * Claims matching `filter`, newest first (createdAt desc, id desc); the
   * overdue listing is ordered by answerDueBy desc, then newest first.
   * @throws {InvalidCursorError} for a cursor not issued to this caller for this filter.
   */
  list(filter: ClaimFilter, page: PageRequest): Promise<Page<Claim>>;
}

/** A stored API key: only the SHA-256 of the secret is kept. */
export interface ApiKeyRecord {
  keyId: string;
  /** Lowercase hex SHA-256 of the whole key string. */
  secretHash: string;
  role: ActorRole;
  /** Set for role `shop`, absent for `clerk`. */
  shopId?: string;
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
  ): Promise<T>;
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
export interface Storage {
  claims: ClaimRepository;
  apiKeys: ApiKeyRepository;
  shipments: ShipmentRepository;
}
