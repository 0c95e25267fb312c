/**
 * The outbox: what happened, recorded once, and a delivery for each endpoint that wants it.
 *
 * `announce` writes the event (kept 30 days, listed by `GET /v1/events`) and its deliveries
 * in one transaction, once per event id (a second announcement of the same change writes
 * and sends nothing), then hands the deliveries to the queue. Each delivery is written with
 * a due marker that only the queue's acceptance clears: if the send fails (or the Worker
 * stops before it), the cron sends it (./webhook-delivery.ts `sendDue`). Nothing is lost.
 */
import type { WebhookDeliveryRecord, WebhookEndpointRecord } from '../storage/webhook-repository';
import { deliveryId } from '../webhooks/ids';
import type { OutboundEvent, WebhookEventType } from '../webhooks/types';
import {
  EVENT_RETENTION_DAYS,
  webhookLog,
  type DeliveryMessage,
  type WebhookDeps,
} from './webhook-deps';

/** Whether an endpoint takes events of `type`. */
export const subscribes = (endpoint: WebhookEndpointRecord, type: WebhookEventType): boolean =>
  endpoint.events.includes('*') || endpoint.events.includes(type);

/**
 * The bytes every attempt of the event sends: `{"type","timestamp","sequence"?,"data"}`.
 * @example payloadOf(event) // '{"type":"claim.paid","timestamp":"…","sequence":3,"data":{…}}'
 */
export const payloadOf = (event: OutboundEvent): string =>
  JSON.stringify({
    type: event.type,
    timestamp: event.timestamp,
    ...(event.subject ? { sequence: event.subject.sequence } : {}),
    data: event.data,
  });

/** Where an announcement goes besides the subscribed endpoints' rule. */
export interface AnnounceOptions {
  /** Exactly these endpoints (if enabled), whatever they subscribe to (a test, a notice). */
  to?: readonly string[];
}

/** The outbox as the sources of events use it. */
export interface Outbox {
  announce(
    event: OutboundEvent,
    options?: AnnounceOptions,
  ): Promise<{ recorded: boolean; deliveries: number }>;
}

/** @example queueMessage(delivery) // { body: { shopId, deliveryId, series: 1 } } */
export const queueMessage = (d: WebhookDeliveryRecord, delaySeconds?: number) => {
  const body: DeliveryMessage = { shopId: d.shopId, deliveryId: d.id, series: d.series };
  return delaySeconds === undefined ? { body } : { body, delaySeconds };
};

/**
 * Hands deliveries to the queue and clears their due markers; a failed send leaves them
 * for the cron (logged, never thrown).
 *
 * @example await enqueue(deps, deliveries);
 */
export async function enqueue(
  deps: WebhookDeps,
  deliveries: readonly WebhookDeliveryRecord[],
): Promise<void> {
  if (deliveries.length === 0) return;
  try {
    await deps.queue.sendBatch(deliveries.map((d) => queueMessage(d)));
  } catch (error) {
    webhookLog(deps)({ event: 'webhook-enqueue-failed', error: String(error) });
    return;
  }
  try {
    await deps.storage.webhooks.markQueued(deliveries);
  } catch {
    // A marker left behind only makes the cron send the delivery once more; its consumer
    // finds it settled, or the receiver drops the repeat by its webhook-id.
  }
}

/**
 * @example
 * const outbox = createOutbox(deps);
 * await outbox.announce({ id: 'evt_clm_1_2_claim.paid', type: 'claim.paid', … });
 */
export function createOutbox(deps: WebhookDeps): Outbox {
  return {
    async announce(event, options = {}) {
      const endpoints = (await deps.storage.webhooks.listEndpoints(event.shopId)).filter(
        (e) => e.enabled && (options.to ? options.to.includes(e.id) : subscribes(e, event.type)),
      );
      const now = deps.clock().toISOString();
      // Kept 30 days from when it was recorded (an event reported late is kept as long).
      const expiresAt = Math.floor(Date.parse(now) / 1000) + EVENT_RETENTION_DAYS * 86_400;
      const deliveries = endpoints.map((e): WebhookDeliveryRecord => ({
        id: deliveryId(e.id, event.timestamp, event.id),
        shopId: event.shopId,
        endpointId: e.id,
        eventId: event.id,
        eventType: event.type,
        eventTimestamp: event.timestamp,
        status: 'pending',
        series: 1,
        seriesAttempts: 0,
        attempts: 0,
        createdAt: now,
        nextAttemptAt: now,
        markedAt: now,
        expiresAt,
      }));
      const recorded = await deps.storage.webhooks.recordEvent({
        event,
        body: payloadOf(event),
        deliveries,
        expiresAt,
      });
      if (!recorded) return { recorded: false, deliveries: 0 };
      await enqueue(deps, deliveries);
      return { recorded: true, deliveries: deliveries.length };
    },
  };
}
