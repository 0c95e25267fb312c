import { z } from 'zod';
import { DEFAULT_VIEW_SHARDS, MAX_VIEW_SHARDS } from './storage/dynamodb/keys';
import type { DeliveryMessage } from './services/webhook-deps';
import { parseRetrySchedule } from './webhooks/retry-schedule';
import type { AuditJob } from './services/audits';

/** The `[[ratelimits]]` bindings of wrangler.toml (src/http/rate-limit.ts uses them). */
export type RateLimitBindingName = 'RATE_LIMIT_PER_KEY' | 'RATE_LIMIT_PER_ADDRESS';

/**
 * Worker bindings as wrangler passes them: vars and secrets are all strings;
 * the rate limiters and the evidence bucket are absent where the app runs without them.
 */
export interface Bindings extends Partial<Record<RateLimitBindingName, RateLimit>> {
  MAX_BODY_BYTES?: string;
  DYNAMODB_TABLE?: string;
  DYNAMODB_REGION?: string;
  DYNAMODB_ENDPOINT?: string;
  AWS_ACCESS_KEY_ID?: string;
  AWS_SECRET_ACCESS_KEY?: string;
  DESK_SESSION_SECRET?: string;
  CURSOR_SECRET?: string;
  API_KEY_CACHE_SECONDS?: string;
  VIEW_SHARDS?: string;
  CLAIM_CHANGES_INLINE?: string;
  CARRIER_SECRET?: string;
  CDEK_API_BASE_URL?: string;
  PUBLIC_BASE_URL?: string;
  /** The R2 bucket of evidence files (`[[r2_buckets]]` in wrangler.toml); absent: no file calls. */
  EVIDENCE_FILES?: R2Bucket;
  /** The queue of claim changes (`[[queues.producers]]`); absent: changes applied before answering. */
  CLAIM_CHANGES?: Queue<{ claimId: string }>;
  WEBHOOK_SECRET?: string;
  WEBHOOK_ALLOW_LOCAL?: string;
  WEBHOOK_RETRY_SCHEDULE?: string;
  /** The queue of webhook deliveries (`[[queues.producers]]`); absent: each sent before answering. */
  WEBHOOK_DELIVERIES?: Queue<DeliveryMessage>;
  /** The R2 bucket of audited carrier reports (`[[r2_buckets]]`); absent: uploads answer 503. */
  AUDIT_FILES?: R2Bucket;
  /** The queue that reads audits in chunks and files their claims; absent: jobs run before answering. */
  AUDIT_JOBS?: Queue<AuditJob>;
  AUDIT_MAX_BYTES?: string;
}

/**
 * Configuration, parsed once from the bindings. Every variable is documented in
 * the README's configuration table.
 */
export const ConfigSchema = z
  .object({
    MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10_485_760).default(65_536),
    DYNAMODB_TABLE: z.string().min(3).default('parcel-claims'),
    DYNAMODB_REGION: z.string().min(1).default('eu-central-1'),
    DYNAMODB_ENDPOINT: z.url().optional(),
    AWS_ACCESS_KEY_ID: z.string().min(1).optional(),
    AWS_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    // Signs the clerk desk's session cookies; without it the desk answers 503.
    DESK_SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    // Seals the list cursors; unset: DESK_SESSION_SECRET (under its own derived key), else a
    // local-only default (see the README's configuration table).
    CURSOR_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    // How long an isolate trusts an API key it found active without reading it again
    // (a revocation takes up to this long to reach every isolate); 0 = read every time.
    API_KEY_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
    // Shards of every clerk-wide view (writes spread over them, reads merge them). May grow
    // on a running table, never shrink (entries in the dropped shards would not be read).
    VIEW_SHARDS: z.coerce.number().int().min(1).max(MAX_VIEW_SHARDS).default(DEFAULT_VIEW_SHARDS),
    // `true`: claim changes applied before answering, not through the CLAIM_CHANGES queue
    // (what a count or a search reads next already shows them: the browser tests' setting).
    CLAIM_CHANGES_INLINE: z.enum(['true', 'false']).optional(),
    // Seals the carrier credentials shops give (CDEK client id and secret); without it a shop
    // cannot give any (503) and the daily reconciliation has none to use.
    CARRIER_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    // CDEK's API: the credentials check and the daily reconciliation (tests: a local stand-in).
    CDEK_API_BASE_URL: z.url().default('https://api.cdek.ru'),
    // The origin carrier hook URLs are made with (https://api.example); unset: the origin
    // each create request came to.
    PUBLIC_BASE_URL: z
      .url({ protocol: /^https?$/ })
      .refine((u) => /^https?:\/\/[^/?#]+\/?$/.test(u), {
        message: 'must be an origin only, e.g. https://api.example',
      })
      .optional(),
    // Seals the webhook endpoints' secrets at rest; unset: derived from CURSOR_SECRET, else
    // DESK_SESSION_SECRET (under its own purpose label), else a local-only key.
    WEBHOOK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    // `true`: webhook URLs may be http(s) to 127.0.0.1, localhost, [::1] (npm start, tests).
    WEBHOOK_ALLOW_LOCAL: z.enum(['true', 'false']).optional(),
    // Seconds before each retry of a failed delivery, comma-separated (default: the
    // Standard Webhooks schedule, 5,300,1800,7200,18000,36000,36000).
    WEBHOOK_RETRY_SCHEDULE: z
      .string()
      .refine((s) => parseRetrySchedule(s) !== undefined, {
        message: 'must be 1 to 20 comma-separated seconds, each 0 to 43200',
      })
      .optional(),
    // The largest carrier report an audit takes (POST /v1/audits), bytes: default 50 MB.
    AUDIT_MAX_BYTES: z.coerce.number().int().min(1024).max(104_857_600).default(52_428_800),
  })
  .refine((c) => Boolean(c.AWS_ACCESS_KEY_ID) === Boolean(c.AWS_SECRET_ACCESS_KEY), {
    message: 'set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or neither',
    path: ['AWS_SECRET_ACCESS_KEY'],
  });
export type Config = z.infer<typeof ConfigSchema>;

/**
 * Parses the bindings; a wrong value stops the Worker with a message naming it.
 *
 * @example
 * const config = parseConfig({ MAX_BODY_BYTES: '65536' });
 */
export function parseConfig(bindings: Bindings): Config {
  const parsed = ConfigSchema.safeParse(bindings);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration: ${fields.join('; ')}`);
  }
  return parsed.data;
}
