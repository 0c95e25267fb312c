/**
 * The audit queue's consumer (batches of `parcel-claims-audits`, the Worker's `queue()`):
 * each message is one job of src/services/audits.ts — read a chunk, or file the next rows.
 * A job that throws (storage busy, R2 unreachable) is retried by the queue; after
 * max_retries (wrangler.toml) it goes to the dead-letter queue, whose consumer gives it up
 * (consumeAuditDeadLetters): no audit stays `processing`, no filing stays `filing`. Jobs are
 * idempotent: the head moves only for the first delivery of each chunk or filing message.
 */
import type { AuditJob, AuditService } from '../services/audits';

/** The queue of audit jobs (wrangler.toml); `queue()` tells its batches by this name. */
export const AUDIT_QUEUE = 'parcel-claims-audits';
/** Where the queue parks a job after its last attempt; consumed by consumeAuditDeadLetters. */
export const AUDIT_DEAD_LETTER_QUEUE = 'parcel-claims-audits-dlq';

/** A message as the queue hands it over (a `Message<AuditJob>` is one). */
export interface AuditQueueMessage {
  body: unknown;
  /** Deliveries so far, this one included (Cloudflare's `Message.attempts`). */
  attempts?: number;
  ack(): void;
  retry(options?: { delaySeconds?: number }): void;
}

/** The job a message carries, or undefined for a body that is none (acked, dropped). */
export function jobOf(body: unknown): AuditJob | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const job = body as Partial<Record<string, unknown>>;
  const ids = typeof job.shopId === 'string' && typeof job.auditId === 'string';
  if (!ids || typeof job.seq !== 'number') return undefined;
  if (job.kind === 'read') return job as AuditJob;
  if (job.kind === 'file' && typeof job.run === 'number') return job as AuditJob;
  return undefined;
}

/**
 * Each message's job in turn, handed to `work` and acked; a job that throws is logged as
 * `failedEvent` and retried after `delaySeconds`; a body that is no job is acked and dropped.
 */
async function eachJob(
  messages: readonly AuditQueueMessage[],
  work: (job: AuditJob, message: AuditQueueMessage) => Promise<void>,
  failedEvent: string,
  delaySeconds: number,
): Promise<void> {
  for (const message of messages) {
    const job = jobOf(message.body);
    if (job === undefined) {
      message.ack();
      continue;
    }
    try {
      await work(job, message);
      message.ack();
    } catch (error) {
      console.error(JSON.stringify({ event: failedEvent, ...job, error: String(error) }));
      message.retry({ delaySeconds });
    }
  }
}

/**
 * One after another: the messages of a batch are usually one audit's consecutive jobs. A
 * message delivered again after a failure (`attempts` > 1) runs as `retried`: a job that had
 * moved its audit but failed to send the next one sends it then.
 * @example await consumeAuditJobs(batch.messages, audits);
 */
export const consumeAuditJobs = (
  messages: readonly AuditQueueMessage[],
  audits: Pick<AuditService, 'run'>,
): Promise<void> =>
  eachJob(
    messages,
    (job, message) => audits.run(job, { retried: (message.attempts ?? 1) > 1 }),
    'audit-job-failed',
    10,
  );

/**
 * The dead-letter queue's consumer: each job given up (AuditService.giveUp: a read fails its
 * audit with `read-failed`, a filing batch counts as failed and the run goes on), then acked;
 * a give-up that fails (storage busy) is retried a minute later.
 * @example await consumeAuditDeadLetters(batch.messages, audits);
 */
export const consumeAuditDeadLetters = (
  messages: readonly AuditQueueMessage[],
  audits: Pick<AuditService, 'giveUp'>,
): Promise<void> =>
  eachJob(
    messages,
    async (job) => {
      await audits.giveUp(job);
      console.error(JSON.stringify({ event: 'audit-job-given-up', ...job }));
    },
    'audit-give-up-failed',
    60,
  );
