/**
 * Issue 25's pure rules: what erased data becomes (and that it still passes the answer
 * schemas), when a text names a person, when a settled record is due.
 */
import { describe, expect, it } from 'vitest';
import {
  ERASED_PERSON,
  erasedClaim,
  identifiersOf,
  isClaimSettled,
  isOrderSettled,
  mentionsPerson,
  normalizeEmail,
  normalizePhone,
  retentionDueDay,
  scrubJson,
  scrubText,
  TOMBSTONES,
} from '../../src/domain/personal-data';
import { ClaimantSchema } from '../../src/schemas/claim.schema';
import { newClaim } from '../storage/helpers';

const who = identifiersOf([
  { name: 'Иван Сидоров', email: 'Ivan.Sidorov@Example.org', phone: '+7 (912) 345-67-89' },
]);

describe('tombstones', () => {
  it('are still a valid claimant (a phone, an e-mail, a name) for the answer schemas', () => {
    expect(ClaimantSchema.parse(ERASED_PERSON)).toEqual(ERASED_PERSON);
    expect(TOMBSTONES.phone.replace(/\D/g, '')).toMatch(/^0+$/);
  });

  it('erase a claim’s claimant and description, keeping ids, dates, statuses and money', () => {
    const { claim } = newClaim({
      claimant: { name: 'Иван Сидоров', email: 'ivan.sidorov@example.org', phone: '+79123456789' },
      description: 'Иван Сидоров says it never came',
    });
    const mark = { erasedAt: '2025-04-01T00:00:00.000Z', erasureId: 'pde_1' };
    const erased = erasedClaim(claim, who, mark);
    expect(erased.claimant).toEqual(ERASED_PERSON);
    expect(erased.description).toBe('[erased]');
    expect(erased.personalData).toEqual(mark);
    const { claimant: _a, description: _b, personalData: _c, ...kept } = erased;
    const { claimant: _d, description: _e, ...before } = claim;
    expect(kept).toEqual(before);
  });

  it.each([
    [{ note: 'Spoke to иван  сидоров today' }, { note: '[erased]' }],
    [{ url: 'https://files.example/ivan.sidorov@example.org.pdf' }, { url: TOMBSTONES.url }],
    [{ customer: { name: 'x', email: 'y', phone: 'z' } }, { customer: ERASED_PERSON }],
    [{ note: 'call back on 8 912 345 67 89' }, { note: '[erased]' }],
    [{ at: '2025-03-01T12:34:56.789Z', amount: '912.34', id: 'clm_91234567' }, null],
    [{ amount: { amount: '3456789.00', currency: 'RUB' } }, null],
  ])('scrubs %j', (input, expected) => {
    expect(scrubJson(input, who)).toEqual(expected ?? input);
  });

  it('returns the very text when there is nothing to erase (a re-run writes nothing)', () => {
    const text = '{"b":1,"a":"Delivered late"}';
    expect(scrubText(text, who)).toBe(text);
  });
});

describe('identifiers', () => {
  it.each([
    ['+7 (912) 345-67-89', '9123456789'],
    ['8 912 345 67 89', '9123456789'],
    ['９１２３４５６７８９', '9123456789'],
    ['+44 20 7946 0958', '442079460958'],
  ])('normalise the phone %s as %s', (phone, digits) => {
    expect(normalizePhone(phone)).toBe(digits);
  });

  it('normalise an e-mail by case and surrounding spaces', () => {
    expect(normalizeEmail(' Ivan@EXAMPLE.org ')).toBe('ivan@example.org');
  });

  it.each([
    ['Иван Сидоров called', true],
    ['mail IVAN.SIDOROV@example.org', true],
    ['his number ends 345-67-89', true],
    ['Иван called', false],
    ['filed 2025-03-01T00:00:00.000Z, 3456789 kopecks', true],
    ['filed 2025-03-01T00:00:00.000Z', false],
  ])('“%s” names the person: %s', (text, named) => {
    expect(mentionsPerson(text, who)).toBe(named);
  });
});

describe('retention', () => {
  it('counts retainDays from the settling day (UTC)', () => {
    expect(retentionDueDay('2025-03-01T23:59:00.000Z', 30)).toBe('2025-03-31');
    expect(retentionDueDay('2025-03-01T10:00:00.000Z', 1095)).toBe('2028-02-29');
  });

  it('settles a claim on a final status only (an approved one is still to be paid)', () => {
    expect(['paid', 'rejected', 'cancelled'].every((s) => isClaimSettled(s as 'paid'))).toBe(true);
    expect(isClaimSettled('approved')).toBe(false);
  });

  it('settles an order once every shipment is final and no claim is open', () => {
    expect(isOrderSettled(['delivered', 'cancelled'], 0)).toBe(true);
    expect(isOrderSettled(['delivered', 'in_transit'], 0)).toBe(false);
    expect(isOrderSettled(['delivered'], 1)).toBe(false);
    expect(isOrderSettled([], 0)).toBe(false);
  });
});
