import { describe, expect, it } from 'vitest';
import { computeDamaged, type DamagedInput } from '../../../src/domain/compensation';
import type { CurrencyCode } from '../../../src/domain/money';
import { resolvePolicy } from '../../../src/domain/policies';

const money = (amount: string, currency: CurrencyCode = 'RUB') => ({ amount, currency });
const damaged = (carrier: string, input: DamagedInput) =>
  computeDamaged(input, { policy: resolvePolicy(carrier) });
const kinds = (r: ReturnType<typeof computeDamaged>) =>
  r.components.map((c) => `${c.kind}:${c.amount.amount}:${c.payable}`);
const declared = { insurance: { declaredValue: money('10000.00') } };

describe('computeDamaged', () => {
  it.each([
    [
      'pays insured documented damage below the declared value',
      'cdek',
      { ...declared, documentedDamage: money('2500.00') },
      '2500.00',
      ['insured_damage:2500.00:true'],
    ],
    [
      'pays insured damage up to the declared value',
      'cdek',
      { ...declared, documentedDamage: money('12000.00') },
      '10000.00',
      ['insured_damage:10000.00:true'],
    ],
    [
      'holds insured damage until it is documented',
      'cdek',
      declared,
      '0.00',
      ['insured_damage:10000.00:false'],
    ],
    [
      'pays uninsured documented damage under the cdek limit',
      'cdek',
      { documentedDamage: money('1200.00') },
      '1200.00',
      ['documented_damage:1200.00:true'],
    ],
    [
      'limits uninsured damage to 3000 RUB under cdek',
      'cdek',
      { documentedDamage: money('4500.00') },
      '3000.00',
      ['documented_damage:3000.00:true'],
    ],
    [
      'holds uninsured cdek damage until it is documented',
      'cdek',
      {},
      '0.00',
      ['documented_damage:3000.00:false'],
    ],
    [
      'pays russian-post damage below twice the fee',
      'russian-post',
      { documentedDamage: money('500.00') },
      '500.00',
      ['documented_damage:500.00:true'],
    ],
    [
      'limits russian-post damage to twice the fee',
      'russian-post',
      { documentedDamage: money('900.00') },
      '700.00',
      ['documented_damage:700.00:true'],
    ],
    [
      'pays road-freight damage in full',
      'road-freight',
      { documentedDamage: money('50000.00') },
      '50000.00',
      ['documented_damage:50000.00:true'],
    ],
  ])('%s', (_name, carrier, extra, amount, components) => {
    const result = damaged(carrier, { deliveryCost: money('350.00'), ...extra });
    expect(result.amount).toEqual(money(amount));
    expect(kinds(result)).toEqual(components);
  });

  it.each([
    ['insured', declared],
    ['uninsured', {}],
  ])('asks for proof of value when %s damage is not documented', (_name, extra) => {
    expect(damaged('cdek', { deliveryCost: money('350.00'), ...extra }).missingEvidence).toEqual([
      'proof_of_value',
    ]);
  });

  it('shows the russian-post limit as a formula', () => {
    const result = damaged('russian-post', {
      deliveryCost: money('350.00'),
      documentedDamage: money('900.00'),
    });
    expect(result.lines.map((l) => l.text)).toContain(
      'Limit: 2 × the delivery cost 350.00 RUB = 700.00 RUB.',
    );
  });

  it('says the cdek uninsured damage rule is our default by analogy', () => {
    const result = damaged('cdek', {
      deliveryCost: money('350.00'),
      documentedDamage: money('100.00'),
    });
    expect(result.lines.some((l) => l.key === 'policy.note' && l.text.includes('by analogy'))).toBe(
      true,
    );
  });

  it.each([
    [
      'a tenge claim under the cdek limit in roubles',
      { deliveryCost: money('350.00', 'KZT'), documentedDamage: money('100.00', 'KZT') },
      '/deliveryCost/currency',
    ],
    [
      'documented damage in another currency',
      { deliveryCost: money('350.00'), documentedDamage: money('100.00', 'USD') },
      '/documentedDamage/currency',
    ],
    [
      'a declared value in another currency',
      { deliveryCost: money('350.00'), insurance: { declaredValue: money('100.00', 'EUR') } },
      '/insurance/declaredValue/currency',
    ],
  ])('refuses %s', (_name, input, pointer) => {
    expect(() => damaged('cdek', input)).toThrow(
      expect.objectContaining({ code: 'currency-mismatch', pointer }),
    );
  });
});
