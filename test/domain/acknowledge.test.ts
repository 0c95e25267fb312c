import { describe, expect, it } from 'vitest';
import { getCalendar } from '../../src/domain/calendar';
import { acknowledgeDeadline, minutesPastAcknowledge } from '../../src/domain/claim';
import { prepareClaim } from '../../src/domain/claim/filing';
import { listPolicies, resolvePolicy } from '../../src/domain/policies';

const cdek = resolvePolicy('cdek');

describe('acknowledgeBy', () => {
  it.each(listPolicies().map((p) => [p.id, p] as const))(
    '%s: the customer is acknowledged within the hour of filing',
    (_id, policy) => {
      expect(policy.customerCare.acknowledgeWithinMinutes).toBe(60);
      expect(acknowledgeDeadline('2025-06-16T09:00:00.000Z', policy)).toBe(
        '2025-06-16T10:00:00.000Z',
      );
    },
  );

  it('is a UTC instant in the fixed-width form, across midnight and from an offset', () => {
    expect(acknowledgeDeadline('2025-12-31T23:30:00.000Z', cdek)).toBe('2026-01-01T00:30:00.000Z');
    expect(acknowledgeDeadline('2025-06-16T12:00:00+03:00', cdek)).toBe('2025-06-16T10:00:00.000Z');
  });

  it('follows the policy’s window', () => {
    const slow = { ...cdek, customerCare: { acknowledgeWithinMinutes: 24 * 60 } };
    expect(acknowledgeDeadline('2025-06-16T09:00:00.000Z', slow)).toBe('2025-06-17T09:00:00.000Z');
  });

  it('is stamped on a claim at filing, from the filing instant it is given', () => {
    const claim = prepareClaim(
      {
        type: 'lost',
        carrier: 'cdek',
        waybill: 'W1',
        shippedDate: '2025-06-10',
        shipment: { deliveryCost: { amount: '500.00', currency: 'RUB' } },
        claimant: { name: 'Anna', email: 'anna@example.com', phone: '+7 900 000-00-00' },
        description: 'Lost',
        evidence: [],
      },
      {
        policy: cdek,
        calendar: getCalendar('RU'),
        shopId: 'shop-1',
        today: '2025-06-16',
        at: '2025-06-16T09:15:00.000Z',
      },
    );
    expect(claim.acknowledgeBy).toBe('2025-06-16T10:15:00.000Z');
  });

  it('counts the whole minutes past it; none before it, none for a claim filed before it existed', () => {
    const claim = { acknowledgeBy: '2025-06-16T10:00:00.000Z' };
    expect(minutesPastAcknowledge(claim, '2025-06-16T11:30:59.000Z')).toBe(90);
    expect(minutesPastAcknowledge(claim, '2025-06-16T09:59:00.000Z')).toBe(0);
    expect(minutesPastAcknowledge({}, '2025-06-16T11:30:00.000Z')).toBe(0);
  });
});
