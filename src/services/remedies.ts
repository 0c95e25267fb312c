/**
 * The remedies service: what a shop (or a clerk for it) offers the claim's
 * customer, checked against the shop's limits, and the customer's answer (announced as a
 * change of the claim: the analytics count what an accepted remedy gives).
 * Shared by the API and the desk; the rules are src/domain/remedy's.
 */
import type { Claim } from '../domain/claim';
import { DomainError } from '../domain/errors';
import {
  answerRemedy,
  checkOffer,
  closedToRemedies,
  customerSide,
  offerRemedy,
  remedyId,
  remedyPosition,
  REMEDY_CLOSED_STATUSES,
  requireOpenForRemedies,
  RemedySettledError,
  type CustomerSide,
  type Remedy,
  type RemedyAnswer,
  type RemedyOffer,
} from '../domain/remedy';
import { ConflictError, StorageBusyError, type Storage } from '../storage/repository';
import { actorOf, type Principal } from './actor';
import { SILENT_FEED, type ClaimChangeFeed } from './change-feed';
import type { ClaimService } from './claims';
import type { ShopService } from './shops';

/**
 * Numbers an offer takes before it gives up (as busy storage, a 503): storage hands each
 * offer a number of its own, so only a number an offer made before storage kept count holds
 * can be taken, and the next one never is.
 */
const OFFER_ATTEMPTS = 5;

/**
 * @example
 * const remedies = createRemedyService({ claims, shops, storage, clock });
 * await remedies.offer(principal, 'clm_…', { kind: 'discount_next_order', percent: 10 });
 */
export function createRemedyService(deps: {
  claims: ClaimService;
  shops: ShopService;
  storage: Storage;
  clock: () => Date;
  /** Told after every answer: what an accepted remedy gives is counted off the request path. */
  changes?: ClaimChangeFeed | undefined;
}) {
  const { claims, shops, storage, clock } = deps;
  const changes = deps.changes ?? SILENT_FEED;
  const currencyOf = (claim: Claim) => claim.compensation.amount.currency;

  const notFound = (claimId: string, id: string) =>
    new DomainError('not-found', `Claim ${claimId} has no remedy ${id}.`);

  return {
    /** @throws {ClaimNotFoundError} no such claim, or another shop's. */
    async list(actor: Principal, claimId: string): Promise<Remedy[]> {
      // Both reads at once; `claims.get` throws (and nothing is answered) unless the claim is visible.
      const [, remedies] = await Promise.all([
        claims.get(actor, claimId),
        storage.remedies.list(claimId),
      ]);
      return remedies;
    },

    /**
     * The remedies of a claim the caller has already read with `claims.get` (so may see): the
     * desk's claim page, which has the claim, reads them without reading it again.
     */
    ofClaim: (_actor: Principal, claim: Pick<Claim, 'id'>): Promise<Remedy[]> =>
      storage.remedies.list(claim.id),

    /** The claim with its customer's side (the remedies and the money accepted). */
    async withCustomer(
      actor: Principal,
      claimId: string,
    ): Promise<Claim & { customer: CustomerSide }> {
      const [claim, remedies] = await Promise.all([
        claims.get(actor, claimId),
        storage.remedies.list(claimId),
      ]);
      return { ...claim, customer: customerSide(remedies, currencyOf(claim)) };
    },

    /**
     * Offers a remedy to the claim's customer, under a number of its own: offers made at
     * once never refuse each other, their numbers follow the order storage handed them out.
     *
     * @throws {DomainError} `invalid-input`, `currency-mismatch`, `remedy-over-limit`,
     *   `remedy-limits-unset`, `claim-cancelled`; {ClaimNotFoundError}; {StorageBusyError}
     */
    async offer(actor: Principal, claimId: string, offer: RemedyOffer): Promise<Remedy> {
      const claim = await claims.get(actor, claimId);
      const [profile, existing] = await Promise.all([
        shops.find(claim.shopId),
        storage.remedies.list(claim.id),
      ]);
      const context = {
        claimStatus: claim.status,
        currency: currencyOf(claim),
        limits: profile?.remedyLimits,
        claimId: claim.id,
      };
      // Checked before a number is taken: a refused offer takes none.
      checkOffer(offer, context);
      const highest = existing.reduce((n, r) => Math.max(n, remedyPosition(r.id) ?? 0), 0);
      for (let attempt = 1; ; attempt++) {
        const number = await storage.remedies.takeNumber(claim.id, highest);
        const remedy = offerRemedy(offer, {
          ...context,
          id: remedyId(number),
          at: clock().toISOString(),
          by: actorOf(actor).id,
        });
        try {
          return await storage.remedies.create(remedy);
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error;
          // Nobody's offer is to blame: the number was held by one numbered before storage
          // kept count. Take the next; after that many, say storage is busy (never a 409).
          if (attempt === OFFER_ATTEMPTS) {
            throw new StorageBusyError('contention', 1, { cause: error });
          }
        }
      }
    },

    /**
     * Records the customer's answer: accepted or declined, once, and only while the claim
     * takes answers: the write itself is conditioned on the claim's status, so an answer
     * racing a withdrawal either lands before it or is refused.
     *
     * @throws {RemedySettledError} already answered; {DomainError} `not-found`, `claim-cancelled`
     */
    async answer(
      actor: Principal,
      claimId: string,
      id: string,
      answer: RemedyAnswer,
    ): Promise<Remedy> {
      const [claim, remedies] = await Promise.all([
        claims.get(actor, claimId),
        storage.remedies.list(claimId),
      ]);
      requireOpenForRemedies(claim.id, claim.status);
      const remedy = remedies.find((r) => r.id === id);
      if (!remedy) throw notFound(claimId, id);
      const next = answerRemedy(remedy, answer, {
        at: clock().toISOString(),
        by: actorOf(actor).id,
      });
      const result = await storage.remedies.answer(next, REMEDY_CLOSED_STATUSES);
      if (result.answered) {
        await changes.claimChanged(claim.id);
        return result.remedy;
      }
      // Withdrawn between our read and our write: the write saw it, and wrote nothing.
      if ('claimStatus' in result) throw closedToRemedies(claim.id);
      if (!result.current) throw notFound(claimId, id);
      throw new RemedySettledError(id, result.current.status, answer);
    },
  };
}

export type RemedyService = ReturnType<typeof createRemedyService>;
