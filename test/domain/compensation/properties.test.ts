import Big from 'big.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/calendar/dates';
import { computeDamaged, computeLate, computeLost } from '../../../src/domain/compensation';
import { resolvePolicy } from '../../../src/domain/policies';
import { fakeCalendar } from './fake-calendar';

const cents = fc.integer({ min: 0, max: 1_000_000_000 });
const rub = (c: number) => ({ amount: new Big(c).div(100).toFixed(2), currency: 'RUB' as const });
const carriers = fc.constantFrom('cdek', 'russian-post', 'road-freight');
/** Offsets from 2024-01-01 that stay inside the fake calendar (2024–2026). */
const offset = fc.integer({ min: 0, max: 1000 });
const day = (n: number) => addDays('2024-01-01', n);

function late(carrier: string, cost: number, promised: number, delivered: number) {
  const ctx = { policy: resolvePolicy(carrier), calendar: fakeCalendar };
  return computeLate(
    { deliveryCost: rub(cost), promisedDate: day(promised), deliveredDate: day(delivered) },
    ctx,
  );
}

describe('late compensation properties', () => {
  it('stays within 0 and the cap', () => {
    fc.assert(
      fc.property(carriers, cents, offset, offset, (carrier, cost, p, d) => {
        const result = late(carrier, cost, p, d);
        const amount = new Big(result.amount.amount);
        expect(amount.gte(0)).toBe(true);
        expect(amount.lte(result.cap?.amount ?? amount)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('never falls as the delivery gets later', () => {
    fc.assert(
      fc.property(carriers, cents, offset, offset, offset, (carrier, cost, p, a, b) => {
        const [early, later] = a <= b ? [a, b] : [b, a];
        const first = new Big(late(carrier, cost, p, early).amount.amount);
        expect(first.lte(late(carrier, cost, p, later).amount.amount)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('rounds once: the amount is the exact rate × days × cost, capped, rounded half-up', () => {
    fc.assert(
      fc.property(carriers, cents, offset, offset, (carrier, cost, p, d) => {
        const result = late(carrier, cost, p, d);
        const { late: rule } = resolvePolicy(carrier);
        const exactCost = new Big(cost).div(100);
        const exact = exactCost.times(rule.ratePerDay).times(result.daysLate);
        const cap = exactCost.times(rule.cap?.fractionOfDeliveryCost ?? exact);
        const owed = exact.gt(cap) ? cap : exact;
        expect(result.amount.amount).toBe(owed.toFixed(2, Big.roundHalfUp));
        expect(result.capped).toBe(exact.gt(cap));
      }),
      { numRuns: 200 },
    );
  });
});

describe('loss compensation properties', () => {
  it('never pays more than the declared value for the insured part', () => {
    fc.assert(
      fc.property(
        carriers,
        cents,
        cents,
        cents,
        fc.boolean(),
        (carrier, cost, declared, documented, paid) => {
          const insurance = { declaredValue: rub(declared), documentedValue: rub(documented) };
          const result = computeLost(
            { deliveryCost: rub(cost), deliveryPaid: paid, insurance },
            { policy: resolvePolicy(carrier) },
          );
          const insured = result.components.find((c) => c.kind === 'insured_value');
          expect(new Big(insured?.amount.amount ?? 'NaN').lte(rub(declared).amount)).toBe(true);
        },
      ),
    );
  });

  it('pays exactly the sum of the payable components', () => {
    fc.assert(
      fc.property(
        carriers,
        cents,
        fc.option(cents),
        fc.option(cents),
        (carrier, cost, declared, damage) => {
          const input = {
            deliveryCost: rub(cost),
            ...(declared === null ? {} : { insurance: { declaredValue: rub(declared) } }),
            ...(damage === null ? {} : { documentedDamage: rub(damage) }),
          };
          const result = computeDamaged(input, { policy: resolvePolicy(carrier) });
          const sum = result.components
            .filter((c) => c.payable)
            .reduce((s, c) => s.plus(c.amount.amount), new Big(0));
          expect(result.amount.amount).toBe(sum.toFixed(2));
          expect(result.missingEvidence.length > 0).toBe(result.components.some((c) => !c.payable));
        },
      ),
    );
  });
});
