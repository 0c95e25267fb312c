import { describe, expect, it } from 'vitest';
import { getCalendar } from '../../../src/domain/calendar';
import { prepareClaim } from '../../../src/domain/claim/filing';
import { DomainError } from '../../../src/domain/errors';
import type { MoneyJson } from '../../../src/domain/money';
import { resolvePolicy } from '../../../src/domain/policies';
import {
  shipmentFiling,
  summarizeShipment,
  type ShipmentEvent,
  type ShipmentFacts,
  type ShipmentClaimRequest,
  type ShipmentOnFile,
  type ShipmentSummary,
} from '../../../src/domain/shipment';

const cdek = resolvePolicy('cdek');
const RU = getCalendar('RU');
const TODAY = '2025-03-20';
const customer = { name: 'Anna Petrova', email: 'anna@example.com', phone: '+7 900 000-00-00' };
const rub = (amount: string): MoneyJson => ({ amount, currency: 'RUB' });

const facts = (over: Partial<ShipmentFacts> = {}): ShipmentFacts => ({
  shipmentId: 's1',
  carrier: 'cdek',
  waybill: 'WB-1',
  packages: [{ lengthCm: '40', widthCm: '30', heightCm: '20', weightKg: '2.5' }],
  packaging: [{ item: 'crate_m' }],
  deliveryCost: rub('500.00'),
  deliveryPaid: true,
  shippedDate: '2025-03-07',
  promisedDate: '2025-03-11',
  ...over,
});

/** The shipment as the service reads it, as of TODAY. */
function onFile(f: ShipmentFacts, events: ShipmentEvent[] = []): ShipmentOnFile & ShipmentSummary {
  const summary = summarizeShipment(f, events, { policy: cdek, calendar: RU, today: TODAY });
  return { ...f, ...summary, orderId: 'O-1' };
}

const late: ShipmentClaimRequest = { type: 'late', description: 'Arrived late', evidence: [] };
const delivered = (at: string): ShipmentEvent => ({ eventId: 'd', status: 'delivered', at });
const prepare = (filing: ReturnType<typeof shipmentFiling>) =>
  prepareClaim(filing, {
    policy: cdek,
    calendar: RU,
    shopId: 'shop-1',
    today: TODAY,
    at: `${TODAY}T09:00:00.000Z`,
  });

describe('shipmentFiling', () => {
  it('files a late claim from the shipment: its carrier, waybill, shipping date, order and customer', () => {
    const filing = shipmentFiling(onFile(facts()), customer, late, TODAY);
    expect(filing).toMatchObject({
      type: 'late',
      carrier: 'cdek',
      waybill: 'WB-1',
      shippedDate: '2025-03-07',
      orderId: 'O-1',
      shipmentId: 's1',
      claimant: customer,
      description: 'Arrived late',
    });
    // Undelivered: late up to today, from the delivery cost the policy counts (the tariff).
    expect(filing.shipment).toEqual({
      deliveryCost: rub('500.00'),
      promisedDate: '2025-03-11',
      asOf: TODAY,
    });
  });

  it('computes the same amount as the shipment’s lateness shows', () => {
    const shipment = onFile(facts(), [delivered('2025-03-14T12:00:00+03:00')]);
    const filing = shipmentFiling(shipment, customer, late, TODAY);
    expect(filing.shipment).toMatchObject({ deliveredDate: '2025-03-14' });
    const claim = prepare(filing);
    expect(shipment.lateness?.late).toBe(true);
    expect(claim.compensation.amount).toEqual(shipment.lateness?.amount);
    expect(claim.shipmentId).toBe('s1');
  });

  it('measures from the first promise: a courier reschedule does not move it (cdek)', () => {
    const moved: ShipmentEvent = {
      eventId: 'r',
      status: 'rescheduled',
      at: '2025-03-10T09:00:00+03:00',
      promisedDate: '2025-03-18',
      reason: 'courier_late',
    };
    const filing = shipmentFiling(onFile(facts(), [moved]), customer, late, TODAY);
    expect(filing.shipment).toMatchObject({ promisedDate: '2025-03-11' });
  });

  it('resolves a promise given as business days of transit to its date', () => {
    const f = facts({ transitBusinessDays: 2 });
    delete f.promisedDate;
    const filing = shipmentFiling(onFile(f), customer, late, TODAY);
    expect(filing.shipment).toMatchObject({ promisedDate: '2025-03-11' }); // Fri 7th + 2 business days
  });

  it('files lost with the paid delivery cost and the insurance, plus the documented value given', () => {
    const insured = facts({ insurance: { declaredValue: rub('10000.00') } });
    const request: ShipmentClaimRequest = {
      type: 'lost',
      description: 'Lost',
      evidence: [],
      documentedValue: rub('8000.00'),
    };
    const filing = shipmentFiling(onFile(insured), customer, request, TODAY);
    expect(filing.shipment).toEqual({
      deliveryCost: rub('500.00'),
      deliveryPaid: true,
      insurance: { declaredValue: rub('10000.00'), documentedValue: rub('8000.00') },
    });
    const uninsured = shipmentFiling(onFile(facts()), customer, request, TODAY);
    expect(uninsured.shipment).toEqual({
      deliveryCost: rub('500.00'),
      deliveryPaid: true,
      documentedValue: rub('8000.00'),
    });
  });

  it('files damaged with the documented damage the request adds', () => {
    const request: ShipmentClaimRequest = {
      type: 'damaged',
      description: 'Crushed',
      evidence: [{ kind: 'photo', name: 'box.jpg' }],
      documentedDamage: rub('2500.00'),
    };
    const filing = shipmentFiling(onFile(facts()), customer, request, TODAY);
    expect(filing.shipment).toEqual({
      deliveryCost: rub('500.00'),
      documentedDamage: rub('2500.00'),
    });
    expect(filing.evidence).toEqual([{ kind: 'photo', name: 'box.jpg' }]);
  });

  it('refuses a shipment without a waybill or a shipping date, naming the field', () => {
    const noWaybill = facts();
    delete noWaybill.waybill;
    const error = (f: ShipmentFacts) => {
      try {
        shipmentFiling(onFile(f), customer, late, TODAY);
      } catch (e) {
        return e;
      }
      return undefined;
    };
    expect(error(noWaybill)).toBeInstanceOf(DomainError);
    expect(error(noWaybill)).toMatchObject({ code: 'invalid-input', pointer: '/waybill' });
    const unshipped = facts();
    delete unshipped.shippedDate;
    expect(error(unshipped)).toMatchObject({ pointer: '/shippedDate' });
  });

  it('leaves the "not late" refusal to the claim rules', () => {
    const onTime = onFile(facts(), [delivered('2025-03-11T12:00:00+03:00')]);
    const filing = shipmentFiling(onTime, customer, late, TODAY);
    expect(() => prepare(filing)).toThrow(expect.objectContaining({ code: 'not-late' }));
  });
});
