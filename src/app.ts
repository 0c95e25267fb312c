import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppDeps, HonoEnv, Services } from './hono-env';
import { requestContext, type AccessLogLine } from './http/request-context';
import { errorHandler, notFoundHandler } from './http/error-handler';
import { DRAIN_BYTES, guardBody } from './http/body-guard';
import { limitByAddress } from './http/rate-limit';
import { claimsRouter } from './routes/claims/claims.index';
import {
  evidenceFilesRouter,
  isEvidenceFileUpload,
} from './routes/evidence-files/evidence-files.index';
import { deskRouter } from './desk/routes/desk.index';
import { docsRouter } from './routes/docs/docs.index';
import { calendarsRouter } from './routes/calendars/calendars.index';
import { compensationRouter } from './routes/compensation/compensation.index';
import { metaRouter } from './routes/meta/meta.index';
import { SERVICE_VERSION } from './routes/meta/meta.handlers';
import { policiesRouter } from './routes/policies/policies.index';
import { RESPONSE_HEADERS } from './schemas/headers.schema';
import { weightRouter } from './routes/weight/weight.index';
import { createClaimService } from './services/claims';
import { createShopService } from './services/shops';
import { createMessageService } from './services/messages';
import { shopRouter } from './routes/shop/shop.index';
import { createEvidenceFileService } from './services/evidence-files';
import { createShipmentService } from './services/shipments';
import { createShipmentAnnouncer } from './services/shipment-announcements';
import { createShipmentClaimService } from './services/shipment-claims';
import { createCaseworkService } from './services/casework';
import { ordersRouter } from './routes/orders/orders.index';
import { shipmentsRouter } from './routes/shipments/shipments.index';
import { createRemedyService } from './services/remedies';
import { remediesRouter } from './routes/remedies/remedies.index';
import { analyticsRouter } from './routes/analytics/analytics.index';
import { createAnalyticsService } from './services/analytics';
import { createClerkNameService } from './services/clerk-names';
import { createDeskSessionService } from './services/desk-sessions';
import { createCarrierAccountService } from './services/carrier-accounts';
import { cdekConnector } from './services/carrier-connector';
import { createSandboxService } from './services/sandbox';
import { carrierAccountsRouter } from './routes/carrier-accounts/carrier-accounts.index';
import { sandboxRouter } from './routes/sandbox/sandbox.index';

/** CDEK's API when the app is given no connector (the Worker gives one from CDEK_API_BASE_URL). */
const CDEK_API = 'https://api.cdek.ru';
import { createCarrierEventService } from './services/carrier-events';
import { createCarrierHookService } from './services/carrier-hooks';
import { carrierHooksRouter, isCarrierHookCall } from './routes/carrier-hooks/carrier-hooks.index';
import { createOutbox } from './services/webhook-outbox';
import { createWebhookEndpointService } from './services/webhook-endpoints';
import { createWebhookDeliveryService } from './services/webhook-deliveries';
import { webhookDepsOf } from './services/webhook-wiring';
import { webhookEndpointsRouter } from './routes/webhook-endpoints/webhook-endpoints.index';
import { webhookDeliveriesRouter } from './routes/webhook-deliveries/webhook-deliveries.index';
import { createEventService } from './services/events';
import { eventsRouter } from './routes/events/events.index';
import { registerWebhooks } from './routes/events/events.webhooks';
import { createAuditService } from './services/audits';
import { auditsRouter, isAuditUpload } from './routes/audits/audits.index';
import {
  clerkViews,
  LOCAL_REFERENCE_SECRET,
  viewedClaims,
  viewedEvidenceFiles,
  viewedRemedies,
  viewedShipmentClaims,
  viewedCasework,
} from './services/clerk-view';

export interface CreateAppOptions {
  /** Where access-log lines go; default one JSON line on stdout. */
  log?: (line: AccessLogLine) => void;
}

/**
 * Builds the whole API around its dependencies. The Worker entry and the
 * tests both call this, so tests exercise exactly what ships.
 *
 * @example
 * const app = createApp({ clock: () => new Date(), maxBodyBytes: 65536, storage, newId });
 * const res = await app.request('/health');
 */
