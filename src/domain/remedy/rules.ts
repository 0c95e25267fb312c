/**
 * The rules of making amends: what an offer must say for its kind, what the
 * shop's limits allow, and the one move an offer makes (to the customer's answer).
 */
import Big from 'big.js';
import type { ClaimStatus } from '../claim';
import { DomainError } from '../errors';
import {
  formatMoney,
  moneyFromJson,
  requireSameCurrency,
  toMoneyJson,
  type CurrencyCode,
} from '../money';
import type { RemedyLimits } from '../shop';
import { RemedyLimitError, RemedySettledError } from './errors';
import type { Remedy, RemedyAnswer, RemedyKind, RemedyOffer, CustomerSide } from './types';

/** Kinds that are money handed over: the offer must say how much. */
const VALUE_REQUIRED: ReadonlySet<RemedyKind> = new Set(['refund', 'voucher', 'gift']);
/** Kinds the shop caps by `maxGiftValue` (a voucher is a gift in money). */
const GIFT_CAPPED: ReadonlySet<RemedyKind> = new Set(['gift', 'voucher']);

/**
 * The id of a claim's n-th offer (1-based), and back: ids say their place.
 * @example remedyId(2) // 'rm_2'; remedyPosition('rm_2') // 2
 */
export const remedyId = (position: number): string => `rm_${position}`;
export const remedyPosition = (id: string): number | undefined => {
  const match = /^rm_([1-9]\d{0,5})$/.exec(id);
  return match ? Number(match[1]) : undefined;
};

/** Which limit, if any, caps an offer of this kind. */
export const limitOf = (kind: RemedyKind): keyof RemedyLimits | undefined =>
  kind === 'discount_next_order'
    ? 'maxDiscountPercent'
    : GIFT_CAPPED.has(kind)
      ? 'maxGiftValue'
      : undefined;

/** What the offer is made on: the claim's state and currency, the shop's limits. */
export interface OfferContext {
  claimStatus: ClaimStatus;
  /** The claim's currency: a remedy's value is in it, so `given` is one sum. */
  currency: CurrencyCode;
  /** The shop's limits; undefined when the shop has not sent its profile. */
  limits: RemedyLimits | undefined;
  id: string;
  claimId: string;
  at: string;
  by: string;
}

/**
 * The claim statuses in which a claim takes no remedies nor answers to them: withdrawn. A
 * rejected or paid claim still does (the shop may make amends whatever the carrier said), and
 * the analytics count what its customer accepted (`claimFigures`). Storage conditions an
 * answer on the claim being in none of these, in the answer's own write.
 *
 * @example REMEDY_CLOSED_STATUSES.includes('cancelled') // true
 */
export const REMEDY_CLOSED_STATUSES: readonly ClaimStatus[] = ['cancelled'];

/**
 * A claim the shop withdrew takes no remedies, nor answers to them.
 *
 * @throws {DomainError} `claim-cancelled`
 * @example requireOpenForRemedies('clm_1', 'rejected') // passes: a rejected claim takes remedies
 */
export function requireOpenForRemedies(claimId: string, status: ClaimStatus): void {
  if (REMEDY_CLOSED_STATUSES.includes(status)) throw closedToRemedies(claimId);
}

/**
 * The refusal of a remedy or an answer on a claim in one of REMEDY_CLOSED_STATUSES.
 * @example closedToRemedies('clm_1').code // 'claim-cancelled'
 */
export const closedToRemedies = (claimId: string): DomainError =>
  new DomainError('claim-cancelled', `Claim ${claimId} was withdrawn: it takes no remedies.`);

/** The offer's shape for its kind: value or percent, whichever the kind takes. */
function checkShape(offer: RemedyOffer, currency: CurrencyCode): void {
  if (offer.kind === 'discount_next_order') {
    if (offer.value !== undefined) {
      throw new DomainError('invalid-input', 'a discount is a percent, not money', '/value', {
        reason: 'not_both',
        params: { field: 'value', other: 'percent' },
      });
    }
    if (offer.percent === undefined) {
      throw new DomainError('invalid-input', 'a discount needs its percent', '/percent', {
        reason: 'required',
      });
    }
    return;
  }
  if (offer.percent !== undefined) {
    const message = `only a discount on the next order has a percent; a ${offer.kind} does not`;
    throw new DomainError('invalid-input', message, '/percent', {
      reason: 'not_both',
      params: { field: 'percent', other: 'value' },
    });
  }
  if (offer.value === undefined) {
    if (VALUE_REQUIRED.has(offer.kind)) {
      throw new DomainError('invalid-input', `a ${offer.kind} needs its value`, '/value', {
        reason: 'required',
      });
    }
    return;
  }
  const value = moneyFromJson(offer.value, '/value');
  requireSameCurrency(currency, value, '/value/currency');
  if (value.amount.lte(0)) {
    throw new DomainError('invalid-input', 'must be more than 0', '/value/amount', {
      reason: 'not_positive',
    });
  }
}

