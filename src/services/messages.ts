/**
 * Messages to the customer: the drafts a claim has so far, and a late shipment's delay
 * notice, rendered in the language asked for, signed by the shop (its legal name once it
 * has a profile), each with when it was recorded sent.
 */
import { DomainError } from '../domain/errors';
import type { Language } from '../domain/explain';
import type { RescheduledEvent } from '../domain/shipment';
import { claimMessages, type CustomerMessage } from '../messages/claim-messages';
import { delayNotice, type LateShipmentFacts } from '../messages/delay-notice';
import { NotFoundError, type MessageSubject, type Storage } from '../storage/repository';
import type { Principal } from './actor';
import { SILENT_FEED, type ClaimChangeFeed } from './change-feed';
import type { ClaimService } from './claims';
import type { ShipmentService, ShipmentView } from './shipments';
import type { ShopService } from './shops';

/** What the desk shows of a claim's messages: the service's answer, by its own name. */
export type { CustomerMessage };

/**
 * What a delay notice is written from: a shipment late and still on its way (a delivered
 * one, late or not, gets none: the claim's messages take over).
 *
 * @throws {DomainError} `not-found` when the shipment is not late (or already delivered).
 */
function lateFacts(shipment: ShipmentView, order: { customer: { name: string }; b2b: boolean }) {
  if (shipment.lateness?.late !== true || shipment.deliveredDate !== undefined) {
    throw new DomainError(
      'not-found',
      `Shipment ${shipment.shipmentId} is not late (or already delivered): it has no delay notice.`,
    );
  }
  const reschedules = shipment.events.filter(
    (e): e is RescheduledEvent => e.status === 'rescheduled',
  );
  const latest = reschedules[reschedules.length - 1];
  return {
    shipmentId: shipment.shipmentId,
    orderId: shipment.orderId,
    carrier: shipment.carrier,
    waybill: shipment.waybill,
    customerName: order.customer.name,
    b2b: order.b2b,
    promisedDate: shipment.deadline.promisedDate,
    rescheduled: latest && { reason: latest.reason, promisedDate: latest.promisedDate },
    deliveryCost: shipment.charges.deliveryCost,
  } satisfies LateShipmentFacts;
}

/**
 * @example
 * const messages = createMessageService({ claims, shops, shipments, storage, clock });
 * await messages.forClaim(principal, 'clm_…', 'ru'); // [{ id: 'ack', kind: 'acknowledgement', … }]
 */
export function createMessageService(deps: {
  claims: ClaimService;
  shops: ShopService;
  shipments: ShipmentService;
  storage: Storage;
  clock: () => Date;
  /** Where a recorded message is announced: the ack takes the claim off the unacknowledged count. */
  changes?: ClaimChangeFeed | undefined;
}) {
  const { storage } = deps;
  const changes = deps.changes ?? SILENT_FEED;
  const signer = async (shopId: string) => (await deps.shops.find(shopId))?.legalName ?? shopId;
  const withSent = (messages: CustomerMessage[], sent: Record<string, string>) =>
    messages.map((m) => (sent[m.id] ? { ...m, sentAt: sent[m.id] } : m));

  const claimDrafts = async (actor: Principal, id: string, lang: Language) => {
    const claim = await deps.claims.get(actor, id);
    const [shopName, sent] = await Promise.all([
      signer(claim.shopId),
      storage.messagesSent.sentTimes({ claimId: claim.id }),
    ]);
    return {
      subject: { claimId: claim.id },
      drafts: withSent(claimMessages(claim, { lang, shopName }), sent),
    };
  };

  const shipmentDrafts = async (
    actor: Principal,
    shipmentId: string,
    lang: Language,
    shopId: string | undefined,
  ) => {
    const shipment = await deps.shipments.getShipment(actor, shipmentId, shopId);
    const order = await storage.shipments.getOrder(shipment.shopId, shipment.orderId);
    if (!order) throw new NotFoundError('shipment', shipmentId);
    const subject = { shopId: shipment.shopId, shipmentId };
    const [shopName, sent] = await Promise.all([
      signer(shipment.shopId),
      storage.messagesSent.sentTimes(subject),
    ]);
    const notice = delayNotice(lateFacts(shipment, order), { lang, shopName });
    return { subject, drafts: withSent([notice], sent) };
  };

  /** Stamps `sentAt` on one of the drafts (the first time recorded stays). */
  const markOne = async (
    found: { subject: MessageSubject; drafts: CustomerMessage[] },
    owner: string,
    messageId: string,
  ): Promise<CustomerMessage> => {
    const message = found.drafts.find((m) => m.id === messageId);
    if (!message) {
      throw new DomainError('not-found', `${owner} has no message '${messageId}' (yet).`);
    }
    const at = deps.clock().toISOString();
    const sentAt = await storage.messagesSent.markSent(found.subject, messageId, at);
    return { ...message, sentAt };
  };

  return {
    /** @throws {ClaimNotFoundError} no such claim, or another shop's. */
    forClaim: async (actor: Principal, id: string, lang: Language): Promise<CustomerMessage[]> =>
      (await claimDrafts(actor, id, lang)).drafts,

    /**
     * Records that the shop sent a message of the claim (the first time recorded
     * stays; recording again is harmless), and answers the message with `sentAt`.
     * Recording `ack` takes the claim out of the unacknowledged queue.
     *
     * @throws {DomainError} `not-found` when the claim has no such message (yet).
     */
    async markSent(actor: Principal, id: string, messageId: string, lang: Language) {
      const found = await claimDrafts(actor, id, lang);
      // Awaited here, so a refusal is this call's, never an unhandled rejection (workerd).
      const message = await markOne(found, `Claim ${id}`, messageId);
      // The consumer reads what was sent (the ack ends the claim's wait): tell it.
      await changes.claimChanged(found.subject.claimId);
      return message;
    },

    /**
     * A late shipment's delay notice; a clerk names the shop.
     *
     * @throws {DomainError} `not-found` when the shipment is not late or already delivered.
     */
    forShipment: async (
      actor: Principal,
      shipmentId: string,
      lang: Language,
      shopId?: string,
    ): Promise<CustomerMessage[]> => (await shipmentDrafts(actor, shipmentId, lang, shopId)).drafts,

    /** Records that the shop sent the shipment's delay notice (the first time stays). */
    markShipmentSent: async (
      actor: Principal,
      shipmentId: string,
      messageId: string,
      lang: Language,
      shopId?: string,
    ) => {
      const found = await shipmentDrafts(actor, shipmentId, lang, shopId);
      return await markOne(found, `Shipment ${shipmentId}`, messageId);
    },
  };
}

export type MessageService = ReturnType<typeof createMessageService>;
