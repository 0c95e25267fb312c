/**
 * Orders and shipments: charges, statuses, reschedules, re-measurements and lateness, as
 * pure rules over the facts a shop states and the events a carrier reports.
 */
export * from './types';
export {
  computeCharges,
  packagingItem,
  MAX_PACKAGING,
  type ChargeItem,
  type Charges,
} from './charges';
export { claimRef, claimTotals, type ClaimTotals, type ShipmentClaimRef } from './claim-totals';
export {
  causeHints,
  shipmentFiling,
  type ShipmentClaimRequest,
  type ShipmentOnFile,
} from './filing';
export { INSTANT_PATTERN, parseInstant, type Instant } from './instant';
export { deadlineOf, latenessOf, type Deadline, type Lateness } from './lateness';
export {
  ACCEPTED_CLAIM_STATUSES,
  latenessStop,
  LATENESS_STOPPING_TYPES,
  shownClaim,
  type LatenessStop,
} from './lateness-stop';
export { remeasurement, type Remeasurement } from './remeasure';
export {
  deriveState,
  FINAL_EVENTS_PAST_CAP,
  FINAL_STATUSES,
  inTimeOrder,
  MAX_EVENTS,
  orderStatus,
  recordEvent,
  type ShipmentState,
} from './state';
export {
  checkEvent,
  checkPlacedAt,
  shipmentContext,
  summarizeShipment,
  type EventTime,
  type ShipmentContext,
  type ShipmentSummary,
} from './view';
