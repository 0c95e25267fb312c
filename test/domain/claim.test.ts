import { describe, expect, it } from 'vitest';
import { computeLost } from '../../src/domain/compensation';
import { resolvePolicy } from '../../src/domain/policies';
import {
  addEvidence,
  allowedMoves,
  canTransition,
  CLAIM_STATUSES,
  CLAIM_TRANSITIONS,
  ClaimStateError,
  FINAL_STATUSES,
  fileClaim,
  transition,
  type Claim,
  type ClaimStatus,
  type NewClaim,
} from '../../src/domain/claim';

const ALLOWED: [ClaimStatus, ClaimStatus][] = [
  ['submitted', 'in_review'],
  ['submitted', 'cancelled'],
  ['in_review', 'approved'],
  ['in_review', 'partially_approved'],
  ['in_review', 'rejected'],
  ['in_review', 'needs_info'],
  ['needs_info', 'in_review'],
  ['needs_info', 'cancelled'],
  ['approved', 'paid'],
  ['partially_approved', 'paid'],
];
const FORBIDDEN = CLAIM_STATUSES.flatMap((from) =>
  CLAIM_STATUSES.filter((to) => !ALLOWED.some(([f, t]) => f === from && t === to)).map(
    (to) => [from, to] as [ClaimStatus, ClaimStatus],
  ),
);

const input: NewClaim = {
  shopId: 'shop-1',
  type: 'damaged',
  carrier: 'dpd',
  waybill: 'WB1',
  shipment: { deliveryCost: { amount: '450.00', currency: 'RUB' } },
  claimant: { name: 'A', email: 'a@example.com', phone: '+70000000000' },
  description: 'Crushed box',
  evidence: [],
  shippedDate: '2025-02-20',
  compensation: computeLost(
    { deliveryCost: { amount: '450.00', currency: 'RUB' } },
    { policy: resolvePolicy('cdek') },
  ),
  missingEvidence: ['photo'],
  filingDeadline: '2025-09-01',
  answerDueBy: '2025-04-01',
};
const clerk = { role: 'clerk', id: 'clerk-1' } as const;
const T0 = '2025-03-01T10:00:00.000Z';
const T1 = '2025-03-02T10:00:00.000Z';
const filed = fileClaim(input, { id: 'clm_1', at: T0, by: { role: 'shop', id: 'shop-1' } });
const inStatus = (status: ClaimStatus): Claim => ({ ...filed.claim, status, version: 4 });

describe('the claim status machine', () => {
  it('has exactly the moves of the issue', () => {
    const moves = Object.entries(CLAIM_TRANSITIONS).flatMap(([from, tos]) =>
      tos.map((to) => [from, to]),
    );
    expect(moves.sort()).toEqual([...ALLOWED].sort());
  });

  it.each(ALLOWED)('allows %s → %s, bumping the version and recording the move', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    const { claim, event } = transition(inStatus(from), to, { at: T1, by: clerk, note: 'why' });
    expect(claim).toMatchObject({ status: to, version: 5, updatedAt: T1, createdAt: T0 });
    expect(event).toEqual({
      claimId: 'clm_1',
      seq: 5,
      at: T1,
      actor: clerk,
      type: to === 'paid' ? 'payment_recorded' : 'status_changed',
      from,
      to,
      note: 'why',
    });
  });

  it.each(FORBIDDEN)(
    'refuses %s → %s with a ClaimStateError naming the current status',
    (from, to) => {
      expect(canTransition(from, to)).toBe(false);
      expect(() => transition(inStatus(from), to, { at: T1, by: clerk })).toThrow(
        expect.objectContaining({
          name: 'ClaimStateError',
          code: 'invalid-transition',
          currentStatus: from,
          attempted: to,
          message: expect.stringContaining(`'${from}'`),
        }),
      );
    },
  );

  it('calls rejected, paid and cancelled final', () => {
    expect(FINAL_STATUSES).toEqual(['rejected', 'paid', 'cancelled']);
    expect(allowedMoves('paid')).toEqual([]);
  });
});

describe('fileClaim', () => {
  it('starts a claim as submitted, version 1, with its filed event', () => {
    expect(filed.claim).toEqual({
      ...input,
      id: 'clm_1',
      status: 'submitted',
      createdAt: T0,
      updatedAt: T0,
      version: 1,
    });
    expect(filed.event).toEqual({
      claimId: 'clm_1',
      seq: 1,
      at: T0,
      actor: { role: 'shop', id: 'shop-1' },
      type: 'filed',
      to: 'submitted',
    });
  });
});

describe('transition', () => {
  it('applies a patch with the move and leaves the input untouched', () => {
    const decision = {
      decision: 'rejected',
      reason: 'late filing',
      decidedBy: 'clerk-1',
      decidedAt: T1,
    } as const;
    const review = transition(filed.claim, 'in_review', { at: T1, by: clerk });
    const { claim } = transition(review.claim, 'rejected', {
      at: T1,
      by: clerk,
      patch: { decision },
    });
    expect(claim.decision).toEqual(decision);
    expect(filed.claim.status).toBe('submitted');
    expect(review.claim.decision).toBeUndefined();
  });
});

describe('addEvidence', () => {
  const photo = { id: 'ev_1', kind: 'photo', name: 'box.jpg', addedAt: T1 } as const;

  it('appends evidence, replaces the checklist and records an evidence_added event', () => {
    const { claim, event } = addEvidence(
      filed.claim,
      { evidence: [photo], missingEvidence: [] },
      { at: T1, by: { role: 'shop', id: 'shop-1' } },
    );
    expect(claim).toMatchObject({
      evidence: [photo],
      missingEvidence: [],
      version: 2,
      status: 'submitted',
    });
    expect(event).toMatchObject({ seq: 2, type: 'evidence_added' });
  });

  it.each<ClaimStatus>(['approved', 'partially_approved', 'rejected', 'paid', 'cancelled'])(
    'refuses evidence once %s',
    (status) => {
      expect(() =>
        addEvidence(
          inStatus(status),
          { evidence: [photo], missingEvidence: [] },
          { at: T1, by: clerk },
        ),
      ).toThrow(ClaimStateError);
    },
  );
});
