import { describe, expect, it } from 'vitest';
import { getCalendar } from '../../../src/domain/calendar';
import { computeLate } from '../../../src/domain/compensation';
import { DomainError } from '../../../src/domain/errors';
import { resolvePolicy, type CarrierPolicy } from '../../../src/domain/policies';
import {
  orderStatus,
  recordEvent,
  summarizeShipment,
  checkEvent,
  type ShipmentEvent,
  type ShipmentFacts,
} from '../../../src/domain/shipment';
import { computeWeight } from '../../../src/domain/weight';

const cdek = resolvePolicy('cdek');
const RU = getCalendar('RU');
const ctx = (today: string, policy: CarrierPolicy = cdek) => ({ policy, calendar: RU, today });

const facts = (over: Partial<ShipmentFacts> = {}): ShipmentFacts => ({
  shipmentId: 's1',
  carrier: 'cdek',
  packages: [{ lengthCm: '40', widthCm: '30', heightCm: '20', weightKg: '2.5' }],
  packaging: [{ item: 'crate_m' }, { item: 'envelope_a4' }],
  deliveryCost: { amount: '500.00', currency: 'RUB' },
  deliveryPaid: true,
  shippedDate: '2025-03-07',
  promisedDate: '2025-03-11',
  ...over,
});
const status = (eventId: string, s: ShipmentEvent['status'], at: string) =>
  ({ eventId, status: s, at }) as ShipmentEvent;

describe('a shipment’s charges', () => {
  it('are the tariff plus each packaging item at the catalogue price, explained line by line', () => {
    const { charges } = summarizeShipment(facts(), [], ctx('2025-03-10'));
    expect(charges.items.map((i) => [i.kind, i.item ?? null, i.amount.amount])).toEqual([
      ['tariff', null, '500.00'],
      ['packaging', 'crate_m', '130.00'],
      ['packaging', 'envelope_a4', '15.00'],
    ]);
    expect(charges.total).toEqual({ amount: '645.00', currency: 'RUB' });
    expect(charges.lines.map((l) => l.key)).toEqual([
      'charges.tariff',
      'charges.packaging',
      'charges.packaging',
      'charges.total',
      'charges.delivery_cost.tariff',
    ]);
  });

  it('count only the tariff as the delivery cost under cdek, and the lines say so', () => {
    const { charges } = summarizeShipment(facts(), [], ctx('2025-03-10'));
    expect(charges.deliveryCost).toEqual({ amount: '500.00', currency: 'RUB' });
    expect(charges.lines.at(-1)?.text).toContain('tariff alone, 500.00 RUB');
  });

  it('count packaging too when a policy says the delivery cost includes it', () => {
    const policy = {
      ...cdek,
      shipments: { ...cdek.shipments, deliveryCostIncludes: 'tariff_and_packaging' as const },
    };
    const { charges, lateness } = summarizeShipment(
      facts({ promisedDate: '2025-03-11' }),
      [status('d', 'delivered', '2025-03-13T12:00:00+03:00')],
      ctx('2025-03-20', policy),
    );
    expect(charges.deliveryCost.amount).toBe('645.00');
    // 3 % × 2 business days × 645.00
    expect(lateness?.amount.amount).toBe('38.70');
  });

  it('refuse a packaging item the carrier does not sell, naming it and where it is', () => {
    const run = () =>
      summarizeShipment(facts({ packaging: [{ item: 'crate_xl' }] }), [], ctx('2025-03-10'));
    expect(run).toThrow(DomainError);
    expect(run).toThrow(/crate_xl/);
    try {
      run();
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalid-input', pointer: '/packaging/0/item' });
    }
  });

  it('price every catalogue item exactly as the carrier FAQ lists it', () => {
    const prices = Object.fromEntries(cdek.packaging.map((p) => [p.id, p.price.amount]));
    expect(prices).toEqual({
      crate_s: '60.00',
      crate_m: '130.00',
      crate_l: '250.00',
      envelope_a2: '30.00',
      envelope_a3: '20.00',
      envelope_a4: '15.00',
      envelope_a5: '15.00',
    });
    expect(cdek.packaging.find((p) => p.id === 'envelope_a2')?.sizeMm).toEqual({
      width: 495,
      height: 590,
      flap: 50,
    });
  });

  it('carry the weight calculator’s chargeable weight', () => {
    const { weight } = summarizeShipment(facts(), [], ctx('2025-03-10'));
    expect(weight).toEqual(computeWeight({ packages: facts().packages }, { policy: cdek }));
    expect(weight.totalChargeableKg).toBe('4.800');
  });
});

