/**
 * Outbound webhooks (Standard Webhooks, standardwebhooks.com): the contract between the
 * sources that report what happened (claims, shipments, remedies) and the delivery engine
 * that signs and sends it to the shop's endpoints.
 */

/**
 * Every event type a shop can subscribe an endpoint to.
 * @example WEBHOOK_EVENT_TYPES.includes('claim.paid') // true
 */
export const WEBHOOK_EVENT_TYPES = [
  'claim.filed',
  'claim.status_changed',
  'claim.paid',
  'claim.acknowledgement_overdue',
  'shipment.late',
  'shipment.delivered',
  'remedy.answered',
  'webhook.test',
  'endpoint.disabled',
] as const;
/** @example const t: WebhookEventType = 'shipment.late'; */
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/**
 * One event, as recorded once. Its id is stable (deterministic from the subject and what
 * happened, e.g. `evt_<claimId>_<seq>_<type>`): the receiver's idempotency key, and what makes
 * a second announce of the same change write nothing.
 * @example
 * const e: OutboundEvent = {
 *   id: 'evt_clm_1_3_claim.paid', type: 'claim.paid', timestamp: '2026-12-07T06:00:00Z',
 *   shopId: 'shop_1', subject: { kind: 'claim', id: 'clm_1', sequence: 3 }, data: {},
 * };
 */
export interface OutboundEvent {
  /** `evt_` + deterministic from the subject and what happened. */
  id: string;
  type: WebhookEventType;
  /** ISO instant the change happened. */
  timestamp: string;
  shopId: string;
  /** What changed and its per-subject sequence number (a receiver drops an older one). */
  subject?: { kind: 'claim' | 'shipment' | 'remedy' | 'endpoint'; id: string; sequence: number };
  /** The resource exactly as the API returns it to the shop. */
  data: unknown;
}
