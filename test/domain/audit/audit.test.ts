import { describe, expect, it } from 'vitest';
import { auditRow, toleranceProblem, type AuditContext } from '../../../src/domain/audit/audit';
import type { AuditRow, AuditedRow, RowProblem } from '../../../src/domain/audit/types';
import { LINE_KEYS, renderLine } from '../../../src/domain/explain';

const ctx: AuditContext = { today: '2025-06-01', tolerancePercent: '0', claims: new Map() };
const rub = (amount: string) => ({ amount, currency: 'RUB' as const });
const base: AuditRow = {
  line: 2,
  waybill: '1000000001',
  carrier: 'cdek',
  shippedDate: '2025-03-03',
  promisedDate: '2025-03-11',
  deliveredDate: '2025-03-13',
  status: 'delivered',
  deliveryCost: rub('500.00'),
};

function audited(row: Partial<AuditRow>, context: Partial<AuditContext> = {}): AuditedRow {
  const result = auditRow({ ...base, ...row }, { ...ctx, ...context });
  if ('problems' in result) throw new Error(JSON.stringify(result.problems));
  return result;
}
function refused(row: Partial<AuditRow>, context: Partial<AuditContext> = {}): RowProblem[] {
  const result = auditRow({ ...base, ...row }, { ...ctx, ...context });
  if (!('problems' in result)) throw new Error('audited');
  return result.problems;
}
const keys = (r: AuditedRow, i = 0) => r.findings[i]?.lines.map((l) => l.key) ?? [];

describe('auditRow: late', () => {
  it("finds a late delivery with the calculator's amount and lines", () => {
    const row = audited({ orderId: 'A-1' });
    expect(row).toMatchObject({ line: 2, waybill: '1000000001', orderId: 'A-1', carrier: 'cdek' });
    expect(row.findings).toHaveLength(1);
    expect(row.findings[0]).toMatchObject({
      kind: 'late',
      amount: rub('30.00'),
      fileBy: '2025-09-03',
      expired: false,
    });
    expect(keys(row)).toContain('late.formula');
    expect(keys(row).at(-1)).toBe('audit.file_by');
  });

  it('finds nothing for a delivery on time', () => {
    expect(audited({ deliveredDate: '2025-03-11' }).findings).toEqual([]);
  });

  it('counts the deadline from the transit term in business days', () => {
    const row = audited({
      promisedDate: undefined,
      transitBusinessDays: 3,
      deliveredDate: '2025-03-10',
    });
    // 2025-03-03 + 3 business days = 03-06; late 03-07 and 03-10: 2 days × 3 % × 500.
    expect(row.findings[0]?.amount).toEqual(rub('30.00'));
    expect(keys(row)).toContain('late.promised.computed');
  });

  it("counts on the destination's calendar", () => {
    // 21–26 March 2025: four business days in Russia, three in Kazakhstan (Nauryz).
    const dates = { promisedDate: '2025-03-20', deliveredDate: '2025-03-26' };
    expect(audited(dates).findings[0]?.amount).toEqual(rub('60.00'));
    const kz = audited({ ...dates, destinationCountry: 'KZ' });
    expect(kz.findings[0]?.amount).toEqual(rub('45.00'));
    expect(kz.findings[0]?.lines.some((l) => l.text.includes('KZ production calendar'))).toBe(true);
  });

  it("counts a parcel still on its way up to the audit's day, and says so", () => {
    const row = audited({ status: 'in_transit', deliveredDate: undefined });
    expect(row.findings[0]?.kind).toBe('late');
    expect(keys(row)[0]).toBe('audit.late.undelivered');
    expect(keys(row)).toContain('late.cap.applied');
    expect(row.findings[0]?.amount).toEqual(rub('500.00'));
  });

  it('finds no delay for a parcel refused or returned', () => {
    expect(audited({ status: 'not_delivered', deliveredDate: undefined }).findings).toEqual([]);
    expect(audited({ status: 'returned', deliveredDate: undefined }).findings).toEqual([]);
  });

  it('marks a finding past the claim window expired, and says when it closed', () => {
    const row = audited({}, { today: '2025-09-04' });
    expect(row.findings[0]).toMatchObject({ fileBy: '2025-09-03', expired: true });
    expect(keys(row).at(-1)).toBe('audit.expired');
    expect(audited({}, { today: '2025-09-03' }).findings[0]?.expired).toBe(false);
  });
});

