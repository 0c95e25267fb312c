/**
 * Messages to the customer: the drafts a claim has so far, rendered in the
 * language asked for, signed by the shop (its legal name once it has a profile).
 */
import type { Language } from '../domain/explain';
import { claimMessages, type CustomerMessage } from '../messages/claim-messages';
import type { Principal } from './actor';
import type { ClaimService } from './claims';
import type { ShopService } from './shops';
import { DomainError } from '../domain/errors';
import type { Storage } from '../storage/repository';

/**
 * @example
 * const messages = createMessageService({ claims, shops });
 * await messages.forClaim(principal, 'clm_…', 'ru'); // [{ id: 'ack', kind: 'acknowledgement', … }]
 */
export function createMessageService(deps: {
  claims: ClaimService;
  shops: ShopService;
  storage: Storage;
  clock: () => Date;
}) {
  const drafts = async (actor: Principal, id: string, lang: Language) => {
    const claim = await deps.claims.get(actor, id);
    const [shop, sent] = await Promise.all([
      deps.shops.find(claim.shopId),
      deps.storage.messagesSent.sentTimes(claim.id),
    ]);
    const messages = claimMessages(claim, { lang, shopName: shop?.legalName ?? claim.shopId });
    return messages.map((m) => (sent[m.id] ? { ...m, sentAt: sent[m.id] } : m));
  };

  return {
    /** @throws {ClaimNotFoundError} no such claim, or another shop's. */
    forClaim: (actor: Principal, id: string, lang: Language): Promise<CustomerMessage[]> =>
      drafts(actor, id, lang),

    /**
     * Records that the shop sent a message of the claim (the first time recorded
     * stays; recording again is harmless), and answers the message with `sentAt`.
     *
     * @throws {DomainError} `not-found` when the claim has no such message (yet).
     */
    async markSent(
      actor: Principal,
      id: string,
      messageId: string,
      lang: Language,
    ): Promise<CustomerMessage> {
      const message = (await drafts(actor, id, lang)).find((m) => m.id === messageId);
      if (!message) {
        throw new DomainError('not-found', `Claim ${id} has no message '${messageId}' (yet).`);
      }
      const at = deps.clock().toISOString();
      return { ...message, sentAt: await deps.storage.messagesSent.markSent(id, messageId, at) };
    },
  };
}

export type MessageService = ReturnType<typeof createMessageService>;
