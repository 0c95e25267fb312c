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
  customerSide,
  offerRemedy,
  remedyId,
  remedyPosition,
  requireOpenForRemedies,
  RemedySettledError,
  type CustomerSide,
  type Remedy,
  type RemedyAnswer,
  type RemedyOffer,
} from '../domain/remedy';
import { ConflictError, type Storage } from '../storage/repository';
import { actorOf, type Principal } from './actor';
import { SILENT_FEED, type ClaimChangeFeed } from './change-feed';
import type { ClaimService } from './claims';
import type { ShopService } from './shops';

/** Offers made at the same moment take the next number; after this many tries, a 409. */
const OFFER_ATTEMPTS = 3;

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
     * Offers a remedy to the claim's customer, under the next free number.
     *
     * @throws {DomainError} `invalid-input`, `currency-mismatch`, `remedy-over-limit`,
     *   `remedy-limits-unset`, `claim-cancelled`; {ClaimNotFoundError}
     */
    async offer(actor: Principal, claimId: string, offer: RemedyOffer): Promise<Remedy> {
      const claim = await claims.get(actor, claimId);
      const [profile, existing] = await Promise.all([
        shops.find(claim.shopId),
        storage.remedies.list(claim.id),
      ]);
      let next = existing.reduce((n, r) => Math.max(n, remedyPosition(r.id) ?? 0), 0) + 1;
      for (let attempt = 1; ; attempt++, next++) {
        const remedy = offerRemedy(offer, {
          claimStatus: claim.status,
          currency: currencyOf(claim),
          limits: profile?.remedyLimits,
          id: remedyId(next),
          claimId: claim.id,
          at: clock().toISOString(),
          by: actorOf(actor).id,
        });
        try {
          return await storage.remedies.create(remedy);
        } catch (error) {
          if (!(error instanceof ConflictError) || attempt === OFFER_ATTEMPTS) throw error;
        }
      }
    },

    /**
     * Records the customer's answer: accepted or declined, once.
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
      const result = await storage.remedies.answer(next);
      if (result.answered) {
        await changes.claimChanged(claim.id);
        return result.remedy;
      }
      if (!result.current) throw notFound(claimId, id);
      throw new RemedySettledError(id, result.current.status, answer);
    },
  };
}

export type RemedyService = ReturnType<typeof createRemedyService>;