describe('auditRow: lost', () => {
  it('pays the flat uninsured sum, lost by the status alone (and says so)', () => {
    const row = audited({ status: 'lost', deliveredDate: undefined });
    expect(row.findings).toHaveLength(1);
    expect(row.findings[0]).toMatchObject({ kind: 'lost', amount: rub('3000.00') });
    expect(keys(row)[0]).toBe('audit.lost.status');
    expect(row.findings[0]?.lines[0]?.text).toContain('by its status alone');
  });

  it('claims the delivery cost and the declared value of an insured parcel', () => {
    const row = audited({
      status: 'lost',
      deliveredDate: undefined,
      declaredValue: rub('10000.00'),
    });
    expect(row.findings[0]?.amount).toEqual(rub('10500.00'));
    expect(keys(row)).toContain('loss.pending');
    expect(keys(row)).toContain('audit.lost.claimable');
  });

  it('counts a parcel still on its way more than `lostAfterDays` past its promised date as lost', () => {
    const onItsWay = { status: 'in_transit' as const, deliveredDate: undefined };
    // Promised 2025-03-11; 30 days later is 2025-04-10.
    const day30 = audited(onItsWay, { today: '2025-04-10', lostAfterDays: 30 });
    expect(day30.findings.map((f) => f.kind)).toEqual(['late']);
    const day31 = audited(onItsWay, { today: '2025-04-11', lostAfterDays: 30 });
    expect(day31.findings).toHaveLength(1);
    expect(day31.findings[0]).toMatchObject({ kind: 'lost', amount: rub('3000.00') });
    expect(keys(day31)[0]).toBe('audit.lost.presumed');
    expect(day31.findings[0]?.lines[0]?.text).toContain('31 days after it was due on 2025-03-11');
    expect(renderLine(day31.findings[0]!.lines[0]!, 'ru')).toContain('через 31 дн.');
    // Without a term, only the status says lost; a delivered or returned parcel never is.
    const noTerm = audited(onItsWay, { today: '2025-12-01' });
    expect(noTerm.findings.map((f) => f.kind)).toEqual(['late']);
    expect(audited({}, { today: '2025-04-11', lostAfterDays: 1 }).findings[0]?.kind).toBe('late');
    const returned = { status: 'returned' as const, deliveredDate: undefined };
    expect(audited(returned, { today: '2025-04-11', lostAfterDays: 1 }).findings).toEqual([]);
  });

  it('takes the promised date from transit business days when the report gives those', () => {
    const row = audited(
      {
        status: 'in_transit',
        deliveredDate: undefined,
        promisedDate: undefined,
        transitBusinessDays: 6,
      },
      { today: '2025-04-11', lostAfterDays: 30 },
    );
    // Shipped Monday 2025-03-03, 6 business days: due Tuesday 2025-03-11, 31 days before.
    expect(row.findings[0]?.kind).toBe('lost');
    expect(row.findings[0]?.lines[0]?.text).toContain('due on 2025-03-11');
  });

  it('takes `insured: false` over a declared value', () => {
    const row = audited({
      status: 'lost',
      deliveredDate: undefined,
      declaredValue: rub('10000.00'),
      insured: false,
    });
    expect(row.findings[0]?.amount).toEqual(rub('3000.00'));
  });
});

