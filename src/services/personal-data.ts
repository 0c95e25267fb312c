/**
 * Customers' personal data (issue 25), framework-free, shared by the API, the desk and the
 * cron: erasing a person's records in a shop (on the shop's request, or when the retention
 * period of a settled record ran out) with the destruction act and its event-log extract;
 * the acts read back; everything held about a person exported (an access request); and the
 * subject index and retention entries kept beside claims and orders.
 *
 * Safe to re-run: an erasure interrupted half-way is completed by running it again for the
 * same person (the act still `running` holds the person's `ERASING` item, and the second run
 * joins it: every record is overwritten in place, the claim's body last, so whatever was not
 * reached is found again by the same index entries).
 */
import type { Claim } from '../domain/claim';
import { DomainError } from '../domain/errors';
import {
  identifiersOf,
  isClaimSettled,
  isOrderSettled,
  retentionDueDay,
  DEFAULT_RETAIN_DAYS,
  type ErasureAct,
  type ErasureReason,
  type ErasureStep,
  type PersonalDataSelector,
  type PersonalDataSubject,
} from '../domain/personal-data';
import type { ShipmentStatus } from '../domain/shipment';
import type { OrderRecord, Storage } from '../storage/repository';
import type { Principal } from './actor';
import { createEraser, type ErasureActor } from './personal-data-erase';
import {
  refsOfPerson,
  resolveSubject,
  subjectRefs,
  type ResolvedSubject,
} from './personal-data-subjects';

export type { ErasureActor } from './personal-data-erase';

export interface PersonalDataServiceDeps {
  storage: Storage;
  clock: () => Date;
  /** 32 hex digits (the act id is `pde_` + it). */
  newId: () => string;
  /** The secret behind the pseudonymous references (AppDeps.referenceSecret). */
  referenceSecret: string;
  /**
   * The statuses of an order's shipments (the shipments service's order view), to tell when
   * the order is settled; absent: orders get no retention entry of their own.
   */
  orderStatuses?: (shopId: string, orderId: string) => Promise<ShipmentStatus[] | undefined>;
}

/** Everything a shop holds about a person, JSON-ready (an access request's answer). */
export interface PersonalDataExport {
  shopId: string;
  /** The person's pseudonymous reference in the shop (as an act names them). */
  subjectRef: string;
  claims: Claim[];
  orders: OrderRecord[];
  /** Customer messages recorded as sent (their text is rendered from the claim or order). */
  messages: { claimId: string; messageId: string; sentAt: string }[];
}

/** The act and its event-log extract. */
export interface ErasureWithLog {
  act: ErasureAct;
  steps: ErasureStep[];
}

/**
 * @example
 * const personalData = createPersonalDataService({ storage, clock, newId, referenceSecret });
 * const act = await personalData.erase(principal, { phone: '+7 912 345-67-89' }, { kind: 'request' });
 */
