/**
 * Filing a claim: the same calculators as the open endpoints compute its
 * amount, the policy gives its deadlines and its evidence checklist.
 */
import type { BusinessCalendar } from '../calendar';
import { addDays, addMonths, type IsoDate } from '../calendar/dates';
import {
  computeDamaged,
  computeLate,
  computeLost,
  type DamagedInput,
  type LateInput,
  type LateResult,
  type LossResult,
  type LostInput,
} from '../compensation';
import { DomainError, nested } from '../errors';
import type { EvidenceKind } from '../evidence';
import { checkHappenedOn } from '../happened';
import type { CarrierPolicy } from '../policies';
import { acknowledgeDeadline } from './acknowledge';
import { defaultCause, type ClaimCause } from './cause';
import { EvidenceLimitError, MAX_EVIDENCE } from './errors';
import type { ClaimEvidence, NewClaim } from './types';
import type { Claimant } from './types';

interface FilingCommon {
  carrier: string;
  waybill: string;
  orderId?: string;
  /** The shop's shipment the claim was filed from (POST /v1/shipments/{id}/claims). */
  shipmentId?: string;
  shippedDate: IsoDate;
  claimant: Claimant;
  description: string;
  evidence: { kind: EvidenceKind; name: string; url?: string }[];
  /** The shipment's order is B2B (a filing from a shipment says so). */
  b2b?: boolean;
  /** Why it happened; left out, the claim type's default (see ./cause.ts). */
  cause?: ClaimCause | undefined;
}

/** What a shop files; `shipment` is the input of the matching calculator. */
export type ClaimFiling =
  | (FilingCommon & { type: 'late'; shipment: Omit<LateInput, 'carrier'> })
  | (FilingCommon & { type: 'lost'; shipment: Omit<LostInput, 'carrier'> })
  | (FilingCommon & { type: 'damaged'; shipment: Omit<DamagedInput, 'carrier'> });

export interface FilingContext {
  policy: CarrierPolicy;
  calendar: BusinessCalendar;
  shopId: string;
  /** Today in the claims desk's calendar, and the instant of filing. */
  today: IsoDate;
  at: string;
}

/**
 * A late claim's compensation: the late calculator on its shipment, which
 * ships on the claim's date unless it says otherwise. A delivery that was not
 * late (no day the policy counts) is no claim, although the calculator
 * answers 0 for it.
 */
function lateCompensation(filing: ClaimFiling & { type: 'late' }, ctx: FilingContext): LateResult {
  const { policy, calendar } = ctx;
  const { shipment } = filing;
  // A shipment that states no way to its promised date is refused as the calculator refuses it.
  const dated = shipment.promisedDate !== undefined || shipment.transitBusinessDays !== undefined;
  const input = dated ? { shippedDate: filing.shippedDate, ...shipment } : shipment;
  const result = nested('/shipment', () => computeLate(input, { policy, calendar }));
  if (result.daysLate > 0) return result;
  const field = result.delivered ? 'deliveredDate' : 'asOf';
  const { promisedDate, lateUntil, dayBasis } = result;
  const day = dayBasis === 'business' ? 'business day' : 'day';
  const message = result.delivered
    ? `promised by ${promisedDate} and delivered on ${lateUntil}: not one ${day} late, so there is nothing to claim`
    : `promised by ${promisedDate}, and ${lateUntil} is not one ${day} past it yet: there is nothing to claim`;
  throw new DomainError('not-late', message, `/shipment/${field}`, {
    params: { promisedDate, lateUntil, dayBasis },
  });
}

function compensationFor(filing: ClaimFiling, ctx: FilingContext): LateResult | LossResult {
  if (filing.type === 'late') return lateCompensation(filing, ctx);
  // The calculators point into their input; in a claim that input is `shipment`.
  const { policy } = ctx;
  if (filing.type === 'lost')
    return nested('/shipment', () => computeLost(filing.shipment, { policy }));
  return nested('/shipment', () => computeDamaged(filing.shipment, { policy }));
}

