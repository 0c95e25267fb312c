/**
 * Issue 21: a claim the carrier accepted (late or lost) stops the shipment's lateness from
 * growing past the claim's filing day; a rejected, withdrawn or open claim stops nothing.
 */
import { describe, expect, it } from 'vitest';
import { getCalendar } from '../../../src/domain/calendar';
import { resolvePolicy } from '../../../src/domain/policies';
import {
  latenessStop,
  shownClaim,
  summarizeShipment,
  type ShipmentClaimRef,
  type ShipmentEvent,
  type ShipmentFacts,
} from '../../../src/domain/shipment';
import { orderInputExample } from '../../../src/schemas/shipment.examples';

const ctx = (today: string, stopsOn?: string) => ({
  policy: resolvePolicy('cdek'),
  calendar: getCalendar('RU'),
  today,
  ...(stopsOn === undefined ? {} : { stopsOn }),
});
// Shipped 2 June 2025, promised by the 5th, 500 RUB.
const facts: ShipmentFacts = orderInputExample.shipments[0]!;
const ref = (over: Partial<ShipmentClaimRef>): ShipmentClaimRef => ({
  id: 'clm_1',
  type: 'lost',
  status: 'submitted',
  amount: { amount: '500.00', currency: 'RUB' },
  createdAt: '2025-03-14T09:00:00.000Z',
  ...over,
});

describe('latenessStop', () => {
  it.each([
    ['approved', 'lost'],
    ['partially_approved', 'lost'],
    ['paid', 'lost'],
    ['approved', 'late'],
    ['paid', 'late'],
  ] as const)('stops at the filing day of an %s %s claim', (status, type) => {
    expect(latenessStop([ref({ status, type })])?.on).toBe('2025-03-14');
  });

  it.each([
    ['submitted', 'lost'],
    ['in_review', 'late'],
    ['needs_info', 'late'],
    ['rejected', 'lost'],
    ['cancelled', 'late'],
    ['paid', 'damaged'],
  ] as const)('does not stop for a %s %s claim', (status, type) => {
    expect(latenessStop([ref({ status, type })])).toBeUndefined();
  });

  it('takes the earliest filed of several accepted claims', () => {
    const early = ref({ id: 'clm_a', status: 'paid', createdAt: '2025-03-13T23:59:00.000Z' });
    const later = ref({ id: 'clm_b', status: 'approved', type: 'late' });
    expect(latenessStop([later, early])).toEqual({ claim: early, on: '2025-03-13' });
  });
});

describe('shownClaim', () => {
  it('shows the claim that stopped the lateness, else the latest filed, else none', () => {
    const paid = ref({ id: 'clm_paid', status: 'paid', createdAt: '2025-03-12T09:00:00.000Z' });
    const open = ref({ id: 'clm_open', type: 'late', createdAt: '2025-03-20T09:00:00.000Z' });
    expect(shownClaim([open, paid])).toBe(paid);
    expect(shownClaim([ref({ id: 'clm_old' }), open])).toBe(open);
    expect(shownClaim([])).toBeUndefined();
  });
});

describe('lateness with a stop', () => {
  it('no longer grows after the stop while the parcel is on its way', () => {
    const stopped = summarizeShipment(facts, [], ctx('2025-07-30', '2025-06-11')).lateness;
    const thatDay = summarizeShipment(facts, [], ctx('2025-06-11')).lateness;
    expect(stopped).toEqual(thatDay);
    // 6, 9, 10 and 11 June: 4 business days at 3 % of 500 RUB.
    expect(stopped).toMatchObject({ lateUntil: '2025-06-11', businessDaysLate: 4 });
    expect(stopped?.amount.amount).toBe('60.00');
  });

  it('counts up to a delivery before the stop, and up to the stop for one after it', () => {
    const delivered = (day: string) =>
      [{ eventId: 'd', status: 'delivered', at: `${day}T12:00:00+03:00` }] as ShipmentEvent[];
    const early = summarizeShipment(
      facts,
      delivered('2025-06-10'),
      ctx('2025-07-30', '2025-06-11'),
    );
    expect(early.lateness).toMatchObject({ delivered: true, lateUntil: '2025-06-10' });
    const late = summarizeShipment(facts, delivered('2025-06-20'), ctx('2025-07-30', '2025-06-11'));
    expect(late.lateness).toMatchObject({ delivered: false, lateUntil: '2025-06-11' });
    // Still owed for lateness: it stays in the late view.
    expect(late.lateViewDate).toBe('2025-06-05');
  });

  it('changes nothing while the stop is today or later', () => {
    const today = summarizeShipment(facts, [], ctx('2025-06-11')).lateness;
    expect(summarizeShipment(facts, [], ctx('2025-06-11', '2025-06-11')).lateness).toEqual(today);
    expect(summarizeShipment(facts, [], ctx('2025-06-11', '2025-06-20')).lateness).toEqual(today);
  });
});
