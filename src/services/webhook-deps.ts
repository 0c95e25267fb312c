/**
 * What the webhook services need (src/services/webhook-*.ts): storage, the clock, the key
 * that seals endpoint secrets, the delivery queue and the delivery rules.
 */
import type { WebhookRepository } from '../storage/webhook-repository';

/** The body of a delivery queue message: which delivery, in which attempt series. */
export interface DeliveryMessage {
  shopId: string;
  deliveryId: string;
  series: number;
}

/** The producer side of the delivery queue (`env.WEBHOOK_DELIVERIES`, or inline). */
export interface DeliveryQueue {
  sendBatch(messages: { body: DeliveryMessage; delaySeconds?: number }[]): Promise<unknown>;
}

/** A line about a delivery the engine could not do now (it will, later). */
export interface WebhookLogLine {
  event: 'webhook-enqueue-failed' | 'webhook-delivery-failed' | 'webhook-endpoint-disabled';
  [field: string]: string | number | boolean;
}

export interface WebhookDeps {
  storage: { webhooks: WebhookRepository };
  clock: () => Date;
  /** Seals endpoint secrets (WEBHOOK_SECRET, or one derived from CURSOR_SECRET…). */
  secret: string;
  queue: DeliveryQueue;
  /** Seconds before each retry (WEBHOOK_RETRY_SCHEDULE; default the Standard Webhooks one). */
  retrySchedule: readonly number[];
  /** WEBHOOK_ALLOW_LOCAL: http to 127.0.0.1, localhost, [::1] allowed. */
  allowLocal: boolean;
  /** Sends a delivery (default the global fetch). */
  fetch?: typeof fetch;
  log?: (line: WebhookLogLine) => void;
}

/** Endpoints a shop may have. */
export const MAX_ENDPOINTS_PER_SHOP = 10;
/** Days an endpoint may keep failing (no success since `failingSince`) before it is disabled. */
export const FAILING_DAYS_BEFORE_DISABLE = 5;
/** Days an event (and its deliveries) is kept. */
export const EVENT_RETENTION_DAYS = 30;
/** How long a rotated secret keeps signing beside the new one. */
export const ROTATION_OVERLAP_HOURS = 24;

const defaultLog = (line: WebhookLogLine) => console.error(JSON.stringify(line));
/** @example logOf(deps)({ event: 'webhook-enqueue-failed', error: 'x' }) */
export const webhookLog = (deps: WebhookDeps) => deps.log ?? defaultLog;
