import { describe, expect, it } from 'vitest';
import { computeLost, type LostInput } from '../../../src/domain/compensation';
import type { CurrencyCode } from '../../../src/domain/money';
import { resolvePolicy } from '../../../src/domain/policies';

const money = (amount: string, currency: CurrencyCode = 'RUB') => ({ amount, currency });
const lost = (carrier: string, input: LostInput) =>
  computeLost(input, { policy: resolvePolicy(carrier) });
const kinds = (r: ReturnType<typeof computeLost>) =>
  r.components.map((c) => `${c.kind}:${c.amount.amount}:${c.payable}`);

describe('computeLost for an insured parcel', () => {
  const insured = (documented?: string, deliveryPaid?: boolean): LostInput => ({
    deliveryCost: money('500.00'),
    ...(deliveryPaid === undefined ? {} : { deliveryPaid }),
    insurance: {
      declaredValue: money('10000.00'),
      ...(documented === undefined ? {} : { documentedValue: money(documented) }),
    },
  });

  it.each([
    [
      'refunds the paid delivery cost and pays the documented value below the declared one',
      insured('8000.00'),
      '8500.00',
      ['delivery_cost_refund:500.00:true', 'insured_value:8000.00:true'],
    ],
    [
      'never pays more than the declared value',
      insured('12000.00'),
      '10500.00',
      ['delivery_cost_refund:500.00:true', 'insured_value:10000.00:true'],
    ],
    [
      'refunds no delivery cost that was not paid',
      insured('8000.00', false),
      '8000.00',
      ['insured_value:8000.00:true'],
    ],
    [
      'holds the insured part until the value is proven',
      insured(undefined),
      '500.00',
      ['delivery_cost_refund:500.00:true', 'insured_value:10000.00:false'],
    ],
  ])('%s', (_name, input, amount, components) => {
    const result = lost('cdek', input);
    expect(result.amount).toEqual(money(amount));
    expect(kinds(result)).toEqual(components);
  });

  it('asks for proof of value when the documented value is missing', () => {
    const result = lost('cdek', insured(undefined));
    expect(result.missingEvidence).toEqual(['proof_of_value']);
    expect(result.lines.map((l) => l.key)).toContain('loss.insured.missing_proof');
    expect(result.lines.at(-1)?.text).toBe('Pending until documents arrive: 10000.00 RUB.');
  });

  it('adds up the letter to the cent', () => {
    const result = lost('cdek', insured('8000.00'));
    expect(result.lines.find((l) => l.key === 'loss.total')?.text).toBe(
      'Payable now: 500.00 RUB + 8000.00 RUB = 8500.00 RUB.',
    );
    expect(result.missingEvidence).toEqual([]);
  });
});

describe('computeLost for an uninsured parcel', () => {
  it.each([
    [
      'cdek pays the flat 3000 RUB in total, with no refund on top',
      'cdek',
      {},
      '3000.00',
      ['uninsured_flat:3000.00:true'],
    ],
    [
      'cdek pays the flat sum whatever the documents say',
      'cdek',
      { documentedValue: money('9000.00') },
      '3000.00',
      ['uninsured_flat:3000.00:true'],
    ],
    [
      'russian-post pays twice the fee in total',
      'russian-post',
      {},
      '1000.00',
      ['uninsured_delivery_cost_multiple:1000.00:true'],
    ],
    [
      'road-freight refunds the freight charge and pays the documented value',
      'road-freight',
      { documentedValue: money('20000.00') },
      '20500.00',
      ['delivery_cost_refund:500.00:true', 'documented_value:20000.00:true'],
    ],
    [
      'road-freight holds the documented value until it is proven',
      'road-freight',
      {},
      '500.00',
      ['delivery_cost_refund:500.00:true', 'documented_value:0.00:false'],
    ],
    [
      'road-freight refunds nothing unpaid',
      'road-freight',
      { deliveryPaid: false, documentedValue: money('20000.00') },
      '20000.00',
      ['documented_value:20000.00:true'],
    ],
  ])('%s', (_name, carrier, extra, amount, components) => {
    const result = lost(carrier, { deliveryCost: money('500.00'), insurance: null, ...extra });
    expect(result.amount).toEqual(money(amount));
    expect(kinds(result)).toEqual(components);
  });

  it('says why cdek refunds no delivery cost on top of the flat sum', () => {
    const keys = lost('cdek', { deliveryCost: money('500.00') }).lines.map((l) => l.key);
    expect(keys).toEqual([
      'policy.applied',
      'policy.note',
      'loss.refund.not_in_policy',
      'uninsured.flat',
      'rounding.exact',
      'loss.total',
    ]);
  });

  it('pays a tenge claim where the policy has no fixed sum', () => {
    const result = lost('road-freight', {
      deliveryCost: money('5000.00', 'KZT'),
      documentedValue: money('90000.00', 'KZT'),
    });
    expect(result.amount).toEqual(money('95000.00', 'KZT'));
  });
});

describe('computeLost refuses amounts of another currency', () => {
  it.each([
    [
      'a tenge claim under the cdek flat sum in roubles',
      'cdek',
      { deliveryCost: money('500.00', 'KZT') },
      'currency-mismatch',
      '/deliveryCost/currency',
    ],
    [
      'a declared value in dollars',
      'cdek',
      { deliveryCost: money('500.00'), insurance: { declaredValue: money('100.00', 'USD') } },
      'currency-mismatch',
      '/insurance/declaredValue/currency',
    ],
    [
      'a documented value in euros',
      'cdek',
      {
        deliveryCost: money('500.00'),
        insurance: { declaredValue: money('100.00'), documentedValue: money('90.00', 'EUR') },
      },
      'currency-mismatch',
      '/insurance/documentedValue/currency',
    ],
    [
      'an uninsured documented value in dollars',
      'road-freight',
      { deliveryCost: money('500.00'), documentedValue: money('90.00', 'USD') },
      'currency-mismatch',
      '/documentedValue/currency',
    ],
    [
      'a top-level documented value on an insured parcel',
      'cdek',
      {
        deliveryCost: money('500.00'),
        insurance: { declaredValue: money('100.00') },
        documentedValue: money('90.00'),
      },
      'invalid-input',
      '/documentedValue',
    ],
    [
      'a declared value with three decimals',
      'cdek',
      { deliveryCost: money('500.00'), insurance: { declaredValue: money('100.001') } },
      'invalid-input',
      '/insurance/declaredValue/amount',
    ],
  ])('refuses %s', (_name, carrier, input: LostInput, code, pointer) => {
    expect(() => lost(carrier, input)).toThrow(expect.objectContaining({ code, pointer }));
  });

  it('tells the clerk why a tenge claim cannot take the rouble flat sum', () => {
    expect(() => lost('cdek', { deliveryCost: money('500.00', 'KZT') })).toThrow(
      'cdek pays an uninsured lost parcel from a fixed 3000.00 RUB, but this claim is in KZT; give deliveryCost in RUB or choose another carrier',
    );
  });
});
