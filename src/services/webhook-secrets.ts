/**
 * Endpoint secrets at rest: sealed (src/lib/sealed.ts) under the webhook key and bound to
 * their endpoint, so a table read alone reveals none, and a sealed secret copied onto
 * another endpoint does not open.
 */
import { open, seal } from '../lib/sealed';
import type { StoredSecret } from '../storage/webhook-repository';

const PURPOSE = 'parcel-claims webhook endpoint secret v1';

/** @example await sealSecret(key, 'we_1', 'whsec_…') // 'q3Jx…' */
export const sealSecret = (key: string, endpointId: string, secret: string): Promise<string> =>
  seal({ secret: key, purpose: PURPOSE, boundTo: endpointId }, secret);

/**
 * The secrets that sign at `now`, current first (a rotated one until its `until`).
 * @example await signingSecrets(key, endpoint, new Date()) // ['whsec_new', 'whsec_old']
 */
export async function signingSecrets(
  key: string,
  endpoint: { id: string; secrets: readonly StoredSecret[] },
  now: Date,
): Promise<string[]> {
  const live = endpoint.secrets.filter(
    (s) => s.until === undefined || Date.parse(s.until) > now.getTime(),
  );
  const opened = await Promise.all(
    live.map((s) => open({ secret: key, purpose: PURPOSE, boundTo: endpoint.id }, s.sealed)),
  );
  return opened.filter((s): s is string => s !== undefined);
}

/**
 * The key that seals endpoint secrets: WEBHOOK_SECRET; without it, derived from
 * CURSOR_SECRET or DESK_SESSION_SECRET (HKDF under this purpose's own label makes the two
 * keys unrelated); without either, a local-only key.
 *
 * @example webhookSealingKey({ CURSOR_SECRET: 'x'.repeat(32) })
 */
export function webhookSealingKey(config: {
  WEBHOOK_SECRET?: string | undefined;
  CURSOR_SECRET?: string | undefined;
  DESK_SESSION_SECRET?: string | undefined;
}): string {
  return (
    config.WEBHOOK_SECRET ??
    config.CURSOR_SECRET ??
    config.DESK_SESSION_SECRET ??
    'parcel-claims local webhook secret key'
  );
}
