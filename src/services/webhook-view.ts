/**
 * An endpoint as the API answers it: never its secrets (shown once, when made).
 */
import type {
  DeliveryWithAttempts,
  WebhookAttempt,
  WebhookEndpointRecord,
} from '../storage/webhook-repository';

/** The public view of an endpoint. */
export type WebhookEndpointView = Omit<WebhookEndpointRecord, 'secrets' | 'shopId'> & {
  /** Until when the previous secret still signs beside the current one, after a rotation. */
  previousSecretExpiresAt?: string;
};

/** @example endpointView(record) // { id: 'we_…', url, events, enabled, … } */
export function endpointView(e: WebhookEndpointRecord, now?: Date): WebhookEndpointView {
  const { secrets, shopId: _shop, ...rest } = e;
  const previous = secrets
    .slice(1)
    .find(
      (s) => s.until !== undefined && (now === undefined || Date.parse(s.until) > now.getTime()),
    );
  return previous?.until ? { ...rest, previousSecretExpiresAt: previous.until } : rest;
}

/** A delivery as the API answers it: its attempts listed, their count apart. */
export interface WebhookDeliveryView {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: DeliveryWithAttempts['eventType'];
  eventTimestamp: string;
  status: DeliveryWithAttempts['status'];
  series: number;
  attemptCount: number;
  createdAt: string;
  lastAttemptAt?: string;
  nextAttemptAt?: string;
  attempts: WebhookAttempt[];
}

/** @example deliveryView(stored) // { id: 'wd_…', status: 'failed', attempts: [...] } */
export function deliveryView(d: DeliveryWithAttempts): WebhookDeliveryView {
  return {
    id: d.id,
    endpointId: d.endpointId,
    eventId: d.eventId,
    eventType: d.eventType,
    eventTimestamp: d.eventTimestamp,
    status: d.status,
    series: d.series,
    attemptCount: d.attempts,
    createdAt: d.createdAt,
    ...(d.lastAttemptAt === undefined ? {} : { lastAttemptAt: d.lastAttemptAt }),
    ...(d.status === 'pending' && d.nextAttemptAt !== undefined
      ? { nextAttemptAt: d.nextAttemptAt }
      : {}),
    attempts: d.attemptList,
  };
}