export function createPersonalDataService(deps: PersonalDataServiceDeps) {
  const { storage, clock, newId } = deps;
  const refOf = subjectRefs(deps.referenceSecret);
  const { eraseIn } = createEraser({ storage, clock, newId, refOf });

  /** The shop a call is about: a shop key's own; a clerk names one. */
  const shopOf = (actor: ErasureActor, shopId: string | undefined): string => {
    const own = actor !== 'retention' && actor.role === 'shop' ? actor.shopId : shopId;
    if (!own) throw new DomainError('invalid-input', 'name the shop (shopId)', '/shopId');
    if (actor !== 'retention' && actor.role === 'shop' && shopId !== undefined && shopId !== own) {
      throw new DomainError('filter-not-allowed', 'A shop key erases in its own shop only.');
    }
    return own;
  };

  /**
   * The order's retention entry, once every shipment is final and no claim of it is open
   * (settled now: the entry is due `retainDays` from today).
   */
  async function settleOrder(shopId: string, orderId: string): Promise<void> {
    const statuses = await deps.orderStatuses?.(shopId, orderId);
    if (statuses === undefined) return;
    const order = await storage.shipments.getOrder(shopId, orderId);
    if (order === undefined || order.personalData !== undefined) return;
    if (!isOrderSettled(statuses, await openClaimsOf(storage, shopId, orderId))) return;
    const retainDays = await retainDaysOf(storage, shopId);
    await storage.personalData.scheduleRetention({
      shopId,
      record: { kind: 'order', id: orderId },
      dueDay: retentionDueDay(clock().toISOString(), retainDays),
    });
  }

  return {
    /**
     * Erases every claim and order of the person in the shop (and their messages, search
     * keys, index entries, the webhook events that carried them): the act, completed.
     *
     * @throws {DomainError} `not-found` for a claim or order id the shop does not have.
     */
    async erase(
      actor: ErasureActor,
      selector: PersonalDataSelector,
      reason: ErasureReason,
      shopId?: string,
    ): Promise<ErasureAct> {
      const shop = shopOf(actor, shopId);
      const subject = await resolveSubject(storage, refOf, shop, selector);
      return eraseIn(shop, actor, subject, reason);
    },

    /**
     * The retention cron's erasure of one settled record (not the person's other records,
     * which may still be open): its own act, instructed by the shop's retention policy.
     */
    async eraseRecord(
      shopId: string,
      selector: { claimId: string } | { orderId: string },
      retainDays: number,
    ): Promise<ErasureAct> {
      const found = await resolveSubject(storage, refOf, shopId, selector);
      const only: ResolvedSubject = {
        ...found,
        claims: found.claims.filter((c) => 'claimId' in selector && c.id === selector.claimId),
        orders: found.orders.filter((o) => 'orderId' in selector && o.orderId === selector.orderId),
        leftovers: [],
      };
      return eraseIn(shopId, 'retention', only, { kind: 'retention', retainDays });
    },

    /** @throws {DomainError} `not-found` when the shop has no such act. */
    async getErasure(actor: Principal, id: string, shopId?: string): Promise<ErasureWithLog> {
      const found = await storage.personalData.get(shopOf(actor, shopId), id);
      if (found === undefined) throw new DomainError('not-found', `No erasure ${id} in this shop.`);
      return { act: found.act, steps: [...found.steps].sort((a, b) => a.at.localeCompare(b.at)) };
    },

    /** The shop's acts, newest first (each without its records: `getErasure` has them). */
    listErasures(
      actor: Principal,
      page: { limit: number; cursor?: string | undefined },
      shopId?: string,
    ): Promise<{ items: ErasureAct[]; cursor?: string }> {
      return storage.personalData.list(shopOf(actor, shopId), page);
    },

    /** Everything the shop holds about the person (by phone or e-mail). */
    async exportPersonalData(
      actor: Principal,
      subject: PersonalDataSubject,
      shopId?: string,
    ): Promise<PersonalDataExport> {
      const shop = shopOf(actor, shopId);
      const found = await resolveSubject(storage, refOf, shop, subject);
      const messages = (
        await Promise.all(
          found.claims.map(async (claim) =>
            Object.entries(await storage.messagesSent.sentTimes({ claimId: claim.id })).map(
              ([messageId, sentAt]) => ({ claimId: claim.id, messageId, sentAt }),
            ),
          ),
        )
      ).flat();
      return {
        shopId: shop,
        subjectRef: await refOf(shop, subject),
        claims: found.claims,
        orders: found.orders,
        messages,
      };
    },

    /**
     * What a claim's change keeps beside it (the claim-change consumer calls it): its subject
     * index entries and, once settled, its retention entry (due `retainDays` after settling).
     */
    async onClaimChanged(claim: Claim): Promise<void> {
      if (claim.personalData !== undefined) return;
      const refs = await refsOfPerson(refOf, claim.shopId, claim.claimant);
      await storage.personalData.indexRecord(claim.shopId, refs, { kind: 'claim', id: claim.id });
      if (!isClaimSettled(claim.status)) return;
      // The order's last open claim settling may settle the order.
      if (claim.orderId !== undefined) await settleOrder(claim.shopId, claim.orderId);
      const retainDays = await retainDaysOf(storage, claim.shopId);
      const dueDay = retentionDueDay(claim.updatedAt, retainDays);
      await storage.personalData.scheduleRetention({
        shopId: claim.shopId,
        record: { kind: 'claim', id: claim.id },
        dueDay,
      });
    },

    /**
     * An order's subject index entries (after its put); with `settledAt` (every shipment
     * final, no claim open: src/domain/personal-data/retention.ts `isOrderSettled`), its
     * retention entry too.
     */
    async onOrderChanged(order: OrderRecord, settledAt?: string): Promise<void> {
      if (order.personalData !== undefined) return;
      const refs = await refsOfPerson(refOf, order.shopId, order.customer);
      await storage.personalData.indexRecord(order.shopId, refs, {
        kind: 'order',
        id: order.orderId,
      });
      if (settledAt === undefined) return;
      const retainDays = await retainDaysOf(storage, order.shopId);
      await storage.personalData.scheduleRetention({
        shopId: order.shopId,
        record: { kind: 'order', id: order.orderId },
        dueDay: retentionDueDay(settledAt, retainDays),
      });
    },

    /** A shipment of the order reached a final status (the shipments service calls it). */
    onShipmentFinal: (shopId: string, orderId: string) => settleOrder(shopId, orderId),

    /** The people behind records, as compared (for tests and the desk). */
    identifiersOf,
  };
}

/** How many claims of the order are not settled (the claim search by order id, checked exactly). */
async function openClaimsOf(storage: Storage, shopId: string, orderId: string): Promise<number> {
  let open = 0;
  let cursor: string | undefined;
  do {
    const page = await storage.claims.list(
      { shopId, search: { field: 'orderId', text: orderId } },
      { limit: 1000, caller: 'personal-data', ...(cursor ? { cursor } : {}) },
    );
    open += page.items.filter((c) => c.orderId === orderId && !isClaimSettled(c.status)).length;
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return open;
}

/** The shop's retention period (its profile's, else the default). */
export async function retainDaysOf(storage: Storage, shopId: string): Promise<number> {
  const profile = await storage.shops.get(shopId);
  return profile?.personalData?.retainDays ?? DEFAULT_RETAIN_DAYS;
}

/** @example type S = PersonalDataService; */
export type PersonalDataService = ReturnType<typeof createPersonalDataService>;