describe('auditRow: overcharge', () => {
  const measured = {
    promisedDate: '2025-03-13',
    package: { lengthCm: '40', widthCm: '30', heightCm: '20', weightKg: '2.5' },
    chargedWeightKg: '9.6',
    chargedAmount: rub('600.00'),
  };

  it('finds the overcharge in proportion to the weight, with the weight lines', () => {
    const row = audited(measured);
    expect(row.findings).toHaveLength(1);
    // Chargeable: 40 × 30 × 20 / 5000 = 4.8 kg; 600 × (9.6 − 4.8) / 9.6 = 300.
    expect(row.findings[0]).toMatchObject({ kind: 'overcharge', amount: rub('300.00') });
    expect(keys(row)).toEqual(
      expect.arrayContaining([
        'weight.total',
        'overcharge.weights',
        'overcharge.tolerance',
        'overcharge.amount',
      ]),
    );
  });

  it('accepts a charged weight within the tolerance', () => {
    expect(
      audited({ ...measured, chargedWeightKg: '5.04' }, { tolerancePercent: '5' }).findings,
    ).toEqual([]);
    const over = audited({ ...measured, chargedWeightKg: '5.041' }, { tolerancePercent: '5' });
    expect(over.findings[0]?.kind).toBe('overcharge');
  });

  it('takes the delivery cost when the charged amount is missing, rounding once', () => {
    const row = audited({ ...measured, chargedAmount: undefined, chargedWeightKg: '7' });
    // 500 × (7 − 4.8) / 7 = 157.142857… → 157.14
    expect(row.findings[0]?.amount).toEqual(rub('157.14'));
    expect(keys(row)).toContain('rounding.half_up');
  });

  it('finds late and overcharge on one row', () => {
    const row = audited({ ...measured, promisedDate: '2025-03-11' });
    expect(row.findings.map((f) => f.kind)).toEqual(['late', 'overcharge']);
  });
});

describe('auditRow: claims and refusals', () => {
  it("names the shop's existing claim for the waybill", () => {
    const claims = new Map([['1000000001', 'clm_1']]);
    expect(audited({}, { claims }).claimId).toBe('clm_1');
    expect(audited({ waybill: '2' }, { claims }).claimId).toBeUndefined();
  });

  it('refuses a delivery before shipping, with the field', () => {
    expect(refused({ deliveredDate: '2025-03-01' })).toEqual([
      { line: 2, field: 'deliveredDate', reason: '2025-03-01 is before shippedDate 2025-03-03' },
    ]);
  });

  it("refuses dates after the audit's day", () => {
    expect(
      refused({
        shippedDate: '2025-06-02',
        promisedDate: '2025-06-10',
        deliveredDate: undefined,
        status: 'in_transit',
      }),
    ).toEqual([
      { line: 2, field: 'shippedDate', reason: "2025-06-02 is after the audit's day 2025-06-01" },
    ]);
  });

  it('refuses a year without a calendar', () => {
    const problems = refused({
      shippedDate: '2012-03-01',
      promisedDate: '2012-03-05',
      deliveredDate: '2012-03-07',
    });
    expect(problems[0]?.reason).toContain('no RU business calendar for 2012');
  });

  it('checks a tolerance', () => {
    expect(toleranceProblem('5.25')).toBeNull();
    expect(toleranceProblem('-1')).toBe('is negative; it must be 0 or more');
    expect(toleranceProblem('1.005')).toBe('has 3 decimals; a tolerance allows at most 2');
  });
});

describe('audit line keys', () => {
  it('are in both languages, filled', () => {
    const ours = LINE_KEYS.filter((k) => k.startsWith('audit.') || k.startsWith('overcharge.'));
    expect(ours.length).toBe(9);
    const row = audited(
      {
        status: 'lost',
        deliveredDate: undefined,
        declaredValue: rub('100.00'),
      },
      { today: '2026-01-01' },
    );
    for (const l of row.findings[0]?.lines ?? [])
      expect(renderLine(l, 'ru')).not.toMatch(/\{\w+\}/);
  });
});