describe('status events', () => {
  it('start a shipment as created', () => {
    expect(summarizeShipment(facts(), [], ctx('2025-03-10')).status).toBe('created');
  });

  it('ignore a repeated event id (carriers resend)', () => {
    const first = status('e1', 'in_transit', '2025-03-08T10:00:00+03:00');
    const once = recordEvent([], first);
    const twice = recordEvent(once.events, { ...first, status: 'delivered' });
    expect(twice.duplicate).toBe(true);
    expect(twice.events).toEqual([first]);
  });

  it('take the status of the latest `at`, whatever order they arrive in', () => {
    const events = [
      status('e3', 'delivered', '2025-03-10T15:00:00+03:00'),
      status('e1', 'handed_to_delivery', '2025-03-07T10:00:00+03:00'),
      status('e2', 'in_transit', '2025-03-08T10:00:00+03:00'),
    ];
    const summary = summarizeShipment(facts(), events, ctx('2025-03-20'));
    expect(summary.status).toBe('delivered');
    expect(summary.deliveredDate).toBe('2025-03-10');
    expect(summary.events.map((e) => e.eventId)).toEqual(['e1', 'e2', 'e3']);
  });

  it('order instants across offsets by the instant, and date them by the local day', () => {
    // 23:30 in Moscow on the 10th is 20:30 UTC: earlier than 21:00 UTC on the 10th.
    const events = [
      status('a', 'with_courier', '2025-03-10T21:00:00Z'),
      status('b', 'delivered', '2025-03-10T23:30:00+03:00'),
    ];
    expect(summarizeShipment(facts(), events, ctx('2025-03-20')).status).toBe('with_courier');
  });

  it('refuse a delivery dated before the shipping date, pointing at `at`', () => {
    const event = status('d', 'delivered', '2025-03-01T10:00:00+03:00');
    const now = '2025-03-20T09:00:00.000Z';
    expect(() => checkEvent(facts(), event, cdek, { now })).toThrow(/before the shipping date/);
  });
});

describe('an order’s status', () => {
  it('follows its last shipment to be delivered', () => {
    expect(orderStatus(['awaiting_pickup', 'handed_to_delivery'])).toBe('handed_to_delivery');
    expect(orderStatus(['delivered', 'received'])).toBe('delivered');
  });

  it('ignores cancelled shipments, unless all are cancelled', () => {
    expect(orderStatus(['cancelled', 'in_transit'])).toBe('in_transit');
    expect(orderStatus(['cancelled', 'cancelled'])).toBe('cancelled');
  });
});

