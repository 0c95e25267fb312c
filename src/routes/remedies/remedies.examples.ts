/**
 * The remedies' examples in the spec, made by the domain's own rules (so they
 * are what the API answers, not prose).
 */
import { answerRemedy, customerSide, offerRemedy, type OfferContext } from '../../domain/remedy';

const context: OfferContext = {
  claimStatus: 'in_review',
  currency: 'RUB',
  limits: { maxDiscountPercent: 15, maxGiftValue: { amount: '1000.00', currency: 'RUB' } },
  id: 'rm_1',
  claimId: 'clm_3f2b8c1d4e5f60718293a4b5c6d7e8f9',
  at: '2025-06-16T09:10:00.000Z',
  by: 'demo-shop',
};

const discount = offerRemedy({ kind: 'discount_next_order', percent: 10 }, context);
const voucher = offerRemedy(
  { kind: 'voucher', value: { amount: '500.00', currency: 'RUB' }, note: 'Sorry for the wait' },
  { ...context, id: 'rm_2', at: '2025-06-16T09:12:00.000Z' },
);
const accepted = answerRemedy(voucher, 'accepted', {
  at: '2025-06-16T11:00:00.000Z',
  by: 'demo-shop',
});

export const remedyExamples = {
  offered: discount,
  accepted,
  list: { items: [discount, accepted] },
  customer: customerSide([discount, accepted], 'RUB'),
};

/** Offers as a shop sends them (POST /v1/claims/{id}/remedies), one per kind of limit. */
export const offerExamples = {
  discount: {
    summary: 'A discount on the next order (at most `maxDiscountPercent`)',
    value: { kind: 'discount_next_order', percent: 10 },
  },
  gift: {
    summary: 'A gift (its value at most `maxGiftValue`)',
    value: { kind: 'gift', value: { amount: '800.00', currency: 'RUB' }, note: 'A box of tea' },
  },
  refund: {
    summary: 'A refund: never capped',
    value: { kind: 'refund', value: { amount: '2500.00', currency: 'RUB' } },
  },
};
