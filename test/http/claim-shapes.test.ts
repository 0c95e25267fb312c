/**
 * `type` discriminates a claim in the contract (issue 21: LateClaim, LostClaim, DamagedClaim),
 * and the answers stay what they were, byte for byte: the Worker's answers to a filing, a read
 * and a listing of each type keep their members in the order pinned here (the order before
 * the change), and each parses as its own shape of the answer's schema.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { FILED_CLAIM_KEYS } from '../support/claim-keys';
import { ClaimSchema, ClaimSummarySchema } from '../../src/schemas/claim.schema';
import { call, rub } from './helpers';
import { fileOk, lostFiling, seedShop } from './claims-helpers';

let shop: Awaited<ReturnType<typeof seedShop>>;
beforeAll(async () => {
  shop = await seedShop();
});

const shipments = {
  late: { deliveryCost: rub('500.00'), promisedDate: '2025-06-04', deliveredDate: '2025-06-10' },
  lost: {
    deliveryCost: rub('500.00'),
    insurance: { declaredValue: rub('10000.00'), documentedValue: rub('8000.00') },
  },
  damaged: {
    deliveryCost: rub('500.00'),
    insurance: { declaredValue: rub('10000.00') },
    documentedDamage: rub('2500.00'),
  },
} as const;

const FILED = FILED_CLAIM_KEYS;
const LATE = ['promisedDate', 'lateUntil', 'delivered', 'businessDaysLate', 'daysLate'];
const LOSS = ['amount', 'components', 'missingEvidence', 'lines', 'policy'];

describe.each(['late', 'lost', 'damaged'] as const)('a %s claim', (type) => {
  it('is filed, read and listed with the same members in the same order, as its own shape', async () => {
    const filed = await fileOk(shop.auth, lostFiling({ type, shipment: shipments[type] }));
    expect(Object.keys(filed)).toEqual(FILED);
    expect(Object.keys(filed.compensation as object).slice(0, 5)).toEqual(
      type === 'late' ? LATE : LOSS,
    );
    expect(Object.keys(filed.shipment as object)).toEqual(Object.keys(shipments[type]));
    const parsed = ClaimSchema.safeParse(filed);
    expect(parsed.error).toBeUndefined();
    expect(parsed.data?.type).toBe(type);

    const read = await call('GET', `/v1/claims/${filed.id}`, undefined, shop.auth);
    expect(Object.keys(read.body)).toEqual([...FILED, 'customer']);
    const { customer, ...claim } = JSON.parse(read.text) as Record<string, unknown>;
    expect(customer).toBeDefined();
    expect(JSON.stringify(claim)).toBe(JSON.stringify(filed));

    const listing = await call('GET', `/v1/claims?type=${type}`, undefined, shop.auth);
    const items = listing.body.items as Record<string, unknown>[];
    const listed = items.find((item) => item.id === filed.id);
    const counted = FILED.map((key) => (key === 'evidence' ? 'evidenceCount' : key));
    expect(Object.keys(listed ?? {})).toEqual(counted);
    expect(ClaimSummarySchema.safeParse(listed).error).toBeUndefined();
  });
});
