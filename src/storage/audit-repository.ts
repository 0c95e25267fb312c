/**
 * What the audits of carrier reports need from storage (issue 24), with no database types in
 * sight: the audit's head, one item per audited row, a pointer per finding, one summary per
 * chunk read (./dynamodb/audit-repository.ts). Totals are never kept on the head: they are the
 * sum of the chunk summaries at read, so no item is written by two chunks and a chunk read
 * twice (a re-delivered message) rewrites the same keys. The head keeps only what filing took
 * off them (`filedOwed`), moved by the filing run's one conditional update per message.
 */
import type { IsoDate } from '../domain/calendar/dates';
import type { HeaderMapping } from '../domain/audit/columns';
import type { CsvSkip } from '../domain/audit/csv';
import type { FileShape } from '../domain/audit/sniff';
import type { AuditFinding, AuditRow, MoneyFinding } from '../domain/audit/types';
import type { AuditOptions, AuditRowResult, AuditStatus } from '../domain/audit/view';
import type { MoneyJson } from '../domain/money';
import type { Page, PageRequest } from './repository';

/** What the file turned out to be (the sniff of its first bytes). */
export type AuditFileShape = FileShape;
/** The header row's mapping, field → column (JSON, as the parser gives it). */
export type AuditHeaderMapping = HeaderMapping;

/** Rows read so far: audited (findings or none) and refused (problems). */
export interface AuditRowCounts {
  read: number;
  audited: number;
  refused: number;
}

/** A filing run (POST /v1/audits/{id}/claims), as the head keeps it. */
export interface AuditFilingState {
  status: 'filing' | 'done';
  /** The run's number (1, 2, …): a row's mark names the run and message that filed it. */
  run: number;
  /** The next `file` message's number within the run. */
  seq: number;
  requested: number;
  filed: number;
  skipped: number;
  failed: number;
  /** The lines asked for (absent: every owed row), and how far the run is through them. */
  lines?: number[];
  /** Where the walk over the owed rows stands: an index into `lines`, or the last pointer read. */
  cursor?: string;
  /** Every run's: the rows the audit has filed, and what they come to per currency. */
  filedRows: number;
  filedAmounts: Record<string, string>;
  /** Every run's: what the rows filed took off the chunks' owed totals (the view subtracts it). */
  filedOwed: AuditFiledOwed[];
}

/**
 * What the rows an audit filed took off one finding × carrier × currency's owed total: a filed
 * row's owed late and lost findings (its claim covers both), counted once per row.
 */
export interface AuditFiledOwed {
  finding: MoneyFinding;
  carrier: string;
  currency: string;
  count: number;
  amount: string;
}

/** The audit's head: its options, where the reading stands, its counters. */
export interface AuditHead {
  id: string;
  shopId: string;
  status: AuditStatus;
  options: AuditOptions;
  /** The uploaded file in AUDIT_FILES. */
  objectKey: string;
  bytesTotal: number;
  /** The request's `charset` (windows-1251 honoured over the sniff); absent: sniffed. */
  charset?: 'utf-8' | 'windows-1251';
  createdAt: string;
  completedAt?: string;
  failure?: { code: string; detail: string };
  shape?: AuditFileShape;
  mapping?: AuditHeaderMapping;
  /** The next `read` chunk's number (0: the first, which reads the header). */
  seq: number;
  /** Where the next chunk starts: a byte offset in the file and its line number. */
  nextOffset: number;
  nextLine: number;
  /** The reader is inside a record too long to keep, where the last chunk ended. */
  skipping?: CsvSkip;
  rows: AuditRowCounts;
  filing?: AuditFilingState;
}

/** One finding × carrier × currency of a chunk: what its rows come to. */
export interface AuditChunkTotal {
  finding: MoneyFinding;
  carrier: string;
  currency: string;
  count: number;
  amount: string;
  /** Not expired and not already claimed. */
  owedCount: number;
  owedAmount: string;
  /** The earliest last day to file among the owed rows. */
  fileBy?: IsoDate;
}

/** One chunk's summary: its rows and totals, and what "file all" would file of them. */
export interface AuditChunk {
  seq: number;
  rows: AuditRowCounts;
  totals: AuditChunkTotal[];
  /** Rows with an owed late or lost finding (one claim each: lost if both), by currency. */
  fileable: { count: number; amounts: Record<string, string> };
}

