/**
 * The audit queue's consumer: each job run in turn and acked, a failing one retried, a body
 * that is no job acked and dropped (it would only fail again). Its dead-letter queue's
 * consumer: each job given up, and wrangler.toml consuming both.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_DEAD_LETTER_QUEUE,
  AUDIT_QUEUE,
  consumeAuditDeadLetters,
  consumeAuditJobs,
  jobOf,
} from '../../src/queues/audit-jobs';
import { JOB_ATTEMPTS } from '../../src/services/audit-read';
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
    const retried: boolean[] = [];
    await consumeAuditJobs(messages, {
      run: async (job, options) => {
        if (job.auditId === 'aud_2') throw new Error('storage busy');
        ran.push(job);
        retried.push(options?.retried === true);
      },
    });
    expect(ran).toEqual([read, file]);
    expect(retried).toEqual([false, false]);
    // Delivered again after a failure: run as retried.
    await consumeAuditJobs([{ ...message(read), attempts: 2 }], {
      run: async (_job, options) => void retried.push(options?.retried === true),
    });
    expect(retried.at(-1)).toBe(true);
    expect(messages.map((m) => m.seen)).toEqual([['ack'], ['ack'], ['retry 10'], ['ack']]);
  });

  it.each([
    null,
    'x',
    { kind: 'file', shopId: 's', auditId: 'a', seq: 0 },
    { kind: 'other', shopId: 's', auditId: 'a', seq: 0 },
  ])('reads no job from %j', (body) => expect(jobOf(body)).toBeUndefined());

  it('gives up each dead-lettered job, acks it, and retries a give-up that fails', async () => {
    const read: AuditJob = { kind: 'read', shopId: 's', auditId: 'aud_1', seq: 3 };
    const busy: AuditJob = { kind: 'file', shopId: 's', auditId: 'aud_2', run: 1, seq: 0 };
    const messages = [message(read), message('x'), message(busy)];
    const given: AuditJob[] = [];
    await consumeAuditDeadLetters(messages, {
      giveUp: async (job) => {
        if (job.auditId === 'aud_2') throw new Error('storage busy');
        given.push(job);
      },
    });
    expect(given).toEqual([read]);
    expect(messages.map((m) => m.seen)).toEqual([['ack'], ['ack'], ['retry 60']]);
  });

  it('is configured in wrangler.toml: the queue, its retries, and its dead-letter queue consumed', () => {
    const toml = readFileSync(new URL('../../wrangler.toml', import.meta.url), 'utf8');
    const consumers = toml
      .split('[[queues.consumers]]')
      .slice(1)
      .map((block) => block.split('\n[')[0] ?? '');
    const of = (queue: string) => consumers.find((b) => b.includes(`queue = "${queue}"\n`));
    const main = of(AUDIT_QUEUE);
    expect(main).toContain(`max_retries = ${JOB_ATTEMPTS - 1}\n`);
    expect(main).toContain(`dead_letter_queue = "${AUDIT_DEAD_LETTER_QUEUE}"`);
    expect(of(AUDIT_DEAD_LETTER_QUEUE)).toContain('max_batch_size = 1');
  });
});
