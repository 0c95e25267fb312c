import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import {
  claimCounters,
  claimDelta,
  counterName,
  fromMinor,
  parseCounter,
  toMinor,
} from '../../../src/domain/analytics';
import { changeCause, defaultCause, lateCause, type Claim } from '../../../src/domain/claim';
import { claimExamples } from '../../../src/routes/claims/claims.examples';

const { filed, inReview, decided, paid, cancelled } = claimExamples;
const clerk = { role: 'clerk' as const, id: 'clerk:1' };
const plain = (counters: Map<string, Big> | undefined) =>
  Object.fromEntries([...(counters ?? [])].map(([name, value]) => [name, value.toString()]));

describe('causes', () => {
  it.each([
    ['lost', [], 'lost_in_transit'],
    ['damaged', [{ reason: 'courier_late' as const }], 'damaged_in_transit'],
    ['late', [], 'courier_late'],
    [
      'late',
      [{ reason: 'courier_late' as const }, { reason: 'supplier_late' as const }],
      'supplier_late',
    ],
  ] as const)('a %s claim with reschedules %j defaults to %s', (type, reschedules, cause) => {
    expect(defaultCause(type, reschedules)).toBe(cause);
  });

  it('puts a lateness without a reschedule down to the courier', () => {
    expect(lateCause([])).toBe('courier_late');
  });

  it('records the old and the new cause, and changes nothing for the same cause', () => {
    const change = changeCause(filed, 'warehouse', { at: '2025-06-16T10:00:00.000Z', by: clerk });
    expect(change?.claim).toMatchObject({ cause: 'warehouse', version: filed.version + 1 });
    expect(change?.event).toMatchObject({
      type: 'cause_changed',
      seq: filed.version + 1,
      cause: { from: 'lost_in_transit', to: 'warehouse' },
    });
    expect(
      changeCause(filed, 'lost_in_transit', { at: filed.createdAt, by: clerk }),
    ).toBeUndefined();
  });
});

describe('claim counters', () => {
  it('counts a filed claim and its computed sum, in kopecks, under every dimension', () => {
    expect(plain(claimCounters(filed))).toEqual({
      'count#all#all': '1',
      'count#carrier#cdek': '1',
      'count#cause#lost_in_transit': '1',
      'count#type#lost': '1',
      'count#carrier_cause#cdek%2Blost_in_transit': '1',
      'computed#RUB#all#all': '850000',
      'computed#RUB#carrier#cdek': '850000',
      'computed#RUB#cause#lost_in_transit': '850000',
      'computed#RUB#type#lost': '850000',
      'computed#RUB#carrier_cause#cdek%2Blost_in_transit': '850000',
    });
  });

  it('a review moves nothing; an approval adds the approved sum; a payment the paid sum', () => {
    expect(claimDelta(filed, inReview)).toBeUndefined();
    expect(plain(claimDelta(inReview, decided)?.counters)).toMatchObject({
      'approved#RUB#all#all': '850000',
    });
    expect(Object.keys(plain(claimDelta(inReview, decided)?.counters))).toHaveLength(5);
    expect(plain(claimDelta(decided, paid)?.counters)).toMatchObject({
      'paid#RUB#carrier#cdek': '850000',
    });
  });

  it('a withdrawal takes the claim back out; the delta is in the filing day', () => {
    const delta = claimDelta(filed, cancelled);
    expect(delta?.day).toBe('2025-06-16');
    expect(delta?.counters.get('count#all#all')?.toString()).toBe('-1');
    expect(delta?.counters.get('computed#RUB#all#all')?.toString()).toBe('-850000');
  });

  it('a cause change moves the count and the money from the old cause to the new', () => {
    const moved = changeCause(paid, 'warehouse', { at: '2025-06-21T00:00:00.000Z', by: clerk });
    const delta = plain(claimDelta(paid, moved!.claim)?.counters);
    expect(delta['count#cause#lost_in_transit']).toBe('-1');
    expect(delta['count#cause#warehouse']).toBe('1');
    expect(delta['paid#RUB#cause#warehouse']).toBe('850000');
    expect(delta['count#carrier_cause#cdek%2Bwarehouse']).toBe('1');
    expect(delta['count#all#all']).toBeUndefined();
    expect(delta['count#carrier#cdek']).toBeUndefined();
  });

  it('does not count a claim filed before causes existed, until a clerk gives it one', () => {
    const { cause: _cause, ...old } = filed;
    const legacy: Claim = old;
    expect(claimCounters(legacy).size).toBe(0);
    const given = changeCause(legacy, 'other', { at: filed.createdAt, by: clerk });
    expect(claimDelta(legacy, given!.claim)?.counters.get('count#all#all')?.toString()).toBe('1');
  });
});

describe('counter names and minor units', () => {
  it('reads back the parts of a name, carrier encoded', () => {
    const name = counterName('given', 'carrier', 'my#carrier', 'KZT');
    expect(name).toBe('given#KZT#carrier#my%23carrier');
    expect(parseCounter(name)).toEqual({
      metric: 'given',
      currency: 'KZT',
      dimension: 'carrier',
      value: 'my#carrier',
    });
    expect(parseCounter('entity')).toBeUndefined();
    expect(parseCounter('count#nope#x')).toBeUndefined();
  });

  it('turns money into exact integer kopecks and back', () => {
    expect(
      toMinor({ amount: '0.10', currency: 'RUB' })
        .plus(toMinor({ amount: '0.20', currency: 'RUB' }))
        .toString(),
    ).toBe('30');
    expect(fromMinor(new Big('123456789012345678'), 'RUB')).toEqual({
      amount: '1234567890123456.78',
      currency: 'RUB',
    });
  });
});
