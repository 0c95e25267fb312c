/**
 * Issue 19: an event from the future pinned a shipment (item 1), and the events cap refused
 * the delivery (item 2). The domain's answers to both.
 */
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/errors';
import { resolvePolicy } from '../../../src/domain/policies';
import {
  checkEvent,
  checkPlacedAt,
  FINAL_EVENTS_PAST_CAP,
  MAX_EVENTS,
  recordEvent,
  shipmentContext,
  summarizeShipment,
  type ShipmentEvent,
  type ShipmentFacts,
} from '../../../src/domain/shipment';

const cdek = resolvePolicy('cdek');
const now = '2025-06-16T09:00:00.000Z';
const placedAt = '2025-06-01T18:20:00+03:00';
const facts: ShipmentFacts = {
  shipmentId: 's1',
  carrier: 'cdek',
  packages: [{ lengthCm: '40', widthCm: '30', heightCm: '20', weightKg: '2.5' }],
  packaging: [],
  deliveryCost: { amount: '500.00', currency: 'RUB' },
  deliveryPaid: true,
  shippedDate: '2025-06-02',
  promisedDate: '2025-06-05',
};
const event = (eventId: string, status: ShipmentEvent['status'], at: string) =>
  ({ eventId, status, at }) as ShipmentEvent;
const refusal = (rule: () => unknown): DomainError => {
  try {
    rule();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('it was accepted');
};

describe('an event’s `at`', () => {
  it('is refused more than 24 h ahead of now: the typo that pinned a shipment', () => {
    const typo = event('typo', 'in_transit', '2062-11-17T10:00:00+03:00');
    // What it did when taken: the latest `at` wins, so a real delivery never ended it.
    const pinned = summarizeShipment(
      facts,
      [typo, event('d', 'delivered', '2025-06-09T12:00:00+03:00')],
      shipmentContext(facts, '2025-06-16'),
    );
    expect(pinned.status).toBe('in_transit');
    expect(refusal(() => checkEvent(facts, typo, cdek, { now, placedAt }))).toMatchObject({
      reason: 'in_the_future',
      pointer: '/at',
    });
  });

  it('is taken up to 24 h ahead (clock skew), and from 24 h before the order was placed', () => {
    const time = { now, placedAt };
    expect(() =>
      checkEvent(facts, event('a', 'in_transit', '2025-06-17T08:59:00Z'), cdek, time),
    ).not.toThrow();
    expect(() =>
      checkEvent(facts, event('b', 'created', '2025-05-31T18:20:00+03:00'), cdek, time),
    ).not.toThrow();
    const early = event('c', 'created', '2025-05-31T18:19:00+03:00');
    expect(refusal(() => checkEvent(facts, early, cdek, time))).toMatchObject({
      reason: 'date_order',
      pointer: '/at',
      params: { other: 'placedAt' },
    });
  });

  it('dates reschedules and re-measurements the same way; a new promised date may be ahead', () => {
    const rescheduled: ShipmentEvent = {
      eventId: 'r',
      status: 'rescheduled',
      at: '2025-06-16T10:00:00+03:00',
      promisedDate: '2025-07-30',
      reason: 'courier_late',
    };
    expect(() => checkEvent(facts, rescheduled, cdek, { now, placedAt })).not.toThrow();
    const ahead = { ...rescheduled, at: '2025-07-01T10:00:00+03:00' };
    expect(refusal(() => checkEvent(facts, ahead, cdek, { now })).reason).toBe('in_the_future');
  });

  it('has only the future bound when the start is unknown', () => {
    const old = event('o', 'created', '2020-01-01T10:00:00+03:00');
    expect(() => checkEvent(facts, old, cdek, { now })).not.toThrow();
  });
});

describe('an order’s placedAt', () => {
  const inTransit = event('t', 'in_transit', '2025-06-03T12:00:00+03:00');

  it('is refused in the future, as every reported instant', () => {
    expect(refusal(() => checkPlacedAt('2062-11-17T10:00:00+03:00', [], now))).toMatchObject({
      reason: 'in_the_future',
      pointer: '/placedAt',
    });
  });

  it('may not move more than 24 h past what its shipments report', () => {
    const shipments = [{ shipmentId: 'S-1', events: [inTransit] }];
    expect(() => checkPlacedAt('2025-06-04T12:00:00+03:00', shipments, now)).not.toThrow();
    const moved = refusal(() => checkPlacedAt('2025-06-04T12:00:01+03:00', shipments, now));
    expect(moved).toMatchObject({
      pointer: '/placedAt',
      params: { shipmentId: 'S-1', eventId: 't' },
    });
  });
});

describe('the events cap', () => {
  const routine = Array.from({ length: MAX_EVENTS }, (_, n) =>
    event(`r-${n}`, 'in_transit', new Date(Date.UTC(2025, 5, 3, 0, n)).toISOString()),
  );
  const delivered = event('d', 'delivered', '2025-06-09T12:00:00+03:00');

  it('lets a final status through past MAX_EVENTS, and the shipment ends', () => {
    const recorded = recordEvent(routine, delivered);
    expect(recorded.duplicate).toBe(false);
    expect(recorded.events).toHaveLength(MAX_EVENTS + 1);
    const summary = summarizeShipment(facts, recorded.events, shipmentContext(facts, '2025-06-16'));
    expect(summary.status).toBe('delivered');
    expect(
      recordEvent(recorded.events, event('c', 'cancelled', '2025-06-10T10:00:00Z')).events,
    ).toHaveLength(MAX_EVENTS + 2);
  });

  it('refuses a routine event past it, naming /status', () => {
    for (const status of ['in_transit', 'rescheduled', 'remeasured'] as const) {
      expect(refusal(() => recordEvent(routine, event('x', status, now)))).toMatchObject({
        code: 'invalid-input',
        pointer: '/status',
        params: { maximum: MAX_EVENTS, current: MAX_EVENTS },
      });
    }
  });

  it('answers a resend as a duplicate, however full', () => {
    expect(recordEvent(routine, routine[7]!).duplicate).toBe(true);
    const full = [
      ...routine,
      ...Array.from({ length: FINAL_EVENTS_PAST_CAP }, (_, n) =>
        event(`f-${n}`, 'delivered', '2025-06-09T12:00:00+03:00'),
      ),
    ];
    expect(recordEvent(full, full.at(-1)!).duplicate).toBe(true);
    // Past the final events' room, nothing new is kept: the read of a shipment stays bounded.
    expect(refusal(() => recordEvent(full, event('late', 'received', now))).pointer).toBe(
      '/status',
    );
  });
});
