/**
 * The Worker's two consumers of claim changes (src/worker.ts):
 * - the queue: each message names a claim; the claim is reconciled (./claim-changes.ts) and
 *   its messages acked, or retried later if that failed (after `max_retries` the queue moves
 *   them to its dead-letter queue; the cron's sweep still reaches the claim);
 * - the cron: the changes the queue could not be told about (pending markers), then a
 *   stretch of the rolling sweep over every claim, whose position is kept between ticks, so
 *   every claim is checked again over time whatever was lost on the way.
 */
import { errorText, logOf, reconcileClaim, type ClaimChangeDeps } from './claim-changes';

/** One message of a queue batch, as the Workers runtime hands it (a subset of `Message`). */
export interface ChangeMessage {
  readonly body: unknown;
  readonly attempts: number;
  ack(): void;
  retry(options?: { delaySeconds?: number }): void;
}

/** Claims reconciled at once (a Worker has 6 connections; each reconcile reads 3 at once). */
const CONCURRENCY = 4;
/** The longest a retried message waits (seconds). */
const MAX_RETRY_DELAY = 300;

/** The claim a message names, or undefined for a body that is not a claim change. */
function claimIdOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const claimId = (body as { claimId?: unknown }).claimId;
  return typeof claimId === 'string' && claimId !== '' ? claimId : undefined;
}

/** Runs `work` on each item, `CONCURRENCY` at a time; whether each succeeded. */
async function each<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<boolean[]> {
  const done: boolean[] = new Array<boolean>(items.length).fill(false);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) {
      try {
        await work(items[i]!);
        done[i] = true;
      } catch {
        done[i] = false;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  return done;
}

/** Reconciles a claim; a failure is logged and rethrown. */
const reconcileLogged = (deps: ClaimChangeDeps) => async (claimId: string) => {
  try {
    await reconcileClaim(deps, claimId);
  } catch (error) {
    logOf(deps)({ event: 'claim-change-failed', claimId, error: errorText(error) });
    throw error;
  }
};

/**
 * The queue consumer: each claim of the batch reconciled once (however many messages name
 * it), its messages acked on success, retried with a growing delay on failure. A message
 * that names no claim is acked (retrying it cannot help).
 *
 * @example await consumeChanges(batch.messages, { storage, clock });
 */
export async function consumeChanges(
  messages: readonly ChangeMessage[],
  deps: ClaimChangeDeps,
): Promise<{ reconciled: number; retried: number }> {
  const byClaim = new Map<string, ChangeMessage[]>();
  for (const message of messages) {
    const claimId = claimIdOf(message.body);
    if (claimId === undefined) {
      message.ack();
      continue;
    }
    byClaim.set(claimId, [...(byClaim.get(claimId) ?? []), message]);
  }
  const claimIds = [...byClaim.keys()];
  const outcomes = await each(claimIds, reconcileLogged(deps));
  let retried = 0;
  claimIds.forEach((claimId, i) => {
    for (const message of byClaim.get(claimId)!) {
      if (outcomes[i]) {
        message.ack();
      } else {
        retried++;
        message.retry({ delaySeconds: Math.min(MAX_RETRY_DELAY, 5 * 2 ** message.attempts) });
      }
    }
  });
  return { reconciled: outcomes.filter(Boolean).length, retried };
}

/** How much one cron tick does at most. */
export interface CronBudget {
  /** Pending changes reconciled (default 100). */
  pending?: number;
  /** Claims of the rolling sweep reconciled (about; default 50). */
  sweep?: number;
}

/** What a cron tick did. */
export interface CronReport {
  pending: number;
  pendingFailed: number;
  swept: number;
  sweptFailed: number;
  /** Whether the sweep reached the end of the claims (and starts again next tick). */
  sweepRoundDone: boolean;
}

/**
 * One cron tick: the pending changes (each marker cleared once its claim is reconciled),
 * then the next stretch of the sweep (the cursor moves on even past a claim that failed:
 * the next round comes back to it). A reconcile is about 7 requests to DynamoDB: a tick of
 * the default budget needs the Workers Paid plan's subrequests (the Free plan allows 50).
 *
 * @example await runCron({ storage, clock }); // { pending: 0, swept: 50, … }
 */
export async function runCron(deps: ClaimChangeDeps, budget: CronBudget = {}): Promise<CronReport> {
  const { tallies } = deps.storage;
  const pending = await tallies.pending(budget.pending ?? 100);
  const pendingClaims = [...new Set(pending.map((change) => change.claimId))];
  const pendingDone = await each(pendingClaims, reconcileLogged(deps));
  const reconciled = new Set(pendingClaims.filter((_, i) => pendingDone[i]));
  await Promise.all(
    pending.filter((c) => reconciled.has(c.claimId)).map((c) => tallies.clearPending(c)),
  );

  const cursor = await tallies.sweepCursor();
  const page = await tallies.sweep(cursor.next, budget.sweep ?? 50);
  // Moved on before the stretch is reconciled: a tick cut short (a limit of the runtime) must
  // not leave the sweep stuck on the same stretch. What fails, the next round comes back to.
  await tallies.saveSweepCursor(
    { next: page.next, rounds: cursor.rounds + (page.next === undefined ? 1 : 0) },
    deps.clock().toISOString(),
  );
  const swept = await each(page.claimIds, reconcileLogged(deps));
  return {
    pending: pendingClaims.length,
    pendingFailed: pendingDone.filter((ok) => !ok).length,
    swept: page.claimIds.length,
    sweptFailed: swept.filter((ok) => !ok).length,
    sweepRoundDone: page.next === undefined,
  };
}
