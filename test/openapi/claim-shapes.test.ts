/**
 * A claim is answered as one of three shapes, `type` the discriminator (issue 21): LateClaim,
 * LostClaim, DamagedClaim, and their listing twins. The JSON does not change with it: each
 * claim the domain files is validated against the document's `Claim` and `ClaimSummary` as
 * the handlers send it (`typedClaim`: the same object), byte for byte what it was before, with
 * the members in the order pinned here. test/http/claim-shapes.test.ts holds the answers of
 * the real Worker to the same order.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { FILED_CLAIM_KEYS } from '../support/claim-keys';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { getCalendar } from '../../src/domain/calendar';
import { fileClaim, type ClaimType } from '../../src/domain/claim';
import { prepareClaim, type ClaimFiling } from '../../src/domain/claim/filing';
import { resolvePolicy } from '../../src/domain/policies';
import { typedClaim } from '../../src/routes/claims/claim-answer';
import { FileClaimSchema } from '../../src/schemas/claim.schema';
import { getDoc } from './document';

const DOC_ID = 'https://parcel-claims.invalid/openapi.json';
const rub = (amount: string) => ({ amount, currency: 'RUB' as const });
const common = {
  carrier: 'cdek',
  waybill: '1234567890',
  shippedDate: '2025-04-28',
  claimant: { name: 'Anna Petrova', email: 'anna@example.com', phone: '+7 900 000-00-00' },
  description: 'What happened.',
  evidence: [{ kind: 'receipt' as const, name: 'receipt.pdf' }],
};
/** Bodies of POST /v1/claims, one per type. */
const bodies: Record<ClaimType, ClaimFiling> = {
  late: {
    ...common,
    type: 'late',
    shipment: {
      deliveryCost: rub('500.00'),
      promisedDate: '2025-04-30',
      deliveredDate: '2025-05-06',
    },
  },
  lost: {
    ...common,
    type: 'lost',
    shipment: {
      deliveryCost: rub('500.00'),
      insurance: { declaredValue: rub('10000.00'), documentedValue: rub('8000.00') },
    },
  },
  damaged: {
    ...common,
    type: 'damaged',
    shipment: {
      deliveryCost: rub('500.00'),
      insurance: { declaredValue: rub('10000.00') },
      documentedDamage: rub('2500.00'),
    },
  },
};

/** A claim of `type` as filing makes it (the object the API answers). */
function filed(type: ClaimType) {
  const ctx = {
    policy: resolvePolicy('cdek'),
    calendar: getCalendar('RU'),
    shopId: 'shop-1',
    today: '2025-06-16',
    at: '2025-06-16T09:00:00.000Z',
  };
  // Parsed as the API parses the body: the claim's members come in the order zod gives them.
  const filing = FileClaimSchema.parse(bodies[type]);
  return fileClaim(prepareClaim(filing, ctx), {
    id: 'clm_3f2b8c1d4e5f60718293a4b5c6d7e8f9',
    at: ctx.at,
    by: { role: 'shop', id: 'shop-1' },
  }).claim;
}

const CLAIM_KEYS = FILED_CLAIM_KEYS;
const LATE_RESULT_KEYS = [
  'promisedDate',
  'lateUntil',
  'delivered',
  'businessDaysLate',
  'daysLate',
  'dayBasis',
  'lateDates',
  'lateDatesTruncated',
  'ratePerDay',
  'uncappedAmount',
  'cap',
  'amount',
  'capped',
  'lines',
  'policy',
];
const LOSS_RESULT_KEYS = ['amount', 'components', 'missingEvidence', 'lines', 'policy'];
const SHIPMENT_KEYS: Record<ClaimType, string[]> = {
  late: ['deliveryCost', 'promisedDate', 'deliveredDate'],
  lost: ['deliveryCost', 'insurance'],
  damaged: ['deliveryCost', 'insurance', 'documentedDamage'],
};

describe.each(['late', 'lost', 'damaged'] as const)('a %s claim', (type) => {
  it('is answered as before: the same object, the same members in the same order', () => {
    const claim = filed(type);
    const answer = typedClaim(claim);
    expect(answer).toBe(claim);
    expect(JSON.stringify(answer)).toBe(JSON.stringify(claim));
    expect(Object.keys(answer)).toEqual(CLAIM_KEYS);
    expect(Object.keys(answer.shipment)).toEqual(SHIPMENT_KEYS[type]);
    expect(Object.keys(answer.compensation)).toEqual(
      type === 'late' ? LATE_RESULT_KEYS : LOSS_RESULT_KEYS,
    );
  });

  it('validates against `Claim` and `ClaimSummary`, and against its own shape only', async () => {
    const doc = await getDoc();
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema({ ...doc, $id: DOC_ID });
    const valid = (name: string, value: unknown) => {
      const validate = ajv.compile({ $ref: `${DOC_ID}#/components/schemas/${name}` });
      return validate(value) ? 'valid' : ajv.errorsText(validate.errors);
    };
    const claim = filed(type);
    const { evidence, ...rest } = claim;
    const listed = { ...rest, evidenceCount: evidence.length };
    expect(valid('Claim', claim)).toBe('valid');
    expect(valid('ClaimSummary', listed)).toBe('valid');
    const own = `${type[0]?.toUpperCase()}${type.slice(1)}Claim`;
    for (const shape of ['LateClaim', 'LostClaim', 'DamagedClaim']) {
      expect(valid(shape, claim) === 'valid', shape).toBe(shape === own);
    }
  });
});

describe('typedClaim', () => {
  it('refuses a claim whose compensation is another type’s (a bug, never sent mistyped)', () => {
    const late = filed('late');
    const lost = filed('lost');
    expect(() => typedClaim({ ...late, compensation: lost.compensation })).toThrow(
      /is late but has a loss result/,
    );
    expect(() => typedClaim({ ...lost, compensation: late.compensation })).toThrow(
      /is lost but has a late result/,
    );
  });
});
