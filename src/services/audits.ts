/**
 * Audits of carrier reports (issue 24): a shop uploads its carrier's report (CSV), the file
 * goes to R2 as it streams (./audit-upload.ts), and a queue reads it in chunks
 * (./audit-read.ts): each row parsed and audited by the domain (src/domain/audit), stored with
 * its findings. The answer (`AuditView`) is the head plus the sum of the chunk summaries
 * (./audit-view.ts). "File all" files a claim per owed row through the claim service, 25
 * rows a message (./audit-file.ts). Shared by the API and the desk; it knows no HTTP.
 *
 * Messages go to the AUDIT_JOBS queue; without it (tests, a Worker without the binding) each
 * job runs before the call returns, one after another (`inline`).
 */
import type { AuditFinding } from '../domain/audit/types';
import type { AuditOptions, AuditRowResult, AuditView } from '../domain/audit/view';
import type { Page, Storage } from '../storage/repository';
import type { Principal } from './actor';
import type { ClaimService } from './claims';
import { AuditNotFoundError } from './audit-errors';
import { startAudit, type AuditUpload } from './audit-upload';
import { abandonRead, readChunk } from './audit-read';
import { abandonFilingBatch, fileNext, startFiling } from './audit-file';
import { auditView } from './audit-view';
import { claimOf, rowsCsv } from './audit-csv';
import type { AuditHead } from '../storage/audit-repository';

export type { AuditUpload } from './audit-upload';

/** The largest report an audit takes, bytes, unless AUDIT_MAX_BYTES says otherwise (50 MB). */
export const DEFAULT_AUDIT_MAX_BYTES = 50 * 1024 * 1024;

/** The R2 calls an audit makes (an `R2Bucket` is one). */
export type AuditBucket = Pick<R2Bucket, 'get' | 'put' | 'delete' | 'createMultipartUpload'>;

/**
 * A message of the AUDIT_JOBS queue: read the chunk `seq` of the audit's file, or file the
 * next rows of filing run `run` (message `seq` of it).
 */
export type AuditJob =
  | { kind: 'read'; shopId: string; auditId: string; seq: number }
  | { kind: 'file'; shopId: string; auditId: string; run: number; seq: number };

/** How a job is run: `retried` when the queue delivers it again after a failure. */
export interface JobRun {
  retried?: boolean;
}

/** Where jobs are sent (a `Queue<AuditJob>` is one). */
export interface AuditJobQueue {
  send(message: AuditJob): Promise<unknown>;
}

export interface AuditServiceDeps {
  storage: Storage;
  clock: () => Date;
  /** Files the claims of "file all" (with an idempotency key per row). */
  claims: Pick<ClaimService, 'file'>;
  /** The AUDIT_FILES binding; absent: uploads answer `audit-storage-off`. */
  files: AuditBucket | undefined;
  /** The AUDIT_JOBS binding; absent: each job runs before the call returns. */
  jobs?: AuditJobQueue | undefined;
  /** AUDIT_MAX_BYTES; default DEFAULT_AUDIT_MAX_BYTES. */
  maxBytes?: number | undefined;
  /** New audit ids; default `aud_` + 32 hex. */
  newAuditId?: () => string;
}

/** What the jobs share: the deps, resolved, and how to send the next job. */
export interface AuditJobDeps extends AuditServiceDeps {
  send(job: AuditJob): Promise<void>;
}

export interface AuditRowsRequest {
  finding?: AuditFinding | undefined;
  cursor?: string | undefined;
  /** 1..1000 (default 100). */
  limit?: number | undefined;
}

export interface AuditListRequest {
  cursor?: string | undefined;
  limit?: number | undefined;
  /** The shop a clerk lists (a shop key lists its own). */
  shopId?: string | undefined;
}

/** The rows export, streamed: its download name and bytes. */
export interface AuditCsv {
  fileName: string;
  body: ReadableStream<Uint8Array>;
}