/**
 * Refuses an offer above the shop's limits. A shop with no profile has set no
 * limits, and so offers nothing that a limit caps (a discount, a gift, a voucher)
 * until it does: what the shop can afford is its to say, not the desk's to guess.
 */
function checkLimits(offer: RemedyOffer, limits: RemedyLimits | undefined): void {
  const limit = limitOf(offer.kind);
  if (limit === undefined) return;
  const pointer = limit === 'maxDiscountPercent' ? '/percent' : '/value/amount';
  if (limits === undefined) {
    const message = `the shop has set no remedy limits (PUT /v1/shop): a ${offer.kind} cannot be offered until it does`;
    throw new DomainError('remedy-limits-unset', message, pointer, { params: { limit } });
  }
  if (limit === 'maxDiscountPercent') {
    const percent = offer.percent ?? 0;
    if (percent > limits.maxDiscountPercent) {
      const maximum = `${limits.maxDiscountPercent}%`;
      const message = `a discount of ${percent}% is above the shop's maxDiscountPercent (${maximum})`;
      throw new RemedyLimitError(pointer, limit, maximum, message);
    }
    return;
  }
  if (offer.value === undefined) return;
  const cap = moneyFromJson(limits.maxGiftValue, '/remedyLimits/maxGiftValue');
  const value = moneyFromJson(offer.value, '/value');
  // The value is in the claim's currency already (checkShape): a cap in another is the
  // shop's limit and the claim disagreeing, which requireSameCurrency would word backwards.
  if (value.currency !== cap.currency) {
    const message = `the shop's maxGiftValue is in ${cap.currency} and this claim is in ${value.currency}: no rule converts currencies, so a ${offer.kind} on it cannot be held to the limit`;
    throw new DomainError('currency-mismatch', message, '/value/currency');
  }
  if (value.amount.gt(cap.amount)) {
    const maximum = formatMoney(cap);
    const message = `a ${offer.kind} of ${formatMoney(value)} is above the shop's maxGiftValue (${maximum})`;
    throw new RemedyLimitError(pointer, limit, maximum, message);
  }
}

/**
 * Whether an offer may be made on the claim within the shop's limits, before it has a number
 * (so a refused offer takes none).
 *
 * @throws {DomainError} `invalid-input`, `currency-mismatch`, `remedy-over-limit`,
 *   `remedy-limits-unset`, `claim-cancelled`
 * @example checkOffer({ kind: 'free_delivery' }, context) // passes
 */
export function checkOffer(
  offer: RemedyOffer,
  context: Pick<OfferContext, 'claimId' | 'claimStatus' | 'currency' | 'limits'>,
): void {
  requireOpenForRemedies(context.claimId, context.claimStatus);
  checkShape(offer, context.currency);
  checkLimits(offer, context.limits);
}

/**
 * A new offer, checked against the claim and the shop's limits.
 *
 * @throws {DomainError} `invalid-input`, `currency-mismatch`, `remedy-over-limit`,
 *   `remedy-limits-unset`, `claim-cancelled`
 * @example offerRemedy({ kind: 'discount_next_order', percent: 10 }, context) // { id: 'rm_1', status: 'offered', … }
 */
export function offerRemedy(offer: RemedyOffer, context: OfferContext): Remedy {
  checkOffer(offer, context);
  return {
    id: context.id,
    claimId: context.claimId,
    kind: offer.kind,
    ...(offer.value !== undefined ? { value: offer.value } : {}),
    ...(offer.percent !== undefined ? { percent: offer.percent } : {}),
    ...(offer.note !== undefined ? { note: offer.note } : {}),
    status: 'offered',
    offeredAt: context.at,
    offeredBy: context.by,
  };
}

/**
 * The customer's answer to an offer: `offered` → `accepted` | `declined`, once.
 *
 * @throws {RemedySettledError} when it was already answered.
 * @example answerRemedy(remedy, 'accepted', { at, by: 'demo-shop' }).status // 'accepted'
 */
export function answerRemedy(
  remedy: Remedy,
  answer: RemedyAnswer,
  by: { at: string; by: string },
): Remedy {
  if (remedy.status !== 'offered') throw new RemedySettledError(remedy.id, remedy.status, answer);
  return { ...remedy, status: answer, answeredAt: by.at, answeredBy: by.by };
}

/**
 * The customer's side of a claim: every remedy, and the money of the accepted ones
 * (a discount is a percent of an order not yet placed, so it adds nothing).
 *
 * @example customerSide([], 'RUB') // { remedies: [], given: { amount: '0.00', currency: 'RUB' } }
 */
export function customerSide(remedies: readonly Remedy[], currency: CurrencyCode): CustomerSide {
  let given = new Big(0);
  for (const remedy of remedies) {
    if (remedy.status === 'accepted' && remedy.value?.currency === currency) {
      given = given.plus(remedy.value.amount);
    }
  }
  return {
    remedies: [...remedies],
    given: toMoneyJson({ amount: given, currency }),
  };
}
