/**
 * The cron entry of the daily carrier reconciliation (wrangler.toml [triggers], its own
 * expression, so that its subrequests are not the claim-change cron's): one bounded run of
 * src/services/carrier-reconciliation.ts, and one JSON line with what it did.
 */
import { runReconciliation, type ReconciliationDeps } from '../services/carrier-reconciliation';

/** The cron expression that runs it (wrangler.toml's second; the first is the claim changes'). */
export const RECONCILIATION_CRON = '2,7,12,17,22,27,32,37,42,47,52,57 * * * *';

/**
 * @example await reconcileCarriers(deps, (line) => console.log(line));
 */
export async function reconcileCarriers(
  deps: ReconciliationDeps,
  log: (line: string) => void = console.log,
): Promise<void> {
  const report = await runReconciliation(deps);
  log(JSON.stringify({ event: 'carrier-reconciliation', ...report }));
}
