/**
 * The audit queue's consumer (batches of `parcel-claims-audits`, the Worker's `queue()`):
 * each message is one job of src/services/audits.ts — read a chunk, or file the next rows.
 * A job that throws (storage busy, R2 unreachable) is retried by the queue; after
 * max_retries (wrangler.toml) it goes to the dead-letter queue. Jobs are idempotent: the
 * head moves only for the first delivery of each chunk or filing message.
 */
import type { AuditJob, AuditService } from '../services/audits';

/** The queue of audit jobs (wrangler.toml); `queue()` tells its batches by this name. */
export const AUDIT_QUEUE = 'parcel-claims-audits';

/** A message as the queue hands it over (a `Message<AuditJob>` is one). */
export interface AuditQueueMessage {
  body: unknown;
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
 * One after another: the messages of a batch are usually one audit's consecutive jobs.
 * @example await consumeAuditJobs(batch.messages, audits);
 */
export async function consumeAuditJobs(
  messages: readonly AuditQueueMessage[],
  audits: Pick<AuditService, 'run'>,
): Promise<void> {
  for (const message of messages) {
    const job = jobOf(message.body);
    if (job === undefined) {
      message.ack();
      continue;
    }
    try {
      await audits.run(job);
      message.ack();
    } catch (error) {
      console.error(JSON.stringify({ event: 'audit-job-failed', ...job, error: String(error) }));
      message.retry({ delaySeconds: 10 });
    }
  }
}
