/**
 * Every refusal a desk form can get says why, in the page's language (issue 21): each rule
 * the services apply to a move, an offer or a filing is run here until it refuses, and the
 * desk's text for it must be its own Russian with the rule's params (amounts written the
 * Russian way), never the generic «недопустимое значение».
 */
import { describe, expect, it } from 'vitest';
import { getCalendar } from '../../src/domain/calendar';
import { applyCommand, fileClaim, type Claim, type ClaimCommand } from '../../src/domain/claim';
import { prepareClaim, type ClaimFiling } from '../../src/domain/claim/filing';
import { DomainError } from '../../src/domain/errors';
import { resolvePolicy } from '../../src/domain/policies';
import { checkOffer, type RemedyOffer } from '../../src/domain/remedy';
import {
  shipmentFiling,
  summarizeShipment,
  type ShipmentClaimRequest,
  type ShipmentFacts,
} from '../../src/domain/shipment';
import { fieldErrorText } from '../../src/desk/i18n/field-errors';
import { domainIssue } from '../../src/http/field-issues';

const cdek = resolvePolicy('cdek');
const RU = getCalendar('RU');
const TODAY = '2025-06-16';
const AT = `${TODAY}T09:00:00.000Z`;
const rub = (amount: string) => ({ amount, currency: 'RUB' as const });
/** Intl groups digits with (narrow) no-break spaces; compare on plain ones. */
const plain = (s: string) => s.replace(/\s/g, ' ');

const lost: ClaimFiling = {
  type: 'lost',
  carrier: 'cdek',
  waybill: 'WB-1',
  shippedDate: '2025-06-06',
  shipment: { deliveryCost: rub('500.00'), deliveryPaid: true },
  claimant: { name: 'Anna', email: 'anna@example.com', phone: '+7 900 000-00-00' },
  description: 'Lost.',
  evidence: [],
};
const late: ClaimFiling = {
  ...lost,
  type: 'late',
  shipment: {
    deliveryCost: rub('500.00'),
    promisedDate: '2025-06-10',
    deliveredDate: '2025-06-10',
  },
};

const refusalOf = (run: () => unknown): DomainError => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('nothing was refused');
};

const file = (filing: ClaimFiling): Claim =>
  fileClaim(
    prepareClaim(filing, { policy: cdek, calendar: RU, shopId: 's', today: TODAY, at: AT }),
    {
      id: 'clm_1',
      at: AT,
      by: { role: 'shop', id: 's' },
    },
  ).claim;
const ctx = { at: AT, today: TODAY, by: { role: 'clerk' as const, id: 'clerk:k1' } };
const moved = (claim: Claim, ...commands: ClaimCommand[]): Claim =>
  commands.reduce((c, command) => applyCommand(c, command, ctx).claim, claim);
/** A lost claim (computed 3000.00 RUB, the flat sum), approved at 1000.00 RUB. */
const approved = () =>
  moved(
    file(lost),
    { type: 'review' },
    {
      type: 'decide',
      decision: 'partially_approved',
      reason: 'Part',
      approvedAmount: rub('1000.00'),
    },
  );
const inReview = () => moved(file(lost), { type: 'review' });
const command = (claim: Claim, c: ClaimCommand) => () => applyCommand(claim, c, ctx);
const pay = (amount: string, paidOn = TODAY) =>
  command(approved(), { type: 'pay', amount: rub(amount), paidOn, reference: 'PP-1' });

const offer =
  (o: RemedyOffer, limits = true) =>
  () =>
    checkOffer(o, {
      claimId: 'clm_1',
      claimStatus: 'in_review',
      currency: 'RUB',
      limits: limits ? { maxDiscountPercent: 15, maxGiftValue: rub('1000.00') } : undefined,
    });

const shipment = (over: Partial<ShipmentFacts>) => {
  const facts: ShipmentFacts = {
    shipmentId: 's1',
    carrier: 'cdek',
    packages: [{ lengthCm: '10', widthCm: '10', heightCm: '10', weightKg: '1' }],
    packaging: [],
    deliveryCost: rub('500.00'),
    deliveryPaid: true,
    shippedDate: '2025-06-02',
    promisedDate: '2025-06-05',
    ...over,
  };
  const summary = summarizeShipment(facts, [], { policy: cdek, calendar: RU, today: TODAY });
  return { ...facts, ...summary, orderId: 'O-1' };
};
const request: ShipmentClaimRequest = { type: 'late', description: 'Late', evidence: [] };

