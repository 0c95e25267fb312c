/**
 * Claims on shipments: files a claim from a shipment's facts (`shipmentFiling`) through the
 * claim service's own `file` and `preview`, and lists a shipment's claims and an order's sums.
 * A shipment's claims are read by the claim list's (shop, waybill) index: one query per
 * shipment with a waybill, reading only that parcel's claims.
 */
import {
  claimRef,
  claimTotals,
  shipmentFiling,
  type ClaimTotals,
  type ShipmentClaimRef,
  type ShipmentClaimRequest,
} from '../domain/shipment';
import { NotFoundError, type Storage } from '../storage/repository';
import type { Principal } from './actor';
import type { ClaimService, FilingAnswer, FilingPreview } from './claims';
import type { OrderView, ShipmentService, ShipmentView } from './shipments';

export interface ShipmentClaimServiceDeps {
  storage: Storage;
  claims: ClaimService;
  shipments: ShipmentService;
}

/** Claims a shipment lists at most (one page of the waybill index). */
export const MAX_SHIPMENT_CLAIMS = 100;

/** A shipment with the claims filed for its parcel. */
export type ShipmentWithClaims = ShipmentView & { claims: ShipmentClaimRef[] };

/** An order with its shipments' claims and what they come to, per currency. */
export type OrderWithClaims = Omit<OrderView, 'shipments'> & {
  shipments: ShipmentWithClaims[];
  claimTotals: ClaimTotals[];
};

export interface ShipmentClaimOptions {
  /** The shop a clerk acts for (a shop key acts for itself). */
  shopId?: string | undefined;
  idempotencyKey?: string | undefined;
}

/**
 * @example
 * const shipmentClaims = createShipmentClaimService({ storage, claims, shipments });
 * const { claim } = await shipmentClaims.file(principal, 'S-1', { type: 'late', description, evidence: [] });
 */
export function createShipmentClaimService(deps: ShipmentClaimServiceDeps) {
  const { storage, claims, shipments } = deps;

  /** The shipment, its order's customer, and the filing they make as of today. */
  async function filingOf(
    principal: Principal,
    shipmentId: string,
    request: ShipmentClaimRequest,
    shopId: string | undefined,
  ) {
    const shipment = await shipments.getShipment(principal, shipmentId, shopId);
    const order = await storage.shipments.getOrder(shipment.shopId, shipment.orderId);
    if (!order) throw new NotFoundError('shipment', shipmentId);
    const facts = shipmentFiling(shipment, order.customer, request, claims.today());
    // A B2B order's claim says so: its customer messages take the formal tone.
    const filing = order.b2b ? { ...facts, b2b: true } : facts;
    return { shipment, filing };
  }

  async function claimsOf(principal: Principal, shipment: ShipmentView) {
    if (shipment.waybill === undefined) return [];
    const page = await claims.list(principal, {
      ...(principal.role === 'clerk' ? { shopId: shipment.shopId } : {}),
      waybill: shipment.waybill,
      limit: MAX_SHIPMENT_CLAIMS,
    });
    return page.items.filter((c) => c.carrier === shipment.carrier).map(claimRef);
  }

  const withClaims = async (
    principal: Principal,
    shipment: ShipmentView,
  ): Promise<ShipmentWithClaims> => ({
    ...shipment,
    claims: await claimsOf(principal, shipment),
  });

  return {
    /**
     * Files a claim from the shipment's facts. With an idempotency key, a retry of the same
     * request (same shipment, same body) gets the first claim back, even on another day.
     */
    async file(
      principal: Principal,
      shipmentId: string,
      request: ShipmentClaimRequest,
      options: ShipmentClaimOptions = {},
    ): Promise<FilingAnswer> {
      const { shipment, filing } = await filingOf(principal, shipmentId, request, options.shopId);
      // Awaited here, so a refusal (not late) is this call's, never an unhandled rejection.
      return await claims.file(principal, filing, {
        shopId: shipment.shopId,
        idempotencyKey: options.idempotencyKey,
        fingerprintOf: { shipmentId, request },
      });
    },

    /** What filing would compute now, exactly as `file` computes it; nothing is stored. */
    async preview(
      principal: Principal,
      shipmentId: string,
      request: ShipmentClaimRequest,
      shopId?: string,
    ): Promise<FilingPreview> {
      const { shipment, filing } = await filingOf(principal, shipmentId, request, shopId);
      return claims.preview(principal, filing, { shopId: shipment.shopId });
    },

    /** One shipment with its claims; a clerk names the shop. */
    async getShipment(
      principal: Principal,
      shipmentId: string,
      shopId?: string,
    ): Promise<ShipmentWithClaims> {
      return withClaims(principal, await shipments.getShipment(principal, shipmentId, shopId));
    },

    /** One order with each shipment's claims and their sums; a clerk names the shop. */
    async getOrder(
      principal: Principal,
      orderId: string,
      shopId?: string,
    ): Promise<OrderWithClaims> {
      const order = await shipments.getOrder(principal, orderId, shopId);
      const listed = await Promise.all(order.shipments.map((s) => withClaims(principal, s)));
      return {
        ...order,
        shipments: listed,
        claimTotals: claimTotals(listed.flatMap((s) => s.claims)),
      };
    },
  };
}

/** @example const service: ShipmentClaimService = createShipmentClaimService(deps); */
export type ShipmentClaimService = ReturnType<typeof createShipmentClaimService>;
