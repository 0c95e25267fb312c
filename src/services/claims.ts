/**
 * The claim service: every use of a claim (file, preview, read, list, move)
 * with plain arguments, shared by the API and the clerk desk. It checks who
 * may see what, applies the domain's rules (`applyCommand`, `prepareClaim`),
 * writes conditioned on the version it read, and owns idempotent filing. It
 * knows no HTTP: it throws only domain errors and storage errors, each with a
 * stable code that the API maps to a problem and the desk to a page.
 */
import { DEFAULT_CALENDAR, getCalendar } from '../domain/calendar';
import {
  applyCommand,
  ClaimNotFoundError,
  FilterNotAllowedError,
  fileClaim,
  StaleVersionError,
  type Claim,
  type ClaimCommand,
  type ClaimEvent,
  type NewClaim,
} from '../domain/claim';
import { prepareClaim, type ClaimFiling } from '../domain/claim/filing';
import { DomainError } from '../domain/errors';
import { resolvePolicy } from '../domain/policies';
import {
  ConflictError,
  IdempotencyConflictError,
  type ClaimFilter,
  type Page,
  type Storage,
} from '../storage/repository';
import { actorOf, type Principal } from './actor';
import { canonicalJson, sha256Hex } from './fingerprint';

/** How long an Idempotency-Key replays its first answer. */
export const IDEMPOTENCY_WINDOW_SECONDS = 24 * 60 * 60;

/** "Open claims by answer date" is the overdue index read up to a date no claim reaches. */
const FAR_FUTURE = '9999-12-31';

export interface ClaimServiceDeps {
  storage: Storage;
  /** The current instant; today is its UTC date. */
  clock: () => Date;
  /** A new claim id (filings without an idempotency key). */
  newId: () => string;
}

/** A list query, as both the API and the desk's queue take it. */
export interface ClaimListQuery extends Omit<ClaimFilter, 'overdueAsOf'> {
  /** Only open claims past their answer date. */
  overdue?: boolean;
  /** `due`: open claims by answer date; default newest first. */
  sort?: 'newest' | 'due';
  limit: number;
  cursor?: string | undefined;
}

export interface FileOptions {
  /** Makes retries safe: the same key and body within the window get the first answer. */
  idempotencyKey?: string | undefined;
  /** The shop a clerk files for (a shop key files for itself). */
  shopId?: string | undefined;
  /**
   * What a retry must repeat to replay (default: the filing). A filing derived from stored
   * facts (a shipment's) takes the request, so a retry replays even after today moved on.
   */
  fingerprintOf?: unknown;
}

export interface FilingAnswer {
  claim: Claim;
  /** True when the answer is the first one for this idempotency key. */
  replayed: boolean;
}

/** What filing would compute (amount, lines, checklist, deadlines), stored nowhere. */
export type FilingPreview = Pick<
  NewClaim,
  'compensation' | 'missingEvidence' | 'filingDeadline' | 'answerDueBy'
>;

/**
 * @example
 * const claims = createClaimService({ storage, clock: () => new Date(), newId });
 * const moved = await claims.move(principal, id, { type: 'review' }, { expectedVersion: 1 });
 */
