/**
 * "File all" (POST /v1/audits/{id}/claims): a filing run walks the audit's fileable rows (or
 * the lines asked for), FILE_BATCH a `file` message, filing each through the claim service's
 * own `file` with the idempotency key `audit-<auditId>-<line>`, and marks the row with its
 * claim conditionally. Running it twice files nothing twice: a marked row is skipped, and a
 * row whose claim was filed but not marked (a message cut short) gets its first claim back
 * from the key. Only late and lost rows are filed: there is no claim type for an overcharge
 * (a re-measurement dispute is taken up with the carrier on its own form).
 */
import type { ClaimFiling } from '../domain/claim/filing';
import type { Claimant } from '../domain/claim/types';
import { DomainError } from '../domain/errors';
import Big from 'big.js';
import type { AuditFilingAdvance, AuditHead, StoredAuditRow } from '../storage/audit-repository';
import type { Principal } from './actor';
import { AuditError } from './audit-errors';
import { filedOwedOf, sumFiledOwed } from './audit-summary';
import type { AuditJob, AuditJobDeps, JobRun } from './audits';

/** Rows a `file` message files: each filing is a few requests, well inside a Worker's limits. */
export const FILE_BATCH = 25;
/** Lines one request may name. */
export const MAX_FILING_LINES = 5000;

/** The claim a fileable row makes: its lost or late finding's calculator input. */
export function rowFiling(
  auditId: string,
  stored: StoredAuditRow,
  claimant: Claimant,
  today: string,
): ClaimFiling | undefined {
  const { row, fileable } = stored;
  if (!row || !fileable) return undefined;
  const common = {
    carrier: row.carrier,
    waybill: row.waybill,
    ...(row.orderId === undefined ? {} : { orderId: row.orderId }),
    shippedDate: row.shippedDate,
    claimant,
    description: `Found by the audit ${auditId} of the carrier's report (line ${row.line}).`,
    evidence: [],
  };
  if (fileable.kind === 'lost') {
    const insured = row.insured === true && row.declaredValue !== undefined;
    return {
      ...common,
      type: 'lost',
      shipment: {
        deliveryCost: row.deliveryCost,
        deliveryPaid: true,
        ...(insured ? { insurance: { declaredValue: row.declaredValue! } } : {}),
      },
    };
  }
  return {
    ...common,
    type: 'late',
    shipment: {
      deliveryCost: row.deliveryCost,
      ...(row.promisedDate === undefined
        ? { shippedDate: row.shippedDate, transitBusinessDays: row.transitBusinessDays ?? 0 }
        : { promisedDate: row.promisedDate }),
      ...(row.deliveredDate === undefined ? { asOf: today } : { deliveredDate: row.deliveredDate }),
    },
  };
}

/** The claimant of the audit's claims: the shop's profile (its legal name, e-mail, phone). */
async function claimantOf(deps: AuditJobDeps, shopId: string): Promise<Claimant | undefined> {
  const profile = await deps.storage.shops.get(shopId);
  return profile && { name: profile.legalName, email: profile.email, phone: profile.phone };
}

/**
 * Starts a run (unless one is going) and sends its first message: the head as it then stands.
 * @throws {AuditError} the audit is still being read, unknown lines, or no shop profile.
 */
export async function startFiling(
  deps: AuditJobDeps,
  head: AuditHead,
  lines: number[] | undefined,
  requestedAll: number,
): Promise<AuditHead> {
  if (head.status !== 'completed') {
    throw new AuditError(
      'audit-not-completed',
      `The audit is ${head.status}: file once it has completed.`,
    );
  }
  if (lines !== undefined) {
    const unique = [...new Set(lines)].sort((a, b) => a - b);
    const found = new Set(
      (await deps.storage.audits.rowsAt(head.id, unique)).map((r) => r.result.line),
    );
    const unknown = unique.filter((line) => !found.has(line));
    if (unknown.length > 0) {
      const detail = `No rows at lines ${unknown.slice(0, 20).join(', ')}${unknown.length > 20 ? ', …' : ''}.`;
      throw new AuditError('audit-request-invalid', detail, {
        parameter: 'lines',
        code: 'unknown_line',
        detail,
      });
    }
    lines = unique;
  }
  if ((await claimantOf(deps, head.shopId)) === undefined) {
    throw new AuditError(
      'shop-profile-required',
      'The shop has no profile to sign its claims with: PUT /v1/shop first.',
    );
  }
  const requested = lines?.length ?? requestedAll;
  const { head: next, started } = await deps.storage.audits.startFiling(head.id, {
    requested,
    ...(lines === undefined ? {} : { lines }),
  });
  if (started && next.filing) {
    await deps.send({
      kind: 'file',
      shopId: head.shopId,
      auditId: head.id,
      run: next.filing.run,
      seq: 0,
    });
  }
  return (await deps.storage.audits.get(head.id)) ?? next;
}

type Outcome = { outcome: 'filed'; row: StoredAuditRow } | { outcome: 'skipped' | 'failed' };

