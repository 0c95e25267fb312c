/**
 * The audit queue's consumer: each job run in turn and acked, a failing one retried, a body
 * that is no job acked and dropped (it would only fail again).
 */
import { describe, expect, it } from 'vitest';
import { consumeAuditJobs, jobOf } from '../../src/queues/audit-jobs';
import type { AuditJob } from '../../src/services/audits';

const message = (body: unknown) => {
  const seen: string[] = [];
  return {
    body,
    seen,
    ack: () => void seen.push('ack'),
    retry: (o?: { delaySeconds?: number }) => void seen.push(`retry ${o?.delaySeconds ?? 0}`),
  };
};

describe('the audit queue’s consumer', () => {
  it('runs each job in order, acks it, retries a failure, drops what is no job', async () => {
    const read: AuditJob = { kind: 'read', shopId: 's', auditId: 'aud_1', seq: 3 };
    const file: AuditJob = { kind: 'file', shopId: 's', auditId: 'aud_1', run: 1, seq: 0 };
    const failing: AuditJob = { kind: 'read', shopId: 's', auditId: 'aud_2', seq: 0 };
    const messages = [message(read), message({ kind: 'read' }), message(failing), message(file)];
    const ran: AuditJob[] = [];
    await consumeAuditJobs(messages, {
      run: async (job) => {
        if (job.auditId === 'aud_2') throw new Error('storage busy');
        ran.push(job);
      },
    });
    expect(ran).toEqual([read, file]);
    expect(messages.map((m) => m.seen)).toEqual([['ack'], ['ack'], ['retry 10'], ['ack']]);
  });

  it.each([
    null,
    'x',
    { kind: 'file', shopId: 's', auditId: 'a', seq: 0 },
    { kind: 'other', shopId: 's', auditId: 'a', seq: 0 },
  ])('reads no job from %j', (body) => expect(jobOf(body)).toBeUndefined());
});
