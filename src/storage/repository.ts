/**
 * What the application needs from storage, with no database types in sight.
 * The DynamoDB implementation lives in `./dynamodb`; tests run it against
 * DynamoDB Local.
 */
import type { ActorRole, Claim, ClaimEvent, ClaimStatus, ClaimType } from '../domain/claim';
import type { ShopProfile } from '../domain/shop';

export * from './errors';

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
   * overdue listing is ordered by answerDueBy desc, then newest first. Each without
   * its evidence entries, with their number (`evidenceCount`).
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
 * When the customer messages of a claim were sent (the drafts themselves are rendered, not stored).
 *
 * @example
 * await messagesSent.markSent('clm_…', 'ack', at); // the first time recorded, kept
 */
export interface MessageSentRepository {
  /** Records the message as sent at `at`, unless it was already: the stored time is returned. */
  markSent(claimId: string, messageId: string, at: string): Promise<string>;
  /** Message id → sentAt, for every message of the claim recorded as sent. */
  sentTimes(claimId: string): Promise<Record<string, string>>;
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
  messagesSent: MessageSentRepository;
  deskSessions: DeskSessionRepository;
}
