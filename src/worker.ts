import { AsyncLocalStorage } from 'node:async_hooks';
import { createApp, type App } from './app';
import { parseConfig, type Bindings } from './env';
import type { ClaimChangeFeed } from './services/change-feed';
import { consumeChanges, runCron } from './services/claim-change-jobs';
import {
  inlineFeed,
  queueFeed,
  type ClaimChangeDeps,
  type ClaimChangeMessage,
} from './services/claim-changes';
import type { Defer } from './services/shipments';
import { createDynamoStorage } from './storage/dynamodb';
import { NotFoundError } from './storage/repository';
import { RECONCILIATION_CRON, reconcileCarriers } from './queues/carrier-reconciliation';
import { cdekConnector } from './services/carrier-connector';
import { createCarrierEventService } from './services/carrier-events';
import type { ReconciliationDeps } from './services/carrier-reconciliation';
import { createShipmentService } from './services/shipments';
import { consumeDeliveries, type DeliveryQueueMessage } from './services/webhook-delivery';
import type { WebhookDeps } from './services/webhook-deps';
import { webhookDepsOf } from './services/webhook-wiring';
import type { ClaimAnnouncer } from './services/claim-announcements';
import { clerkViews, LOCAL_REFERENCE_SECRET } from './services/clerk-view';
import { createOutbox } from './services/webhook-outbox';
import { announceOverdueAcks } from './services/ack-overdue';
import {
  createShipmentAnnouncer,
  runShipmentAnnouncements,
  type ShipmentAnnouncerDeps,
} from './services/shipment-announcements';
import { runWebhookCron } from './queues/webhook-deliveries';
import {
  AUDIT_DEAD_LETTER_QUEUE,
  AUDIT_QUEUE,
  consumeAuditDeadLetters,
  consumeAuditJobs,
} from './queues/audit-jobs';
import { createAuditService, type AuditService } from './services/audits';
import { createClaimService } from './services/claims';
import { RETENTION_CRON, retainPersonalData } from './queues/personal-data-retention';
import { createPersonalDataService } from './services/personal-data';
import type { RetentionDeps } from './services/personal-data-retention';

/** The queue of webhook deliveries (wrangler.toml); `queue()` tells its batches by this name. */
export const WEBHOOK_QUEUE = 'parcel-claims-webhooks';

export interface WorkerOptions {
  /** Default: the real clock. Tests pin it. */
  clock?: () => Date;
  /**
   * How a claim change reaches what is derived from it (counts, analytics, search, the
   * unacknowledged queue). `queue` (the default, with the CLAIM_CHANGES binding): sent to
   * the Cloudflare Queue after the answer, applied by `queue()` a moment later. `inline`:
   * applied before the answer. The HTTP tests use `inline`, so that a count or a listing
   * read right after a change sees it, on every run: the queue would deliver it in the
   * background, outside the test, after a delay. Without the binding, or with the var
   * CLAIM_CHANGES_INLINE=true (`wrangler dev` in the browser tests): `inline`.
   */
  changes?: 'queue' | 'inline';
  /** How CDEK's API is reached; default the global fetch. The HTTP tests give a stand-in. */
  cdekFetch?: typeof fetch;
  /**
   * How webhook deliveries are sent: `queue` (the default, with the WEBHOOK_DELIVERIES
   * binding) or `inline` (each attempted once before the answer: the HTTP tests).
   */
  webhooks?: 'queue' | 'inline';
  /**
   * How audit jobs run: `queue` (the default, with the AUDIT_JOBS binding) or `inline` (every
   * chunk read, every claim filed before the answer: the HTTP tests).
   */
  audits?: 'queue' | 'inline';
}

/** The execution context of the request being served, for work after its answer. */
const requestScope = new AsyncLocalStorage<ExecutionContext>();

/** A new claim's id: `clm_` and 32 hex digits. */
const newClaimId = () => `clm_${crypto.randomUUID().replaceAll('-', '')}`;

/** The current request's waitUntil (undefined outside a request: a queue batch, a cron tick). */
const requestDefer = (): Defer | undefined => {
  const ctx = requestScope.getStore();
  return ctx && ((work) => ctx.waitUntil(work()));
};

/** The cron's `claim.acknowledgement_overdue` step: bounded, logged, never thrown. */
async function tickOverdueAcks(deps: ClaimChangeDeps): Promise<void> {
  if (deps.announcer === undefined) return;
  try {
    const report = await announceOverdueAcks({ ...deps, announcer: deps.announcer });
    console.log(JSON.stringify({ event: 'ack-overdue-cron', ...report }));
  } catch (error) {
    console.error(JSON.stringify({ event: 'ack-overdue-cron-failed', error: String(error) }));
  }
}

