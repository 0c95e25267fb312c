/**
 * The claim-change queue and the cron, in workerd: a Worker as deployed (changes sent to the
 * queue after the answer), whose queue binding is a stand-in that keeps what it was sent,
 * then its `queue()` handed those messages as a batch and its `scheduled()` run, as the
 * runtime would. (The other HTTP tests apply changes inline: see ./worker.ts.)
 */
import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  env,
  getQueueResult,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Bindings } from '../../src/env';
import { createWorker } from '../../src/worker';
import { caller, fixedClock } from '../support/answer';
import { lostFiling, seedShop } from './claims-helpers';

const worker = createWorker({ clock: fixedClock });
const sent: { claimId: string }[] = [];
let queueDown = false;
const stand_in = {
  send: async (body: { claimId: string }) => {
    if (queueDown) throw new Error('queue unavailable');
    sent.push(body);
  },
};
const bindings = { ...(env as Bindings), CLAIM_CHANGES: stand_in as unknown as Queue };
/** The execution contexts of the requests made, to wait for their waitUntil work. */
const contexts: ExecutionContext[] = [];
const call = caller((url, init) => {
  const ctx = createExecutionContext();
  contexts.push(ctx);
  const request = new Request(url, init) as Parameters<NonNullable<typeof worker.fetch>>[0];
  return Promise.resolve(worker.fetch!(request, bindings, ctx));
});
const settled = () => Promise.all(contexts.splice(0).map((ctx) => waitOnExecutionContext(ctx)));

const counts = async (auth: Record<string, string>) => {
  const a = await call('GET', '/v1/claim-counts', undefined, auth);
  expect(a.status, a.text).toBe(200);
  return a.body as { counts: Record<string, number>; asOf?: string };
};

describe('the claim-change queue, in workerd', () => {
  it('a filing is announced after its answer; the consumer applies it and acks', async () => {
    const shop = await seedShop();
    const filed = await call('POST', '/v1/claims', lostFiling(), shop.auth);
    expect(filed.status, filed.text).toBe(201);
    const claimId = filed.body.id as string;
    await settled();
    expect(sent).toContainEqual({ claimId });
    // Not applied yet: nothing counted.
    expect((await counts(shop.auth)).counts.submitted).toBe(0);

    const batch = createMessageBatch<unknown>('parcel-claims-changes', [
      { id: 'm-1', timestamp: new Date(), attempts: 1, body: { claimId } },
      { id: 'm-2', timestamp: new Date(), attempts: 1, body: { claimId } },
      { id: 'm-3', timestamp: new Date(), attempts: 1, body: 'not a claim change' },
    ]);
    const ctx = createExecutionContext();
    await worker.queue!(batch as MessageBatch<{ claimId: string }>, bindings, ctx);
    const result = (await getQueueResult(batch, ctx)) as {
      explicitAcks: string[];
      retryMessages: { msgId: string }[];
    };
    expect([...result.explicitAcks].sort()).toEqual(['m-1', 'm-2', 'm-3']);
    expect(result.retryMessages).toEqual([]);
    expect(await counts(shop.auth)).toMatchObject({
      counts: { submitted: 1 },
      asOf: '2025-06-16T09:00:00.000Z',
    });
  });

  it('a change the queue refused is applied by the cron', async () => {
    const shop = await seedShop();
    queueDown = true;
    try {
      const filed = await call('POST', '/v1/claims', lostFiling(), shop.auth);
      expect(filed.status, filed.text).toBe(201);
      await settled();
    } finally {
      queueDown = false;
    }
    expect((await counts(shop.auth)).counts.submitted).toBe(0);
    const ctx = createExecutionContext();
    const controller = createScheduledController({
      scheduledTime: new Date('2025-06-16T09:05:00.000Z'),
      cron: '*/5 * * * *',
    });
    await worker.scheduled!(controller, bindings, ctx);
    await waitOnExecutionContext(ctx);
    expect((await counts(shop.auth)).counts.submitted).toBe(1);
  });
});
