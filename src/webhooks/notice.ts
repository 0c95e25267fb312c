/**
 * What the desk is told when the delivery engine disables an endpoint.
 */

/** Why an endpoint receives nothing: the shop said so, it answered 410 Gone, or it kept failing. */
export type EndpointDisabledReason = 'manual' | 'gone' | 'failing';

/** A desk notice: an endpoint the engine disabled. */
export interface WebhookNotice {
  shopId: string;
  endpointId: string;
  url: string;
  reason: EndpointDisabledReason;
  at: string;
}
