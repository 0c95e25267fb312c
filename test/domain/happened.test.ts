import { describe, expect, it } from 'vitest';
import { computeLost } from '../../src/domain/compensation';
import { fileClaim, transition, type NewClaim } from '../../src/domain/claim';
import { recordPayment } from '../../src/domain/claim/decision';
import { DomainError } from '../../src/domain/errors';
import {
  checkHappenedAt,
  checkHappenedOn,
  CLOCK_TOLERANCE_HOURS,
  latestDate,
  latestInstant,
} from '../../src/domain/happened';
import { resolvePolicy } from '../../src/domain/policies';

const now = '2025-06-16T09:00:00.000Z';
const placed = { field: 'placedAt', at: '2025-06-01T18:20:00+03:00' };
const refusal = (rule: () => unknown): DomainError => {
  try {
    rule();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('it was accepted');
};

describe('the rule of every reported instant', () => {
  it('gives a day of tolerance', () => {
    expect(CLOCK_TOLERANCE_HOURS).toBe(24);
    expect(latestInstant(now)).toBe('2025-06-17T09:00:00.000Z');
    expect(latestDate(now)).toBe('2025-06-17');
    expect(latestDate('2025-06-16T23:59:59.999Z')).toBe('2025-06-17');
    expect(latestDate('2025-12-31T00:00:00.000Z')).toBe('2026-01-01');
  });

  it('takes an instant up to 24 h ahead of now, whatever its offset', () => {
    expect(checkHappenedAt('2025-06-17T09:00:00Z', '/at', { now }).date).toBe('2025-06-17');
    expect(checkHappenedAt('2025-06-17T23:00:00+14:00', '/at', { now }).date).toBe('2025-06-17');
  });

  it.each(['2025-06-17T09:00:00.001Z', '2062-11-17T10:00:00+03:00', '9999-12-31T23:59:59+14:00'])(
    'refuses %s as in_the_future, naming the field and the latest instant taken',
    (at) => {
      expect(refusal(() => checkHappenedAt(at, '/at', { now }))).toMatchObject({
        code: 'invalid-input',
        reason: 'in_the_future',
        pointer: '/at',
        params: { field: 'at', latest: '2025-06-17T09:00:00.000Z' },
      });
    },
  );

  it('refuses an instant more than 24 h before its start, as date_order', () => {
    // placedAt is 2025-06-01T15:20Z: 2025-05-31T15:20Z is the earliest taken.
    const since = { now, since: placed };
    expect(checkHappenedAt('2025-05-31T15:20:00Z', '/at', since).date).toBe('2025-05-31');
    expect(refusal(() => checkHappenedAt('2025-05-31T18:19:59+03:00', '/at', since))).toMatchObject(
      {
        reason: 'date_order',
        pointer: '/at',
        params: { field: 'at', date: '2025-05-31', other: 'placedAt', otherDate: '2025-06-01' },
      },
    );
  });

  it('bounds nothing by a start it cannot read (a value stored before it was checked)', () => {
    const since = { field: 'placedAt', at: '2025-02-30T10:00:00Z' };
    expect(checkHappenedAt('1999-01-01T00:00:00Z', '/at', { now, since }).date).toBe('1999-01-01');
  });

  it('still refuses what is not an instant, at the field', () => {
    expect(refusal(() => checkHappenedAt('2025-06-05T10:00:00', '/at', { now })).pointer).toBe(
      '/at',
    );
  });

  it('takes a date up to the server’s tomorrow, and a day before its start', () => {
    expect(checkHappenedOn('2025-06-17', '/paidOn', { now })).toBe('2025-06-17');
    expect(refusal(() => checkHappenedOn('2025-06-18', '/paidOn', { now }))).toMatchObject({
      reason: 'in_the_future',
      pointer: '/paidOn',
      params: { field: 'paidOn', latest: '2025-06-17' },
    });
    const since = { now, since: { field: 'createdAt', at: '2025-06-10T08:00:00.000Z' } };
    expect(checkHappenedOn('2025-06-09', '/paidOn', since)).toBe('2025-06-09');
    expect(refusal(() => checkHappenedOn('2025-06-08', '/paidOn', since))).toMatchObject({
      reason: 'date_order',
      params: { date: '2025-06-08', other: 'createdAt', otherDate: '2025-06-10' },
    });
  });

  it('leaves a date that is not one to the date’s own check', () => {
    expect(checkHappenedOn('2025-02-30', '/paidOn', { now })).toBe('2025-02-30');
  });
});

describe('a payout’s date', () => {
  const input: NewClaim = {
    shopId: 'shop-1',
    type: 'lost',
    carrier: 'cdek',
    waybill: 'WB1',
    shipment: { deliveryCost: { amount: '450.00', currency: 'RUB' } },
    claimant: { name: 'A', email: 'a@example.com', phone: '+70000000000' },
    description: 'Lost',
    evidence: [],
    shippedDate: '2025-06-02',
    compensation: computeLost(
      { deliveryCost: { amount: '450.00', currency: 'RUB' } },
      { policy: resolvePolicy('cdek') },
    ),
    missingEvidence: [],
    filingDeadline: '2025-12-02',
    answerDueBy: '2025-07-16',
  };
  const by = { role: 'clerk', id: 'clerk-1' } as const;
  const filed = fileClaim(input, { id: 'clm_1', at: '2025-06-10T08:00:00.000Z', by }).claim;
  const approved = transition({ ...filed, status: 'in_review' }, 'approved', { at: now, by }).claim;
  const pay = (paidOn: string) =>
    recordPayment(
      approved,
      { amount: { amount: '450.00', currency: 'RUB' }, paidOn, reference: 'PP-1' },
      { at: now, by, today: '2025-06-16' },
    );

  it('is between the filing and now, each give or take a day', () => {
    expect(pay('2025-06-17').claim.payment?.paidOn).toBe('2025-06-17');
    expect(pay('2025-06-09').claim.payment?.paidOn).toBe('2025-06-09');
    expect(refusal(() => pay('2025-06-18'))).toMatchObject({
      pointer: '/paidOn',
      reason: 'in_the_future',
    });
    expect(refusal(() => pay('2025-06-08'))).toMatchObject({
      pointer: '/paidOn',
      reason: 'date_order',
    });
  });
});