export function createClaimService(deps: ClaimServiceDeps) {
  const { storage, clock, newId } = deps;

  const now = () => {
    const instant = clock();
    const at = instant.toISOString();
    return { at, today: at.slice(0, 10), epochSeconds: Math.floor(instant.getTime() / 1000) };
  };

  /** A shop's own claims; a clerk's, every shop's. */
  const visible = async (actor: Principal, id: string): Promise<Claim> => {
    const claim = await storage.claims.get(id);
    if (!claim || (actor.role === 'shop' && claim.shopId !== actor.shopId)) {
      throw new ClaimNotFoundError(id);
    }
    return claim;
  };

  const shopOf = (actor: Principal, options: FileOptions): string => {
    const shopId = actor.role === 'shop' ? actor.shopId : options.shopId;
    if (!shopId) throw new DomainError('invalid-input', 'name the shop to file for', '/shopId');
    return shopId;
  };

  const prepare = (filing: ClaimFiling, shopId: string): NewClaim => {
    const { at, today } = now();
    const calendar = filing.type === 'late' ? filing.shipment.calendar : undefined;
    return prepareClaim(filing, {
      policy: resolvePolicy(filing.carrier, '/carrier'),
      calendar: getCalendar(calendar ?? DEFAULT_CALENDAR),
      shopId,
      today,
      at,
    });
  };

  return {
    /** Today (UTC) by the service's clock: what "overdue" and a payout's latest day are measured by. */
    today: (): string => now().today,

    /**
     * Files a claim with its first event in one atomic write. With an
     * idempotency key, a retry within the window gets the first claim back
     * (`replayed`), another body under the key is refused.
     *
     * @throws {IdempotencyConflictError} the key was used for another body.
     */
    async file(actor: Principal, filing: ClaimFiling, options: FileOptions = {}) {
      const shopId = shopOf(actor, options);
      const prepared = prepare(filing, shopId);
      const { at, epochSeconds } = now();
      const { claim, event } = fileClaim(prepared, { id: newId(), at, by: actorOf(actor) });
      const key = options.idempotencyKey;
      if (!key) {
        await storage.claims.create(claim, event);
        return { claim, replayed: false } satisfies FilingAnswer;
      }
      const fingerprint = await sha256Hex(canonicalJson(options.fingerprintOf ?? filing));
      const result = await storage.claims.create(claim, event, {
        shopId,
        key,
        fingerprint,
        expiresAt: epochSeconds + IDEMPOTENCY_WINDOW_SECONDS,
        idFromKey: true,
      });
      if (result.created) return { claim: result.claim, replayed: false } satisfies FilingAnswer;
      if (result.replay.fingerprint !== fingerprint) throw new IdempotencyConflictError(key);
      const first = JSON.parse(result.replay.response) as Claim;
      return { claim: first, replayed: true } satisfies FilingAnswer;
    },

    /** What filing would compute now, exactly as `file` computes it; nothing is stored. */
    preview(actor: Principal, filing: ClaimFiling, options: FileOptions = {}): FilingPreview {
      const prepared = prepare(filing, shopOf(actor, options));
      const { compensation, missingEvidence, filingDeadline, answerDueBy } = prepared;
      return { compensation, missingEvidence, filingDeadline, answerDueBy };
    },

    /** @throws {ClaimNotFoundError} no such claim, or another shop's. */
    get: visible,

    /** Every change of a visible claim, oldest first. */
    async history(actor: Principal, id: string): Promise<ClaimEvent[]> {
      const claim = await visible(actor, id);
      return await storage.claims.history(claim.id);
    },

    /**
     * A page of the claims the caller may see: a shop its own, a clerk every
     * shop's (or one shop's).
     *
     * @throws {FilterNotAllowedError} a shop key naming another shop.
     */
    async list(actor: Principal, query: ClaimListQuery): Promise<Page<Claim>> {
      const { overdue, sort, limit, cursor, shopId, ...filters } = query;
      if (actor.role === 'shop' && shopId !== undefined && shopId !== actor.shopId) {
        throw new FilterNotAllowedError(
          'shopId',
          'shopId is a clerk filter; a shop key lists its own claims.',
          'is for clerk keys only',
        );
      }
      const scope = actor.role === 'shop' ? actor.shopId : shopId;
      const filter: ClaimFilter = { ...filters, ...(scope ? { shopId: scope } : {}) };
      if (overdue) filter.overdueAsOf = now().today;
      else if (sort === 'due') filter.overdueAsOf = FAR_FUTURE;
      // Awaited here, so a refusal (a bad cursor) is this call's, never an unhandled rejection.
      return await storage.claims.list(filter, {
        limit,
        caller: actor.keyId,
        ...(cursor ? { cursor } : {}),
      });
    },

    /**
     * Applies a command to a visible claim and writes it conditioned on the
     * version read: a move never overwrites a move it did not see.
     *
     * @throws {StaleVersionError} the claim is not (or no longer) at `expectedVersion`.
     * @throws {ClaimStateError} the claim's status does not allow the move.
     * @throws {ConflictError} without `expectedVersion`, when another move won the race.
     */
    async move(
      actor: Principal,
      id: string,
      command: ClaimCommand,
      options: { expectedVersion?: number | undefined } = {},
    ): Promise<Claim> {
      const claim = await visible(actor, id);
      const expected = options.expectedVersion;
      if (expected !== undefined && expected !== claim.version) {
        throw new StaleVersionError(expected, claim.version);
      }
      const { at, today } = now();
      const next = applyCommand(claim, command, { at, today, by: actorOf(actor) });
      if (next.events.length === 0) return claim;
      try {
        return await storage.claims.update(next.claim, claim.version, next.events);
      } catch (error) {
        // Moved between our read and our write: with an expected version, that is a stale one.
        if (error instanceof ConflictError && expected !== undefined) {
          throw new StaleVersionError(expected, claim.version + 1);
        }
        throw error;
      }
    },
  };
}

export type ClaimService = ReturnType<typeof createClaimService>;
