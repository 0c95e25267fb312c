/**
 * A carrier report audited row by row: what each parcel's row says (`AuditRow`), what it is
 * owed (`AuditedRow` with its findings) and why a row could not be read (`RowProblem`).
 * Shared by the parser (./csv.ts, ./columns.ts, ./row.ts), the audit (./audit.ts), the
 * storage of results and the desk. Money travels as decimal strings, dates as ISO days.
 */
import type { IsoDate } from '../calendar/dates';
import type { Line } from '../explain';
import type { MoneyJson } from '../money';

/** What a row can be found to be owed, plus `refused` (the row could not be audited). */
export const AUDIT_FINDINGS = ['late', 'lost', 'overcharge', 'refused'] as const;
export type AuditFinding = (typeof AUDIT_FINDINGS)[number];
/** The findings that carry money (a refused row carries its problems instead). */
export type MoneyFinding = Exclude<AuditFinding, 'refused'>;

/** A parcel's state as the report gives it, in our words. */
export const REPORT_STATUSES = [
  'delivered',
  'in_transit',
  'lost',
  'not_delivered',
  'returned',
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/**
 * The fields a report column can map to (our template's header names, documented in the spec).
 * `promisedDate` or `transitBusinessDays` gives the deadline; the package fields are one
 * package's (a row is one parcel).
 */
export const AUDIT_FIELDS = [
  'waybill',
  'orderId',
  'carrier',
  'shippedDate',
  'promisedDate',
  'transitBusinessDays',
  'deliveredDate',
  'status',
  'deliveryCost',
  'declaredValue',
  'insured',
  'lengthCm',
  'widthCm',
  'heightCm',
  'weightKg',
  'chargedWeightKg',
  'chargedAmount',
  // Appended (issue 24, audit domain): the business calendar a delay is counted in.
  'destinationCountry',
] as const;
export type AuditField = (typeof AUDIT_FIELDS)[number];

/** One parcel's row, parsed: every value checked and in our units. */
export interface AuditRow {
  /** The physical line of the file the row starts on (1 = the header). */
  line: number;
  waybill: string;
  orderId?: string;
  /** A carrier code we know (`cdek`, …); the audit's default when the file has no column. */
  carrier: string;
  shippedDate: IsoDate;
  promisedDate?: IsoDate;
  transitBusinessDays?: number;
  deliveredDate?: IsoDate;
  status: ReportStatus;
  deliveryCost: MoneyJson;
  declaredValue?: MoneyJson;
  insured?: boolean;
  /** One package's dimensions and weight (all four, or none). */
  package?: { lengthCm: string; widthCm: string; heightCm: string; weightKg: string };
  chargedWeightKg?: string;
  chargedAmount?: MoneyJson;
  /** The destination's country (ISO alpha-2), whose official calendar counts a delay; absent: RU. */
  destinationCountry?: string;
}

/** Why a row (or one of its cells) could not be read. @example { line: 7, column: 'Дата отправки', field: 'shippedDate', reason: 'is not a date (dd.mm.yyyy or yyyy-mm-dd)' } */
export interface RowProblem {
  line: number;
  /** The column's header as written in the file (absent: the row as a whole). */
  column?: string;
  field?: AuditField;
  reason: string;
}

/** One thing a parcel is owed. */
export interface Finding {
  kind: MoneyFinding;
  amount: MoneyJson;
  /** How the amount was reached: the calculators' own lines. */
  lines: Line[];
  /** The last day the shop can file for it (the policy's claim window). */
  fileBy: IsoDate;
  /** Past `fileBy` on the audit's day: found, but no longer claimable. */
  expired: boolean;
}

/** A row and what it is owed; `claimId` when a claim for the parcel already exists. */
export interface AuditedRow {
  line: number;
  waybill: string;
  orderId?: string;
  carrier: string;
  findings: Finding[];
  /** A claim the shop already filed for this waybill: its findings are not counted again. */
  claimId?: string;
}
