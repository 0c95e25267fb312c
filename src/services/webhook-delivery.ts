/**
 * The delivery engine: the queue consumer's logic (src/queues/webhook-deliveries.ts is its
 * thin entry) and the cron's pass over deliveries the queue was never told about.
 *
 * A message names a delivery and its attempt series. The delivery is read (a message for a
 * settled delivery, or an older series, is acked: a replay started a new one), then its
 * endpoint and its event's bytes; one attempt is made and recorded with its outcome. A
 * failure is retried by the queue (`message.retry({ delaySeconds })`) on the retry
 * schedule; after its last entry the delivery is `failed` and the message is retried once
 * more, past the consumer's `max_retries`, which moves it to the dead-letter queue.
 */
import type { WebhookAttempt, WebhookDeliveryRecord } from '../storage/webhook-repository';
import { MAX_RETRY_DELAY_SECONDS } from '../webhooks/retry-schedule';
import { webhookLog, type DeliveryMessage, type WebhookDeps } from './webhook-deps';
import { recordFailure, recordSuccess } from './webhook-health';
import { enqueue } from './webhook-outbox';
import { signingSecrets } from './webhook-secrets';
import { sendAttempt, succeeded } from './webhook-send';

/** One message of a queue batch, as the Workers runtime hands it (a subset of `Message`). */
export interface DeliveryQueueMessage {
  readonly body: unknown;
  readonly attempts: number;
  ack(): void;
  retry(options?: { delaySeconds?: number }): void;
}

/** What the consumer does with a message after an attempt. */
export type DeliveryVerdict =
  | { action: 'ack'; outcome: 'succeeded' | 'failed' | 'stale' | 'gone' | 'disabled' }
  | { action: 'retry'; delaySeconds: number }
  | { action: 'dead-letter' };

const messageOf = (body: unknown): DeliveryMessage | undefined => {
  if (typeof body !== 'object' || body === null) return undefined;
  const m = body as Partial<DeliveryMessage>;
  return typeof m.shopId === 'string' &&
    typeof m.deliveryId === 'string' &&
    typeof m.series === 'number'
    ? { shopId: m.shopId, deliveryId: m.deliveryId, series: m.series }
    : undefined;
};

/** Records an attempt that was not made: the endpoint is gone or disabled. */
const notSent = (at: Date, series: number, why: string): WebhookAttempt => ({
  at: at.toISOString(),
  series,
  durationMs: 0,
  error: `not sent: ${why}`,
});

/**
 * One attempt of the delivery a message names, recorded; what to do with the message.
 * `retries: false` (no queue to hold a retry): a failed attempt is the last, `failed`.
 *
 * @example await attemptDelivery(deps, { shopId: 's', deliveryId: 'wd_…', series: 1 })
 */
export async function attemptDelivery(
  deps: WebhookDeps,
  message: DeliveryMessage,
  options: { retries?: boolean } = {},
): Promise<DeliveryVerdict> {
  const repo = deps.storage.webhooks;
  const delivery = await repo.getDelivery(message.shopId, message.deliveryId);
  if (delivery?.status !== 'pending' || delivery.series !== message.series) {
    return { action: 'ack', outcome: 'stale' };
  }
  const now = deps.clock();
  const endpoint = await repo.getEndpoint(delivery.shopId, delivery.endpointId);
  const body = await repo.eventBody(delivery.shopId, delivery.eventId);
  if (endpoint === undefined || !endpoint.enabled || body === undefined) {
    // A disabled endpoint's pending deliveries stop (a replay, once it is enabled, sends them).
    const why =
      endpoint === undefined
        ? 'the endpoint was deleted'
        : body === undefined
          ? 'the event expired'
          : 'the endpoint is disabled';
    await repo.recordAttempt(delivery, {
      attempt: notSent(now, delivery.series, why),
      status: 'failed',
    });
    return { action: 'ack', outcome: 'disabled' };
  }
  const secrets = await signingSecrets(deps.secret, endpoint, now);
  const attempt = await sendAttempt(deps.fetch ?? fetch, {
    url: endpoint.url,
    eventId: delivery.eventId,
    body,
    secrets,
    at: now,
    series: delivery.series,
  });
  return settle(deps, delivery, attempt, options.retries !== false);
}

