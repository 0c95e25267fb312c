/**
 * When a failed delivery is tried again: the Standard Webhooks schedule (after the first
 * attempt fails, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h later: eight attempts over
 * about 27 hours). WEBHOOK_RETRY_SCHEDULE replaces it (tests and the benchmark use seconds).
 * Give it as many entries as wrangler.toml's `max_retries` (7): with fewer, a delivery is
 * marked failed after its last entry and the queue's remaining retries find it settled, so
 * the message is acknowledged instead of reaching the dead-letter queue (it is still listed
 * as failed, and replay and recover still send it).
 */

/** Seconds between attempts, in order: one retry per entry. */
export const STANDARD_RETRY_SCHEDULE = [5, 300, 1800, 7200, 18000, 36000, 36000] as const;

/** The longest delay a Cloudflare Queue message may be retried after (12 h). */
export const MAX_RETRY_DELAY_SECONDS = 43_200;

/**
 * A schedule from its comma-separated seconds, or undefined when it is not one (each 0 to
 * 43,200; 1 to 20 entries).
 *
 * @example parseRetrySchedule('1,1,2') // [1, 1, 2]
 * @example parseRetrySchedule('5,x') // undefined
 */
export function parseRetrySchedule(text: string): number[] | undefined {
  const delays = text.split(',').map((s) => s.trim());
  if (delays.length < 1 || delays.length > 20) return undefined;
  if (!delays.every((d) => /^\d{1,5}$/.test(d))) return undefined;
  const seconds = delays.map(Number);
  return seconds.every((s) => s <= MAX_RETRY_DELAY_SECONDS) ? seconds : undefined;
}