describe('lateness', () => {
  it('gives the late calculator’s figures up to the delivery', () => {
    const events = [status('d', 'delivered', '2025-03-13T12:00:00+03:00')];
    const { lateness, lateViewDate } = summarizeShipment(facts(), events, ctx('2025-04-01'));
    const calculator = computeLate(
      {
        deliveryCost: { amount: '500.00', currency: 'RUB' },
        promisedDate: '2025-03-11',
        shippedDate: '2025-03-07',
        deliveredDate: '2025-03-13',
      },
      { policy: cdek, calendar: RU },
    );
    expect(lateness).toMatchObject({
      late: true,
      delivered: true,
      businessDaysLate: calculator.businessDaysLate,
      amount: calculator.amount,
    });
    expect(lateness?.amount.amount).toBe('30.00');
    expect(lateViewDate).toBe('2025-03-11');
  });

  it('accrues up to today while the parcel is on its way', () => {
    const { lateness } = summarizeShipment(facts(), [], ctx('2025-03-14'));
    expect(lateness).toMatchObject({
      delivered: false,
      lateUntil: '2025-03-14',
      businessDaysLate: 3,
    });
    expect(lateness?.amount.amount).toBe('45.00');
  });

  it('counts from shipped + transit business days when no date was promised', () => {
    const f = facts({ promisedDate: undefined, transitBusinessDays: 2 });
    const { deadline } = summarizeShipment(f, [], ctx('2025-03-14'));
    expect(deadline.promisedDate).toBe('2025-03-11');
  });

  it('is measured against the date first promised: a reschedule is shown, not obeyed', () => {
    const events: ShipmentEvent[] = [
      {
        eventId: 'r',
        status: 'rescheduled',
        at: '2025-03-10T09:00:00+03:00',
        promisedDate: '2025-03-14',
        reason: 'courier_late',
      },
    ];
    const { deadline, lateness } = summarizeShipment(facts(), events, ctx('2025-03-13'));
    expect(deadline).toMatchObject({
      promisedDate: '2025-03-11',
      deadline: '2025-03-11',
      moved: false,
    });
    expect(deadline.lines[0]?.text).toContain('2025-03-14 (courier_late)');
    expect(lateness?.businessDaysLate).toBe(2);
  });

  it('moves the deadline for a reason the policy names', () => {
    const policy = {
      ...cdek,
      shipments: { ...cdek.shipments, rescheduleMovesDeadline: ['supplier_late' as const] },
    };
    const events: ShipmentEvent[] = [
      {
        eventId: 'r',
        status: 'rescheduled',
        at: '2025-03-10T09:00:00+03:00',
        promisedDate: '2025-03-14',
        reason: 'supplier_late',
      },
    ];
    const { deadline, lateness } = summarizeShipment(facts(), events, ctx('2025-03-13', policy));
    expect(deadline).toMatchObject({ deadline: '2025-03-14', moved: true });
    expect(lateness?.late).toBe(false);
  });

  it('leaves the late watch once delivered on time, or cancelled', () => {
    const onTime = [status('d', 'delivered', '2025-03-11T12:00:00+03:00')];
    expect(summarizeShipment(facts(), onTime, ctx('2025-03-20')).lateViewDate).toBeUndefined();
    const cancelled = [status('c', 'cancelled', '2025-03-08T12:00:00+03:00')];
    const summary = summarizeShipment(facts(), cancelled, ctx('2025-03-20'));
    expect(summary.lateViewDate).toBeUndefined();
    expect(summary.lateness).toBeNull();
  });
});

describe('a re-measurement', () => {
  const remeasured: ShipmentEvent = {
    eventId: 'm',
    status: 'remeasured',
    at: '2025-03-08T09:00:00+03:00',
    packages: [{ lengthCm: '50', widthCm: '40', heightCm: '30', weightKg: '2.5' }],
    charged: { amount: '620.00', currency: 'RUB' },
  };

  it('explains both weights, which one won, the divisor and the charge difference', () => {
    const { remeasurement, charges } = summarizeShipment(facts(), [remeasured], ctx('2025-03-10'));
    expect(remeasurement).toMatchObject({
      divisor: 5000,
      declared: { totalChargeableKg: '4.800' },
      measured: { totalChargeableKg: '12.000' },
      quoted: { amount: '500.00' },
      charged: { amount: '620.00' },
      difference: { amount: '120.00' },
    });
    expect(remeasurement?.measured.packages[0]?.basis).toBe('volumetric');
    expect(remeasurement?.lines.map((l) => l.key)).toEqual([
      'remeasure.weights',
      'remeasure.package',
      'remeasure.charge',
    ]);
    expect(remeasurement?.lines[2]?.text).toContain('500.00 RUB → 620.00 RUB');
    // The tariff charged is now the carrier's.
    expect(charges.items[0]?.amount.amount).toBe('620.00');
    expect(charges.deliveryCost.amount).toBe('620.00');
  });
});