/** Each refusal, and what its Russian must say. */
const CASES: readonly [string, () => unknown, RegExp][] = [
  // Moves: decide and pay.
  [
    'a rejection without a reason',
    command(inReview(), { type: 'decide', decision: 'rejected' }),
    /обязательное/,
  ],
  [
    'a partial approval of 0',
    command(inReview(), {
      type: 'decide',
      decision: 'partially_approved',
      reason: 'r',
      approvedAmount: rub('0.00'),
    }),
    /больше нуля/,
  ],
  [
    'an approval above the computed amount',
    command(inReview(), {
      type: 'decide',
      decision: 'partially_approved',
      reason: 'r',
      approvedAmount: rub('9000.00'),
    }),
    /расчётной суммы 3 000,00 ₽/,
  ],
  [
    'a full approval below the computed amount',
    command(inReview(), { type: 'decide', decision: 'approved', approvedAmount: rub('100.00') }),
    /меньше расчётной суммы 3 000,00 ₽/,
  ],
  ['a payment above the approved amount', pay('1500.00'), /не больше 1 000,00 ₽/],
  ['a payment of 0', pay('0.00'), /больше нуля/],
  ['a payment dated tomorrow and a day', pay('500.00', '2025-06-18'), /ещё не наступило/],
  ['a payment dated before the filing', pay('500.00', '2025-06-01'), /раньше даты подачи/],
  // Remedies.
  ['an offer of 0', offer({ kind: 'refund', value: rub('0.00') }), /больше нуля/],
  ['a gift above the limit', offer({ kind: 'gift', value: rub('1500.00') }), /не выше 1 000,00 ₽/],
  [
    'a discount above the limit',
    offer({ kind: 'discount_next_order', percent: 20 }),
    /не выше 15%/,
  ],
  ['a gift with no limits set', offer({ kind: 'gift', value: rub('10.00') }, false), /пределы/],
  ['a refund with no value', offer({ kind: 'refund' }), /обязательное/],
  [
    'a discount with money',
    offer({ kind: 'discount_next_order', value: rub('1.00') }),
    /что-то одно/,
  ],
  [
    'a voucher in another currency',
    offer({ kind: 'voucher', value: { amount: '1.00', currency: 'USD' } }),
    /валюте/,
  ],
  // Filing, by phone and from a shipment.
  ['a parcel that was not late', () => file(late), /нет ни одного рабочего дня просрочки/],
  [
    'a filing after the window closed',
    () => file({ ...lost, shippedDate: '2024-06-01' }),
    /истёк 1 декабря 2024 г\.: .* в течение 6 месяцев/,
  ],
  [
    'a delivery before the shipping',
    () => file({ ...late, shipment: { ...late.shipment, shippedDate: '2025-06-12' } }),
    /раньше/,
  ],
  [
    'a lost parcel insured in another currency',
    () =>
      file({
        ...lost,
        shipment: {
          ...lost.shipment,
          insurance: { declaredValue: { amount: '1.00', currency: 'USD' } },
        },
      }),
    /валюте/,
  ],
  [
    'a shipment with no waybill',
    () => shipmentFiling(shipment({}), lost.claimant, request, TODAY),
    /нет номера накладной/,
  ],
];

describe('a refused form field says why, in Russian', () => {
  it.each(CASES)('%s', (_, run, expected) => {
    const text = plain(fieldErrorText('ru', domainIssue(refusalOf(run))));
    expect(text).toMatch(expected);
    expect(text).not.toMatch(/недопустимое значение/);
    expect(text).not.toMatch(/[a-z]{3,}/);
  });

  it('writes amounts the English way on an English page', () => {
    const issue = domainIssue(refusalOf(pay('1500.00')));
    expect(plain(fieldErrorText('en', issue))).toBe(
      'amount must be above 0 and at most the approved RUB 1,000.00',
    );
  });

  it('still says why in the API’s words when a rule has no Russian yet', () => {
    const issue = { code: 'invalid_input', params: {}, message: 'needs 12.50 RUB more' } as const;
    expect(plain(fieldErrorText('ru', issue))).toBe('недопустимое значение: needs 12,50 ₽ more');
  });
});
