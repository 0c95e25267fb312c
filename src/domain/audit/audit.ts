/**
 * What the carrier owes for one audited row: late (the calculators' computeLate on the
 * destination's official calendar, the carrier's rate and cap), lost (computeLost), and an
 * overcharge (a charged weight above the package's chargeable weight by more than the shop's
 * tolerance). Each finding carries the calculators' own lines, the last day to file, and
 * whether that day has passed. Pure: the day, the tolerance and the shop's claims come in.
 */
import Big from 'big.js';
import { DEFAULT_CALENDAR, getCalendar } from '../calendar';
import { addMonths, toDayNumber, type IsoDate } from '../calendar/dates';
import { computeLate, computeLost } from '../compensation';
import { resolveLateSpan } from '../compensation/late-span';
import { roundOnce } from '../compensation/shared';
import { DomainError } from '../errors';
import { line, type Line } from '../explain';
import { CURRENCIES, decimalProblem, formatMoney, moneyFromJson, type MoneyJson } from '../money';
import { resolvePolicy, type CarrierPolicy } from '../policies';
import { computeWeight } from '../weight';
import type { AuditedRow, AuditField, AuditRow, Finding, RowProblem } from './types';

/** @example { today: '2025-06-01', tolerancePercent: '5', claims: new Map([['1234567890', 'clm_1']]) } */
export interface AuditContext {
  today: IsoDate;
  /** Percent (decimal string) the charged weight may exceed the chargeable weight by. */
  tolerancePercent: string;
  /** The shop's existing claims by waybill (their findings are not counted again). */
  claims: ReadonlyMap<string, string>;
  /**
   * Calendar days after the promised date past which a parcel still on its way counts as lost
   * (the shop's term: no carrier policy of ours sets one); absent, only the status says lost.
   */
  lostAfterDays?: number;
}

/** Largest `lostAfterDays` an audit takes. @example MAX_LOST_AFTER_DAYS // 365 */
export const MAX_LOST_AFTER_DAYS = 365;

/** Decimals a tolerance may carry. @example TOLERANCE_DECIMALS // 2 */
export const TOLERANCE_DECIMALS = 2;

const HUNDRED = new Big(100);

/** A weight as the weight lines print it: whole grams at least, every decimal it has. */
const kgText = (kg: Big): string => kg.toFixed(Math.max(3, kg.c.length - kg.e - 1));

/** The part of a finding that depends on when it must be filed. */
interface Window {
  fileBy: IsoDate;
  expired: boolean;
  lines: Line[];
}

function filingWindow(row: AuditRow, policy: CarrierPolicy, today: IsoDate): Window {
  const months = policy.claims.filingWindowMonths;
  const fileBy = addMonths(row.shippedDate, months);
  const expired = today > fileBy;
  const lines = [line('audit.file_by', { fileBy, months, shippedDate: row.shippedDate })];
  if (expired) lines.push(line('audit.expired', { fileBy, today }));
  return { fileBy, expired, lines };
}

function finding(kind: Finding['kind'], amount: MoneyJson, lines: Line[], window: Window): Finding {
  return {
    kind,
    amount,
    lines: [...lines, ...window.lines],
    fileBy: window.fileBy,
    expired: window.expired,
  };
}

function lateFinding(
  row: AuditRow,
  policy: CarrierPolicy,
  today: IsoDate,
): { amount: MoneyJson; lines: Line[] } | null {
  if (row.status !== 'delivered' && row.status !== 'in_transit') return null;
  const calendar = calendarOf(row);
  const deadline = deadlineOf(row);
  const end =
    row.status === 'delivered' && row.deliveredDate !== undefined
      ? { deliveredDate: row.deliveredDate }
      : { asOf: today };
  const input = { deliveryCost: row.deliveryCost, ...deadline, ...end };
  const result = computeLate(input, { policy, calendar });
  if (new Big(result.amount.amount).eq(0)) return null;
  const head = 'asOf' in end ? [line('audit.late.undelivered', { asOf: today })] : [];
  return { amount: result.amount, lines: [...head, ...result.lines] };
}

const calendarOf = (row: AuditRow) => getCalendar(row.destinationCountry ?? DEFAULT_CALENDAR);

/** The row's way to its promised date: given, or shipped + transit business days. */
const deadlineOf = (row: AuditRow) =>
  row.promisedDate !== undefined
    ? { promisedDate: row.promisedDate, shippedDate: row.shippedDate }
    : { shippedDate: row.shippedDate, transitBusinessDays: row.transitBusinessDays ?? 0 };

/**
 * For a parcel still on its way: its promised date and the calendar days since, when more than
 * the audit's `lostAfterDays` (it counts as lost); otherwise null.
 */
function presumedLost(row: AuditRow, today: IsoDate, lostAfterDays: number | undefined) {
  if (lostAfterDays === undefined || row.status !== 'in_transit') return null;
  if (row.deliveredDate !== undefined) return null;
  const { promisedDate } = resolveLateSpan({ ...deadlineOf(row), asOf: today }, calendarOf(row));
  const days = toDayNumber(today) - toDayNumber(promisedDate);
  return days > lostAfterDays ? { due: promisedDate, days, lostAfterDays } : null;
}

