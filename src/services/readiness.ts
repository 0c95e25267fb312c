/**
 * Whether storage is ready: the one cheap read `GET /ready` makes, bounded in time, and
 * why not when it is not. The route turns the answer into its 503; storage's errors stay
 * here, below the routes.
 */
import { StorageUnavailableError, type Storage } from '../storage/repository';

/** No API key has this id (ids are `key_` + hex): reading it is the cheapest DynamoDB call. */
const READY_PROBE_KEY_ID = 'ready-probe';
/** Retry-After when the probe timed out or failed in a way storage did not classify. */
const READY_RETRY_SECONDS = 5;

/**
 * Why DynamoDB is not ready, or undefined when it answered within `ms`.
 *
 * @example
 * await storageProblem(storage.apiKeys.get('x'), 2000); // undefined, or { reason, retryAfterSeconds }
 */
async function storageProblem(
  probe: Promise<unknown>,
  ms: number,
): Promise<{ reason: string; retryAfterSeconds: number } | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((done) => (timer = setTimeout(() => done('timeout'), ms)));
  try {
    const outcome = await Promise.race([probe.then(() => 'ok' as const), timeout]);
    if (outcome === 'ok') return undefined;
    return { reason: `no answer within ${ms} ms`, retryAfterSeconds: READY_RETRY_SECONDS };
  } catch (error) {
    if (error instanceof StorageUnavailableError) {
      return { reason: error.reason, retryAfterSeconds: error.retryAfterSeconds };
    }
    return { reason: 'unexpected error', retryAfterSeconds: READY_RETRY_SECONDS };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Why storage is not ready, or undefined when it answered within `ms`.
 *
 * @example await storageReadiness(storage, 2000) // undefined, or { reason: 'network', retryAfterSeconds: 5 }
 */
export const storageReadiness = (
  storage: Pick<Storage, 'apiKeys'>,
  ms: number,
): Promise<{ reason: string; retryAfterSeconds: number } | undefined> =>
  storageProblem(storage.apiKeys.get(READY_PROBE_KEY_ID), ms);
