/**
 * The webhook delivery queue's entries, thin: the consumer (`consume`, called by the
 * Worker's `queue()` for batches of `parcel-claims-webhooks`) and the cron's bounded step
 * (`runWebhookCron`, in the Worker's `scheduled()`). The logic is in
 * src/services/webhook-delivery.ts.
 */
import { sendDue } from '../services/webhook-delivery';
import type { WebhookDeps } from '../services/webhook-deps';

export { consumeDeliveries as consume } from '../services/webhook-delivery';

/** Due deliveries the cron hands to the queue per tick (one sendBatch: the queue's limit is 100). */
export const CRON_DUE_LIMIT = 100;

/**
 * The cron's step: deliveries the queue was never given, handed to it (at most 100). Never
 * throws: a failure is logged and the next tick tries again.
 *
 * @example await runWebhookCron(deps) // { sent: 0 }
 */
export async function runWebhookCron(deps: WebhookDeps): Promise<{ sent: number; error?: string }> {
  try {
    return await sendDue(deps, CRON_DUE_LIMIT);
  } catch (error) {
    return { sent: 0, error: String(error) };
  }
}
