/**
 * An audit as the API answers it and the desk shows it: its progress, its totals per finding
 * and carrier, and the claims it has filed. Built by the audit service (src/services/audits.ts)
 * from the stored audit and its chunks; the schema (src/schemas/audit.schema.ts) mirrors it.
 */
import type { IsoDate } from '../calendar/dates';
import type { MoneyJson } from '../money';
import type { AuditField, AuditFinding, AuditedRow, RowProblem } from './types';

export const AUDIT_STATUSES = ['processing', 'completed', 'failed'] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];

/** How the file is read: the request's options, kept with the audit. */
export interface AuditOptions {
  /** The carrier of rows without a carrier column (default `cdek`). */
  carrier?: string;
  /** Our field → the file's header, for headers we do not know. */
  columns?: Partial<Record<AuditField, string>>;
  /** Charged weight above the chargeable weight by more than this (percent, decimal string) is an overcharge. Default '0'. */
  overchargeTolerancePercent?: string;
  /** Calendar days past the promised date after which a parcel still on its way counts as lost. */
  lostAfterDays?: number;
  /** The file's name, as uploaded (shown on the desk). */
  fileName?: string;
}

/** A finding's total for one carrier (and currency). */
export interface AuditTotal {
  finding: Exclude<AuditFinding, 'refused'>;
  carrier: string;
  /** Rows with this finding, and what they come to. */
  count: number;
  amount: MoneyJson;
  /** Of those, what can still be filed: not expired, not already claimed, not yet filed from this audit. */
  owed: { count: number; amount: MoneyJson };
  /**
   * The earliest last day to file among the rows owed when the file was read (absent: none owed
   * now). After a partial filing it may be a filed row's: earlier than needed, never later.
   */
  fileBy?: IsoDate;
}

/** Claims filed from the audit (POST /v1/audits/{id}/claims). */
export interface AuditFiling {
  status: 'filing' | 'done';
  requested: number;
  filed: number;
  /** Already claimed, or nothing owed any more. */
  skipped: number;
  failed: number;
}

export interface AuditView {
  id: string;
  shopId: string;
  status: AuditStatus;
  options: AuditOptions;
  /** What the file turned out to be. */
  encoding?: 'utf-8' | 'windows-1251';
  createdAt: string;
  completedAt?: string;
  /** Why the whole file failed (bad header, not CSV); rows failing never fail the file. */
  failure?: { code: string; detail: string };
  progress: { bytesRead: number; bytesTotal: number; percent: number };
  rows: { read: number; audited: number; refused: number };
  totals: AuditTotal[];
  /** What "file all" would file now: the owed late and lost rows. */
  fileable: { count: number; amount: MoneyJson[] };
  filing?: AuditFiling;
}

/** A row of the results: audited (findings) or refused (problems). */
export type AuditRowResult = AuditedRow & { problems?: RowProblem[] };