/** One row filed (or why not). */
async function fileRow(
  deps: AuditJobDeps,
  head: AuditHead,
  stored: StoredAuditRow,
  claimant: Claimant,
  by: string,
): Promise<Outcome> {
  if (stored.filedClaimId !== undefined) {
    // A re-delivered message counts its own rows again; another run's are skipped.
    return stored.filedBy === by ? { outcome: 'filed', row: stored } : { outcome: 'skipped' };
  }
  const filing = rowFiling(head.id, stored, claimant, deps.clock().toISOString().slice(0, 10));
  if (!filing) return { outcome: 'skipped' };
  const line = stored.result.line;
  const principal: Principal = { keyId: `audit:${head.id}`, role: 'shop', shopId: head.shopId };
  try {
    const { claim } = await deps.claims.file(principal, filing, {
      idempotencyKey: `audit-${head.id}-${line}`,
      // The same row always replays its first claim, whatever day the retry comes on.
      fingerprintOf: { auditId: head.id, line },
    });
    const marked = await deps.storage.audits.markFiled(head.id, line, claim.id, by);
    return marked ? { outcome: 'filed', row: stored } : { outcome: 'skipped' };
  } catch (error) {
    // An open claim for the parcel, a window closed, not late after all: nothing to file.
    if (error instanceof DomainError) return { outcome: 'skipped' };
    console.error(
      JSON.stringify({
        event: 'audit-filing-failed',
        auditId: head.id,
        line,
        error: String(error),
      }),
    );
    return { outcome: 'failed' };
  }
}

/** The rows of this message: the next of `lines`, or the next fileable ones. */
async function batchOf(deps: AuditJobDeps, head: AuditHead) {
  const filing = head.filing!;
  if (filing.lines !== undefined) {
    const from = Number(filing.cursor ?? '0');
    const lines = filing.lines.slice(from, from + FILE_BATCH);
    const to = from + lines.length;
    return { lines, cursor: String(to), done: to >= filing.lines.length };
  }
  const next = await deps.storage.audits.owedLines(head.id, filing.cursor, FILE_BATCH);
  return { lines: next.lines, cursor: next.cursor, done: next.cursor === undefined };
}

type FileJob = Extract<AuditJob, { kind: 'file' }>;

/**
 * The audit, if `job` is its filing run's next message (not a stale or repeated one). A retried
 * message whose batch was counted (the run moved on, but sending the next may have failed)
 * sends the next again: the run's message number makes a duplicate a no-op.
 */
async function filingAt(deps: AuditJobDeps, job: FileJob, retried = false) {
  const head = await deps.storage.audits.get(job.auditId);
  const filing = head?.filing;
  if (filing?.status !== 'filing' || filing.run !== job.run) return undefined;
  if (retried && filing.seq === job.seq + 1) await deps.send({ ...job, seq: filing.seq });
  return filing.seq === job.seq ? head : undefined;
}

/** Counts a batch into the run (conditionally on its message number) and sends the next. */
async function countBatch(
  deps: AuditJobDeps,
  head: AuditHead,
  job: FileJob,
  batch: { cursor?: string | undefined; done: boolean },
  counts: Omit<AuditFilingAdvance, 'cursor' | 'done'>,
): Promise<void> {
  const moved = await deps.storage.audits.advanceFiling(head.id, job.run, job.seq, {
    ...counts,
    ...(batch.cursor === undefined ? {} : { cursor: batch.cursor }),
    done: batch.done,
  });
  if (moved && !batch.done) await deps.send({ ...job, seq: job.seq + 1 });
}

/**
 * @example await fileNext(deps, { kind: 'file', shopId: 's', auditId: 'aud_1', run: 1, seq: 0 });
 */
export async function fileNext(
  deps: AuditJobDeps,
  job: FileJob,
  { retried = false }: JobRun = {},
): Promise<void> {
  const head = await filingAt(deps, job, retried);
  if (!head) return;
  const batch = await batchOf(deps, head);
  const rows = await deps.storage.audits.rowsAt(head.id, batch.lines);
  const claimant = await claimantOf(deps, head.shopId);
  const by = `${job.run}#${job.seq}`;
  const outcomes = claimant
    ? await Promise.all(rows.map((row) => fileRow(deps, head, row, claimant, by)))
    : rows.map((): Outcome => ({ outcome: 'failed' }));
  const filed = outcomes.flatMap((o) => (o.outcome === 'filed' ? [o.row] : []));
  const filedAmounts: Record<string, string> = {};
  for (const { fileable } of filed) {
    if (!fileable) continue;
    const { currency, amount } = fileable.amount;
    filedAmounts[currency] = new Big(filedAmounts[currency] ?? '0').plus(amount).toFixed(2);
  }
  const count = (outcome: Outcome['outcome']) =>
    outcomes.filter((o) => o.outcome === outcome).length;
  await countBatch(deps, head, job, batch, {
    filed: count('filed'),
    skipped: count('skipped') + (batch.lines.length - rows.length),
    failed: count('failed'),
    filedAmounts,
    // Moved with the counters, on the same condition: a duplicate message takes off nothing.
    filedOwed: sumFiledOwed(filed.flatMap((row) => filedOwedOf(row.result))),
  });
}

/**
 * A `file` message the queue gave up on (its dead-letter queue's consumer): its rows count as
 * failed and the run goes on with the next batch, so one batch never stalls "file all". A row
 * of it filed before the failures is a claim already (its idempotency key): the next run finds
 * it. A stale or repeated message changes nothing.
 * @example await abandonFilingBatch(deps, { kind: 'file', shopId: 's', auditId: 'aud_1', run: 1, seq: 3 });
 */
export async function abandonFilingBatch(deps: AuditJobDeps, job: FileJob): Promise<void> {
  const head = await filingAt(deps, job);
  if (!head) return;
  const batch = await batchOf(deps, head);
  await countBatch(deps, head, job, batch, {
    filed: 0,
    skipped: 0,
    failed: batch.lines.length,
    filedAmounts: {},
    filedOwed: [],
  });
}
