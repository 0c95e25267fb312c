/**
 * `claim.acknowledgement_overdue` on DynamoDB Local: announced once per claim when its
 * acknowledgement time passes while the customer is unacknowledged and the claim unsettled;
 * the cron's bounded step finds it on time, continuing where the last tick stopped; a claim
 * the step's cursor passed by is announced by the sweep's reconcile; never for a claim
 * acknowledged or settled in time.
 */
import { describe, expect, it } from 'vitest';
import { transition, type Claim } from '../../src/domain/claim';
import { announceOverdueAcks } from '../../src/services/ack-overdue';
import { ackOverdueEventId } from '../../src/services/claim-announcements';
import { reconcileClaim } from '../../src/services/claim-changes';
import { runCron } from '../../src/services/claim-change-jobs';
import { clerkViews, LOCAL_REFERENCE_SECRET } from '../../src/services/clerk-view';
import { createWebhookEndpointService } from '../../src/services/webhook-endpoints';
import { createOutbox, type Outbox } from '../../src/services/webhook-outbox';
import type { OutboundEvent } from '../../src/webhooks/types';
import { figuresStorage, file } from '../storage/figures-helpers';
import { at } from '../storage/helpers';
import { keepingQueue, movableClock, webhookDeps } from './webhook-helpers';

const clerk = { role: 'clerk', id: 'clerk:key-1' } as const;

/** A fresh table, a shop with an endpoint for the type, and an outbox that can be made to fail. */
async function setUp() {
  const storage = await figuresStorage({ viewShards: 2 });
  const time = movableClock(at(0));
  const engine = webhookDeps(storage.webhooks, keepingQueue().queue, time.clock);
  const shopId = `shop-overdue-${Date.now()}`;
  await createWebhookEndpointService(engine).create(shopId, {
    url: 'http://127.0.0.1:9/hooks',
    events: ['claim.acknowledgement_overdue'],
  });
  const inner = createOutbox(engine);
  /** Overdue events recorded (a repeat of an id records nothing), and every one tried. */
  const seen: OutboundEvent[] = [];
  const tried: string[] = [];
  const state = { failing: false };
  const outbox: Outbox = {
    async announce(event, options) {
      if (event.type !== 'claim.acknowledgement_overdue') return inner.announce(event, options);
      tried.push(event.id);
      if (state.failing) throw new Error('outbox unavailable');
      const result = await inner.announce(event, options);
      if (result.recorded) seen.push(event);
      return result;
    },
  };
  const announcer = { outbox, views: clerkViews(LOCAL_REFERENCE_SECRET) };
  const deps = { storage, clock: time.clock, announcer, log: () => undefined };
  /** A claim filed at 0 due at `minutes`, reconciled then (so it is in the queue). */
  const fileDue = async (minutes: number) => {
    const claim = await file(storage, { shopId, acknowledgeBy: at(minutes) });
    await reconcileClaim(deps, claim.id);
    return claim;
  };
  const ids = () => seen.map((e) => e.id).sort();
  return { storage, time, deps, state, seen, tried, ids, fileDue };
}

