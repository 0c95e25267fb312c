/**
 * Messages to the customer: the drafts a claim has so far, rendered in the
 * language asked for, signed by the shop (its legal name once it has a profile).
 */
import type { Language } from '../domain/explain';
import { claimMessages, type CustomerMessage } from '../messages/claim-messages';
import type { Principal } from './actor';
import type { ClaimService } from './claims';
import type { ShopService } from './shops';

/**
 * @example
 * const messages = createMessageService({ claims, shops });
 * await messages.forClaim(principal, 'clm_…', 'ru'); // [{ id: 'ack', kind: 'acknowledgement', … }]
 */
export function createMessageService(deps: { claims: ClaimService; shops: ShopService }) {
  return {
    /** @throws {ClaimNotFoundError} no such claim, or another shop's. */
    async forClaim(actor: Principal, id: string, lang: Language): Promise<CustomerMessage[]> {
      const claim = await deps.claims.get(actor, id);
      const shop = await deps.shops.find(claim.shopId);
      return claimMessages(claim, { lang, shopName: shop?.legalName ?? claim.shopId });
    },
  };
}

export type MessageService = ReturnType<typeof createMessageService>;