export function createApp(deps: AppDeps, options: CreateAppOptions = {}) {
  const app = new OpenAPIHono<HonoEnv>();
  const log = options.log ?? ((line: AccessLogLine) => console.log(JSON.stringify(line)));

  // The body rules of every /v1 request run inside the request-context layer (one layer less).
  // An evidence file's upload has its own body rules (src/routes/evidence-files).
  app.use(
    requestContext(
      deps,
      log,
      guardBody(
        deps.maxBodyBytes,
        DRAIN_BYTES,
        (c) => isEvidenceFileUpload(c) || isCarrierHookCall(c) || isAuditUpload(c),
      ),
    ),
  );
  // The open calculators: a budget per client address (keyed calls spend the key's, in auth.ts).
  app.use('/v1/weight', limitByAddress());
  app.use('/v1/compensation/*', limitByAddress());

  // The services, built once, on `c.var` of every request that uses them (not the calculators').
  const claims = createClaimService(deps);
  const shops = createShopService(deps);
  const webhooks = deps.webhooks ?? webhookDepsOf({}, deps, undefined);
  // A replace that brings a parcel applies the carrier events kept for it (defined below).
  const shipments = createShipmentService({
    ...deps,
    arrivals: (shopId, parcels) => carrierEvents.applyKept(shopId, parcels),
    announcer: createShipmentAnnouncer({ ...deps, outbox: createOutbox(webhooks) }).announcer,
  });
  const carrierEvents = createCarrierEventService({ ...deps, shipments });
  const shipmentClaims = createShipmentClaimService({ storage: deps.storage, claims, shipments });
  // What the API and the desk call answers a shop clerk references, never key ids; the
  // services read one another as stored (src/services/clerk-view.ts).
  const views = clerkViews(deps.referenceSecret ?? LOCAL_REFERENCE_SECRET);
  const connector =
    deps.carriers?.connector ?? cdekConnector({ baseUrl: CDEK_API, clock: deps.clock });
  const services: Services = {
    claims: viewedClaims(claims, views),
    shops,
    messages: createMessageService({ claims, shops, shipments, ...deps }),
    remedies: viewedRemedies(createRemedyService({ claims, shops, ...deps }), views),
    shipments,
    shipmentClaims: viewedShipmentClaims(shipmentClaims, views),
    casework: viewedCasework(createCaseworkService({ claims, ...deps }), views),
    analytics: createAnalyticsService(deps),
    clerkNames: createClerkNameService(deps),
    deskSessions: createDeskSessionService(deps),
    carrierAccounts: createCarrierAccountService({
      ...deps,
      secret: deps.carriers?.secret,
      connector,
    }),
    sandbox: createSandboxService({ carrierEvents }),
    carrierEvents,
    carrierHooks: createCarrierHookService({ ...deps, events: carrierEvents }),
    outbox: createOutbox(webhooks),
    webhookEndpoints: createWebhookEndpointService(webhooks),
    webhookDeliveries: createWebhookDeliveryService(webhooks),
    events: createEventService(webhooks),
    audits: (env) =>
      createAuditService({
        storage: deps.storage,
        clock: deps.clock,
        claims,
        files: env?.AUDIT_FILES,
        jobs: deps.auditJobs === 'inline' ? undefined : env?.AUDIT_JOBS,
        maxBytes: deps.auditMaxBytes,
      }),
    evidenceFiles: (bucket) =>
      viewedEvidenceFiles(createEvidenceFileService({ bucket, claims, clock: deps.clock }), views),
  };
  const withServices: MiddlewareHandler<HonoEnv> = async function servicesMiddleware(c, next) {
    c.set('services', services);
    await next();
  };
  const servedPaths = [
    '/v1/claims',
    '/v1/claims/*',
    '/v1/orders/*',
    '/v1/shipments',
    '/v1/shipments/*',
    '/v1/shop',
    '/v1/claim-counts',
    '/v1/analytics/*',
    '/v1/carrier-accounts/*',
    '/v1/test/*',
    '/v1/carrier-hooks',
    '/v1/carrier-hooks/*',
    '/v1/webhook-endpoints',
    '/v1/webhook-endpoints/*',
    '/v1/webhook-deliveries',
    '/v1/webhook-deliveries/*',
    '/v1/events',
    '/v1/audits',
    '/v1/audits/*',
  ];
  for (const path of [...servedPaths, '/desk/*']) app.use(path, withServices);

  const apiRouters = [
    metaRouter,
    docsRouter,
    weightRouter,
    compensationRouter,
    calendarsRouter,
    policiesRouter,
    claimsRouter,
    remediesRouter,
    shopRouter,
    evidenceFilesRouter,
    ordersRouter,
    shipmentsRouter,
    analyticsRouter,
    carrierAccountsRouter,
    sandboxRouter,
    carrierHooksRouter,
    webhookEndpointsRouter,
    webhookDeliveriesRouter,
    eventsRouter,
    auditsRouter,
  ];
  for (const router of apiRouters) app.route('/', router);
  // The desk last: its catch-all answers every other /desk path.
  app.route('/', deskRouter);

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Parcel Claims API',
      version: SERVICE_VERSION,
      description:
        'What a carrier owes a shop when a parcel is late, lost or damaged, with every number explained. Errors are RFC 9457 problem+json.',
    },
    servers: [{ url: '/' }],
    tags: [
      {
        name: 'calculators',
        description:
          'What a carrier owes for a late, lost or damaged parcel, and the chargeable weight, with the lines that explain each number. Open: no key.',
      },
      {
        name: 'reference',
        description:
          'The data the calculators use: carrier policies and the official production calendars. Open: no key.',
      },
      {
        name: 'claims',
        description:
          'Claims filed by shops and decided by the claims desk: filing, status moves, evidence, payout and history. Every operation needs an API key; each says which role may call it.',
      },
      {
        name: 'shop',
        description:
          'The shop’s own details: who sends its claim letters, and the remedies it may offer a customer without asking. A shop key.',
      },
      {
        name: 'shipments',
        description:
          'A shop’s orders and shipments: charges (tariff and packaging from the carrier’s catalogue), chargeable weight, carrier events and statuses, reschedules and re-measurements, and the shipments that are late, with what has accrued. Every operation needs an API key; each says which role may call it.',
      },
      {
        name: 'analytics',
        description:
          'Claims counted by carrier, cause, type, week or month, with the money computed, approved, paid and given, and the systemic faults flagged: served from counters kept with every claim change. A shop key or a clerk key.',
      },
      {
        name: 'carrier accounts',
        description:
          'A shop’s CDEK API credentials, kept encrypted: with them the service reads, once a day, the open shipments CDEK’s webhooks (sent once, never retried) said nothing of for a day, and records what was missed. A shop key.',
      },
      {
        name: 'sandbox',
        description:
          'Test mode: a test key (`pct_test_…`) works in its shop’s own sandbox (`<shop>~test`), apart from live data, and may play the carrier, sending CDEK-shaped events through the same path as a real hook.',
      },
      {
        name: 'carriers',
        description:
          'The URLs a carrier calls: a shop’s carrier hook (made with POST /v1/carrier-hooks) takes CDEK’s webhooks. No API key: the secret token in the path is the credential.',
      },
      {
        name: 'webhooks',
        description:
          'Signed webhooks out (Standard Webhooks): a shop’s endpoints, the deliveries made to them with every attempt, replays and recovery. Each message carries `webhook-id` (the event id: the receiver’s idempotency key, the same on every retry and replay), `webhook-timestamp` and `webhook-signature` (`v1,<base64 HMAC-SHA256 of id.timestamp.body>` under the endpoint’s `whsec_` secret; two, space-separated, for 24 hours after a rotation). Each event type is one of this document’s `webhooks` (its body a named schema, e.g. `ClaimPaidEvent`); `GET /v1/events` lists the shop’s events of the last 30 days, delivered or not. A shop key.',
      },
      {
        name: 'audits',
        description:
          'A carrier’s report audited row by row: late, lost and overcharged parcels, what each is owed by the calculators’ rules, the totals per carrier, and claims filed for the rows still owed. Upload a CSV (our template, Russian Excel’s, or CDEK’s report), poll the audit, page or export its rows. A shop key (a clerk key names the shop).',
      },
      {
        name: 'meta',
        description:
          'Liveness, readiness (DynamoDB reachable) and the meaning of each problem `type`. Open: no key.',
      },
    ],
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description:
      'An API key: `Authorization: Bearer pca_…` (a shop’s test key, `pct_test_…`, works in the shop’s sandbox, `<shop>~test`, apart from its live data). A key has one of two roles. A **shop** key (one per shop) files claims, adds evidence, withdraws and follows its own claims; another shop’s claim is a 404. A **clerk** key (the claims desk) sees every shop’s claims, takes them into review, decides and records payouts. A missing, unknown or revoked key is a 401; a key whose role may not make the call is a 403. Each claims operation says which role may call it.',
  });
  // The POSTs a shop's endpoints receive: the document's `webhooks` section.
  registerWebhooks(app.openAPIRegistry);
  for (const [name, header] of Object.entries(RESPONSE_HEADERS)) {
    app.openAPIRegistry.registerComponent('headers', name, header);
  }

  app.notFound(notFoundHandler);
  app.onError(errorHandler());
  return app;
}

export type App = ReturnType<typeof createApp>;
