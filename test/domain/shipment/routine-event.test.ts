/**
 * The rule that lets storage append a routine event without reading the shipment: on a
 * shipment on its way, it changes nothing the item stores but the events. Checked over every
 * history of up to three events drawn from all kinds (reschedules and re-measurements among
 * them), each routine status added early, late and at the same instant, in both policies'
 * readings of a reschedule.
 */
import { describe, expect, it } from 'vitest';
import { getCalendar } from '../../../src/domain/calendar';
import { DomainError } from '../../../src/domain/errors';
import { resolvePolicy, type CarrierPolicy } from '../../../src/domain/policies';
import {
  checkEvent,
  checkRoutineEvent,
  isRoutineEvent,
  JOURNEY_END_STATUSES,
  onItsWay,
  SHIPMENT_STATUSES,
  summarizeShipment,
  type ShipmentEvent,
  type ShipmentFacts,
  type StatusEvent,
} from '../../../src/domain/shipment';

const cdek = resolvePolicy('cdek');
const moving: CarrierPolicy = {
  ...cdek,
  shipments: {
    ...cdek.shipments,
    rescheduleMovesDeadline: ['courier_late', 'supplier_late', 'other'],
  },
};
const RU = getCalendar('RU');
const facts: ShipmentFacts = {
  shipmentId: 's1',
  carrier: 'cdek',
  packages: [{ lengthCm: '40', widthCm: '30', heightCm: '20', weightKg: '2.5' }],
  packaging: [{ item: 'crate_m' }],
  deliveryCost: { amount: '500.00', currency: 'RUB' },
  deliveryPaid: true,
  shippedDate: '2025-03-07',
  promisedDate: '2025-03-11',
};
const at = (day: number, hour = 10) =>
  `2025-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+03:00`;

const pool: ShipmentEvent[] = [
  ...SHIPMENT_STATUSES.map((status, i) => ({
    eventId: `p-${status}`,
    status,
    at: at(8 + (i % 6)),
  })),
  {
    eventId: 'p-res',
    status: 'rescheduled',
    at: at(9),
    promisedDate: '2025-03-14',
    reason: 'courier_late',
  },
  {
    eventId: 'p-rem',
    status: 'remeasured',
    at: at(9, 12),
    packages: [{ lengthCm: '50', widthCm: '40', heightCm: '30', weightKg: '3' }],
    charged: { amount: '650.00', currency: 'RUB' },
  },
] as ShipmentEvent[];

function* histories(length: number, from = 0): Generator<ShipmentEvent[]> {
  yield [];
  if (length === 0) return;
  for (let i = from; i < pool.length; i++) {
    for (const rest of histories(length - 1, i + 1)) yield [pool[i]!, ...rest];
  }
}

const routine = SHIPMENT_STATUSES.filter((s) => !JOURNEY_END_STATUSES.includes(s));

describe('a routine event', () => {
  it('is a status report that neither ends the way nor changes the facts', () => {
    const kinds = pool.filter(isRoutineEvent).map((e) => e.status);
    expect(kinds).toEqual(routine);
    expect(routine).not.toContain('delivered');
  });

  it('on a shipment on its way changes neither that nor the deadline nor the late-index date', () => {
    let checked = 0;
    for (const policy of [cdek, moving]) {
      for (const events of histories(3)) {
        if (!onItsWay(events)) continue;
        for (const status of routine) {
          for (const when of [at(7), at(10), at(20)]) {
            const added: StatusEvent = { eventId: `new-${status}`, status, at: when };
            const ctx = { policy, calendar: RU, today: '2025-03-25' };
            const before = summarizeShipment(facts, events, ctx);
            const after = summarizeShipment(facts, [...events, added], ctx);
            expect(onItsWay([...events, added])).toBe(true);
            expect(after.watchDate).toBe(before.watchDate);
            expect(after.deadline).toEqual(before.deadline);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  }, 60_000);

  it('is checked as checkEvent checks it, without the facts', () => {
    const bad: StatusEvent = { eventId: 'x', status: 'in_transit', at: 'yesterday' };
    expect(() => checkRoutineEvent(bad)).toThrow(DomainError);
    expect(() => checkEvent(facts, bad, cdek)).toThrow(DomainError);
    const good: StatusEvent = { eventId: 'x', status: 'in_transit', at: at(1) };
    expect(() => checkRoutineEvent(good)).not.toThrow();
    // Before the shipping date matters only for a delivery, never for a routine report.
    expect(() => checkEvent(facts, good, cdek)).not.toThrow();
  });
});

describe('a shipment on its way', () => {
  it('is one whose latest status does not end the way', () => {
    expect(onItsWay([])).toBe(true);
    const delivered = { eventId: 'd', status: 'delivered', at: at(11) } as ShipmentEvent;
    const later = { eventId: 't', status: 'in_transit', at: at(12) } as ShipmentEvent;
    expect(onItsWay([delivered])).toBe(false);
    // The latest report wins, as for the status: a later routine report puts it back on its way.
    expect(onItsWay([delivered, later])).toBe(true);
  });
});
