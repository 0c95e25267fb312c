/**
 * Outbound webhooks in storage: a shop's endpoints, the events announced to it (kept 30
 * days), one delivery per endpoint and event, and every attempt of a delivery.
 */
import type { DeliveryStatus } from '../webhooks/delivery-status';
import type { OutboundEvent, WebhookEventType } from '../webhooks/types';
import type { EndpointDisabledReason, WebhookNotice } from '../webhooks/notice';

export type { EndpointDisabledReason, WebhookNotice } from '../webhooks/notice';

/** A secret as kept: sealed (never stored readable), and when a rotated one stops signing. */
export interface StoredSecret {
  sealed: string;
  /** ISO instant after which it no longer signs (the previous secret after a rotation). */
  until?: string;
}

/** An endpoint as stored. `events` is a list of types, or `['*']` for every type. */
export interface WebhookEndpointRecord {
  id: string;
  shopId: string;
  url: string;
  events: (WebhookEventType | '*')[];
  description?: string;
  enabled: boolean;
  disabledReason?: EndpointDisabledReason;
  disabledAt?: string;
  /** The first failed delivery since the last success (cleared by a success). */
  failingSince?: string;
  /** Current first. */
  secrets: StoredSecret[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export { DELIVERY_STATUSES, type DeliveryStatus } from '../webhooks/delivery-status';

/** One event's delivery to one endpoint. */
export interface WebhookDeliveryRecord {
  id: string;
  shopId: string;
  endpointId: string;
  eventId: string;
  eventType: WebhookEventType;
  eventTimestamp: string;
  status: DeliveryStatus;
  /** Attempt series: 1 from the announcement, one more per replay. */
  series: number;
  /** Attempts made in the current series. */
  seriesAttempts: number;
  /** Attempts made in all. */
  attempts: number;
  createdAt: string;
  lastAttemptAt?: string;
  /** Epoch seconds after which the table's TTL removes it (with its event). */
  expiresAt: number;
  /** When the next attempt is due (pending only). */
  nextAttemptAt?: string;
  /**
   * The instant of its due marker (written with it, and by a replay; cleared when the queue
   * takes it): a delivery the queue never took is sent by the cron after it.
   */
  markedAt: string;
}

/** One attempt to send a delivery. */
export interface WebhookAttempt {
  at: string;
  series: number;
  /** The receiver's status; absent when no answer came (`error` says why). */
  statusCode?: number;
  durationMs: number;
  /** The first 1 KB of the answer's body. */
  response?: string;
  error?: string;
}

/** A delivery and its attempts, oldest first. */
export interface DeliveryWithAttempts extends WebhookDeliveryRecord {
  attemptList: WebhookAttempt[];
}

/** A page of a listing and where the next one starts (opaque). */
export interface Page<T> {
  items: T[];
  cursor?: string;
}

/** What announcing an event writes: the event, and a delivery per endpoint (≤ 10). */
export interface EventWrite {
  event: OutboundEvent;
  /** The exact bytes every attempt sends. */
  body: string;
  deliveries: WebhookDeliveryRecord[];
  /** Epoch seconds after which the table's TTL removes the event and its deliveries. */
  expiresAt: number;
}

/** What a finished attempt changes on its delivery. */
export interface AttemptOutcome {
  attempt: WebhookAttempt;
  status: DeliveryStatus;
  nextAttemptAt?: string;
}

export interface WebhookRepository {
  /** Creates an endpoint if the shop has fewer than `max`; false when it has `max` already. */
  createEndpoint(endpoint: WebhookEndpointRecord, max: number): Promise<boolean>;
  getEndpoint(shopId: string, endpointId: string): Promise<WebhookEndpointRecord | undefined>;
  /** Every endpoint of a shop (at most the cap: one page). */
  listEndpoints(shopId: string): Promise<WebhookEndpointRecord[]>;
  /** Replaces an endpoint over the version it was read at; false when it changed meanwhile. */
  putEndpoint(next: WebhookEndpointRecord): Promise<boolean>;
  /** Deletes an endpoint (its deliveries expire with their events); false when absent. */
  deleteEndpoint(shopId: string, endpointId: string): Promise<boolean>;

  /**
   * Writes the event and its deliveries in one transaction, once per event id: false (and
   * nothing written) when the id was announced before.
   */
  recordEvent(write: EventWrite): Promise<boolean>;
  /** The event's body, as recorded. */
  eventBody(shopId: string, eventId: string): Promise<string | undefined>;
  /** Events of a shop from `since` on, oldest first. */
  listEvents(
    shopId: string,
    since: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<OutboundEvent>>;

  getDelivery(shopId: string, deliveryId: string): Promise<WebhookDeliveryRecord | undefined>;
  /** Marks deliveries the queue has taken (the cron stops sending them). */
  markQueued(deliveries: readonly WebhookDeliveryRecord[]): Promise<void>;
  /**
   * Records an attempt and its outcome on the delivery, if the delivery is still pending in
   * the attempt's series; false (nothing written) when not.
   */
  recordAttempt(delivery: WebhookDeliveryRecord, outcome: AttemptOutcome): Promise<boolean>;
  /** Starts a new attempt series of a delivery (a replay): pending, due now. */
  restartDelivery(delivery: WebhookDeliveryRecord, at: string): Promise<WebhookDeliveryRecord>;
  /** An endpoint's deliveries, newest first, with their attempts; `status` filters. */
  listDeliveries(
    shopId: string,
    endpointId: string,
    filter: { status?: DeliveryStatus; since?: string; oldestFirst?: boolean },
    page: { limit: number; cursor?: string },
  ): Promise<Page<DeliveryWithAttempts>>;
  /** Deliveries not yet taken by the queue and due by `now`, across shops (the cron's pass). */
  dueDeliveries(now: string, limit: number): Promise<WebhookDeliveryRecord[]>;

  /** Records a desk notice that an endpoint was disabled. */
  addNotice(notice: WebhookNotice): Promise<void>;
  /** The latest notices, newest first. */
  listNotices(limit: number): Promise<WebhookNotice[]>;
}
