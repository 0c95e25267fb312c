/**
 * The claim service on DynamoDB Local, with plain arguments and no HTTP in
 * sight: who sees what, every move through one command, the version check,
 * idempotent filing and the errors (each with its code) a caller maps.
 */
import { describe, expect, it } from 'vitest';
import type { ClaimFiling } from '../../src/domain/claim/filing';
import { filingExample } from '../../src/schemas/examples';
import type { Principal } from '../../src/services/actor';
import { createClaimService } from '../../src/services/claims';
import { freshStorage } from '../storage/helpers';

let now = new Date('2025-06-16T09:00:00.000Z');
// Only the service has a clock: it alone tells an expired key.
const storage = await freshStorage();
let seq = 0;
const claims = createClaimService({
  storage,
  clock: () => now,
  newId: () => `clm_${(++seq).toString(16).padStart(32, '0')}`,
});

const shopA: Principal = { keyId: 'k-a', role: 'shop', shopId: 'shop-a' };
const shopB: Principal = { keyId: 'k-b', role: 'shop', shopId: 'shop-b' };
const clerk: Principal = { keyId: 'k-c', role: 'clerk' };
let waybills = 0;
/** The example filing, for a parcel of its own (one open claim per parcel and type). */
const filing = (overrides: Partial<ClaimFiling> = {}): ClaimFiling =>
  ({
    ...structuredClone(filingExample),
    waybill: `WB-${++waybills}`,
    ...overrides,
  }) as ClaimFiling;
const day = 24 * 3600_000;
const start = new Date('2025-06-16T09:00:00.000Z');