function lostFinding(
  row: AuditRow,
  policy: CarrierPolicy,
  presumed: { due: IsoDate; days: number; lostAfterDays: number } | null,
): { amount: MoneyJson; lines: Line[] } {
  const declared = row.declaredValue;
  const insured = row.insured ?? (declared !== undefined && new Big(declared.amount).gt(0));
  const result = computeLost(
    {
      deliveryCost: row.deliveryCost,
      insurance: insured && declared !== undefined ? { declaredValue: declared } : null,
    },
    { policy },
  );
  // What the shop can claim: the payable parts and what proof of the contents' value unlocks.
  const total = result.components.reduce((sum, c) => sum.plus(c.amount.amount), new Big(0));
  const { currency } = result.amount;
  const amount = { amount: total.toFixed(CURRENCIES[currency].exponent), currency };
  const lines = [
    presumed === null
      ? line('audit.lost.status', { name: policy.name, nameRu: policy.ru.name })
      : line('audit.lost.presumed', { ...presumed, name: policy.name, nameRu: policy.ru.name }),
    ...result.lines,
    line('audit.lost.claimable', { total: formatMoney(amount) }),
  ];
  return { amount, lines };
}

function overchargeFinding(
  row: AuditRow,
  policy: CarrierPolicy,
  tolerancePercent: string,
): { amount: MoneyJson; lines: Line[] } | null {
  if (row.package === undefined || row.chargedWeightKg === undefined) return null;
  const weight = computeWeight({ carrier: policy.id, packages: [row.package] }, { policy });
  const chargeable = new Big(weight.totalChargeableKg);
  const charged = new Big(row.chargedWeightKg);
  const limit = chargeable.times(HUNDRED.plus(tolerancePercent)).div(HUNDRED);
  if (charged.lte(limit)) return null;
  const base = moneyFromJson(row.chargedAmount ?? row.deliveryCost, '/chargedAmount');
  const exact = base.amount.times(charged.minus(chargeable)).div(charged);
  const rounded = roundOnce({ amount: exact, currency: base.currency });
  const kg = { chargedKg: kgText(charged), chargeableKg: kgText(chargeable) };
  const lines = [
    ...weight.lines,
    line('overcharge.weights', kg),
    line('overcharge.tolerance', { ...kg, tolerancePercent, limitKg: kgText(limit) }),
    line('overcharge.amount', {
      ...kg,
      charged: formatMoney(base),
      exact: `${exact.toFixed(6)} ${base.currency}`,
    }),
  ];
  if (rounded.line) lines.push(rounded.line);
  return { amount: rounded.json, lines };
}

const POINTER_FIELDS: Readonly<Record<string, AuditField>> = {
  promisedDate: 'promisedDate',
  shippedDate: 'shippedDate',
  deliveredDate: 'deliveredDate',
  transitBusinessDays: 'transitBusinessDays',
  deliveryCost: 'deliveryCost',
  insurance: 'declaredValue',
  chargedAmount: 'chargedAmount',
  packages: 'weightKg',
};

function problemOf(row: AuditRow, error: DomainError): RowProblem {
  const head = error.pointer?.split('/')[1];
  const field = head === undefined ? undefined : POINTER_FIELDS[head];
  const reason = head === 'asOf' ? `${error.message} (the audit's day)` : error.message;
  return { line: row.line, ...(field ? { field } : {}), reason };
}

/** Dates after the audit's day are typos or a report from the future: nothing is owed on them. */
function futureDates(row: AuditRow, today: IsoDate): RowProblem[] {
  return (['shippedDate', 'deliveredDate'] as const).flatMap((field) => {
    const date = row[field];
    if (date === undefined || date <= today) return [];
    return [{ line: row.line, field, reason: `${date} is after the audit's day ${today}` }];
  });
}

/**
 * Checks the context once: a tolerance must be a plain decimal percent.
 * @example toleranceProblem('5.5') // null
 */
export function toleranceProblem(tolerancePercent: string): string | null {
  return decimalProblem(tolerancePercent, TOLERANCE_DECIMALS, 'a tolerance');
}

/**
 * What the carrier owes for the row, finding by finding; a row the calculators refuse (a date
 * before shipping, a year without a calendar) comes back as problems, never as an exception.
 * Lost is by the report's status, or, when the shop gives the audit a term (`lostAfterDays`:
 * no policy of ours sets one), a parcel still on its way that many calendar days after its
 * promised date; the lines say which. A parcel still on its way is otherwise late up to the
 * audit's day; a returned or undelivered one is not late (it was refused, not held).
 * @example auditRow(row, { today: '2025-06-01', tolerancePercent: '0', claims: new Map() }).findings[0].kind // 'late'
 */
export function auditRow(
  row: AuditRow,
  ctx: AuditContext,
): AuditedRow | { problems: RowProblem[] } {
  const future = futureDates(row, ctx.today);
  if (future.length > 0) return { problems: future };
  const findings: Finding[] = [];
  try {
    const policy = resolvePolicy(row.carrier);
    const window = filingWindow(row, policy, ctx.today);
    const presumed = presumedLost(row, ctx.today, ctx.lostAfterDays);
    if (row.status === 'lost' || presumed !== null) {
      const lost = lostFinding(row, policy, presumed);
      findings.push(finding('lost', lost.amount, lost.lines, window));
    } else {
      const late = lateFinding(row, policy, ctx.today);
      if (late !== null) findings.push(finding('late', late.amount, late.lines, window));
    }
    const over = overchargeFinding(row, policy, ctx.tolerancePercent);
    if (over !== null) findings.push(finding('overcharge', over.amount, over.lines, window));
  } catch (error) {
    if (error instanceof DomainError) return { problems: [problemOf(row, error)] };
    throw error;
  }
  const audited: AuditedRow = {
    line: row.line,
    waybill: row.waybill,
    carrier: row.carrier,
    findings,
  };
  if (row.orderId !== undefined) audited.orderId = row.orderId;
  const claimId = ctx.claims.get(row.waybill);
  if (claimId !== undefined) audited.claimId = claimId;
  return audited;
}
