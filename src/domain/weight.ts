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

/** A plain decimal (as `decimalProblem` lets through) is above zero exactly when it has one. */
const NONZERO_DIGIT = /[1-9]/;

/**
 * Why a dimension or weight string is unusable, or null. Zero is refused: a side or a
 * weight of zero is a typo, not a parcel.
 * @example measureProblem('0') // 'must be greater than 0'
 */
export function measureProblem(value: string): string | null {
  const problem = decimalProblem(value, MEASURE_DECIMALS);
  if (problem !== null) return problem;
  return NONZERO_DIGIT.test(value) ? null : 'must be greater than 0';
}

function measure(value: string, pointer: string): Big {
  const problem = measureProblem(value);
  if (problem !== null) throw new DomainError('invalid-input', `"${value}" ${problem}`, pointer);
  return new Big(value);
}

/**
 * The smallest multiple of `step` that is >= numerator / denominator, exactly. big.js stops
 * a quotient q at Big.DP decimals, off by less than one unit u of its last place; so ceil(q)
 * is the true step count or one short (one more would need an integer in [exact, q), but q
 * is on the u grid), and one exact product says which: a hair above a boundary rounds up.
 * @example roundUpToStep(new Big('35937'), new Big(5000), new Big('0.001')).toFixed(3) // '7.188'
 */
export function roundUpToStep(numerator: Big, denominator: Big, step: Big): Big {
  const unit = denominator.times(step);
  const steps = numerator.div(unit).round(0, ROUNDING.up);
  return (steps.times(unit).lt(numerator) ? steps.plus(1) : steps).times(step);
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

/** What every package of a shipment is weighed with, parsed once per shipment. */
type Scale = { divisor: number; exactDivisor: Big; step: Big; decimals: number };

const ONE = new Big(1);

/**
 * One measure of package `i`, parsed. A top-level function, not a closure per package: the
 * bundler names every closure it creates (keepNames), which costs more than the call.
 */
function measureOf(pkg: PackageInput, i: number, field: keyof PackageInput): Big {
  return measure(pkg[field], `/packages/${i}/${field}`);
}

/** How one package is weighed, and its line: the exact comparison, then one rounding up. */
function weighPackage(pkg: PackageInput, i: number, scale: Scale) {
  const volume = measureOf(pkg, i, 'lengthCm')
    .times(measureOf(pkg, i, 'widthCm'))
    .times(measureOf(pkg, i, 'heightCm'));
  const physical = measureOf(pkg, i, 'weightKg');
  const { divisor, exactDivisor, step, decimals } = scale;
  // Compare volume with physical × divisor: exact, no division, so a tie is a real tie.
  const basis = volume.gt(physical.times(exactDivisor)) ? 'volumetric' : 'physical';
  const volumetric = roundUpToStep(volume, exactDivisor, step);
  const physicalRounded = roundUpToStep(physical, ONE, step);
  const chargeable = basis === 'volumetric' ? volumetric : physicalRounded;
  const volumetricKg = volumetric.toFixed(decimals);
  const physicalKg = physicalRounded.toFixed(decimals);
  const chargeableKg = basis === 'volumetric' ? volumetricKg : physicalKg;
  const weight: PackageWeight = { volumetricKg, physicalKg, chargeableKg, basis };
  const { lengthCm, widthCm, heightCm } = pkg;
  const params = { index: i + 1, lengthCm, widthCm, heightCm, divisor, ...weight };
  const explained = line(`weight.package.${basis}`, params);
  return { weight, chargeable, line: explained };
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
  const scale: Scale = { divisor, exactDivisor: new Big(divisor), step: new Big(stepKg), decimals };
  let total = new Big(0);
  const results = packages.map((pkg, i): PackageWeight => {
    const weighed = weighPackage(pkg, i, scale);
    total = total.plus(weighed.chargeable);
    lines.push(weighed.line);
    return weighed.weight;
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