/** The cron's shipment webhooks step: delivery marks, today's late pass; never thrown. */
async function tickShipments(deps: ShipmentAnnouncerDeps): Promise<void> {
  try {
    const report = await runShipmentAnnouncements(deps);
    console.log(JSON.stringify({ event: 'shipment-webhooks-cron', ...report }));
  } catch (error) {
    console.error(JSON.stringify({ event: 'shipment-webhooks-cron-failed', error: String(error) }));
  }
}

/** What an isolate builds once, on its first event: the config, the storage, the app. */
interface Runtime {
  app: App;
  deps: ClaimChangeDeps;
  /** The daily carrier reconciliation's. */
  reconciliation: ReconciliationDeps;
  webhooks: WebhookDeps;
  /** The shipment webhooks' cron step's. */
  shipmentWebhooks: ShipmentAnnouncerDeps;
  /** The audit queue's consumer's (its claims announced like the API's). */
  audits: (env: Bindings) => AuditService;
  /** The personal-data retention cron's (issue 25). */
  retention: RetentionDeps;
}

/**
 * The Worker: configuration parsed once, on the first event of an isolate, and the app
 * (with its DynamoDB client) reused after that. Besides requests it consumes the queue of
 * claim changes (`queue`) and runs the cron that catches up with what the queue missed
 * (`scheduled`; see src/services/claim-change-jobs.ts), and on a second cron expression the
 * daily carrier reconciliation (src/queues/carrier-reconciliation.ts).
 *
 * @example
 * export default createWorker();
 */
