/**
 * Carrier policies as data. The default is CDEK, the carrier whose FAQ the rules come from.
 */
import { DomainError } from '../errors';
import { CDEK_POLICY } from './cdek';
import { ROAD_FREIGHT_POLICY } from './road-freight';
import { RUSSIAN_POST_POLICY } from './russian-post';
import type { CarrierPolicy, PolicyRef, RescheduleReason } from './types';

export { policyLines } from './lines';
export type {
  CarrierPolicy,
  DayBasis,
  InsuranceCase,
  PolicyClaimType,
  PolicyNote,
  PackagingItem,
  PolicyRef,
  RescheduleReason,
  ShipmentRules,
  UninsuredRule,
} from './types';

/** @example RESCHEDULE_REASONS.includes('courier_late') // true */
export const RESCHEDULE_REASONS = [
  'courier_late',
  'supplier_late',
  'other',
] as const satisfies readonly RescheduleReason[];

/** @example resolvePolicy(undefined).id === DEFAULT_POLICY_ID // true */
export const DEFAULT_POLICY_ID = 'cdek';

/** Frozen all the way down: callers get the shared objects, and none may change a rule. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const POLICIES: readonly CarrierPolicy[] = deepFreeze([
  CDEK_POLICY,
  RUSSIAN_POST_POLICY,
  ROAD_FREIGHT_POLICY,
]);

/**
 * Every policy, default first, as JSON-ready data.
 * @example listPolicies().map((p) => p.id) // ['cdek', 'russian-post', 'road-freight']
 */
export function listPolicies(): readonly CarrierPolicy[] {
  return POLICIES;
}

/**
 * A carrier's name from its policy, in English or Russian (an unknown id as is).
 * @example carrierName('cdek', 'ru') // 'Посылки СДЭК'
 */
export function carrierName(id: string, lang: 'en' | 'ru'): string {
  const policy = POLICIES.find((p) => p.id === id);
  if (!policy) return id;
  return lang === 'ru' ? policy.ru.name : policy.name;
}

/**
 * The policy with this id; `undefined` means the default. Unknown ids are refused with the
 * list of known ones, so a typo is fixed in one round trip.
 * @example resolvePolicy('russian-post').late.dayBasis // 'calendar'
 * @example resolvePolicy('dhl') // throws DomainError('policy-unknown', "unknown carrier 'dhl'; known: cdek, russian-post, road-freight", '/carrier')
 */
export function resolvePolicy(id: string | undefined, pointer = '/carrier'): CarrierPolicy {
  const wanted = id ?? DEFAULT_POLICY_ID;
  const policy = POLICIES.find((p) => p.id === wanted);
  if (!policy) {
    const known = POLICIES.map((p) => p.id).join(', ');
    throw new DomainError(
      'policy-unknown',
      `unknown carrier '${wanted}'; known: ${known}`,
      pointer,
    );
  }
  return policy;
}

/**
 * The id and version a result cites.
 * @example policyRef(resolvePolicy('cdek')) // { id: 'cdek', version: '2025-01' }
 */
export function policyRef(policy: CarrierPolicy): PolicyRef {
  return { id: policy.id, version: policy.version };
}