describe('claim.acknowledgement_overdue', () => {
  it('the cron step announces each overdue claim once, a bounded tick at a time', async () => {
    const { storage, time, deps, state, seen, tried, ids, fileDue } = await setUp();
    const [a10, a20, a30, acked] = [await fileDue(10), await fileDue(20), await fileDue(30)].concat(
      await fileDue(15),
    ) as [Claim, Claim, Claim, Claim];
    // The customer of the 15-minute one is acknowledged in time: it leaves the queue.
    await storage.messagesSent.markSent({ claimId: acked.id }, 'ack', at(5));
    // Before any deadline: nothing.
    time.advance(5 * 60);
    expect(await announceOverdueAcks(deps)).toEqual({ reconciled: 0, failed: 0 });
    // At 25 minutes two are overdue; a tick of one takes one, the next the other.
    time.advance(20 * 60);
    expect(await announceOverdueAcks(deps, 1)).toEqual({ reconciled: 1, failed: 0 });
    expect(await announceOverdueAcks(deps, 1)).toEqual({ reconciled: 1, failed: 0 });
    expect(await announceOverdueAcks(deps, 1)).toEqual({ reconciled: 0, failed: 0 });
    expect(ids()).toEqual([a10.id, a20.id].map(ackOverdueEventId).sort());
    // Reconciled again (a move, the sweep): kept in the tally, not even tried again.
    const before = tried.length;
    await reconcileClaim(deps, a10.id);
    expect(tried).toHaveLength(before);
    expect((await storage.tallies.read(a10.id)).announced).toMatchObject({ ackOverdue: true });
    // An announce that fails marks the claim pending: the cron's pending pass announces it.
    time.advance(10 * 60);
    state.failing = true;
    expect(await announceOverdueAcks(deps)).toEqual({ reconciled: 0, failed: 1 });
    expect((await storage.tallies.read(a30.id)).announced?.ackOverdue).toBeUndefined();
    state.failing = false;
    expect(await announceOverdueAcks(deps)).toEqual({ reconciled: 0, failed: 0 });
    expect((await runCron(deps, { sweep: 0 })).pending).toBe(1);
    expect(ids()).toEqual([a10.id, a20.id, a30.id].map(ackOverdueEventId).sort());
    expect(ids()).not.toContain(ackOverdueEventId(acked.id));
    const last = seen.find((e) => e.id === ackOverdueEventId(a30.id));
    expect(last).toMatchObject({
      type: 'claim.acknowledgement_overdue',
      timestamp: at(30),
      subject: { kind: 'claim', id: a30.id, sequence: 1 },
      data: { id: a30.id, status: 'submitted', customer: { remedies: [] } },
    });
  }, 60_000);

  it('a claim the cursor passed by is announced by its next reconcile (the sweep)', async () => {
    const { time, deps, ids, tried, fileDue } = await setUp();
    const a20 = await fileDue(20);
    time.advance(25 * 60);
    await announceOverdueAcks(deps);
    expect(ids()).toEqual([ackOverdueEventId(a20.id)]);
    // Listed only now (its consumer was late), behind the cursor: the step does not see it…
    const late = await fileDue(10);
    // …but that very reconcile, past its deadline, announced it.
    expect(ids()).toEqual([a20.id, late.id].map(ackOverdueEventId).sort());
    await announceOverdueAcks(deps);
    await reconcileClaim(deps, late.id);
    expect(tried.filter((id) => id === ackOverdueEventId(late.id))).toHaveLength(1);
  }, 60_000);

  it('never for a claim settled in time; once for one acknowledged or settled late', async () => {
    const { storage, time, deps, ids, fileDue } = await setUp();
    const [settledInTime, ackedLate, settledLate] = [
      await fileDue(10),
      await fileDue(10),
      await fileDue(10),
    ] as [Claim, Claim, Claim];
    const cancel = async (claim: Claim, minute: number) => {
      const { claim: next, event } = transition(claim, 'cancelled', { at: at(minute), by: clerk });
      await storage.claims.update(claim, next, [event]);
    };
    await cancel(settledInTime, 5);
    // The cron missed the deadline (down): the customer was acknowledged late, another
    // claim settled late; the overdue happened all the same and is announced once.
    time.advance(30 * 60);
    await storage.messagesSent.markSent({ claimId: ackedLate.id }, 'ack', at(20));
    await cancel(settledLate, 25);
    for (const claim of [settledInTime, ackedLate, settledLate]) {
      await reconcileClaim(deps, claim.id);
      await reconcileClaim(deps, claim.id);
    }
    expect(ids()).toEqual([ackedLate.id, settledLate.id].map(ackOverdueEventId).sort());
  }, 60_000);
});
