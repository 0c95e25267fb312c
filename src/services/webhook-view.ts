/**
 * An endpoint as the API answers it: never its secrets (shown once, when made).
 */
import type { WebhookEndpointRecord } from '../storage/webhook-repository';

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
