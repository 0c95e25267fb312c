import { getCalendar } from '../../domain/calendar';
import { fileClaim } from '../../domain/claim';
import { prepareClaim } from '../../domain/claim/filing';
import { resolvePolicy } from '../../domain/policies';
import {
  claimRef,
  claimTotals,
  shipmentFiling,
  type ShipmentClaimRequest,
} from '../../domain/shipment';
import type { OrderWithClaims, ShipmentWithClaims } from '../../services/shipment-claims';
import { shipmentExamples } from './shipments.examples';

const today = '2025-06-16';
const at = `${today}T09:00:00.000Z`;
const { shipment, order } = shipmentExamples;
const request: ShipmentClaimRequest = {
  type: 'late',
  description: 'Promised by 5 June, still on its way',
  evidence: [],
};
const filing = shipmentFiling(shipment, order.customer, request, today);
const prepared = prepareClaim(filing, {
  policy: resolvePolicy(filing.carrier),
  calendar: getCalendar(shipment.calendar ?? 'RU'),
  shopId: shipment.shopId,
  today,
  at,
});
const { claim } = fileClaim(prepared, {
  id: 'clm_5a1e0c3b9d8f47a6b2c4e6f8091a2b3c',
  at,
  by: { role: 'shop', id: shipment.shopId },
});
const withClaims: ShipmentWithClaims = { ...shipment, claims: [claimRef(claim)] };
const orderWithClaims: OrderWithClaims = {
  ...order,
  shipments: [withClaims],
  claimTotals: claimTotals(withClaims.claims),
};

/** A late claim filed from the example shipment, and the shipment and order listing it. */
export const shipmentClaimExamples = {
  request,
  claim,
  shipment: withClaims,
  order: orderWithClaims,
};
