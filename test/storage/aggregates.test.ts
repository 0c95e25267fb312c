import { QueryCommand, type QueryCommandOutput } from '@aws-sdk/client-dynamodb';
import { REMEDY_CLOSED_STATUSES } from '../../src/domain/remedy';
import { describe, expect, it, vi } from 'vitest';
import { applyCommand, type Claim, type ClaimCommand } from '../../src/domain/claim';
import { reconcileClaim } from '../../src/services/claim-changes';
import { figuresStorage } from './figures-helpers';
import { newClaim } from './helpers';

// The counters are kept by the claim-change consumer: every change here is reconciled as
// the consumer would (src/services/claim-changes.ts).
const storage = await figuresStorage();
const { claims, analytics, client, deps } = storage;
const clerk = { role: 'clerk' as const, id: 'clerk:1' };

/** Files a cdek claim of `shopId` on `day` (computed 3000.00 RUB, the uninsured flat sum, see helpers). */
async function file(shopId: string, day: string, cause: Claim['cause'] = 'lost_in_transit') {
  const { claim, event } = newClaim({
    shopId,
    carrier: 'cdek',
    cause,
    createdAt: `${day}T10:00:00.000Z`,
  });
  await claims.create(claim, event);
  await reconcileClaim(deps, claim.id);
  return claim;
}

async function move(claim: Claim, command: ClaimCommand, at = '2026-11-20T10:00:00.000Z') {
  const next = applyCommand(claim, command, { at, today: at.slice(0, 10), by: clerk });
  const moved = await claims.update(claim, next.claim, next.events);
  await reconcileClaim(deps, claim.id);
  return moved;
}

/** The counters of a shop (or ALL) on a day, as plain strings. */
async function counters(scope: { shopId: string } | 'ALL', day: string) {
  const [bucket] = (await analytics.days(scope, day, day)).days;
  return Object.fromEntries([...(bucket?.counters ?? [])].map(([k, v]) => [k, v.toString()]));
}

