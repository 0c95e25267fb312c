/**
 * Deliveries as the shop sees them: listed with every attempt, replayed one by one, or
 * recovered (every failed delivery of an endpoint since an instant, sent again).
 */
import type { DeliveryStatus, DeliveryWithAttempts, Page } from '../storage/webhook-repository';
import { parseDeliveryId } from '../webhooks/ids';
import { type WebhookDeps } from './webhook-deps';
import { WebhookError, WebhookNotFoundError } from './webhook-errors';
import { enqueue } from './webhook-outbox';

/** Failed deliveries one recover call sends again at most (the answer's cursor goes on). */
export const RECOVER_BATCH = 50;

/**
 * @example
 * const deliveries = createWebhookDeliveryService(deps);
 * await deliveries.replay('shop-1', 'wd_…');
 */
export function createWebhookDeliveryService(deps: WebhookDeps) {
  const repo = deps.storage.webhooks;

  const enabledEndpoint = async (shopId: string, endpointId: string) => {
    const endpoint = await repo.getEndpoint(shopId, endpointId);
    if (endpoint === undefined) throw new WebhookNotFoundError('endpoint', endpointId);
    if (!endpoint.enabled) {
      throw new WebhookError(
        'webhook-endpoint-disabled',
        `Endpoint ${endpointId} is disabled; enable it first (PATCH enabled: true).`,
      );
    }
    return endpoint;
  };

  return {
    async list(
      shopId: string,
      endpointId: string,
      filter: { status?: DeliveryStatus },
      page: { limit: number; cursor?: string },
    ): Promise<Page<DeliveryWithAttempts>> {
      if ((await repo.getEndpoint(shopId, endpointId)) === undefined) {
        throw new WebhookNotFoundError('endpoint', endpointId);
      }
      return repo.listDeliveries(shopId, endpointId, filter, page);
    },

    /** Sends a delivery again now: the same webhook-id, a new attempt series. */
    async replay(shopId: string, id: string): Promise<DeliveryWithAttempts> {
      const delivery = parseDeliveryId(id) && (await repo.getDelivery(shopId, id));
      if (!delivery) throw new WebhookNotFoundError('delivery', id);
      await enabledEndpoint(shopId, delivery.endpointId);
      const restarted = await repo.restartDelivery(delivery, deps.clock().toISOString());
      await enqueue(deps, [restarted]);
      return { ...restarted, attemptList: [] };
    },

    /**
     * Every failed delivery of the endpoint whose event happened at `since` or later, sent
     * again, oldest first, at most RECOVER_BATCH a call: `cursor` (when more may remain)
     * continues where this call stopped.
     */
    async recover(
      shopId: string,
      endpointId: string,
      since: string,
      cursor?: string,
    ): Promise<{ replayed: number; cursor?: string }> {
      await enabledEndpoint(shopId, endpointId);
      const page = await repo.listDeliveries(
        shopId,
        endpointId,
        { status: 'failed', since, oldestFirst: true },
        { limit: RECOVER_BATCH, ...(cursor === undefined ? {} : { cursor }) },
      );
      const now = deps.clock().toISOString();
      const restarted = await Promise.all(
        page.items.map(({ attemptList: _attempts, ...d }) => repo.restartDelivery(d, now)),
      );
      await enqueue(deps, restarted);
      return page.cursor === undefined
        ? { replayed: restarted.length }
        : { replayed: restarted.length, cursor: page.cursor };
    },
  };
}

export type WebhookDeliveryService = ReturnType<typeof createWebhookDeliveryService>;
