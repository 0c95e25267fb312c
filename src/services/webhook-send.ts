/**
 * One attempt to send a delivery: `POST` of the event's bytes, signed, to the endpoint's
 * URL, within 15 seconds, redirects not followed (a redirect is a failure: the signature
 * was made for this URL's receiver). What came back is recorded: the status, how long it
 * took, the first 1 KB of the answer, or why no answer came.
 */
import type { WebhookAttempt } from '../storage/webhook-repository';
import { signedHeaders } from '../webhooks/signing';

/** How long an attempt may take. */
export const ATTEMPT_TIMEOUT_MS = 15_000;
/** How much of an answer's body an attempt keeps. */
export const RESPONSE_KEPT_BYTES = 1024;

/** The first `max` bytes of a body, as text (the rest is never read). */
async function headOf(response: Response, max: number): Promise<string> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < max) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const bytes = new Uint8Array(Math.min(size, max));
  let at = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, Math.min(chunk.byteLength, bytes.length - at));
    bytes.set(part, at);
    at += part.byteLength;
    if (at >= bytes.length) break;
  }
  return new TextDecoder().decode(bytes); // a character cut at the end becomes U+FFFD
}

/** What to send, and to where. */
export interface SendRequest {
  url: string;
  eventId: string;
  body: string;
  secrets: readonly string[];
  at: Date;
  series: number;
}

/**
 * @example const attempt = await sendAttempt(fetch, { url, eventId, body, secrets, at, series: 1 });
 */
export async function sendAttempt(
  send: typeof fetch,
  request: SendRequest,
  elapsed: () => number = () => Date.now(),
): Promise<WebhookAttempt> {
  const started = elapsed();
  const base = { at: request.at.toISOString(), series: request.series };
  try {
    const response = await send(request.url, {
      method: 'POST',
      headers: {
        ...signedHeaders(request.secrets, request.eventId, request.at, request.body),
        'content-type': 'application/json',
        'user-agent': 'parcel-claims-webhooks/1',
      },
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    });
    const response_ = await headOf(response, RESPONSE_KEPT_BYTES);
    return {
      ...base,
      statusCode: response.status,
      durationMs: Math.max(0, elapsed() - started),
      response: response_,
    };
  } catch (error) {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ...base, durationMs: Math.max(0, elapsed() - started), error: text.slice(0, 300) };
  }
}

/** Whether an attempt succeeded (2xx). */
export const succeeded = (a: WebhookAttempt) =>
  a.statusCode !== undefined && a.statusCode >= 200 && a.statusCode < 300;
