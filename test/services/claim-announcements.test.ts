/**
 * Claim events from the claim's own history (issue 23), on DynamoDB Local: the claim-change
 * consumer announces each change once, never one that did not happen, and a failed announce
 * is announced by the next reconcile.
 */
import { describe, expect, it } from 'vitest';
import { transition, type Claim, type ClaimStatus } from '../../src/domain/claim';
import { typedClaim } from '../../src/routes/claims/claim-answer';
import {
  claimEventId,
  remedyEventId,
  type ClaimAnnouncer,
} from '../../src/services/claim-announcements';
import {
  AnnounceError,
  reconcileClaim,
  type ClaimChangeDeps,
} from '../../src/services/claim-changes';
import { clerkViews, LOCAL_REFERENCE_SECRET } from '../../src/services/clerk-view';
import { createWebhookEndpointService } from '../../src/services/webhook-endpoints';
import { createOutbox, type Outbox } from '../../src/services/webhook-outbox';
import { ConflictError } from '../../src/storage/errors';
import type { OutboundEvent } from '../../src/webhooks/types';
import { customerSide } from '../../src/domain/remedy';
import { figuresStorage, file } from '../storage/figures-helpers';
import { keepingQueue, movableClock, webhookDeps } from './webhook-helpers';

const storage = await figuresStorage();
const time = movableClock('2026-12-07T06:00:00.000Z');
const kq = keepingQueue();
const engine = webhookDeps(storage.webhooks, kq.queue, time.clock);
const views = clerkViews(LOCAL_REFERENCE_SECRET);
const clerk = { role: 'clerk', id: 'clerk:key-1' } as const;

/** Every announce seen, and the ids recorded (a repeat of an id records nothing). */
function countingOutbox(inner: Outbox, failOn?: (event: OutboundEvent) => boolean) {
  const recorded: string[] = [];
  const tried: string[] = [];
  const state = { failOn };
  const outbox: Outbox = {
    async announce(event, options) {
      tried.push(event.id);
      if (state.failOn?.(event)) throw new Error('outbox unavailable');
      const result = await inner.announce(event, options);
      if (result.recorded) recorded.push(event.id);
      return result;
    },
  };
  return { outbox, recorded, tried, state };
}

function depsWith(outbox: Outbox): ClaimChangeDeps {
  const announcer: ClaimAnnouncer = { outbox, views };
  return { storage, clock: time.clock, announcer, log: () => undefined };
}

let shops = 0;
/** A shop with one endpoint taking every claim event, and a claim filed there. */
async function setUp() {
  const shopId = `shop-ann-${++shops}-${Date.now()}`;
  await createWebhookEndpointService(engine).create(shopId, {
    url: 'http://127.0.0.1:9/hooks',
    events: ['claim.filed', 'claim.status_changed', 'claim.paid', 'remedy.answered'],
  });
  const claim = await file(storage, { shopId });
  const counting = countingOutbox(createOutbox(engine));
  return { shopId, claim, counting, deps: depsWith(counting.outbox) };
}

async function eventsOf(shopId: string): Promise<OutboundEvent[]> {
  const all: OutboundEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await storage.webhooks.listEvents(shopId, '0', {
      limit: 50,
      ...(cursor ? { cursor } : {}),
    });
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor !== undefined);
  return all;
}

async function moveTo(claim: Claim, to: ClaimStatus, minute: number): Promise<Claim> {
  const at = `2026-12-07T06:${String(minute).padStart(2, '0')}:00.000Z`;
  const { claim: next, event } = transition(claim, to, { at, by: clerk });
  return await storage.claims.update(claim, next, [event]);
}

/** The claim as GET /v1/claims/{id} answers the shop's key. */
async function asAnswered(claimId: string) {
  const claim = await storage.claims.get(claimId);
  if (!claim) throw new Error('gone');
  const remedies = await storage.remedies.list(claimId);
  const shop = views({ keyId: 'k', role: 'shop', shopId: claim.shopId });
  const customer = customerSide(remedies, claim.compensation.amount.currency);
  return JSON.parse(
    JSON.stringify(typedClaim(await shop.claim({ ...claim, customer }))),
  ) as unknown;
}