/** A row as stored: its result, the parsed row (what filing needs), its claim if filed. */
export interface StoredAuditRow {
  result: AuditRowResult;
  row?: AuditRow;
  /** What "file all" files for the row (an owed lost, else late, finding); absent: nothing. */
  fileable?: { kind: 'late' | 'lost'; amount: MoneyJson };
  /** The claim the audit filed for the row. */
  filedClaimId?: string;
  /** `<run>#<seq>`: the filing message that marked it (a re-delivered one counts it again). */
  filedBy?: string;
}

/** How an audit's head moves after a chunk (all conditional on the chunk's number). */
export interface AuditAdvance {
  nextOffset: number;
  nextLine: number;
  /** Where the reader stands inside a too-long record (absent: it is not). */
  skipping?: CsvSkip;
  /** Added to the head's counters. */
  rows: AuditRowCounts;
  shape?: AuditFileShape;
  mapping?: AuditHeaderMapping;
  /** Set when the chunk read the file's end. */
  completedAt?: string;
}

/** How a filing run moves after a `file` message (conditional on the run and its number). */
export interface AuditFilingAdvance {
  filed: number;
  skipped: number;
  failed: number;
  /** Per currency, what the rows filed come to (added, as `filed` is to `filedRows`). */
  filedAmounts: Record<string, string>;
  /** What those rows take off the owed totals (added to the head's `filedOwed`). */
  filedOwed: AuditFiledOwed[];
  cursor?: string;
  done: boolean;
}

/** Which rows a listing reads: all (line order) or one finding's. */
export type AuditRowFilter = AuditFinding | undefined;

/**
 * Audits, their rows and chunks. Every listing follows LastEvaluatedKey; batch writes retry
 * what DynamoDB leaves unprocessed.
 *
 * @example
 * await audits.create(head);
 * await audits.writeChunk(head.id, 0, rows, chunk);
 * if (await audits.advance(head.id, 0, { nextOffset, nextLine, rows: counts })) send(next);
 */
export interface AuditRepository {
  /** @throws {ConflictError} when the id is taken. */
  create(head: AuditHead): Promise<AuditHead>;
  /** The head (strongly consistent), or undefined. */
  get(auditId: string): Promise<AuditHead | undefined>;
  /** A shop's audits, newest first. */
  list(shopId: string, page: PageRequest): Promise<Page<AuditHead>>;
  /** Writes the chunk's rows, their finding pointers and its summary (idempotent: same keys). */
  writeChunk(auditId: string, rows: readonly StoredAuditRow[], chunk: AuditChunk): Promise<void>;
  /** Moves the head past chunk `seq` if it is still at it; false: another delivery did. */
  advance(auditId: string, seq: number, next: AuditAdvance): Promise<boolean>;
  /** Marks the audit failed (a bad header, not a CSV) if still processing at chunk `seq`. */
  fail(
    auditId: string,
    seq: number,
    failure: { code: string; detail: string },
    at: string,
  ): Promise<boolean>;
  /** Every chunk summary, in order. */
  chunks(auditId: string): Promise<AuditChunk[]>;
  /** A page of rows, by line (all, or one finding's through its pointers). */
  rows(auditId: string, finding: AuditRowFilter, page: PageRequest): Promise<Page<StoredAuditRow>>;
  /** The rows at these lines (those that exist), by line. */
  rowsAt(auditId: string, lines: readonly number[]): Promise<StoredAuditRow[]>;
  /** The lines of the next fileable rows (their `OWED` pointers) after `after`, in line order. */
  owedLines(
    auditId: string,
    after: string | undefined,
    limit: number,
  ): Promise<{ lines: number[]; cursor?: string }>;
  /** Marks a row filed with its claim unless it already is; false: it was. */
  markFiled(auditId: string, line: number, claimId: string, by: string): Promise<boolean>;
  /**
   * Starts a filing run unless one is running; the head as it then stands (a running run's,
   * when one was).
   */
  startFiling(
    auditId: string,
    request: { requested: number; lines?: number[] },
  ): Promise<{ head: AuditHead; started: boolean }>;
  /** Moves filing run `run` past message `seq` if still at it. */
  advanceFiling(
    auditId: string,
    run: number,
    seq: number,
    next: AuditFilingAdvance,
  ): Promise<boolean>;
  /** The shop's claims for these waybills, open or settled (waybill → claim id). */
  claimsByWaybill(shopId: string, waybills: readonly string[]): Promise<Map<string, string>>;
}
