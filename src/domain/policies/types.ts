/**
 * The shape of a carrier policy: plain JSON data, so GET /v1/policies can return it as is
 * and a new carrier is a new object, not new code.
 */
import type { EvidenceKind } from '../evidence';
import type { CurrencyCode, MoneyJson } from '../money';

/**
 * How a delay is counted: business days (carrier terms) or calendar days (postal control
 * terms, road freight's "сутки").
 * @example const basis: DayBasis = 'business';
 */
export type DayBasis = 'business' | 'calendar';

/**
 * The claim types a policy answers (the claim module owns the full claim model).
 * @example const t: PolicyClaimType = 'damaged';
 */
export type PolicyClaimType = 'late' | 'lost' | 'damaged';

/**
 * What an uninsured parcel gets when lost or damaged.
 * - `flat`: the flat sum, whatever the contents were worth.
 * - `delivery_cost_multiple`: factor × the delivery cost.
 * - `documented`: the documented value (or damage), up to a limit; `null` means no limit.
 * - `none`: nothing.
 * @example const r: UninsuredRule = { basis: 'flat', amount: { amount: '3000.00', currency: 'RUB' } };
 */
export type UninsuredRule =
  | { basis: 'flat'; amount: MoneyJson }
  | { basis: 'delivery_cost_multiple'; factor: string }
  | { basis: 'documented'; limit: { flat: MoneyJson } | { deliveryCostMultiple: string } | null }
  | { basis: 'none' };

/**
 * Which parcels a note is about: insured ones (declared value) or uninsured ones.
 * @example const c: InsuranceCase = 'uninsured';
 */
export type InsuranceCase = 'insured' | 'uninsured';

/**
 * A remark that a result should carry, in both languages. `topic` says which calculations
 * cite it, and `when` (lost and damaged only) narrows it to insured or uninsured parcels, so
 * no result carries a note about a case it is not; without `when` the note is about every
 * parcel of its topic. Defaults chosen where the sources are silent are always written down here.
 * @example { topic: 'lost', when: 'uninsured', en: 'Uninsured loss: …', ru: 'Утрата без страховки: …' }
 */
export interface PolicyNote {
  topic: 'weight' | PolicyClaimType | 'claims';
  when?: InsuranceCase;
  en: string;
  ru: string;
}

/**
 * A carrier's rules. Rates, factors and fractions are decimal strings (never `number`):
 * they multiply money.
 * @example resolvePolicy('cdek').late.ratePerDay // '0.03'
 */
export interface CarrierPolicy {
  id: string;
  /** Bumped whenever a number changes, so a stored result can name the rules it used. */
  version: string;
  name: string;
  /** What the numbers come from, as a reader can look it up: the carrier's public page or the law. */
  source: string;
  /** Russian name and source, for the Russian claim letters. */
  ru: { name: string; source: string };
  /** The currency the policy's fixed sums are stated in. */
  currency: CurrencyCode;
  notes: PolicyNote[];
  weight: { divisor: number; roundingStepKg: string; rounding: 'up' };
  late: {
    ratePerDay: string;
    dayBasis: DayBasis;
    cap: { fractionOfDeliveryCost: string } | null;
  };
  lost: {
    /** A paid delivery cost is refunded on top of the insured payout. */
    refundDeliveryCostWhenPaid: boolean;
    /**
     * A paid delivery cost is refunded on top of the uninsured payout too. False where the
     * uninsured sum is the whole compensation (CDEK's flat 3000 RUB, the postal twice-the-fee).
     */
    refundDeliveryCostWhenUninsured: boolean;
    uninsured: UninsuredRule;
  };
  damaged: { uninsured: UninsuredRule };
  claims: {
    filingWindowMonths: number;
    /** The window is counted from the shipping date. */
    filingWindowFrom: 'shipped';
    answerWithinDays: number;
    evidence: Record<PolicyClaimType, EvidenceKind[]>;
    /** Where the carrier takes written claims, as its public FAQ gives it (absent: not published). */
    email?: string;
  };
  /**
   * How the shop treats its customer once a claim is filed: the acknowledgement ("we
   * have your claim, we are on it") is due this many minutes after filing (`acknowledgeBy`).
   */
  customerCare: { acknowledgeWithinMinutes: number };
  /** Packaging extras the carrier sells; an item not listed here cannot be charged. */
  packaging: PackagingItem[];
  shipments: ShipmentRules;
}

/**
 * Why a delivery was rescheduled (domain-rules §5): the courier or the supplier ran late, or
 * something else.
 * @example const r: RescheduleReason = 'courier_late';
 */
export type RescheduleReason = 'courier_late' | 'supplier_late' | 'other';

/**
 * One packaging extra the carrier sells, priced in the policy's currency. An envelope states
 * its size: width × height plus the flap, in millimetres.
 * @example { id: 'envelope_a4', kind: 'envelope', name: 'Envelope A4', ru: 'Конверт A4', sizeMm: { width: 245, height: 350, flap: 50 }, price: { amount: '15.00', currency: 'RUB' } }
 */
export interface PackagingItem {
  id: string;
  kind: 'crate' | 'envelope';
  name: string;
  ru: string;
  sizeMm?: { width: number; height: number; flap: number };
  price: MoneyJson;
}

/**
 * How a shipment's charges and promises count.
 * - `deliveryCostIncludes`: which charges are "the delivery cost" a penalty or refund is
 *   computed from: the tariff alone, or the tariff plus packaging.
 * - `rescheduleMovesDeadline`: the reschedule reasons that move the deadline lateness is
 *   measured against; for any other reason the date first promised stays the deadline.
 * @example { deliveryCostIncludes: 'tariff', rescheduleMovesDeadline: [] }
 */
export interface ShipmentRules {
  deliveryCostIncludes: 'tariff' | 'tariff_and_packaging';
  rescheduleMovesDeadline: RescheduleReason[];
}

/**
 * Which policy a result was computed under.
 * @example const ref: PolicyRef = { id: 'cdek', version: '2025-01' };
 */
export interface PolicyRef {
  id: string;
  version: string;
}
