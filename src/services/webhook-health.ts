/**
 * What deliveries tell about their endpoint: a success clears `failingSince`; a failure sets
 * it (once); 410 Gone disables the endpoint at once; five days of failures with no success
 * disable it too. A disabling is told to the shop's other endpoints (`endpoint.disabled`)
 * and to the desk (a notice).
 */
import type { EndpointDisabledReason, WebhookEndpointRecord } from '../storage/webhook-repository';
import { endpointView } from './webhook-view';
import { FAILING_DAYS_BEFORE_DISABLE, webhookLog, type WebhookDeps } from './webhook-deps';
import { createOutbox } from './webhook-outbox';

/** Tries of a read-change-write of an endpoint before giving up (another writer kept winning). */
const TRIES = 5;

/**
 * Applies `change` to the endpoint as stored, over the version read (read again and
 * reapplied when another write landed first). `change` returns undefined for "nothing to do".
 *
 * @example await changeEndpoint(deps, 's', 'we_1', (e) => ({ ...e, enabled: false }))
 */
export async function changeEndpoint(
  deps: WebhookDeps,
  shopId: string,
  endpointId: string,
  change: (current: WebhookEndpointRecord) => WebhookEndpointRecord | undefined,
): Promise<{ before: WebhookEndpointRecord; after: WebhookEndpointRecord } | undefined> {
  for (let i = 0; i < TRIES; i++) {
    const current = await deps.storage.webhooks.getEndpoint(shopId, endpointId);
    if (current === undefined) return undefined;
    const changed = change(current);
    if (changed === undefined) return { before: current, after: current };
    const next = {
      ...changed,
      version: current.version + 1,
      updatedAt: deps.clock().toISOString(),
    };
    if (await deps.storage.webhooks.putEndpoint(next)) return { before: current, after: next };
  }
  return undefined;
}

/** A success: the endpoint is not failing any more. */
export async function recordSuccess(deps: WebhookDeps, shopId: string, endpointId: string) {
  await changeEndpoint(deps, shopId, endpointId, (e) => {
    if (e.failingSince === undefined) return undefined;
    const { failingSince: _cleared, ...rest } = e;
    return rest;
  });
}

/**
 * A failure: `failingSince` set if it was not; disabled when it is 5 days old, or at once
 * for `gone` (410).
 */
export async function recordFailure(
  deps: WebhookDeps,
  shopId: string,
  endpointId: string,
  gone: boolean,
): Promise<void> {
  const now = deps.clock();
  const limit = FAILING_DAYS_BEFORE_DISABLE * 86_400_000;
  let reason: EndpointDisabledReason | undefined;
  const result = await changeEndpoint(deps, shopId, endpointId, (e) => {
    if (!e.enabled) return undefined;
    const failingSince = e.failingSince ?? now.toISOString();
    reason = gone
      ? 'gone'
      : now.getTime() - Date.parse(failingSince) >= limit
        ? 'failing'
        : undefined;
    if (reason === undefined)
      return e.failingSince === undefined ? { ...e, failingSince } : undefined;
    return {
      ...e,
      failingSince,
      enabled: false,
      disabledReason: reason,
      disabledAt: now.toISOString(),
    };
  });
  if (result === undefined || reason === undefined || !result.before.enabled) return;
  if (result.after.enabled) return;
  await announceDisabled(deps, result.after, reason);
}

/** Tells the desk and the shop's other endpoints that the engine disabled `endpoint`. */
async function announceDisabled(
  deps: WebhookDeps,
  endpoint: WebhookEndpointRecord,
  reason: EndpointDisabledReason,
): Promise<void> {
  const at = endpoint.disabledAt ?? deps.clock().toISOString();
  webhookLog(deps)({ event: 'webhook-endpoint-disabled', endpointId: endpoint.id, reason });
  await deps.storage.webhooks.addNotice({
    shopId: endpoint.shopId,
    endpointId: endpoint.id,
    url: endpoint.url,
    reason,
    at,
  });
  const others = (await deps.storage.webhooks.listEndpoints(endpoint.shopId))
    .filter((e) => e.enabled && e.id !== endpoint.id)
    .map((e) => e.id);
  if (others.length === 0) return;
  await createOutbox(deps).announce(
    {
      id: `evt_${endpoint.id}_${endpoint.version}_endpoint.disabled`,
      type: 'endpoint.disabled',
      timestamp: at,
      shopId: endpoint.shopId,
      subject: { kind: 'endpoint', id: endpoint.id, sequence: endpoint.version },
      data: endpointView(endpoint),
    },
    { to: others },
  );
}
