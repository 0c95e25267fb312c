/**
 * Signing as Standard Webhooks specifies it, with its own package (`standardwebhooks`, pure
 * JavaScript: it runs in workerd): `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one
 * signature per secret, space-separated (a receiver accepts a message when any verifies:
 * how a rotated secret keeps working beside the new one).
 */
import { Webhook } from 'standardwebhooks';
import { toBase64 } from './base64';

/** How a secret begins (Standard Webhooks' convention: the rest is base64). */
export const SECRET_PREFIX = 'whsec_';
/** Random bytes in a new secret (the spec asks for 24 to 64). */
const SECRET_BYTES = 32;

/**
 * A new endpoint secret, `whsec_` + base64 of 32 random bytes.
 * @example newWebhookSecret() // 'whsec_Zm9v…'
 */
export const newWebhookSecret = (): string =>
  SECRET_PREFIX + toBase64(crypto.getRandomValues(new Uint8Array(SECRET_BYTES)));

/** The headers of one signed message. */
export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/**
 * The Standard Webhooks headers of `body`, signed with each secret (the current one first).
 *
 * @example signedHeaders(['whsec_…'], 'evt_1', new Date(), '{"type":"webhook.test"}')
 */
export function signedHeaders(
  secrets: readonly string[],
  id: string,
  at: Date,
  body: string,
): SignedHeaders {
  const signatures = secrets.map((secret) => new Webhook(secret).sign(id, at, body));
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}
