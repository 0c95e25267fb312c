/**
 * How long a shop keeps its customers' personal data after a claim or an order is settled
 * (`PUT /v1/shop` `personalData.retainDays`), and the default when it says nothing (chosen,
 * with its reasons, in src/domain/personal-data/retention.ts).
 */
import { DEFAULT_RETAIN_DAYS, RETAIN_DAYS_MAX } from '../personal-data/retention';

/**
 * The shortest period a shop may set: the carrier has 30 days to answer a claim (Civil Code
 * art. 797), so a shorter period would erase data a settled case may still need.
 */
export const MIN_RETAIN_DAYS = 30;
/** The longest: ten years. */
export const MAX_RETAIN_DAYS = RETAIN_DAYS_MAX;
export { DEFAULT_RETAIN_DAYS };

/** The shop's choice, as it sends it. */
export interface PersonalDataPolicy {
  /** Days after settling (30..3650). */
  retainDays: number;
}

/** The retention in force, and whether it is the default (the shop never set one). */
export interface EffectiveRetention {
  retainDays: number;
  isDefault: boolean;
}

/**
 * The retention in force for a shop that set `policy` (or none).
 *
 * @example effectiveRetention(undefined) // { retainDays: 1095, isDefault: true }
 * @example effectiveRetention({ retainDays: 365 }) // { retainDays: 365, isDefault: false }
 */
export const effectiveRetention = (policy: PersonalDataPolicy | undefined): EffectiveRetention =>
  policy === undefined
    ? { retainDays: DEFAULT_RETAIN_DAYS, isDefault: true }
    : { retainDays: policy.retainDays, isDefault: false };