export interface AuditService {
  /**
   * Streams the file to AUDIT_FILES and starts reading it: the audit as created
   * (`processing`). The header is checked by the first chunk, not here.
   * @throws {AuditError} too large (413), a spreadsheet (415), empty or bad columns (400),
   *   no bucket (503).
   */
  start(
    principal: Principal,
    file: AuditUpload,
    options: AuditOptions,
    shopId?: string,
  ): Promise<AuditView>;
  /** @throws {AuditNotFoundError} no such audit, or another shop's. */
  get(principal: Principal, auditId: string): Promise<AuditView>;
  /** The shop's audits, newest first. */
  list(principal: Principal, request: AuditListRequest): Promise<Page<AuditView>>;
  /** A page of rows, by line: all, or those with one finding (`refused`: the rows not read). */
  rows(
    principal: Principal,
    auditId: string,
    request: AuditRowsRequest,
  ): Promise<Page<AuditRowResult>>;
  /** Every row (or one finding's), as Russian Excel's CSV (./audit-csv.ts). */
  rowsCsv(
    principal: Principal,
    auditId: string,
    request: { finding?: AuditFinding | undefined },
  ): Promise<AuditCsv>;
  /**
   * Files a claim for every owed row (or the `lines`), in the background: the audit with its
   * filing counters. A run already going is answered as it stands (never a second one).
   * @throws {AuditError} unknown lines (400), no shop profile (409).
   */
  fileClaims(
    principal: Principal,
    auditId: string,
    request: { lines?: number[] | undefined },
  ): Promise<AuditView>;
  /**
   * One queue message (the consumer's, and the inline runner's). `retried`: delivered again
   * after a failure, so the next job may never have been sent (it is sent again).
   */
  run(job: AuditJob, options?: JobRun): Promise<void>;
  /**
   * A message the queue gave up on (the dead-letter queue's consumer): a `read` fails the audit
   * (`read-failed`, the rows before kept), a `file` counts its rows failed and files the next.
   */
  giveUp(job: AuditJob): Promise<void>;
}

/** Rows a listing page takes by default, and at most. */
export const DEFAULT_ROWS_LIMIT = 100;
export const MAX_ROWS_LIMIT = 1000;

/**
 * @example
 * const audits = createAuditService({ storage, clock, claims, files: env.AUDIT_FILES, jobs: env.AUDIT_JOBS });
 * const view = await audits.start(principal, { body: request.body, contentType: 'text/csv' }, { carrier: 'cdek' });
 */
export function createAuditService(deps: AuditServiceDeps): AuditService {
  const pending: AuditJob[] = [];
  let draining = false;
  // Inline: jobs run one after another until none is left (a job sends the next).
  const send = async (job: AuditJob): Promise<void> => {
    if (deps.jobs) {
      await deps.jobs.send(job);
      return;
    }
    pending.push(job);
    if (draining) return;
    draining = true;
    try {
      for (let next = pending.shift(); next; next = pending.shift()) await run(next);
    } finally {
      draining = false;
    }
  };
  const jobDeps: AuditJobDeps = { ...deps, send };
  const run = (job: AuditJob, options: JobRun = {}): Promise<void> =>
    job.kind === 'read' ? readChunk(jobDeps, job, options) : fileNext(jobDeps, job, options);

  /** The audit if the caller may see it: its shop's key, or a clerk. */
  const visible = async (principal: Principal, auditId: string): Promise<AuditHead> => {
    const head = await deps.storage.audits.get(auditId);
    if (!head || (principal.role === 'shop' && head.shopId !== principal.shopId)) {
      throw new AuditNotFoundError(auditId);
    }
    return head;
  };
  const viewOf = async (head: AuditHead): Promise<AuditView> =>
    auditView(head, await deps.storage.audits.chunks(head.id));

  return {
    start: (principal, file, options, shopId) =>
      startAudit(jobDeps, principal, file, options, shopId),
    get: async (principal, auditId) => viewOf(await visible(principal, auditId)),
    async list(principal, request) {
      const shopId = principal.role === 'shop' ? principal.shopId : request.shopId;
      if (!shopId) return { items: [] };
      const page = await deps.storage.audits.list(shopId, {
        caller: principal.keyId,
        limit: request.limit ?? DEFAULT_ROWS_LIMIT,
        ...(request.cursor === undefined ? {} : { cursor: request.cursor }),
      });
      // A listing answers each audit's counters from its head; totals come with GET /{id}.
      return { ...page, items: page.items.map((head) => auditView(head, [])) };
    },
    async rows(principal, auditId, request) {
      await visible(principal, auditId);
      const page = await deps.storage.audits.rows(auditId, request.finding, {
        caller: principal.keyId,
        limit: request.limit ?? DEFAULT_ROWS_LIMIT,
        ...(request.cursor === undefined ? {} : { cursor: request.cursor }),
      });
      return {
        ...page,
        items: page.items.map((stored) => ({ ...stored.result, ...claimOf(stored) })),
      };
    },
    async rowsCsv(principal, auditId, request) {
      const head = await visible(principal, auditId);
      return rowsCsv(deps.storage, head, request.finding, principal.keyId);
    },
    async fileClaims(principal, auditId, request) {
      const head = await visible(principal, auditId);
      const requestedAll = (await viewOf(head)).fileable.count;
      return viewOf(await startFiling(jobDeps, head, request.lines, requestedAll));
    },
    run,
    giveUp: (job) =>
      job.kind === 'read' ? abandonRead(jobDeps, job) : abandonFilingBatch(jobDeps, job),
  };
}
