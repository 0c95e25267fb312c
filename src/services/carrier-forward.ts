/**
 * A hook's `forwardTo`: CDEK takes one URL per event type and account, so a shop that already
 * receives CDEK's webhooks elsewhere has us pass each payload on, unchanged (the same bytes,
 * `Content-Type: application/json`), after our answer. Best effort: one attempt with a short
 * timeout, a failure logged as one JSON line (never the URL: it may hold a secret), never
 * retried (CDEK itself never retries either).
 */
import { DomainError } from '../domain/errors';

/** The longest forwardTo URL. */
export const MAX_FORWARD_URL_LENGTH = 2048;
/** How long a forward may take before it is given up. */
export const FORWARD_TIMEOUT_MS = 5_000;
/** Hosts a forward may reach over plain http: this machine only (local development, tests). */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface ForwardDeps {
  /** Default: the runtime's fetch. */
  fetch?: typeof fetch;
  /** Where a failed forward is reported; default one JSON line on stdout. */
  log?: (line: Record<string, unknown>) => void;
}

const refuse = (message: string): never => {
  throw new DomainError('invalid-input', message, '/forwardTo');
};

/**
 * Refuses a forwardTo that is no absolute https URL (http only to a loopback host), carries a
 * user name or password, is longer than MAX_FORWARD_URL_LENGTH, or is a carrier hook of this
 * API (`publicBase`): a payload forwarded to a hook would come back round.
 * @throws {DomainError} invalid-input at `/forwardTo`.
 * @example checkForwardTo('https://shop.example/cdek', 'https://api.example') // passes
 */
export function checkForwardTo(forwardTo: string, publicBase: string): void {
  if (forwardTo.length > MAX_FORWARD_URL_LENGTH) {
    refuse(`must be at most ${MAX_FORWARD_URL_LENGTH} characters`);
  }
  let url: URL;
  try {
    url = new URL(forwardTo);
  } catch {
    return refuse('must be an absolute https URL');
  }
  const local = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !local) {
    refuse('must be an https URL (plain http only to localhost)');
  }
  if (url.username !== '' || url.password !== '') {
    refuse('must not carry a user name or password; put a secret in the path or query');
  }
  const own = new URL(publicBase);
  if (url.host === own.host && url.pathname.startsWith('/v1/carrier-hooks')) {
    refuse('must not be a carrier hook of this API: the payload would come back round');
  }
}

/**
 * Posts `body` to `forwardTo` once; never rejects.
 * @example await forwardPayload({}, 'https://shop.example/cdek', bytes, { shopId, hookId });
 */
export async function forwardPayload(
  deps: ForwardDeps,
  forwardTo: string,
  body: Uint8Array,
  hook: { shopId: string; hookId: string },
): Promise<void> {
  const log = deps.log ?? ((line) => console.log(JSON.stringify(line)));
  const send = deps.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const failed = (why: string) =>
    log({ event: 'carrier-hook-forward-failed', shopId: hook.shopId, hookId: hook.hookId, why });
  try {
    const answer = await send(forwardTo, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(FORWARD_TIMEOUT_MS),
    });
    // Read to its end (and dropped): an unread body holds the connection.
    await answer.arrayBuffer().catch(() => undefined);
    if (answer.status < 200 || answer.status > 299) failed(`answered ${answer.status}`);
  } catch (error) {
    failed(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  }
}