describe('analytics counters, kept by the consumer of claim changes', () => {
  it('filing counts the claim for its shop and for every shop', async () => {
    await file('agg-a', '2026-11-02');
    expect(await counters({ shopId: 'agg-a' }, '2026-11-02')).toMatchObject({
      'count#all#all': '1',
      'count#carrier#cdek': '1',
      'count#cause#lost_in_transit': '1',
      'count#type#lost': '1',
      'computed#RUB#all#all': '300000',
    });
    expect((await counters('ALL', '2026-11-02'))['count#all#all']).toBe('1');
  });

  it('approve and pay add their sums to the filing day; the same figures for ALL', async () => {
    let claim = await file('agg-b', '2026-11-03');
    claim = await move(claim, { type: 'review' });
    claim = await move(claim, {
      type: 'decide',
      decision: 'partially_approved',
      reason: 'One item',
      approvedAmount: { amount: '300.00', currency: 'RUB' },
    });
    expect(await counters({ shopId: 'agg-b' }, '2026-11-03')).toMatchObject({
      'approved#RUB#type#lost': '30000',
    });
    await move(claim, {
      type: 'pay',
      amount: { amount: '299.99', currency: 'RUB' },
      paidOn: '2026-11-20',
      reference: 'PP-1',
    });
    const shop = await counters({ shopId: 'agg-b' }, '2026-11-03');
    expect(shop).toMatchObject({
      'count#all#all': '1',
      'computed#RUB#all#all': '300000',
      'approved#RUB#all#all': '30000',
      'paid#RUB#carrier#cdek': '29999',
    });
    expect(await counters('ALL', '2026-11-03')).toEqual(shop);
    expect(await counters({ shopId: 'agg-b' }, '2026-11-20')).toEqual({});
  });

  it('a withdrawal takes the claim out of the counts', async () => {
    const claim = await file('agg-c', '2026-11-04');
    await move(claim, { type: 'cancel' });
    expect(await counters({ shopId: 'agg-c' }, '2026-11-04')).toMatchObject({
      'count#all#all': '0',
      'computed#RUB#all#all': '0',
    });
  });

  it('a cause change moves the count from the old cause to the new', async () => {
    const claim = await file('agg-d', '2026-11-05', 'courier_late');
    await move(claim, { type: 'changeCause', cause: 'warehouse' });
    expect(await counters({ shopId: 'agg-d' }, '2026-11-05')).toMatchObject({
      'count#all#all': '1',
      'count#cause#courier_late': '0',
      'count#cause#warehouse': '1',
      'count#carrier_cause#cdek%2Bwarehouse': '1',
      'computed#RUB#cause#warehouse': '300000',
    });
  });

  it('a failed move (stale version) moves no counter', async () => {
    const claim = await file('agg-e', '2026-11-06');
    await move(claim, { type: 'cancel' });
    // Another cancel from the same read (not a retry of the first: a later instant).
    await expect(move(claim, { type: 'cancel' }, '2026-11-21T10:00:00.000Z')).rejects.toThrow(
      /version/,
    );
    expect((await counters({ shopId: 'agg-e' }, '2026-11-06'))['count#all#all']).toBe('0');
  });

  it('an accepted remedy adds its value to `given`; a declined or second answer adds nothing', async () => {
    const claim = await file('agg-r', '2026-11-08');
    const offer = (id: string) => ({
      id,
      claimId: claim.id,
      kind: 'gift' as const,
      value: { amount: '700.00', currency: 'RUB' as const },
      status: 'offered' as const,
      offeredAt: '2026-11-09T10:00:00.000Z',
      offeredBy: 'agg-r',
    });
    await storage.remedies.create(offer('rm_1'));
    await storage.remedies.create(offer('rm_2'));
    const answered = { answeredAt: '2026-11-10T10:00:00.000Z', answeredBy: 'agg-r' };
    const accepted = { ...offer('rm_1'), status: 'accepted' as const, ...answered };
    expect((await storage.remedies.answer(accepted, REMEDY_CLOSED_STATUSES)).answered).toBe(true);
    await reconcileClaim(deps, claim.id);
    const declined = { ...offer('rm_2'), status: 'declined' as const, ...answered };
    expect((await storage.remedies.answer(declined, REMEDY_CLOSED_STATUSES)).answered).toBe(true);
    await reconcileClaim(deps, claim.id);
    // A second answer to rm_1 is refused, and counts nothing again.
    const again = await storage.remedies.answer(
      {
        ...accepted,
        answeredAt: '2026-11-11T10:00:00.000Z',
      },
      REMEDY_CLOSED_STATUSES,
    );
    expect(again).toMatchObject({ answered: false, current: { status: 'accepted' } });
    await reconcileClaim(deps, claim.id);
    const day = await counters({ shopId: 'agg-r' }, '2026-11-08');
    expect(day['given#RUB#all#all']).toBe('70000');
    expect(day['given#RUB#cause#lost_in_transit']).toBe('70000');
  });

  it('reads one item per day, one Query per month, however many claims', async () => {
    for (let i = 0; i < 12; i++) await file('agg-g', i % 2 ? '2026-10-30' : '2026-11-01');
    const send = vi.spyOn(client, 'send');
    const { days } = await analytics.days({ shopId: 'agg-g' }, '2026-10-01', '2026-11-30');
    expect(days.map((d) => [d.day, d.counters.get('count#all#all')?.toString()])).toEqual([
      ['2026-10-30', '6'],
      ['2026-11-01', '6'],
    ]);
    const queries = send.mock.calls.filter(([command]) => command instanceof QueryCommand);
    expect(queries).toHaveLength(2);
    const outputs = (await Promise.all(
      send.mock.results.map((r) => r.value),
    )) as QueryCommandOutput[];
    expect(outputs.reduce((n, out) => n + (out.ScannedCount ?? 0), 0)).toBe(2);
    send.mockRestore();
  });
});
