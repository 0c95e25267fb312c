import { FilterNotAllowedError, type ActorRole, type ClaimActor } from '../domain/claim';

/** Who is calling: resolved from the API key (or the desk's session) before any service call. */
export interface Principal {
  keyId: string;
  role: ActorRole;
  /** Set for shop keys (a test key's: its sandbox shop, `<shop>~test`). */
  shopId?: string;
  /** A test key (`pct_test_…`): the sandbox's calls (POST /v1/test/carrier-events) take only these. */
  test?: true;
}

/**
 * The actor recorded in history: the shop id for shops, the key id for clerks.
 *
 * @example actorOf({ keyId: 'k1', role: 'clerk' }) // { role: 'clerk', id: 'clerk:k1' }
 */
export const actorOf = (p: Principal): ClaimActor => ({
  role: p.role,
  id: p.shopId ?? `clerk:${p.keyId}`,
});

/**
 * The shop a read is scoped to, by one rule for the listing, the search (by id or by a
 * field), the counts and the analytics: a shop key reads its own shop, and naming it is
 * fine while naming another is a 422 `not_allowed` at `shopId` (never an empty answer,
 * which would read as "no such claim there"); a clerk key reads the shop it names, or
 * every shop (undefined). A shop key without a shop reads no shop (''), never every one.
 *
 * @throws {FilterNotAllowedError} a shop key naming another shop.
 * @example shopScope({ keyId: 'k', role: 'shop', shopId: 's1' }, undefined, 'claims') // 's1'
 * @example shopScope({ keyId: 'k', role: 'clerk' }, undefined, 'claims') // undefined: every shop
 */
export function shopScope(
  actor: Principal,
  shopId: string | undefined,
  what: string,
): string | undefined {
  if (actor.role !== 'shop') return shopId;
  if (shopId !== undefined && shopId !== actor.shopId) {
    throw new FilterNotAllowedError(
      'shopId',
      `shopId is a clerk filter; a shop key reads its own ${what}.`,
      'is for clerk keys only',
    );
  }
  return actor.shopId ?? '';
}

/**
 * Refuses a shop key a filter that takes a clerk key's id (`assignee`): a shop never sees
 * one (src/services/clerk-view.ts), and answering it would tell a shop whether a guess is
 * a clerk's key id. A 422 `not_allowed` naming the parameter, as `shopId`'s.
 *
 * @throws {FilterNotAllowedError} a shop key sending the filter.
 * @example clerkOnlyFilter({ keyId: 'k', role: 'shop', shopId: 's1' }, 'assignee', 'k') // throws
 */
export function clerkOnlyFilter(actor: Principal, parameter: string, value: unknown): void {
  if (actor.role === 'shop' && value !== undefined) {
    throw new FilterNotAllowedError(
      parameter,
      `${parameter} is a clerk filter: it takes a clerk key id, which a shop key never sees.`,
      'is for clerk keys only',
    );
  }
}
