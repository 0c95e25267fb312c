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
  ClaimExistsError,
  ClaimNotFoundError,
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
  type ClaimFilter,
  type ClaimSummary,
  type CreateClaimResult,
  type Page,
  type Storage,
} from '../storage/repository';
import { actorOf, clerkOnlyFilter, shopScope, type Principal } from './actor';
import { canonicalJson, sha256Hex } from './fingerprint';
import { IDEMPOTENCY_WINDOW_SECONDS, replayOf } from './idempotency';
import { SILENT_FEED, type ClaimChangeFeed } from './change-feed';

export { IDEMPOTENCY_WINDOW_SECONDS } from './idempotency';

/**
 * What a shop may have only one open claim of each type for: today the waybill (issue
 * 11's shipments will name `shipment:<id>`). Filing holds it, settling releases it.
 *
 * @example openClaimSubject({ waybill: '1234567890' }) // 'waybill:1234567890'
 */
export const openClaimSubject = (claim: Pick<Claim, 'waybill'>): string =>
  `waybill:${claim.waybill}`;

/** "Open claims by answer date" is the overdue index read up to a date no claim reaches. */
const FAR_FUTURE = '9999-12-31';

export interface ClaimServiceDeps {
  storage: Storage;
  /** The current instant; today is its UTC date. */
  clock: () => Date;
  /** A new claim id. */
  newId: () => string;
  /** Where committed changes are announced (the derived figures follow them); default none. */
  changes?: ClaimChangeFeed | undefined;
}

/** The orders a listing can be read in (each is an index's own order: no sorting in memory). */
export const CLAIM_SORTS = ['newest', 'oldest', 'due', 'due_latest'] as const;
export type ClaimSort = (typeof CLAIM_SORTS)[number];

/** A list query, as both the API and the desk's queue take it. */
export interface ClaimListQuery extends Omit<ClaimFilter, 'overdueAsOf'> {
  /** Only open claims past their answer date. */
  overdue?: boolean;
  /** Only claims past `acknowledgeBy` whose `ack` is not recorded sent, oldest first. */
  unacknowledged?: boolean;
  /**
   * `newest` (default) / `oldest` first by filing; `due`: open claims, the answer due soonest
   * first (the work order), `due_latest` the other way. A search keeps its own order.
   */
  sort?: ClaimSort | undefined;
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

export interface MoveOptions {
  /**
   * The version the caller read (the desk's hidden field), or an `If-Match`
   * precondition: the versions its strong tags name (none: nothing matches)
   * and the header as sent, for the refusal. Absent: any current version.
   */
  expectedVersion?: number | { versions: readonly number[]; sent: string } | undefined;
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
  const changes = deps.changes ?? SILENT_FEED;

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

  const prepare = (filing: ClaimFiling, shopId: string, stamp = now()): NewClaim => {
    const { at, today } = stamp;
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
     * Files a claim with its first event, its evidence, its open-claim guard and its
     * idempotency record in one atomic write. With an idempotency key (see
     * ./idempotency.ts), a retry within the window gets the first claim back (`replayed`),
     * another body under the key is refused, and past the window the key files anew.
     *
     * @throws {IdempotencyConflictError} the key was used for another body.
     * @throws {ClaimExistsError} the shop has an open claim of this type for the parcel.
     */
    async file(actor: Principal, filing: ClaimFiling, options: FileOptions = {}) {
      const shopId = shopOf(actor, options);
      // One reading of the clock: the deadlines (acknowledgeBy) count from createdAt itself.
      const stamp = now();
      const prepared = prepare(filing, shopId, stamp);
      const { at, epochSeconds } = stamp;
      const by = actorOf(actor);
      const openClaim = openClaimSubject(prepared);
      const key = options.idempotencyKey;
      const { claim, event } = fileClaim(prepared, { id: newId(), at, by });
      const idempotency = key
        ? {
            key,
            fingerprint: await sha256Hex(canonicalJson(options.fingerprintOf ?? filing)),
            expiresAt: epochSeconds + IDEMPOTENCY_WINDOW_SECONDS,
            nowSeconds: epochSeconds,
          }
        : undefined;
      const result = await storage.claims.create(claim, event, { idempotency, openClaim });
      if (result.created) {
        await changes.claimChanged(claim.id);
        return { claim, replayed: false } satisfies FilingAnswer;
      }
      if (result.taken === 'key' && idempotency) {
        return {
          claim: replayOf(result.stored, idempotency),
          replayed: true,
        } satisfies FilingAnswer;
      }
      throw refusal(result, claim);
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
     * @throws {FilterNotAllowedError} a shop key naming another shop, or filtering by `assignee`.
     */
    async list(actor: Principal, query: ClaimListQuery): Promise<Page<ClaimSummary>> {
      const { overdue, unacknowledged, sort, limit, cursor, shopId, ...filters } = query;
      const scope = shopScope(actor, shopId, 'claims');
      clerkOnlyFilter(actor, 'assignee', filters.assigneeId);
      const filter: ClaimFilter = { ...filters, ...(scope !== undefined ? { shopId: scope } : {}) };
      if (overdue) filter.overdueAsOf = now().today;
      else if (sort === 'due' || sort === 'due_latest') filter.overdueAsOf = FAR_FUTURE;
      if (unacknowledged) Object.assign(filter, { unacknowledgedAsOf: now().at, ascending: true });
      // A search reads in its field's order (A→Z); `oldest` and `due` reverse the index's order.
      if (filter.search !== undefined || sort === 'oldest' || sort === 'due') {
        filter.ascending = true;
      }
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
      options: MoveOptions = {},
    ): Promise<Claim> {
      const claim = await visible(actor, id);
      const expected = options.expectedVersion;
      const stale = (current: number) =>
        new StaleVersionError(
          typeof expected === 'number' ? expected : (expected?.sent ?? ''),
          current,
        );
      const versions = typeof expected === 'number' ? [expected] : expected?.versions;
      if (versions !== undefined && !versions.includes(claim.version)) throw stale(claim.version);
      const { at, today } = now();
      const next = applyCommand(claim, command, { at, today, by: actorOf(actor) });
      if (next.events.length === 0) return claim;
      try {
        const moved = await storage.claims.update(claim, next.claim, next.events, {
          openClaim: openClaimSubject(claim),
        });
        await changes.claimChanged(moved.id);
        return moved;
      } catch (error) {
        // Moved between our read and our write: with an expected version, that is a stale one.
        if (error instanceof ConflictError && versions !== undefined)
          throw stale(claim.version + 1);
        throw error;
      }
    },
  };
}

/** A filing storage did not write: the guard is another claim's, or the id is taken. */
function refusal(result: CreateClaimResult & { created: false }, claim: Claim): Error {
  if (result.taken === 'open-claim')
    return new ClaimExistsError(result.existingClaimId, claim.type);
  return new ConflictError(`claim ${claim.id} already exists`);
}

export type ClaimService = ReturnType<typeof createClaimService>;
