/**
 * Chargeable weight (domain-rules §1): each package is charged on the larger of its physical
 * and volumetric weight, rounded up to the policy's step; the shipment is the sum.
 */
import Big from 'big.js';
import { DomainError } from './errors';
import { line, type Line } from './explain';
import { decimalProblem, ROUNDING } from './money';
import { policyLines, policyRef, type CarrierPolicy, type PolicyRef } from './policies';

/** Decimals a dimension or weight may carry on input (as the schema). @example measureProblem('1.0000001') // 'has 7 decimals; allows at most 6' */
export const MEASURE_DECIMALS = 6;
/** Decimals of a result weight: whole grams unless the step is finer. @example '0.200' */
export const WEIGHT_DECIMALS = 3;
/** Packages per shipment: the work grows with the count. @example packages.length <= MAX_PACKAGES */
export const MAX_PACKAGES = 100;
/** Divisors a request may use instead of the policy's. @example DIVISOR_RANGE.min // 1000 */
export const DIVISOR_RANGE = { min: 1000, max: 10000 } as const;

/** @example { lengthCm: '40', widthCm: '30', heightCm: '20', weightKg: '2.5' } */
export interface PackageInput {
  lengthCm: string;
  widthCm: string;
  heightCm: string;
  weightKg: string;
}

/** @example { carrier: 'cdek', packages: [{ lengthCm: '10', widthCm: '10', heightCm: '10', weightKg: '0.1' }] } */
export interface WeightInput {
  carrier?: string;
  divisor?: number;
  packages: readonly PackageInput[];
}

/** @example { volumetricKg: '0.200', physicalKg: '0.100', chargeableKg: '0.200', basis: 'volumetric' } */
export interface PackageWeight {
  volumetricKg: string;
  physicalKg: string;
  chargeableKg: string;
  basis: 'volumetric' | 'physical';
}

/** @example computeWeight(input, { policy }).totalChargeableKg // '0.200' */
export interface WeightResult {
  packages: PackageWeight[];
  totalChargeableKg: string;
  divisor: number;
  roundingStepKg: string;
  lines: Line[];
  policy: PolicyRef;
}

/**
 * Why a dimension or weight string is unusable, or null. Zero is refused: a side or a
 * weight of zero is a typo, not a parcel.
 * @example measureProblem('0') // 'must be greater than 0'
 */
export function measureProblem(value: string): string | null {
  const problem = decimalProblem(value, MEASURE_DECIMALS);
  if (problem !== null) return problem;
  return new Big(value).gt(0) ? null : 'must be greater than 0';
}

function measure(value: string, pointer: string): Big {
  const problem = measureProblem(value);
  if (problem !== null) throw new DomainError('invalid-input', `"${value}" ${problem}`, pointer);
  return new Big(value);
}

/**
 * The smallest multiple of `step` that is >= numerator / denominator, exactly. big.js
 * division stops at 20 decimals, so the quotient is corrected with exact products: a
 * value a hair above a gram boundary must still round up.
 */
function roundUpToStep(numerator: Big, denominator: Big, step: Big): Big {
  const unit = denominator.times(step);
  let steps = numerator.div(unit).round(0, ROUNDING.down);
  while (steps.times(unit).gt(numerator)) steps = steps.minus(1);
  while (steps.plus(1).times(unit).lte(numerator)) steps = steps.plus(1);
  if (steps.times(unit).lt(numerator)) steps = steps.plus(1);
  return steps.times(step);
}

function chooseDivisor(input: WeightInput, policy: CarrierPolicy): number {
  if (input.divisor === undefined) return policy.weight.divisor;
  const { min, max } = DIVISOR_RANGE;
  if (!Number.isInteger(input.divisor) || input.divisor < min || input.divisor > max) {
    const message = `divisor must be a whole number from ${min} to ${max}, got ${input.divisor}`;
    throw new DomainError('invalid-input', message, '/divisor');
  }
  return input.divisor;
}

/** How one package is weighed: the exact comparison, then one rounding up to the step. */
function weighPackage(pkg: PackageInput, i: number, divisor: number, step: Big, decimals: number) {
  const at = (field: keyof PackageInput) => measure(pkg[field], `/packages/${i}/${field}`);
  const volume = at('lengthCm').times(at('widthCm')).times(at('heightCm'));
  const physical = at('weightKg');
  // Compare volume with physical × divisor: exact, no division, so a tie is a real tie.
  const basis = volume.gt(physical.times(divisor)) ? 'volumetric' : 'physical';
  const volumetric = roundUpToStep(volume, new Big(divisor), step);
  const physicalRounded = roundUpToStep(physical, new Big(1), step);
  const chargeable = basis === 'volumetric' ? volumetric : physicalRounded;
  const weight: PackageWeight = {
    volumetricKg: volumetric.toFixed(decimals),
    physicalKg: physicalRounded.toFixed(decimals),
    chargeableKg: chargeable.toFixed(decimals),
    basis,
  };
  return { weight, chargeable };
}

/**
 * Volumetric and chargeable weight of every package and their total.
 * @example
 * const policy = resolvePolicy('cdek');
 * computeWeight({ packages: [{ lengthCm: '10', widthCm: '10', heightCm: '10', weightKg: '0.1' }] }, { policy })
 *   .packages[0]; // { volumetricKg: '0.200', physicalKg: '0.100', chargeableKg: '0.200', basis: 'volumetric' }
 */
export function computeWeight(input: WeightInput, ctx: { policy: CarrierPolicy }): WeightResult {
  const { policy } = ctx;
  const { packages } = input;
  if (packages.length === 0 || packages.length > MAX_PACKAGES) {
    const message = `give from 1 to ${MAX_PACKAGES} packages, got ${packages.length}`;
    throw new DomainError('invalid-input', message, '/packages');
  }
  const divisor = chooseDivisor(input, policy);
  const stepKg = policy.weight.roundingStepKg;
  const decimals = Math.max(WEIGHT_DECIMALS, stepKg.split('.')[1]?.length ?? 0);
  const lines: Line[] = policyLines(policy, 'weight');
  lines.push(
    input.divisor === undefined
      ? line('weight.divisor.policy', { divisor })
      : line('weight.divisor.override', { divisor, policyDivisor: policy.weight.divisor }),
  );
  let total = new Big(0);
  const results = packages.map((pkg, i): PackageWeight => {
    const { weight, chargeable } = weighPackage(pkg, i, divisor, new Big(stepKg), decimals);
    total = total.plus(chargeable);
    const { lengthCm, widthCm, heightCm } = pkg;
    const params = { index: i + 1, lengthCm, widthCm, heightCm, divisor, ...weight };
    lines.push(line(`weight.package.${weight.basis}`, params));
    return weight;
  });
  const totalKg = total.toFixed(decimals);
  const terms = results.map((r) => r.chargeableKg).join(' + ');
  lines.push(line('weight.rounding', { stepKg }), line('weight.total', { terms, totalKg }));
  return {
    packages: results,
    totalChargeableKg: totalKg,
    divisor,
    roundingStepKg: stepKg,
    lines,
    policy: policyRef(policy),
  };
}