/**
 * Evidence given, as the claim keeps it: numbered after what it has (`ev_1`, `ev_2`, …)
 * and stamped with the instant it was added. A claim takes at most `MAX_EVIDENCE` entries.
 *
 * @throws {EvidenceLimitError} when `has` and `given` together exceed it.
 * @example numberedEvidence([{ id: 'ev_1', … }], [{ kind: 'photo', name: 'box.jpg' }], at) // [{ id: 'ev_2', kind: 'photo', name: 'box.jpg', addedAt: at }]
 */
export function numberedEvidence(
  has: readonly ClaimEvidence[],
  given: readonly Omit<ClaimEvidence, 'id' | 'addedAt'>[],
  at: string,
): ClaimEvidence[] {
  if (has.length + given.length > MAX_EVIDENCE) {
    throw new EvidenceLimitError(has.length, given.length);
  }
  return given.map((e, i) => ({ id: `ev_${has.length + i + 1}`, ...e, addedAt: at }));
}

/**
 * The evidence still missing: the policy's checklist for the claim type plus
 * what the calculation waits for, minus the kinds already given.
 *
 * @example missingEvidence(['receipt', 'proof_of_value'], [], [{ kind: 'receipt' }]) // ['proof_of_value']
 */
export function missingEvidence(
  checklist: readonly EvidenceKind[],
  awaited: readonly EvidenceKind[],
  given: readonly { kind: EvidenceKind }[],
): EvidenceKind[] {
  const have = new Set(given.map((e) => e.kind));
  return [...new Set([...checklist, ...awaited])].filter((kind) => !have.has(kind));
}

/**
 * Checks the filing window and computes everything a new claim carries.
 * Refused (filing-deadline-passed) once the window from the shipping date is over, and
 * (`in_the_future`) for a shipping, delivery or `asOf` date after tomorrow by `ctx.at`.
 *
 * @example
 * const claim = prepareClaim(filing, { policy, calendar, shopId: 'shop-1', today: '2025-06-16', at });
 */
export function prepareClaim(filing: ClaimFiling, ctx: FilingContext): NewClaim {
  const { policy, today } = ctx;
  // What the filing says happened, by the rule of every reported date (../happened.ts).
  checkHappenedOn(filing.shippedDate, '/shippedDate', { now: ctx.at });
  if (filing.type === 'late') {
    for (const field of ['shippedDate', 'deliveredDate', 'asOf'] as const) {
      const date = filing.shipment[field];
      if (date !== undefined) checkHappenedOn(date, `/shipment/${field}`, { now: ctx.at });
    }
  }
  const filingDeadline = addMonths(filing.shippedDate, policy.claims.filingWindowMonths);
  if (today > filingDeadline) {
    throw new DomainError(
      'filing-deadline-passed',
      `${policy.name} takes claims within ${policy.claims.filingWindowMonths} months of shipping: the window for a parcel shipped on ${filing.shippedDate} closed on ${filingDeadline}.`,
      '/shippedDate',
      { params: { months: policy.claims.filingWindowMonths, closedOn: filingDeadline } },
    );
  }
  const compensation = compensationFor(filing, ctx);
  const added = numberedEvidence([], filing.evidence, ctx.at);
  const { evidence: _given, ...rest } = filing;
  return {
    ...rest,
    cause: filing.cause ?? defaultCause(filing.type),
    shopId: ctx.shopId,
    shipment: { ...filing.shipment },
    evidence: added,
    compensation: { ...compensation },
    missingEvidence: missingEvidence(
      policy.claims.evidence[filing.type],
      'missingEvidence' in compensation ? compensation.missingEvidence : [],
      filing.evidence,
    ),
    filingDeadline,
    answerDueBy: addDays(today, policy.claims.answerWithinDays),
    acknowledgeBy: acknowledgeDeadline(ctx.at, policy),
  };
}
