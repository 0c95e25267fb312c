/**
 * The webhook endpoint service: a shop's endpoints made, listed, changed and deleted, a
 * secret rotated, a test event sent. A shop key only (the routes refuse a clerk's).
 */
import { DomainError } from '../domain/errors';
import { StaleVersionError } from '../domain/claim/errors';
import { StorageBusyError } from '../storage/errors';
import type { WebhookEndpointRecord } from '../storage/webhook-repository';
import { deliveryId, newEndpointId } from '../webhooks/ids';
import { newWebhookSecret } from '../webhooks/signing';
import type { WebhookEventType } from '../webhooks/types';
import { webhookUrlProblem } from '../webhooks/url-rules';
import { MAX_ENDPOINTS_PER_SHOP, ROTATION_OVERLAP_HOURS, type WebhookDeps } from './webhook-deps';
import { WebhookError, WebhookNotFoundError } from './webhook-errors';
import { changeEndpoint } from './webhook-health';
import { createOutbox } from './webhook-outbox';
import { sealSecret } from './webhook-secrets';
import { endpointView, type WebhookEndpointView } from './webhook-view';

/** What `If-Match` requires: any version (undefined), or one of these (`sent` as written). */
export type EndpointPrecondition = undefined | { versions: readonly number[]; sent: string };

/** What a shop sends to make an endpoint. */
export interface EndpointInput {
  url: string;
  events: (WebhookEventType | '*')[];
  description?: string | undefined;
}

/** What a PATCH may change. */
export interface EndpointPatch {
  url?: string;
  events?: (WebhookEventType | '*')[];
  /** An empty string removes it. */
  description?: string;
  enabled?: boolean;
}

/** An endpoint with its new secret: the one answer that shows it. */
export type EndpointWithSecret = WebhookEndpointView & { secret: string };

/**
 * @example
 * const endpoints = createWebhookEndpointService(deps);
 * const made = await endpoints.create('shop-1', { url: 'https://…', events: ['claim.paid'] });
 */
