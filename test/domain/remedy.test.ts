import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors';
import {
  answerRemedy,
  customerSide,
  limitOf,
  offerRemedy,
  remedyId,
  remedyPosition,
  RemedyLimitError,
  RemedySettledError,
  type OfferContext,
  type RemedyOffer,
} from '../../src/domain/remedy';

const rub = (amount: string) => ({ amount, currency: 'RUB' as const });
const context: OfferContext = {
  claimStatus: 'submitted',
  currency: 'RUB',
  limits: { maxDiscountPercent: 15, maxGiftValue: rub('1000.00') },
  id: 'rm_1',
  claimId: 'clm_1',
  at: '2025-06-16T09:00:00.000Z',
  by: 'demo-shop',
};

/** The domain error an offer is refused with. */
const refusal = (offer: RemedyOffer, ctx: Partial<OfferContext> = {}): DomainError => {
  try {
    offerRemedy(offer, { ...context, ...ctx });
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the offer was accepted');
};

describe('offering a remedy', () => {
  it('records an offer with who made it and when, status offered', () => {
    expect(
      offerRemedy({ kind: 'refund', value: rub('2500.00'), note: 'full price' }, context),
    ).toEqual({
      id: 'rm_1',
      claimId: 'clm_1',
      kind: 'refund',
      value: rub('2500.00'),
      note: 'full price',
      status: 'offered',
      offeredAt: '2025-06-16T09:00:00.000Z',
      offeredBy: 'demo-shop',
    });
    const discount = offerRemedy({ kind: 'discount_next_order', percent: 15 }, context);
    expect(discount).toMatchObject({ percent: 15, status: 'offered' });
    expect(discount).not.toHaveProperty('value');
  });

  it('takes a percent for a discount only, and money for the others', () => {
    expect(refusal({ kind: 'discount_next_order' })).toMatchObject({
      code: 'invalid-input',
      pointer: '/percent',
    });
    expect(refusal({ kind: 'discount_next_order', percent: 5, value: rub('1.00') })).toMatchObject({
      code: 'invalid-input',
      pointer: '/value',
    });
    expect(refusal({ kind: 'gift', percent: 5, value: rub('1.00') })).toMatchObject({
      code: 'invalid-input',
      pointer: '/percent',
    });
    for (const kind of ['refund', 'voucher', 'gift'] as const) {
      expect(refusal({ kind })).toMatchObject({ code: 'invalid-input', pointer: '/value' });
    }
    // What needs no sum may still say what it cost the shop.
    expect(offerRemedy({ kind: 'free_delivery' }, context).value).toBeUndefined();
    expect(offerRemedy({ kind: 'repair', value: rub('700.00') }, context).value).toEqual(
      rub('700.00'),
    );
    expect(refusal({ kind: 'refund', value: rub('0.00') })).toMatchObject({
      pointer: '/value/amount',
    });
  });

  it('keeps the claim’s currency, so what was given is one sum', () => {
    const usd = { amount: '10.00', currency: 'USD' as const };
    expect(refusal({ kind: 'refund', value: usd })).toMatchObject({
      code: 'currency-mismatch',
      pointer: '/value/currency',
    });
  });

  it('refuses more than the shop’s limits, naming the limit and its value', () => {
    const discount = refusal({ kind: 'discount_next_order', percent: 16 });
    expect(discount).toBeInstanceOf(RemedyLimitError);
    expect(discount).toMatchObject({
      code: 'remedy-over-limit',
      pointer: '/percent',
      params: { limit: 'maxDiscountPercent', maximum: '15%' },
    });
    for (const kind of ['gift', 'voucher'] as const) {
      expect(refusal({ kind, value: rub('1000.01') })).toMatchObject({
        code: 'remedy-over-limit',
        pointer: '/value/amount',
        params: { limit: 'maxGiftValue', maximum: '1000.00 RUB' },
      });
      // Exactly the limit is within it.
      expect(offerRemedy({ kind, value: rub('1000.00') }, context).status).toBe('offered');
    }
    // A refund is the customer's own money back: no limit caps it.
    expect(offerRemedy({ kind: 'refund', value: rub('99999.00') }, context).status).toBe('offered');
    expect(limitOf('refund')).toBeUndefined();
    expect(limitOf('replacement')).toBeUndefined();
  });

  it('offers nothing a limit caps until the shop has set its limits; the rest it may', () => {
    for (const offer of [
      { kind: 'discount_next_order', percent: 1 },
      { kind: 'gift', value: rub('1.00') },
      { kind: 'voucher', value: rub('1.00') },
    ] as const) {
      expect(refusal(offer, { limits: undefined })).toMatchObject({ code: 'remedy-limits-unset' });
    }
    const noLimits = { ...context, limits: undefined };
    expect(offerRemedy({ kind: 'replacement' }, noLimits).status).toBe('offered');
    expect(offerRemedy({ kind: 'refund', value: rub('10.00') }, noLimits).status).toBe('offered');
  });

  it('refuses a withdrawn claim', () => {
    expect(refusal({ kind: 'free_delivery' }, { claimStatus: 'cancelled' })).toMatchObject({
      code: 'claim-cancelled',
    });
    // Settled otherwise (paid, rejected), the customer may still be made amends.
    expect(
      offerRemedy({ kind: 'free_delivery' }, { ...context, claimStatus: 'rejected' }).status,
    ).toBe('offered');
  });
});

describe('the customer’s answer', () => {
  const offered = offerRemedy({ kind: 'voucher', value: rub('500.00') }, context);
  const by = { at: '2025-06-17T10:00:00.000Z', by: 'clerk:k1' };

  it('moves an offer to accepted or declined, once', () => {
    const accepted = answerRemedy(offered, 'accepted', by);
    expect(accepted).toMatchObject({
      status: 'accepted',
      answeredAt: by.at,
      answeredBy: 'clerk:k1',
    });
    expect(answerRemedy(offered, 'declined', by).status).toBe('declined');
    expect(() => answerRemedy(accepted, 'declined', by)).toThrow(RemedySettledError);
    expect(() => answerRemedy(accepted, 'accepted', by)).toThrow(/already accepted/);
    try {
      answerRemedy(answerRemedy(offered, 'declined', by), 'accepted', by);
    } catch (error) {
      expect(error).toMatchObject({ code: 'remedy-settled', currentStatus: 'declined' });
    }
  });

  it('counts only the accepted money as given', () => {
    const refund = offerRemedy(
      { kind: 'refund', value: rub('1200.50') },
      { ...context, id: 'rm_2' },
    );
    const gift = offerRemedy({ kind: 'gift', value: rub('300.25') }, { ...context, id: 'rm_3' });
    const discount = offerRemedy({ kind: 'discount_next_order', percent: 10 }, context);
    const side = customerSide(
      [
        answerRemedy(offered, 'accepted', by),
        answerRemedy(refund, 'accepted', by),
        answerRemedy(gift, 'declined', by),
        answerRemedy(discount, 'accepted', by),
      ],
      'RUB',
    );
    expect(side.given).toEqual(rub('1700.50'));
    expect(side.remedies).toHaveLength(4);
    expect(customerSide([], 'KZT').given).toEqual({ amount: '0.00', currency: 'KZT' });
  });

  it('numbers the remedies of a claim', () => {
    expect(remedyId(12)).toBe('rm_12');
    expect(remedyPosition('rm_12')).toBe(12);
    expect(remedyPosition('rm_0')).toBeUndefined();
    expect(remedyPosition('rm_1x')).toBeUndefined();
  });
});
