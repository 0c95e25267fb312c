/**
 * The rules that let storage record a status report without reading the shipment
 * (src/domain/shipment/report-effect.ts): on a shipment on its way, a routine report changes
 * nothing the item stores but the events; a report later than every other status report ends
 * the way as `reportEffect` says. Checked against `summarizeShipment` over every history of up
 * to three events drawn from all kinds (reschedules and re-measurements among them), in both
 * policies' readings of a reschedule.
 */
import { describe, expect, it } from 'vitest';
import { getCalendar } from '../../../src/domain/calendar';
import { DomainError } from '../../../src/domain/errors';
import { resolvePolicy, type CarrierPolicy } from '../../../src/domain/policies';
import { addDays } from '../../../src/domain/calendar/dates';
import { computeLate } from '../../../src/domain/compensation';
import {
  checkEvent,
  checkRoutineEvent,
  firstLateDate,
  hasDeliveryReport,
  lateFromOf,
  latestStatusMs,
  parseInstant,
  reportEffect,
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

describe('a report later than every other status report, on a shipment on its way', () => {
  it('ends the way as reportEffect says: cancelled leaves the watch, a delivery stays in it from lateFrom on', () => {
    let checked = 0;
    const deliveries = Array.from({ length: 27 }, (_, i) => addDays('2025-03-05', i));
    for (const policy of [cdek, moving]) {
      for (const events of histories(3)) {
        if (!onItsWay(events) || hasDeliveryReport(events)) continue;
        const ctx = { policy, calendar: RU, today: '2025-04-30' };
        const before = summarizeShipment(facts, events, ctx);
        const lateFrom = lateFromOf(facts, before, ctx);
        expect(lateFrom).toBeDefined();
        const latest = latestStatusMs(events) ?? -Infinity;
        const ends: ShipmentEvent[] = [
          ...deliveries.flatMap((d) =>
            (['delivered', 'received'] as const).map((status) => ({
              eventId: `end-${status}-${d}`,
              status,
              at: `${d}T12:00:00+03:00`,
            })),
          ),
          { eventId: 'end-c', status: 'cancelled', at: at(20) },
        ];
        for (const end of ends) {
          const effect = reportEffect(end);
          if (effect === undefined || effect.kind === 'noted' || effect.ms < latest) continue;
          if (effect.kind === 'delivered' && effect.date < facts.shippedDate!) continue;
          const after = summarizeShipment(facts, [...events, end], ctx);
          expect(onItsWay([...events, end])).toBe(false);
          expect(lateFromOf(facts, after, ctx)).toBeUndefined();
          if (effect.kind === 'cancelled') {
            expect(after.status).toBe('cancelled');
            expect(after.watchDate).toBeUndefined();
          } else {
            if (effect.kind !== 'delivered') throw new Error(`a routine report: ${end.status}`);
            expect(after.status).toBe(end.status);
            expect(after.deliveredDate).toBe(effect.date);
            const late = effect.date >= lateFrom!;
            expect(after.watchDate).toBe(late ? before.watchDate : undefined);
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  }, 60_000);

  it('is told from the report alone; the reports that change facts never are', () => {
    expect(reportEffect({ eventId: 'r', status: 'with_courier', at: at(10) })?.kind).toBe(
      'routine',
    );
    expect(reportEffect({ eventId: 'd', status: 'received', at: at(11) })).toEqual({
      kind: 'delivered',
      ms: parseInstant(at(11), '/at').ms,
      date: '2025-03-11',
    });
    expect(
      reportEffect(
        pool.find((e) => e.status === 'rescheduled')!,
        [moving],
      ),
    ).toBeUndefined();
    expect(() => reportEffect({ eventId: 'x', status: 'delivered', at: 'soon' })).toThrow(
      DomainError,
    );
  });
});

describe('a report of facts, noted', () => {
  const reschedules: ShipmentEvent[] = (['courier_late', 'supplier_late', 'other'] as const).map(
    (reason, i) => ({
      eventId: `n-res-${reason}`,
      status: 'rescheduled',
      at: at(7 + i * 3),
      promisedDate: addDays('2025-03-09', i * 4),
      reason,
    }),
  );
  const remeasures: ShipmentEvent[] = [
    ['10', '10', '10', '0.5', '420.00'],
    ['60', '50', '40', '9', '900.00'],
  ].map(([l, w, h, kg, amount], i) => ({
    eventId: `n-rem-${i}`,
    status: 'remeasured',
    at: at(8 + i * 5),
    packages: [{ lengthCm: l!, widthCm: w!, heightCm: h!, weightKg: kg! }],
    charged: { amount: amount!, currency: 'RUB' },
  }));

  it('changes nothing storage keeps but the events, in every state, for the carriers it names', () => {
    let checked = 0;
    for (const policy of [cdek, moving]) {
      const ctx = { policy, calendar: RU, today: '2025-04-30' };
      for (const events of histories(3)) {
        const before = summarizeShipment(facts, events, ctx);
        for (const noted of [...reschedules, ...remeasures]) {
          const effect = reportEffect(noted, [policy]);
          if (effect === undefined) continue;
          expect(effect.kind).toBe('noted');
          if (effect.kind !== 'noted') continue;
          expect(effect.carriers).toEqual([policy.id]);
          // What the write's condition asks of the shipment: the carrier, and the currency.
          expect(effect.currency ?? facts.deliveryCost.currency).toBe(facts.deliveryCost.currency);
          expect(() => checkEvent(facts, noted, policy)).not.toThrow();
          const added = [...events, noted];
          const after = summarizeShipment(facts, added, ctx);
          expect(after.watchDate).toBe(before.watchDate);
          expect(after.deadline.deadline).toBe(before.deadline.deadline);
          expect(after.status).toBe(before.status);
          expect(after.deliveredDate).toBe(before.deliveredDate);
          expect(onItsWay(added)).toBe(onItsWay(events));
          expect(latestStatusMs(added)).toBe(latestStatusMs(events));
          expect(hasDeliveryReport(added)).toBe(hasDeliveryReport(events));
          expect(lateFromOf(facts, after, ctx)).toBe(lateFromOf(facts, before, ctx));
          checked++;
        }
      }
    }
    // cdek keeps the deadline for every reason; the policy that moves it notes re-measurements only.
    expect(checked).toBe(
      [...histories(3)].length * (reschedules.length + remeasures.length + remeasures.length),
    );
  }, 60_000);

  it('is refused for what fails its own checks or holds for no carrier', () => {
    const [res] = reschedules;
    expect(reportEffect(res!, [moving])).toBeUndefined();
    expect(reportEffect({ ...res!, promisedDate: '2025-02-30' } as ShipmentEvent)).toBeUndefined();
    expect(reportEffect({ ...res!, at: 'soon' })).toBeUndefined();
    const [rem] = remeasures;
    const bad = { ...rem!, packages: [{ ...facts.packages[0]!, weightKg: '-1' }] };
    expect(reportEffect(bad as ShipmentEvent)).toBeUndefined();
    const euro = { ...rem!, charged: { amount: '5.00', currency: 'EUR' } } as ShipmentEvent;
    // Valid in itself; the write's condition asks for a shipment quoted in euros.
    expect(reportEffect(euro)).toMatchObject({ kind: 'noted', currency: 'EUR' });
    expect(() => checkEvent(facts, euro, cdek)).toThrow(DomainError);
  });
});

describe('firstLateDate', () => {
  it('is where the late calculator starts counting a delivery late, across the New Year days off', () => {
    const winter: ShipmentFacts = {
      ...facts,
      shippedDate: '2024-12-26',
      promisedDate: '2024-12-28',
    };
    const ctx = { policy: cdek, calendar: RU, today: '2025-02-01' };
    const summary = summarizeShipment(winter, [], ctx);
    const { deadline } = summary;
    const lateFrom = lateFromOf(winter, summary, ctx);
    expect(deadline.deadline).toBe('2024-12-28');
    // The days off run to 8 January 2025: the first business day after the deadline is the 9th.
    expect(lateFrom).toBe('2025-01-09');
    expect(firstLateDate(winter, deadline, winter.deliveryCost, ctx)).toBe(lateFrom);
    for (let i = -2; i < 20; i++) {
      const deliveredDate = addDays('2024-12-28', i);
      const result = computeLate(
        {
          deliveryCost: winter.deliveryCost,
          promisedDate: '2024-12-28',
          shippedDate: '2024-12-26',
          deliveredDate,
        },
        ctx,
      );
      expect(result.daysLate > 0).toBe(deliveredDate >= lateFrom!);
    }
  });
});
