import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import {
  claimDelta,
  claimFigures,
  figureCounters,
  spread,
  toMinor,
  type Counters,
} from '../../../src/domain/analytics';
import type { Claim } from '../../../src/domain/claim';
import { decide } from '../../../src/domain/claim/decision';
import type { Remedy } from '../../../src/domain/remedy';
import { claimExamples } from '../../../src/routes/claims/claims.examples';

const { filed, inReview, decided, paid, cancelled } = claimExamples;
const plain = (counters: Counters) =>
  Object.fromEntries(
    [...counters].filter(([, v]) => !v.eq(0)).map(([name, value]) => [name, value.toString()]),
  );
const add = (into: Counters, counters: Counters) => {
  for (const [name, value] of counters) into.set(name, (into.get(name) ?? new Big(0)).plus(value));
};

const gift = (status: Remedy['status'], amount: string): Remedy => ({
  id: 'rm_1',
  claimId: filed.id,
  kind: 'gift',
  value: { amount, currency: 'RUB' },
  status,
  offeredAt: '2025-06-16T10:00:00.000Z',
  offeredBy: 'demo-shop',
});

/** What the per-change deltas and the remedies' `given` add up to over a claim's life. */
function incremental(steps: readonly Claim[], given: readonly Remedy[]): Counters {
  const total: Counters = new Map();
  steps.forEach((claim, i) => {
    const delta = claimDelta(steps[i - 1], claim);
    if (delta) add(total, delta.counters);
  });
  const last = steps.at(-1)!;
  for (const remedy of given) {
    const { carrier, cause, type } = last;
    const sums = [
      { metric: 'given' as const, currency: 'RUB' as const, minor: toMinor(remedy.value!) },
    ];
    add(total, spread({ carrier, cause: cause!, type }, 0, sums));
  }
  return total;
}

describe('a claim’s whole figures', () => {
  it.each([
    ['filed', [filed]],
    ['reviewed', [filed, inReview]],
    ['decided', [filed, inReview, decided]],
    ['paid', [filed, inReview, decided, paid]],
    ['withdrawn', [filed, cancelled]],
  ] as const)('%s: the same totals as the incremental deltas', (_, steps) => {
    const last = steps.at(-1)!;
    expect(plain(figureCounters(claimFigures(last, [])))).toEqual(plain(incremental(steps, [])));
  });

  it('add what the customer accepted, per currency, and nothing for a declined or offered remedy', () => {
    const accepted = [gift('accepted', '700.00'), { ...gift('accepted', '50.50'), id: 'rm_2' }];
    const remedies = [...accepted, gift('declined', '999.00'), gift('offered', '1.00')];
    const figures = claimFigures(paid, remedies);
    expect(figures.sums.find((s) => s.metric === 'given')?.minor.toString()).toBe('75050');
    expect(plain(figureCounters(figures))).toEqual(
      plain(incremental([filed, inReview, decided, paid], accepted)),
    );
  });

  it('count nothing of a withdrawn claim, what its customer accepted included (one rule with `count`)', () => {
    const figures = claimFigures(cancelled, [gift('accepted', '10.00')]);
    expect(figures.count).toBe(0);
    expect(plain(figureCounters(figures))).toEqual({});
  });

  it('count what the customer accepted on every claim `count` counts, rejected and paid ones included', () => {
    const rejected = decide(
      inReview,
      { decision: 'rejected', reason: 'The carrier found no fault' },
      { at: '2025-06-18T10:00:00.000Z', by: { role: 'clerk', id: 'clerk:1' } },
    ).claim;
    for (const claim of [filed, inReview, decided, paid, rejected]) {
      const figures = claimFigures(claim, [gift('accepted', '10.00')]);
      expect(figures.count, claim.status).toBe(1);
      expect(plain(figureCounters(figures))['given#RUB#all#all'], claim.status).toBe('1000');
    }
  });

  it('count nothing of a claim without a cause (filed before causes existed)', () => {
    const { cause: _cause, ...old } = filed;
    expect(figureCounters(claimFigures(old as Claim, [gift('accepted', '5.00')])).size).toBe(0);
  });
});
