import type { ClaimChangeFeed } from './services/change-feed';
import type { Bindings } from './env';
import type { Principal } from './services/actor';
import type { ClaimService } from './services/claims';
import type { MessageService } from './services/messages';
import type { RemedyService } from './services/remedies';
import type { ShopService } from './services/shops';
import type { EvidenceBucket, EvidenceFileService } from './services/evidence-files';
import type { ShipmentClaimService } from './services/shipment-claims';
import type { Defer, ShipmentService } from './services/shipments';
import type { Storage } from './storage/repository';
import type { CaseworkService } from './services/casework';
import type { AnalyticsService } from './services/analytics';
import type { ClerkNameService } from './services/clerk-names';
import type { DeskSessionService } from './services/desk-sessions';
import type { CarrierAccountService } from './services/carrier-accounts';
import type { CarrierConnector } from './services/carrier-connector';
import type { SandboxService } from './services/sandbox';
import type { CarrierHookService } from './services/carrier-hooks';
import type { CarrierEventService } from './services/carrier-events';
import type { WebhookDeps } from './services/webhook-deps';
import type { Outbox } from './services/webhook-outbox';
import type { WebhookEndpointService } from './services/webhook-endpoints';
import type { WebhookDeliveryService } from './services/webhook-deliveries';
import type { EventService } from './services/events';
import type { AuditService } from './services/audits';

export type { Principal } from './services/actor';

/** What the app needs from the outside world; injected so tests can pin time. */
export interface AppDeps {
  /** Today's date and the current instant come from here, never from Date.now() in the domain. */
  clock: () => Date;
  /** Largest accepted request body, bytes. */
  maxBodyBytes: number;
  /** Claims and API keys. */
  storage: Storage;
  /** New claim ids. */
  newId: () => string;
  /** HMAC key of the clerk desk's session cookies (DESK_SESSION_SECRET); absent: desk off. */
  sessionSecret?: string;
  /**
   * The secret the clerk references shops read are keyed with (src/services/clerk-view.ts):
   * CURSOR_SECRET, else DESK_SESSION_SECRET; absent: a local-only key.
   */
  referenceSecret?: string | undefined;
  /** Where committed claim changes are announced (derived figures follow them); default: none. */
  changes?: ClaimChangeFeed;
  /**
   * Shops' carrier credentials: CARRIER_SECRET (absent: none are taken) and the carrier's API
   * (default: CDEK's at https://api.cdek.ru).
   */
  carriers?: { secret?: string | undefined; connector?: CarrierConnector };
  /** The origin carrier hook URLs point to (PUBLIC_BASE_URL); absent: each request's own. */
  publicBaseUrl?: string | undefined;
  /** What a hook's forwardTo is posted with; default the runtime's fetch (tests pass their own). */
  fetch?: typeof fetch;
  /**
   * The webhook engine (src/services/webhook-wiring.ts `webhookDepsOf`); default: deliveries
   * sent before the answer, local-only sealing key, https URLs only.
   */
  webhooks?: WebhookDeps;
  /**
   * The current request's `waitUntil` (a Worker's), for work after the answer: the shipment
   * webhooks' announce. Absent, or undefined outside a request: the work is done before it.
   */
  defer?: () => Defer | undefined;
  /** The largest carrier report an audit takes (AUDIT_MAX_BYTES); default 50 MB. */
  auditMaxBytes?: number;
  /**
   * `inline`: audit jobs run before the answer even with an AUDIT_JOBS binding (the HTTP tests);
   * default: sent to the queue when bound.
   */
  auditJobs?: 'queue' | 'inline';
}

/** The application services handlers call (framework-free: src/services). */
export interface Services {
  claims: ClaimService;
  shops: ShopService;
  messages: MessageService;
  remedies: RemedyService;
  /** Evidence files in the request's `EVIDENCE_FILES` bucket (a binding arrives with each request). */
  evidenceFiles: (bucket: EvidenceBucket | undefined) => EvidenceFileService;
  shipments: ShipmentService;
  shipmentClaims: ShipmentClaimService;
  /** Assign to me, internal notes, status counts, search. */
  casework: CaseworkService;
  analytics: AnalyticsService;
  /** The clerks' names on the desk's pages (the name on each clerk's key). */
  clerkNames: ClerkNameService;
  /** The desk's sign-in, sessions and sign-out. */
  deskSessions: DeskSessionService;
  /** A shop's CDEK credentials, for the daily reconciliation. */
  carrierAccounts: CarrierAccountService;
  /** The sandbox's carrier (test keys). */
  sandbox: SandboxService;
  /** Carrier hooks (create, list, revoke, the inbound calls). */
  carrierHooks: CarrierHookService;
  /** Carrier events: ingest, the events no shipment took. */
  carrierEvents: CarrierEventService;
  /** Outbound webhooks: the outbox (`announce`), the endpoints, the deliveries. */
  outbox: Outbox;
  webhookEndpoints: WebhookEndpointService;
  webhookDeliveries: WebhookDeliveryService;
  /** The shop's recorded events (GET /v1/events). */
  events: EventService;
  /**
   * Audits of carrier reports, on the request's AUDIT_FILES bucket and AUDIT_JOBS queue (bindings
   * arrive with each request): `c.var.services.audits(c.env)`.
   */
  audits: (env: AuditBindings | undefined) => AuditService;
}

/** The bindings an audit works with (a Worker's `env` is one). */
export type AuditBindings = Pick<Bindings, 'AUDIT_FILES' | 'AUDIT_JOBS'>;

/** The Hono environment shared by every router: bindings plus per-request variables. */
export interface HonoEnv {
  Bindings: Bindings;
  Variables: {
    requestId: string;
    deps: AppDeps;
    principal: Principal;
    /** The application services, built once from `deps`, set on every claims and desk request. */
    services: Services;
  };
}
