import Big from 'big.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../src/domain/policies';
import {
  computeWeight,
  roundUpToStep,
  type PackageInput,
  type WeightInput,
} from '../../src/domain/weight';

const cdek = { policy: resolvePolicy('cdek') };
const pkg = (l: string, w: string, h: string, kg: string): PackageInput => ({
  lengthCm: l,
  widthCm: w,
  heightCm: h,
  weightKg: kg,
});

describe('computeWeight', () => {
  it.each([
    [
      'charges the volumetric weight when it is larger: 10×10×10/5000 = 0.2',
      pkg('10', '10', '10', '0.1'),
      '0.200',
      '0.100',
      '0.200',
      'volumetric',
    ],
    [
      'charges the physical weight when it is larger',
      pkg('10', '10', '10', '1.5'),
      '0.200',
      '1.500',
      '1.500',
      'physical',
    ],
    ['calls a tie physical', pkg('10', '10', '10', '0.2'), '0.200', '0.200', '0.200', 'physical'],
    [
      'rounds up to whole grams: 33×33×33/5000 = 7.1874',
      pkg('33', '33', '33', '1'),
      '7.188',
      '1.000',
      '7.188',
      'volumetric',
    ],
    [
      'rounds a physical weight up to whole grams',
      pkg('1', '1', '1', '1.0001'),
      '0.001',
      '1.001',
      '1.001',
      'physical',
    ],
    [
      'accepts decimal sides',
      pkg('10.5', '20.25', '30', '0.5'),
      '1.276',
      '0.500',
      '1.276',
      'volumetric',
    ],
  ])('%s', (_name, p, volumetricKg, physicalKg, chargeableKg, basis) => {
    const result = computeWeight({ packages: [p] }, cdek);
    expect(result.packages).toEqual([{ volumetricKg, physicalKg, chargeableKg, basis }]);
  });

  it('sums the chargeable weight of every package', () => {
    const input = { packages: [pkg('40', '30', '20', '2.5'), pkg('10', '10', '10', '1.2')] };
    const result = computeWeight(input, cdek);
    expect(result.packages.map((p) => p.chargeableKg)).toEqual(['4.800', '1.200']);
    expect(result.totalChargeableKg).toBe('6.000');
    expect(result.lines.at(-1)?.text).toBe('Total chargeable weight: 4.800 + 1.200 = 6.000 kg.');
  });

  it.each([
    ['uses the divisor of the request over the policy', { divisor: 4000 }, 'cdek', 4000, '6.000'],
    ['uses the policy divisor by default', {}, 'cdek', 5000, '4.800'],
    ['uses the road-freight divisor 4000', {}, 'road-freight', 4000, '6.000'],
    ['rounds a 6000 divisor up to the gram', { divisor: 6000 }, 'cdek', 6000, '4.000'],
  ])('%s', (_name, extra, carrier, divisor, chargeableKg) => {
    const result = computeWeight(
      { ...extra, packages: [pkg('40', '30', '20', '1')] },
      { policy: resolvePolicy(carrier) },
    );
    expect(result.divisor).toBe(divisor);
    expect(result.packages[0]?.chargeableKg).toBe(chargeableKg);
  });

  it('explains which weight won and with which divisor', () => {
    const result = computeWeight({ divisor: 4000, packages: [pkg('40', '30', '20', '2.5')] }, cdek);
    expect(result.lines.map((l) => l.text).slice(1)).toEqual([
      'Volumetric divisor 4000 (cm³ per kg), given in the request; the policy uses 5000.',
      'Package 1: volumetric 40 × 30 × 20 cm / 4000 = 6.000 kg is more than the physical 2.500 kg, so 6.000 kg is charged.',
      'Each weight is rounded up to a multiple of 0.001 kg.',
      'Total chargeable weight: 6.000 = 6.000 kg.',
    ]);
    expect(result.policy).toEqual({ id: 'cdek', version: '2025-01' });
  });

  it.each([
    ['no packages', { packages: [] }, '/packages'],
    [
      'more than 100 packages',
      { packages: Array.from({ length: 101 }, () => pkg('1', '1', '1', '1')) },
      '/packages',
    ],
    ['a divisor below 1000', { divisor: 999, packages: [pkg('1', '1', '1', '1')] }, '/divisor'],
    ['a divisor above 10000', { divisor: 10001, packages: [pkg('1', '1', '1', '1')] }, '/divisor'],
    ['a fractional divisor', { divisor: 5000.5, packages: [pkg('1', '1', '1', '1')] }, '/divisor'],
    ['a zero weight', { packages: [pkg('1', '1', '1', '0')] }, '/packages/0/weightKg'],
    ['a negative side', { packages: [pkg('1', '-1', '1', '1')] }, '/packages/0/widthCm'],
    [
      'a side in exponent notation',
      { packages: [pkg('1', '1', '1', '1'), pkg('1e2', '1', '1', '1')] },
      '/packages/1/lengthCm',
    ],
  ])('refuses %s', (_name, input: WeightInput, pointer) => {
    expect(() => computeWeight(input, cdek)).toThrow(
      expect.objectContaining({ code: 'invalid-input', pointer }),
    );
  });
});