export function createWorker(
  options: WorkerOptions = {},
): ExportedHandler<Bindings, ClaimChangeMessage | unknown> {
  let runtime: Runtime | undefined;
  const runtimeOf = (env: Bindings): Runtime => {
    if (runtime) return runtime;
    const config = parseConfig(env);
    const clock = options.clock ?? (() => new Date());
    const credentials =
      config.AWS_ACCESS_KEY_ID && config.AWS_SECRET_ACCESS_KEY
        ? {
            accessKeyId: config.AWS_ACCESS_KEY_ID,
            secretAccessKey: config.AWS_SECRET_ACCESS_KEY,
          }
        : undefined;
    const storage = createDynamoStorage({
      tableName: config.DYNAMODB_TABLE,
      apiKeyCacheMs: config.API_KEY_CACHE_SECONDS * 1000,
      cursorSecret: config.CURSOR_SECRET ?? config.DESK_SESSION_SECRET,
      viewShards: config.VIEW_SHARDS,
      region: config.DYNAMODB_REGION,
      ...(config.DYNAMODB_ENDPOINT ? { endpoint: config.DYNAMODB_ENDPOINT } : {}),
      ...(credentials ? { credentials } : {}),
    });
    const webhookQueue = options.webhooks === 'inline' ? undefined : env.WEBHOOK_DELIVERIES;
    const webhooks = webhookDepsOf(config, { storage, clock }, webhookQueue);
    const referenceSecret = config.CURSOR_SECRET ?? config.DESK_SESSION_SECRET;
    // The claim-change consumer tells the shop's webhooks of each claim's history.
    const announcer: ClaimAnnouncer = {
      outbox: createOutbox(webhooks),
      views: clerkViews(referenceSecret ?? LOCAL_REFERENCE_SECRET),
    };
    // Issue 25: the consumer keeps each claim's subject index and retention entry.
    const personalData = createPersonalDataService({
      storage,
      clock,
      newId: () => crypto.randomUUID().replaceAll('-', ''),
      referenceSecret: referenceSecret ?? LOCAL_REFERENCE_SECRET,
      // Late-bound: the shipments service is built below, with this service in its deps.
      orderStatuses: (shopId, orderId) =>
        shipments
          .getOrder({ keyId: 'personal-data', role: 'clerk' }, orderId, shopId)
          .then((order) => order.shipments.map((s) => s.status))
          .catch((error: unknown) => {
            if (error instanceof NotFoundError) return undefined;
            throw error;
          }),
    });
    const deps: ClaimChangeDeps = { storage, clock, announcer, personalData };
    const inline = options.changes === 'inline' || config.CLAIM_CHANGES_INLINE === 'true';
    const queue = inline ? undefined : env.CLAIM_CHANGES;
    const changes: ClaimChangeFeed = queue
      ? queueFeed(queue, { ...deps, defer: requestDefer })
      : inlineFeed(deps);
    const connector = cdekConnector({
      baseUrl: config.CDEK_API_BASE_URL,
      clock,
      ...(options.cdekFetch === undefined ? {} : { fetch: options.cdekFetch }),
    });
    const shipmentWebhooks = { storage, clock, outbox: announcer.outbox, defer: requestDefer };
    const { announcer: shipmentAnnouncer } = createShipmentAnnouncer(shipmentWebhooks);
    const shipments = createShipmentService({
      storage,
      clock,
      announcer: shipmentAnnouncer,
      personalData,
    });
    const carrierEvents = createCarrierEventService({ storage, clock, shipments });
    const reconciliation: ReconciliationDeps = {
      storage,
      clock,
      secret: config.CARRIER_SECRET,
      connector,
      ingest: (shopId, notices) => carrierEvents.ingest(shopId, notices),
    };
    const app = createApp({
      auditMaxBytes: config.AUDIT_MAX_BYTES,
      ...(options.audits === 'inline' ? { auditJobs: 'inline' as const } : {}),
      clock,
      maxBodyBytes: config.MAX_BODY_BYTES,
      storage,
      newId: newClaimId,
      changes,
      ...(config.DESK_SESSION_SECRET ? { sessionSecret: config.DESK_SESSION_SECRET } : {}),
      referenceSecret,
      carriers: { secret: config.CARRIER_SECRET, connector },
      ...(config.PUBLIC_BASE_URL ? { publicBaseUrl: config.PUBLIC_BASE_URL } : {}),
      webhooks,
      defer: requestDefer,
    });
    const auditClaims = createClaimService({ storage, clock, newId: newClaimId, changes });
    const audits = (bindings: Bindings) =>
      createAuditService({
        storage,
        clock,
        claims: auditClaims,
        files: bindings.AUDIT_FILES,
        jobs: options.audits === 'inline' ? undefined : bindings.AUDIT_JOBS,
        maxBytes: config.AUDIT_MAX_BYTES,
      });
    const retention: RetentionDeps = { storage, clock, personalData };
    runtime = { app, deps, reconciliation, webhooks, shipmentWebhooks, audits, retention };
    return runtime;
  };
  return {
    fetch(request, env, ctx) {
      const { app } = runtimeOf(env);
      return requestScope.run(ctx, () => app.fetch(request, env, ctx));
    },

    /**
     * A batch of one of the queues: audit jobs (each chunk read or rows filed, acked or retried:
     * ./queues/audit-jobs.ts) and those given up (its dead-letter queue), webhook deliveries (each attempted, acked or retried on the
     * schedule), or claim changes (each claim reconciled, its messages acked or retried).
     */
    async queue(batch, env) {
      const runtime = runtimeOf(env);
      if (batch.queue === AUDIT_QUEUE) {
        await consumeAuditJobs(batch.messages, runtime.audits(env));
        return;
      }
      if (batch.queue === AUDIT_DEAD_LETTER_QUEUE) {
        await consumeAuditDeadLetters(batch.messages, runtime.audits(env));
        return;
      }
      if (batch.queue === WEBHOOK_QUEUE) {
        await consumeDeliveries(
          batch.messages as readonly DeliveryQueueMessage[],
          runtime.webhooks,
        );
        return;
      }
      await consumeChanges(batch.messages, runtime.deps);
    },

    /**
     * The crons (wrangler.toml [triggers]): the daily carrier reconciliation's stretch on its
     * own expression; otherwise due webhook deliveries, pending claim changes, then a stretch
     * of the sweep.
     */
    async scheduled(controller, env) {
      const runtime = runtimeOf(env);
      if (controller.cron === RECONCILIATION_CRON) {
        await reconcileCarriers(runtime.reconciliation);
        return;
      }
      if (controller.cron === RETENTION_CRON) {
        await retainPersonalData(runtime.retention);
        return;
      }
      // First the webhook step (bounded, never throws): a failing claim pass cannot hold it up.
      const webhooks = await runWebhookCron(runtime.webhooks);
      console.log(JSON.stringify({ event: 'webhook-cron', ...webhooks }));
      await tickOverdueAcks(runtime.deps);
      await tickShipments(runtime.shipmentWebhooks);
      const report = await runCron(runtime.deps);
      console.log(JSON.stringify({ event: 'claim-change-cron', ...report }));
    },
  };
}
