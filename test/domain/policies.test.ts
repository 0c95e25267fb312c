import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import { EVIDENCE_KINDS } from '../../src/domain/evidence';
import { amountProblem, type MoneyJson } from '../../src/domain/money';
import {
  DEFAULT_POLICY_ID,
  listPolicies,
  policyLines,
  resolvePolicy,
  type UninsuredRule,
} from '../../src/domain/policies';

describe('carrier policies', () => {
  it('lists cdek first, as the default', () => {
    expect(listPolicies().map((p) => p.id)).toEqual(['cdek', 'russian-post', 'road-freight']);
    expect(DEFAULT_POLICY_ID).toBe('cdek');
    expect(resolvePolicy(undefined).id).toBe('cdek');
  });

  it.each([
    ['cdek', '0.03', 'business', '1', 5000, 'flat'],
    ['russian-post', '0.03', 'calendar', '1', 5000, 'delivery_cost_multiple'],
    ['road-freight', '0.09', 'calendar', '1', 4000, 'documented'],
  ])(
    '%s charges %s per %s day, capped at %s × the cost, divisor %i, uninsured loss %s',
    (id, rate, basis, cap, divisor, lost) => {
      const p = resolvePolicy(id);
      expect(p.late).toEqual({
        ratePerDay: rate,
        dayBasis: basis,
        cap: { fractionOfDeliveryCost: cap },
      });
      expect(p.weight).toEqual({ divisor, roundingStepKg: '0.001', rounding: 'up' });
      expect(p.lost.uninsured.basis).toBe(lost);
    },
  );

  it('refuses an unknown carrier with the list of known ones', () => {
    expect(() => resolvePolicy('dhl')).toThrow(
      expect.objectContaining({
        code: 'policy-unknown',
        pointer: '/carrier',
        message: "unknown carrier 'dhl'; known: cdek, russian-post, road-freight",
      }),
    );
    expect(() => resolvePolicy('x', '/claim/carrier')).toThrow(
      expect.objectContaining({ pointer: '/claim/carrier' }),
    );
  });

  it.each(listPolicies().map((p) => [p.id, p]))('%s is plain JSON data', (_id, policy) => {
    expect(JSON.parse(JSON.stringify(policy))).toEqual(policy);
    expect(Object.isFrozen(policy)).toBe(true);
    expect(Object.isFrozen(policy.late)).toBe(true);
  });

  const ruleMoney = (rule: UninsuredRule): MoneyJson[] => {
    if (rule.basis === 'flat') return [rule.amount];
    if (rule.basis === 'documented' && rule.limit && 'flat' in rule.limit) return [rule.limit.flat];
    return [];
  };
  const ruleFactors = (rule: UninsuredRule): string[] => {
    if (rule.basis === 'delivery_cost_multiple') return [rule.factor];
    if (rule.basis === 'documented' && rule.limit && 'deliveryCostMultiple' in rule.limit)
      return [rule.limit.deliveryCostMultiple];
    return [];
  };

  it.each(listPolicies().map((p) => [p.id, p]))(
    '%s has valid numbers, sums, evidence and notes',
    (_id, p) => {
      const decimals = [
        p.late.ratePerDay,
        p.weight.roundingStepKg,
        ...(p.late.cap ? [p.late.cap.fractionOfDeliveryCost] : []),
      ];
      const rules = [p.lost.uninsured, p.damaged.uninsured];
      for (const d of [...decimals, ...rules.flatMap(ruleFactors)])
        expect(new Big(d).gt(0)).toBe(true);
      for (const m of rules.flatMap(ruleMoney))
        expect(amountProblem(m.amount, m.currency)).toBeNull();
      for (const kinds of Object.values(p.claims.evidence)) {
        for (const kind of kinds) expect(EVIDENCE_KINDS).toContain(kind);
      }
      expect(p.version).toMatch(/^\d{4}-\d{2}$/);
      expect(p.source.length).toBeGreaterThan(10);
      for (const note of p.notes)
        expect([note.en.length > 0, /[а-я]/i.test(note.ru)]).toEqual([true, true]);
    },
  );

  it('cdek pays 3000 RUB in total for an uninsured loss and documents its damage default', () => {
    const cdek = resolvePolicy('cdek');
    expect(cdek.lost.uninsured).toEqual({
      basis: 'flat',
      amount: { amount: '3000.00', currency: 'RUB' },
    });
    expect(cdek.lost.refundDeliveryCostWhenUninsured).toBe(false);
    expect(cdek.notes.some((n) => n.topic === 'damaged' && n.en.includes('by analogy'))).toBe(true);
    expect(cdek.claims).toMatchObject({ filingWindowMonths: 6, answerWithinDays: 30 });
  });
});

describe('policyLines', () => {
  it('gives every call its own lines, so changing one result changes no other', () => {
    const first = policyLines(resolvePolicy('cdek'), 'late');
    const again = policyLines(resolvePolicy('cdek'), 'late');
    expect(again).toEqual(first);
    expect(again[0]).not.toBe(first[0]);
    expect(again[0]?.params).not.toBe(first[0]?.params);
    if (first[0]) first[0].params['policyId'] = 'changed';
    expect(policyLines(resolvePolicy('cdek'), 'late')[0]?.params['policyId']).toBe('cdek');
  });

  it('renders a policy that is not frozen afresh, so a change to it shows', () => {
    const policy = structuredClone(resolvePolicy('cdek'));
    expect(policyLines(policy, 'weight')).toEqual(policyLines(resolvePolicy('cdek'), 'weight'));
    policy.version = '2099-01';
    expect(policyLines(policy, 'weight')[0]?.text).toContain('version 2099-01');
  });

  it.each(
    listPolicies().flatMap((p) =>
      (['weight', 'late', 'lost', 'damaged'] as const).map((t) => [p.id, t] as const),
    ),
  )('%s cites the same lines for %s whether remembered or not', (id, topic) => {
    const policy = resolvePolicy(id);
    expect(policyLines(policy, topic)).toEqual(policyLines(structuredClone(policy), topic));
  });
});