describe('the claim service', () => {
  it('files for the calling shop, computing the amount, and reads it back', async () => {
    const { claim, replayed } = await claims.file(shopA, filing());
    expect(replayed).toBe(false);
    expect(claim).toMatchObject({ shopId: 'shop-a', status: 'submitted', version: 1 });
    expect(claim.compensation.amount).toEqual({ amount: '8500.00', currency: 'RUB' });
    expect(await claims.get(shopA, claim.id)).toStrictEqual(claim);
    expect((await claims.history(clerk, claim.id)).map((e) => e.type)).toEqual(['filed']);
  });

  it('hides another shop’s claim exactly like a missing one', async () => {
    const { claim } = await claims.file(shopA, filing());
    for (const id of [claim.id, 'clm_ffffffffffffffffffffffffffffffff']) {
      await expect(claims.get(shopB, id)).rejects.toMatchObject({
        code: 'not-found',
        message: `No claim ${id}.`,
      });
    }
  });

  it('previews what filing computes without storing anything', async () => {
    const before = await claims.list(clerk, { shopId: 'shop-preview', limit: 10 });
    const preview = claims.preview(clerk, filing(), { shopId: 'shop-preview' });
    expect(preview.compensation.amount).toEqual({ amount: '8500.00', currency: 'RUB' });
    expect(preview.answerDueBy).toBe('2025-07-16');
    expect(await claims.list(clerk, { shopId: 'shop-preview', limit: 10 })).toEqual(before);
  });

  it('moves a claim through review, decision and payout, one command each', async () => {
    const { claim } = await claims.file(shopA, filing());
    const reviewed = await claims.move(clerk, claim.id, { type: 'review', note: 'on it' });
    expect(reviewed).toMatchObject({ status: 'in_review', version: 2 });
    const decided = await claims.move(
      clerk,
      claim.id,
      { type: 'decide', decision: 'approved' },
      { expectedVersion: 2 },
    );
    expect(decided.decision?.approvedAmount).toEqual({ amount: '8500.00', currency: 'RUB' });
    const paid = await claims.move(clerk, claim.id, {
      type: 'pay',
      amount: { amount: '8500.00', currency: 'RUB' },
      paidOn: '2025-06-16',
      reference: 'PP-1',
    });
    expect(paid).toMatchObject({ status: 'paid', version: 4 });
    const history = await claims.history(shopA, claim.id);
    expect(history.map((e) => e.to ?? e.type)).toEqual([
      'submitted',
      'in_review',
      'approved',
      'paid',
    ]);
    expect(history[1]).toMatchObject({ actor: { role: 'clerk', id: 'clerk:k-c' }, note: 'on it' });
  });

  it('recomputes the checklist on new evidence and puts a needs_info claim back into review', async () => {
    const { claim } = await claims.file(shopA, filing({ evidence: [] }));
    expect(claim.missingEvidence).toContain('receipt');
    await claims.move(clerk, claim.id, { type: 'review' });
    const reason = 'Send the receipt';
    await claims.move(clerk, claim.id, { type: 'decide', decision: 'needs_info', reason });
    const answered = await claims.move(shopA, claim.id, {
      type: 'addEvidence',
      evidence: [{ kind: 'receipt', name: 'receipt.pdf' }],
    });
    expect(answered).toMatchObject({ status: 'in_review', version: 5 });
    expect(answered.missingEvidence).not.toContain('receipt');
    const last = (await claims.history(clerk, claim.id)).slice(-2);
    expect(last.map((e) => e.type)).toEqual(['evidence_added', 'status_changed']);
  });

  it('refuses a stale expected version and a move the status does not allow, writing nothing', async () => {
    const { claim } = await claims.file(shopA, filing());
    await expect(
      claims.move(clerk, claim.id, { type: 'review' }, { expectedVersion: 7 }),
    ).rejects.toMatchObject({ code: 'stale-version', expectedVersion: 7, currentVersion: 1 });
    await expect(
      claims.move(clerk, claim.id, { type: 'decide', decision: 'approved' }),
    ).rejects.toMatchObject({
      code: 'invalid-transition',
      currentStatus: 'submitted',
      attempted: 'approved',
    });
    expect(await claims.get(clerk, claim.id)).toStrictEqual(claim);
  });

  it('lets exactly one of 20 racing decisions at one version win; the others are stale', async () => {
    const { claim } = await claims.file(shopA, filing());
    await claims.move(clerk, claim.id, { type: 'review' });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        claims.move(
          clerk,
          claim.id,
          { type: 'decide', decision: 'rejected', reason: `reason ${i}` },
          { expectedVersion: 2 },
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'stale-version' });
    }
    expect(await claims.history(clerk, claim.id)).toHaveLength(3);
  });

  it('replays a retry with the same key and body, and refuses another body under the key', async () => {
    const body = filing();
    const first = await claims.file(shopA, body, { idempotencyKey: 'order-7' });
    const retry = await claims.file(shopA, structuredClone(body), { idempotencyKey: 'order-7' });
    // A replay, not claim-exists, although the first claim holds the parcel's guard.
    expect(retry).toEqual({ claim: first.claim, replayed: true });
    await expect(
      claims.file(shopA, filing({ waybill: 'other' }), { idempotencyKey: 'order-7' }),
    ).rejects.toMatchObject({ code: 'idempotency-conflict', key: 'order-7' });
    // Another shop's key is its own.
    expect((await claims.file(shopB, body, { idempotencyKey: 'order-7' })).replayed).toBe(false);
  });

  it('keeps replaying the first answer after the claim has moved on', async () => {
    const body = filing();
    const first = await claims.file(shopA, body, { idempotencyKey: 'order-moved' });
    const moved = await claims.move(clerk, first.claim.id, { type: 'review' });
    const retry = await claims.file(shopA, body, { idempotencyKey: 'order-moved' });
    expect(retry).toEqual({ claim: first.claim, replayed: true });
    expect(await claims.get(clerk, first.claim.id)).toStrictEqual(moved);
  });

  it('refuses a second open claim for the parcel without a key or with another, naming the first', async () => {
    const body = filing();
    const { claim } = await claims.file(shopA, body);
    for (const options of [{}, { idempotencyKey: 'another-key' }]) {
      await expect(claims.file(shopA, body, options)).rejects.toMatchObject({
        code: 'claim-exists',
        existingClaimId: claim.id,
      });
    }
    // Another type for the parcel is another claim; a settled claim frees the parcel.
    const late = { ...filing({ waybill: body.waybill }), type: 'damaged' } as ClaimFiling;
    late.shipment = { ...late.shipment, documentedDamage: { amount: '100.00', currency: 'RUB' } };
    expect((await claims.file(shopA, late)).claim.type).toBe('damaged');
    await claims.move(shopA, claim.id, { type: 'cancel' });
    expect((await claims.file(shopA, body)).claim.id).not.toBe(claim.id);
  });

  it('forgets a key after its 24 h window: the key files again', async () => {
    const body = filing();
    const first = await claims.file(shopA, body, { idempotencyKey: 'order-window' });
    now = new Date(start.getTime() + day + 1000);
    try {
      // The parcel's first claim is still open: a new request for it is refused…
      await expect(
        claims.file(shopA, body, { idempotencyKey: 'order-window' }),
      ).rejects.toMatchObject({ code: 'claim-exists', existingClaimId: first.claim.id });
      // …and once it is settled, the key files a new claim.
      await claims.move(shopA, first.claim.id, { type: 'cancel' });
      const later = await claims.file(shopA, body, { idempotencyKey: 'order-window' });
      expect(later.replayed).toBe(false);
      expect(later.claim.id).not.toBe(first.claim.id);
      // Within the new window, the key replays the new claim.
      const again = await claims.file(shopA, body, { idempotencyKey: 'order-window' });
      expect(again).toEqual({ claim: later.claim, replayed: true });
    } finally {
      now = start;
    }
  });

  it('files exactly one claim for 100 concurrent filings with one key; the others replay it', async () => {
    const shop: Principal = { keyId: 'k-r', role: 'shop', shopId: 'shop-race' };
    const body = filing();
    const results = await Promise.all(
      Array.from({ length: 100 }, () => claims.file(shop, body, { idempotencyKey: 'k-race' })),
    );
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    const ids = new Set(results.map((r) => r.claim.id));
    expect(ids.size).toBe(1);
    expect((await claims.list(shop, { limit: 10 })).items).toHaveLength(1);
  }, 60_000);

  it('lists a shop’s own claims and refuses it another shop’s filter', async () => {
    const shop: Principal = { keyId: 'k-l', role: 'shop', shopId: 'shop-list' };
    const { claim } = await claims.file(shop, filing());
    expect((await claims.list(shop, { limit: 10 })).items.map((c) => c.id)).toEqual([claim.id]);
    expect((await claims.list(clerk, { shopId: 'shop-list', limit: 10 })).items).toHaveLength(1);
    await expect(claims.list(shop, { shopId: 'shop-a', limit: 10 })).rejects.toMatchObject({
      code: 'filter-not-allowed',
      parameter: 'shopId',
    });
  });

  it('refuses a filing past its window with the domain’s code and the field', async () => {
    await expect(claims.file(shopA, filing({ shippedDate: '2024-01-10' }))).rejects.toMatchObject({
      code: 'filing-deadline-passed',
      pointer: '/shippedDate',
    });
  });
});
