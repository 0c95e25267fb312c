/**
 * The webhook engine's deps as the Worker and the app build them: from the configuration,
 * the storage and the clock, with the delivery queue (or, without one, delivery before the
 * answer: `inlineDeliveryQueue`).
 */
import type { Storage } from '../storage/repository';
import { parseRetrySchedule, STANDARD_RETRY_SCHEDULE } from '../webhooks/retry-schedule';
import type { DeliveryQueue, WebhookDeps } from './webhook-deps';
import { attemptDelivery } from './webhook-delivery';
import { webhookSealingKey } from './webhook-secrets';

/** What the configuration says about webhooks (src/env.ts). */
export interface WebhookSettings {
  WEBHOOK_SECRET?: string | undefined;
  CURSOR_SECRET?: string | undefined;
  DESK_SESSION_SECRET?: string | undefined;
  WEBHOOK_ALLOW_LOCAL?: 'true' | 'false' | undefined;
  WEBHOOK_RETRY_SCHEDULE?: string | undefined;
}

/**
 * Deliveries made as they are enqueued, each one attempt, awaited: for the HTTP tests and a
 * Worker without the queue binding. No queue holds a retry, so a failed attempt is final
 * (`failed`): a replay or a recover sends it again.
 *
 * @example const deps = webhookDepsOf(settings, storage, clock, (deps) => inlineDeliveryQueue(deps));
 */
export const inlineDeliveryQueue = (deps: () => WebhookDeps): DeliveryQueue => ({
  async sendBatch(messages) {
    for (const { body } of messages) await attemptDelivery(deps(), body, { retries: false });
  },
});

/**
 * @example
 * const webhooks = webhookDepsOf(config, { storage, clock }, env.WEBHOOK_DELIVERIES);
 */
export function webhookDepsOf(
  settings: WebhookSettings,
  base: { storage: Pick<Storage, 'webhooks'>; clock: () => Date },
  queue: DeliveryQueue | undefined,
): WebhookDeps {
  const deps: WebhookDeps = {
    storage: base.storage,
    clock: base.clock,
    secret: webhookSealingKey(settings),
    queue: queue ?? inlineDeliveryQueue(() => deps),
    retrySchedule: parseRetrySchedule(settings.WEBHOOK_RETRY_SCHEDULE ?? '') ?? [
      ...STANDARD_RETRY_SCHEDULE,
    ],
    allowLocal: settings.WEBHOOK_ALLOW_LOCAL === 'true',
  };
  return deps;
}