describe('claim events from the history', () => {
  it('announces filed, each status change and the payment once each, in sequence', async () => {
    const { shopId, claim, counting, deps } = await setUp();
    await reconcileClaim(deps, claim.id);
    expect(counting.recorded).toEqual([claimEventId(claim.id, 1)]);
    // A second reconcile finds nothing to announce and announces nothing.
    await reconcileClaim(deps, claim.id);
    expect(counting.tried).toEqual([claimEventId(claim.id, 1)]);
    expect((await storage.tallies.read(claim.id)).announced).toEqual({ seq: 1, remedies: [] });

    let c = await moveTo(claim, 'in_review', 1);
    c = await moveTo(c, 'approved', 2);
    await reconcileClaim(deps, claim.id);
    await moveTo(c, 'paid', 3);
    await reconcileClaim(deps, claim.id);
    await reconcileClaim(deps, claim.id);

    const events = await eventsOf(shopId);
    expect(events.map((e) => [e.id, e.type, e.subject?.sequence])).toEqual([
      [claimEventId(claim.id, 1), 'claim.filed', 1],
      [claimEventId(claim.id, 2), 'claim.status_changed', 2],
      [claimEventId(claim.id, 3), 'claim.status_changed', 3],
      [claimEventId(claim.id, 4), 'claim.paid', 4],
    ]);
    expect(counting.recorded).toHaveLength(4);
    // Timestamps are the history's; data is the claim as the API answers the shop.
    expect(events[3]?.timestamp).toBe('2026-12-07T06:03:00.000Z');
    expect(events[3]?.data).toEqual(await asAnswered(claim.id));
    expect((await storage.tallies.read(claim.id)).announced?.seq).toBe(4);
  });

  it('leaves a failed announce behind and announces it on the next reconcile', async () => {
    const { shopId, claim, counting, deps } = await setUp();
    await reconcileClaim(deps, claim.id);
    let c = await moveTo(claim, 'in_review', 1);
    c = await moveTo(c, 'needs_info', 2);
    expect(c.status).toBe('needs_info');
    counting.state.failOn = (e) => e.id === claimEventId(claim.id, 3);
    await expect(reconcileClaim(deps, claim.id)).rejects.toBeInstanceOf(AnnounceError);
    // The first change is announced and kept; the failed one is not.
    expect((await storage.tallies.read(claim.id)).announced?.seq).toBe(2);
    expect((await eventsOf(shopId)).map((e) => e.id)).toEqual([
      claimEventId(claim.id, 1),
      claimEventId(claim.id, 2),
    ]);
    counting.state.failOn = undefined;
    await reconcileClaim(deps, claim.id);
    expect((await eventsOf(shopId)).map((e) => e.id)).toEqual(
      [1, 2, 3].map((n) => claimEventId(claim.id, n)),
    );
    expect(counting.recorded).toEqual([1, 2, 3].map((n) => claimEventId(claim.id, n)));
  });

  it('re-announcing after a crash between announce and tally records nothing twice', async () => {
    const { shopId, claim, counting, deps } = await setUp();
    // A consumer that announced and died before its tally write: same events, again.
    await createOutbox(engine).announce({
      id: claimEventId(claim.id, 1),
      type: 'claim.filed',
      timestamp: claim.createdAt,
      shopId,
      subject: { kind: 'claim', id: claim.id, sequence: 1 },
      data: await asAnswered(claim.id),
    });
    await reconcileClaim(deps, claim.id);
    expect(counting.tried).toEqual([claimEventId(claim.id, 1)]);
    expect(counting.recorded).toEqual([]);
    expect(await eventsOf(shopId)).toHaveLength(1);
    expect((await storage.tallies.read(claim.id)).announced?.seq).toBe(1);
  });

  it('20 concurrent moves on one claim: one status_changed per move', async () => {
    const { shopId, claim, counting, deps } = await setUp();
    await reconcileClaim(deps, claim.id);
    const moves = 20;
    const reconciles: Promise<unknown>[] = [];
    await Promise.all(
      Array.from({ length: moves }, async (_, i) => {
        for (;;) {
          const current = await storage.claims.get(claim.id);
          if (!current) throw new Error('gone');
          const to = current.status === 'in_review' ? 'needs_info' : 'in_review';
          try {
            await moveTo(current, to, 10 + i);
            break;
          } catch (error) {
            if (!(error instanceof ConflictError)) throw error;
          }
        }
        // Each move's consumer, racing the others'.
        reconciles.push(reconcileClaim(deps, claim.id).catch((e: unknown) => e));
      }),
    );
    await Promise.all(reconciles);
    // Whatever contention left behind, the sweep's next reconcile completes.
    await reconcileClaim(deps, claim.id);
    const history = await storage.claims.history(claim.id);
    expect(history).toHaveLength(moves + 1);
    const changed = (await eventsOf(shopId)).filter((e) => e.type === 'claim.status_changed');
    expect(changed.map((e) => e.id).sort()).toEqual(
      history
        .slice(1)
        .map((e) => claimEventId(claim.id, e.seq))
        .sort(),
    );
    expect(new Set(counting.recorded).size).toBe(counting.recorded.length);
    expect(counting.recorded).toHaveLength(moves + 1);
    expect((await storage.tallies.read(claim.id)).announced?.seq).toBe(moves + 1);
  }, 120_000);

  it('announces each answered remedy once, as its route answers it', async () => {
    const { shopId, claim, counting, deps } = await setUp();
    const offered = {
      claimId: claim.id,
      kind: 'refund' as const,
      value: { amount: '100.00', currency: 'RUB' as const },
      status: 'offered' as const,
      offeredAt: '2026-12-07T06:05:00.000Z',
      offeredBy: 'clerk:key-1',
    };
    const n1 = await storage.remedies.takeNumber(claim.id, 0);
    const n2 = await storage.remedies.takeNumber(claim.id, 0);
    const r1 = await storage.remedies.create({ ...offered, id: `rm_${n1}` });
    await storage.remedies.create({ ...offered, id: `rm_${n2}` });
    await reconcileClaim(deps, claim.id);
    // Offered only: nothing for the remedies yet.
    expect(counting.recorded).toEqual([claimEventId(claim.id, 1)]);
    const answered = {
      ...r1,
      status: 'accepted' as const,
      answeredAt: '2026-12-07T06:06:00.000Z',
      answeredBy: shopId,
    };
    expect((await storage.remedies.answer(answered, ['cancelled'])).answered).toBe(true);
    await reconcileClaim(deps, claim.id);
    await reconcileClaim(deps, claim.id);
    const events = await eventsOf(shopId);
    const remedyEvents = events.filter((e) => e.type === 'remedy.answered');
    expect(remedyEvents.map((e) => e.id)).toEqual([remedyEventId(claim.id, r1.id)]);
    expect(remedyEvents[0]?.timestamp).toBe(answered.answeredAt);
    const shop = views({ keyId: 'k', role: 'shop', shopId });
    expect(remedyEvents[0]?.data).toEqual(await shop.remedy(answered));
    expect((remedyEvents[0]?.data as { offeredBy: string }).offeredBy).toMatch(
      /^clerk_[0-9a-f]{16}$/,
    );
    expect((await storage.tallies.read(claim.id)).announced).toEqual({
      seq: 1,
      remedies: [r1.id],
    });
  }, 30_000);

  it('a consumer without webhooks keeps what was announced as it was', async () => {
    const { claim, deps } = await setUp();
    await reconcileClaim(deps, claim.id);
    await moveTo(claim, 'in_review', 1);
    await reconcileClaim({ storage, clock: time.clock, log: () => undefined }, claim.id);
    expect((await storage.tallies.read(claim.id)).announced?.seq).toBe(1);
    await reconcileClaim(deps, claim.id);
    expect((await storage.tallies.read(claim.id)).announced?.seq).toBe(2);
  });
});