/** Records the attempt's outcome and tells the endpoint's health. */
async function settle(
  deps: WebhookDeps,
  delivery: WebhookDeliveryRecord,
  attempt: WebhookAttempt,
  retries: boolean,
): Promise<DeliveryVerdict> {
  const repo = deps.storage.webhooks;
  if (succeeded(attempt)) {
    const recorded = await repo.recordAttempt(delivery, { attempt, status: 'succeeded' });
    if (recorded) await recordSuccess(deps, delivery.shopId, delivery.endpointId);
    return { action: 'ack', outcome: recorded ? 'succeeded' : 'stale' };
  }
  webhookLog(deps)({
    event: 'webhook-delivery-failed',
    deliveryId: delivery.id,
    status: attempt.statusCode ?? 0,
    error: attempt.error ?? '',
  });
  const gone = attempt.statusCode === 410;
  const delay = gone || !retries ? undefined : deps.retrySchedule[delivery.seriesAttempts];
  if (delay !== undefined) {
    const nextAttemptAt = new Date(Date.parse(attempt.at) + delay * 1000).toISOString();
    const recorded = await repo.recordAttempt(delivery, {
      attempt,
      status: 'pending',
      nextAttemptAt,
    });
    await recordFailure(deps, delivery.shopId, delivery.endpointId, false);
    return recorded
      ? { action: 'retry', delaySeconds: Math.min(delay, MAX_RETRY_DELAY_SECONDS) }
      : { action: 'ack', outcome: 'stale' };
  }
  const recorded = await repo.recordAttempt(delivery, { attempt, status: 'failed' });
  await recordFailure(deps, delivery.shopId, delivery.endpointId, gone);
  if (!recorded) return { action: 'ack', outcome: 'stale' };
  return gone ? { action: 'ack', outcome: 'gone' } : { action: 'dead-letter' };
}

/**
 * The queue consumer: each message's delivery attempted (a few at once), the message acked,
 * retried after the schedule's delay, or sent on to the dead-letter queue. A message that
 * names no delivery is acked; one whose attempt could not be recorded (storage failing) is
 * retried shortly.
 *
 * @example await consumeDeliveries(batch.messages, deps);
 */
export async function consumeDeliveries(
  messages: readonly DeliveryQueueMessage[],
  deps: WebhookDeps,
): Promise<void> {
  await Promise.all(
    messages.map(async (message) => {
      const body = messageOf(message.body);
      if (body === undefined) return message.ack();
      try {
        const verdict = await attemptDelivery(deps, body);
        if (verdict.action === 'ack') message.ack();
        // Past max_retries (wrangler.toml): the queue moves it to the dead-letter queue.
        else if (verdict.action === 'dead-letter') message.retry({ delaySeconds: 0 });
        else message.retry({ delaySeconds: verdict.delaySeconds });
      } catch (error) {
        webhookLog(deps)({ event: 'webhook-delivery-failed', error: String(error) });
        message.retry({ delaySeconds: 30 });
      }
    }),
  );
}

/**
 * The cron's pass: deliveries whose due marker is past `now` (the queue never took them:
 * the send failed, or the Worker stopped after writing them) are handed to the queue again.
 *
 * @example await sendDue(deps); // { sent: 3 }
 */
export async function sendDue(deps: WebhookDeps, limit = 100): Promise<{ sent: number }> {
  const due = await deps.storage.webhooks.dueDeliveries(deps.clock().toISOString(), limit);
  await enqueue(deps, due);
  return { sent: due.length };
}
