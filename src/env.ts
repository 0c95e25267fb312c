import { z } from 'zod';
import { DEFAULT_VIEW_SHARDS, MAX_VIEW_SHARDS } from './storage/dynamodb/keys';

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
  PUBLIC_BASE_URL?: string;
  /** The R2 bucket of evidence files (`[[r2_buckets]]` in wrangler.toml); absent: no file calls. */
  EVIDENCE_FILES?: R2Bucket;
  /** The queue of claim changes (`[[queues.producers]]`); absent: changes applied before answering. */
  CLAIM_CHANGES?: Queue<{ claimId: string }>;
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
    // The origin carrier hook URLs are made with (https://api.example); unset: the origin
    // each create request came to.
    PUBLIC_BASE_URL: z
      .url({ protocol: /^https?$/ })
      .refine((u) => /^https?:\/\/[^/?#]+\/?$/.test(u), {
        message: 'must be an origin only, e.g. https://api.example',
      })
      .optional(),
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
