/**
 * The remedies service under concurrent writes on DynamoDB Local (issue 19, items 3 and 4):
 * offers made at once each get their own number; an answer is conditioned on the claim's
 * state in its own write, so an accept never lands on a claim withdrawn meanwhile; and the
 * analytics' `given` follows one rule whatever became of the claim.
 */
import { describe, expect, it } from 'vitest';
import { claimFigures } from '../../src/domain/analytics';
import type { ClaimFiling } from '../../src/domain/claim/filing';
import { shopInputExample } from '../../src/routes/shop/shop.routes';
import { filingExample } from '../../src/schemas/examples';
import type { Principal } from '../../src/services/actor';
import { createClaimService } from '../../src/services/claims';
import { createRemedyService } from '../../src/services/remedies';
import { createShopService } from '../../src/services/shops';
import type { Storage } from '../../src/storage/repository';
import { freshStorage } from '../storage/helpers';

const storage = await freshStorage();
const clock = () => new Date('2025-06-16T09:00:00.000Z');
let seq = 0;
const claims = createClaimService({
  storage,
  clock,
  newId: () => `clm_${(++seq).toString(16).padStart(32, '0')}`,
});
const shops = createShopService({ storage, clock });
const remedies = createRemedyService({ claims, shops, storage, clock });

const shop: Principal = { keyId: 'k-r', role: 'shop', shopId: 'shop-r' };
const clerk: Principal = { keyId: 'k-c', role: 'clerk' };
await shops.put(shop, shopInputExample);

let waybills = 0;
const file = async () =>
  (
    await claims.file(shop, {
      ...structuredClone(filingExample),
      waybill: `WB-R-${++waybills}`,
    } as ClaimFiling)
  ).claim;
const voucher = { kind: 'voucher', value: { amount: '500.00', currency: 'RUB' } } as const;

/** What settled of a call: its value, or the code of the error it threw. */
const settled = async <T>(work: Promise<T>): Promise<T | { code: string }> => {
  try {
    return await work;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string') throw error;
    return { code };
  }
};

describe('offers made at once', () => {
  it('50 on one claim each get their own number, none refused', async () => {
    const claim = await file();
    const offers = await Promise.all(
      Array.from({ length: 50 }, () => remedies.offer(shop, claim.id, { kind: 'free_delivery' })),
    );
    const ids = offers.map((r) => r.id);
    expect(new Set(ids).size).toBe(50);
    const listed = await remedies.list(shop, claim.id);
    expect(listed.map((r) => r.id).sort()).toEqual([...ids].sort());
    // Numbers follow on: the next offer takes the next one.
    const next = await remedies.offer(shop, claim.id, { kind: 'repair' });
    const highest = Math.max(...ids.map((id) => Number(id.slice(3))));
    expect(next.id).toBe(`rm_${highest + 1}`);
  }, 60_000);
});

describe('an answer and a withdrawal', () => {
  it('an accept whose claim is withdrawn between its read and its write is refused (409 claim-cancelled)', async () => {
    const claim = await file();
    await remedies.offer(shop, claim.id, voucher);
    // The withdrawal lands exactly in the window: after the service read the claim (submitted),
    // before the answer is written.
    const answer = storage.remedies.answer.bind(storage.remedies);
    const racing: Storage = {
      ...storage,
      remedies: {
        ...storage.remedies,
        list: storage.remedies.list.bind(storage.remedies),
        create: storage.remedies.create.bind(storage.remedies),
        takeNumber: storage.remedies.takeNumber.bind(storage.remedies),
        answer: async (...args) => {
          await claims.move(shop, claim.id, { type: 'cancel' });
          return answer(...args);
        },
      },
    };
    const late = createRemedyService({ claims, shops, storage: racing, clock });
    await expect(late.answer(shop, claim.id, 'rm_1', 'accepted')).rejects.toMatchObject({
      code: 'claim-cancelled',
    });
    expect((await claims.get(shop, claim.id)).status).toBe('cancelled');
    expect((await remedies.list(shop, claim.id))[0]?.status).toBe('offered');
  });

  it('review, cancel and accept at once on 20 claims (3 rounds): each claim ends in one order of the three, its figures by the rule', async () => {
    for (let round = 0; round < 3; round++) {
      const filed = await Promise.all(Array.from({ length: 20 }, () => file()));
      await Promise.all(filed.map((claim) => remedies.offer(shop, claim.id, voucher)));
      const outcomes = await Promise.all(
        filed.map(async (claim) => {
          const [review, cancel, accept] = await Promise.all([
            settled(claims.move(clerk, claim.id, { type: 'review' })),
            settled(claims.move(shop, claim.id, { type: 'cancel' })),
            settled(remedies.answer(shop, claim.id, 'rm_1', 'accepted')),
          ]);
          return { claim, review, cancel, accept };
        }),
      );
      for (const { claim, cancel, accept } of outcomes) {
        const stored = await claims.get(clerk, claim.id);
        const [remedy] = await remedies.list(clerk, claim.id);
        const cancelled = stored.status === 'cancelled';
        // An accept refused for the withdrawal left the offer as it was.
        if ('code' in accept) {
          expect(accept.code).toBe('claim-cancelled');
          expect(cancelled).toBe(true);
          expect(remedy?.status).toBe('offered');
        } else {
          expect(remedy?.status).toBe('accepted');
        }
        expect('code' in cancel).toBe(!cancelled);
        // Whatever the order, the claim's analytics follow the one rule: a withdrawn claim
        // counts for nothing, its remedies included; any other counts what was accepted.
        const figures = claimFigures(stored, await remedies.list(clerk, claim.id));
        const given = figures.sums.find((s) => s.metric === 'given')?.minor.toString();
        expect(figures.count).toBe(cancelled ? 0 : 1);
        expect(given).toBe(!cancelled && remedy?.status === 'accepted' ? '50000' : undefined);
      }
    }
  }, 120_000);
});