export function createWebhookEndpointService(deps: WebhookDeps) {
  const repo = deps.storage.webhooks;

  const checkUrl = (url: string) => {
    const problem = webhookUrlProblem(url, { allowLocal: deps.allowLocal });
    if (problem !== undefined) throw new DomainError('invalid-input', `url ${problem}`, '/url');
  };

  const found = async (shopId: string, id: string) => {
    const endpoint = await repo.getEndpoint(shopId, id);
    if (endpoint === undefined) throw new WebhookNotFoundError('endpoint', id);
    return endpoint;
  };

  /** A change over the version read, if the caller named one (If-Match). */
  const change = async (
    shopId: string,
    id: string,
    precondition: EndpointPrecondition,
    apply: (e: WebhookEndpointRecord) => WebhookEndpointRecord,
  ) => {
    let stale: number | undefined;
    const result = await changeEndpoint(deps, shopId, id, (current) => {
      if (precondition && !precondition.versions.includes(current.version)) {
        stale = current.version;
        return undefined;
      }
      return apply(current);
    });
    if (stale !== undefined && precondition) throw new StaleVersionError(precondition.sent, stale);
    if (result === undefined) {
      await found(shopId, id); // absent: 404
      throw new StorageBusyError('contention', 1);
    }
    return result.after;
  };

  return {
    async create(shopId: string, input: EndpointInput): Promise<EndpointWithSecret> {
      checkUrl(input.url);
      const now = deps.clock().toISOString();
      const id = newEndpointId();
      const secret = newWebhookSecret();
      const record: WebhookEndpointRecord = {
        id,
        shopId,
        url: input.url,
        events: [...new Set(input.events)],
        ...(input.description === undefined ? {} : { description: input.description }),
        enabled: true,
        secrets: [{ sealed: await sealSecret(deps.secret, id, secret) }],
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      if (!(await repo.createEndpoint(record, MAX_ENDPOINTS_PER_SHOP))) {
        throw new WebhookError(
          'webhook-endpoint-limit',
          `A shop has at most ${MAX_ENDPOINTS_PER_SHOP} webhook endpoints; delete one first.`,
          { maximum: MAX_ENDPOINTS_PER_SHOP },
        );
      }
      return { ...endpointView(record), secret };
    },

    async list(shopId: string): Promise<WebhookEndpointView[]> {
      const now = deps.clock();
      const all = await repo.listEndpoints(shopId);
      return all
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
        .map((e) => endpointView(e, now));
    },

    async get(shopId: string, id: string): Promise<WebhookEndpointView> {
      return endpointView(await found(shopId, id), deps.clock());
    },

    async update(
      shopId: string,
      id: string,
      patch: EndpointPatch,
      precondition: EndpointPrecondition,
    ): Promise<WebhookEndpointView> {
      if (patch.url !== undefined) checkUrl(patch.url);
      const after = await change(shopId, id, precondition, (e) => {
        const next: WebhookEndpointRecord = { ...e };
        if (patch.url !== undefined) next.url = patch.url;
        if (patch.events !== undefined) next.events = [...new Set(patch.events)];
        if (patch.description === '') delete next.description;
        else if (patch.description !== undefined) next.description = patch.description;
        if (patch.enabled === false && e.enabled) {
          Object.assign(next, {
            enabled: false,
            disabledReason: 'manual',
            disabledAt: deps.clock().toISOString(),
          });
        }
        if (patch.enabled === true && !e.enabled) {
          // Enabled again: a fresh start (what failed before is sent by a replay or a recover).
          delete next.disabledReason;
          delete next.disabledAt;
          delete next.failingSince;
          next.enabled = true;
        }
        return next;
      });
      return endpointView(after, deps.clock());
    },

    /** Deletes an endpoint; what it was. */
    async remove(shopId: string, id: string): Promise<WebhookEndpointView> {
      const endpoint = await found(shopId, id);
      if (!(await repo.deleteEndpoint(shopId, id))) throw new WebhookNotFoundError('endpoint', id);
      return endpointView(endpoint, deps.clock());
    },

    /** A new secret; the previous one keeps signing beside it for 24 hours. */
    async rotateSecret(shopId: string, id: string): Promise<EndpointWithSecret> {
      const secret = newWebhookSecret();
      const sealed = await sealSecret(deps.secret, id, secret);
      const now = deps.clock();
      const until = new Date(now.getTime() + ROTATION_OVERLAP_HOURS * 3_600_000).toISOString();
      const after = await change(shopId, id, undefined, (e) => {
        const [current] = e.secrets;
        // Only the secret in use until now keeps signing (one rotated before stops at once).
        return {
          ...e,
          secrets: current ? [{ sealed }, { sealed: current.sealed, until }] : [{ sealed }],
        };
      });
      return { ...endpointView(after, now), secret };
    },

    /** The endpoints the engine disabled lately, newest first (the desk's notices). */
    notices: (limit: number) => repo.listNotices(limit),

    /** Sends a `webhook.test` event to this endpoint only. */
    async test(shopId: string, id: string): Promise<{ eventId: string; deliveryId: string }> {
      const endpoint = await found(shopId, id);
      if (!endpoint.enabled) {
        throw new WebhookError(
          'webhook-endpoint-disabled',
          `Endpoint ${id} is disabled; enable it first (PATCH enabled: true).`,
        );
      }
      const now = deps.clock().toISOString();
      const eventId = `evt_test_${crypto.randomUUID().replaceAll('-', '')}`;
      await createOutbox(deps).announce(
        {
          id: eventId,
          type: 'webhook.test',
          timestamp: now,
          shopId,
          data: {
            endpointId: id,
            message: 'A test event: your endpoint receives and verifies webhooks.',
          },
        },
        { to: [id] },
      );
      return { eventId, deliveryId: deliveryId(id, now, eventId) };
    },
  };
}

export type WebhookEndpointService = ReturnType<typeof createWebhookEndpointService>;
