/**
 * What the application needs from storage, with no database types in sight.
 * The DynamoDB implementation lives in `./dynamodb`; tests run it against
 * DynamoDB Local.
 */
import type { ActorRole, Claim, ClaimEvent, ClaimStatus, ClaimType } from '../domain/claim';
import type { ShopProfile } from '../domain/shop';

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
  /**
   * The index's order reversed: oldest first, or (on the due-date indexes) the
   * soonest answer date first. Default: newest / latest first.
   */
  ascending?: boolean;
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
   * overdue listing is ordered by answerDueBy desc, then newest first;
   * `filter.ascending` reverses either order.
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

/**
 * Everything the application stores, as one dependency.
 *
 * @example
 * type Variables = { storage: Storage };
 */
export interface Storage {
  claims: ClaimRepository;
  apiKeys: ApiKeyRepository;
  shops: ShopRepository;
  deskSessions: DeskSessionRepository;
}
