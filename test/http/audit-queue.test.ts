/**
 * The audit queue in workerd: a Worker as deployed whose AUDIT_JOBS binding is a stand-in
 * that keeps what it was sent; each message handed back to its `queue()` as a batch of
 * `parcel-claims-audits` (told apart from the other queues by name) reads the next chunk of
 * the file from the emulated R2 bucket and sends the next job, until the audit completes.
 * A message handed over twice is acked and counts nothing twice.
 */
import { createExecutionContext, createMessageBatch, env, getQueueResult } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Bindings } from '../../src/env';
import { AUDIT_QUEUE } from '../../src/queues/audit-jobs';
import type { AuditJob } from '../../src/services/audits';
import { createWorker } from '../../src/worker';
import { caller, fixedClock } from '../support/answer';
import { seedShop } from './claims-helpers';

const worker = createWorker({ clock: fixedClock, changes: 'inline', webhooks: 'inline' });
const sent: AuditJob[] = [];
const standIn = { send: async (job: AuditJob) => void sent.push(job) };
const bindings = { ...(env as Bindings), AUDIT_JOBS: standIn as unknown as Queue<AuditJob> };
const call = caller((url, init) => {
  const request = new Request(url, init) as Parameters<NonNullable<typeof worker.fetch>>[0];
  return Promise.resolve(worker.fetch!(request, bindings, createExecutionContext()));
});

/** Runs one batch of the audit queue through `queue()`; what each message was told. */
async function consume(jobs: AuditJob[]) {
  const batch = createMessageBatch<unknown>(
    AUDIT_QUEUE,
    jobs.map((body, i) => ({ id: `m-${i}`, timestamp: new Date(), attempts: 1, body })),
  );
  const ctx = createExecutionContext();
  await worker.queue!(batch as MessageBatch<unknown>, bindings, ctx);
  return (await getQueueResult(batch, ctx)) as { explicitAcks: string[] };
}

describe('the audit queue, in workerd', () => {
  it('reads a file of several chunks job by job, a duplicate message counting nothing', async () => {
    const shop = await seedShop();
    const pad = 'z'.repeat(2000);
    const rows = Array.from(
      { length: 1200 },
      (_, i) =>
        `W${100000 + i},2025-06-02,2025-06-05,${i % 4 ? '2025-06-05' : '2025-06-10'},delivered,500.00,${pad}`,
    );
    const csv = `waybill,shippedDate,promisedDate,deliveredDate,status,deliveryCost,note\n${rows.join('\n')}\n`;
    const made = await call('POST', '/v1/audits', csv, {
      ...shop.auth,
      'content-type': 'text/csv',
    });
    expect(made.status, made.text).toBe(202);
    const id = made.body.id as string;
    let chunks = 0;
    for (let job = sent.shift(); job; job = sent.shift()) {
      // Every message handed over twice: the second is acked and moves nothing.
      const result = await consume([job, job]);
      expect(result.explicitAcks).toEqual(['m-0', 'm-1']);
      chunks++;
    }
    expect(chunks).toBeGreaterThanOrEqual(3);
    const audit = await call('GET', `/v1/audits/${id}`, undefined, shop.auth);
    expect(audit.body).toMatchObject({
      status: 'completed',
      rows: { read: 1200, audited: 1200, refused: 0 },
      progress: { percent: 100 },
    });
    expect(audit.body.totals).toEqual([expect.objectContaining({ finding: 'late', count: 300 })]);
  }, 120_000);
});