describe('computeWeight properties', () => {
  const decimal = fc
    .tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 999_999 }))
    .filter(([i, f]) => i > 0 || f > 0)
    .map(([i, f]) => `${i}.${String(f).padStart(6, '0')}`);

  it('charges at least the physical and at least the exact volumetric weight, within one gram', () => {
    fc.assert(
      fc.property(
        decimal,
        decimal,
        decimal,
        decimal,
        fc.integer({ min: 1000, max: 10000 }),
        (l, w, h, kg, divisor) => {
          const result = computeWeight({ divisor, packages: [pkg(l, w, h, kg)] }, cdek);
          const chargeable = new Big(result.packages[0]?.chargeableKg ?? 'NaN');
          const volume = new Big(l).times(w).times(h);
          const largest = volume.gt(new Big(kg).times(divisor))
            ? volume
            : new Big(kg).times(divisor);
          expect(chargeable.gte(kg)).toBe(true);
          // chargeable × divisor ≥ volume: compared without dividing, so exactly.
          expect(chargeable.times(divisor).gte(volume)).toBe(true);
          expect(chargeable.minus('0.001').times(divisor).lt(largest)).toBe(true);
        },
      ),
    );
  });
});

describe('roundUpToStep', () => {
  const decimalsOf = (b: Big) => Math.max(0, b.c.length - b.e - 1);
  /** Obviously correct: both sides scaled to integers, then a BigInt ceiling division. */
  const slowRoundUp = (numerator: Big, denominator: Big, step: Big): Big => {
    const unit = denominator.times(step);
    const scale = new Big(10).pow(Math.max(decimalsOf(numerator), decimalsOf(unit)));
    const n = BigInt(numerator.times(scale).toFixed(0));
    const u = BigInt(unit.times(scale).toFixed(0));
    return new Big(((n + u - 1n) / u).toString()).times(step);
  };
  const steps = fc.constantFrom('0.001', '0.005', '0.003', '0.01', '0.5', '1', '2.5', '0.000001');
  const denominators = fc.integer({ min: 1, max: 10_000 }).map((d) => new Big(d));
  /** Up to 24 decimals: finer than the 20 big.js keeps in a quotient. */
  const anyNumerator = fc.bigInt({ min: 1n, max: 10n ** 30n }).map((n) => new Big(`${n}e-24`));
  /** A whole number of units, or a hair (down to 1e-40) either side of it. */
  const nearBoundary = (unit: Big) =>
    fc
      .tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom(-1, 0, 1), fc.nat(40))
      .map(([k, sign, exp]) => unit.times(k).plus(new Big(`${sign}e-${exp}`)))
      .filter((n) => n.gt(0));
  const cases = fc
    .tuple(steps, denominators)
    .chain(([step, d]) =>
      fc.tuple(
        fc.constant(new Big(step)),
        fc.constant(d),
        fc.oneof(anyNumerator, nearBoundary(d.times(step))),
      ),
    );

  it('agrees with a slow integer ceiling division, a hair either side of every boundary', () => {
    fc.assert(
      fc.property(cases, ([step, denominator, numerator]) => {
        const fast = roundUpToStep(numerator, denominator, step);
        expect(fast.toFixed()).toBe(slowRoundUp(numerator, denominator, step).toFixed());
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['rounds a hair above a gram up', '7.188000000000000000000000001', 1, '7.189'],
    ['keeps a value on a gram', '7.188', 1, '7.188'],
    ['rounds a hair below a gram up to it', '7.187999999999999999999999999', 1, '7.188'],
    ['rounds 33×33×33 / 5000 up', '35937', 5000, '7.188'],
  ])('%s', (_name, numerator, denominator, expected) => {
    const result = roundUpToStep(new Big(numerator), new Big(denominator), new Big('0.001'));
    expect(result.toFixed(3)).toBe(expected);
  });

  it('stays exact whatever precision and rounding mode big.js is set to', () => {
    const { DP, RM } = Big;
    try {
      for (const [dp, rm] of [
        [0, Big.roundDown],
        [0, Big.roundUp],
        [3, Big.roundHalfUp],
        [1, Big.roundHalfEven],
      ] as const) {
        Big.DP = dp;
        Big.RM = rm;
        fc.assert(
          fc.property(cases, ([step, denominator, numerator]) => {
            const fast = roundUpToStep(numerator, denominator, step);
            expect(fast.eq(slowRoundUp(numerator, denominator, step))).toBe(true);
          }),
          { numRuns: 300 },
        );
      }
    } finally {
      Big.DP = DP;
      Big.RM = RM;
    }
  });
});
