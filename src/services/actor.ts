import type { ActorRole, ClaimActor } from '../domain/claim';

/** Who is calling: resolved from the API key (or the desk's session) before any service call. */
export interface Principal {
  keyId: string;
  role: ActorRole;
  /** Set for shop keys. */
  shopId?: string;
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
