/**
 * The cron entry of the retention pass (wrangler.toml [triggers], its own expression, so its
 * subrequests are not the claim-change cron's): a few bounded rounds of
 * src/services/personal-data-retention.ts, and one JSON line with what they did (counts only:
 * no personal data reaches a log).
 */
import {
  runRetention,
  type RetentionDeps,
  type RetentionReport,
} from '../services/personal-data-retention';

/**
 * Hourly at :40: the records due today are erased in the first tick that reaches them (a
 * shop's 30 days, 152-FZ art. 21(4), leave ample room); 24 bounded ticks a day keep each
 * within a Worker invocation's subrequests however many records fall due on one day.
 */
export const RETENTION_CRON = '40 * * * *';
/** Rounds of RETENTION_PER_TICK records per tick (~10 subrequests a record). */
const ROUNDS = 10;

/**
 * @example await retainPersonalData(deps); // logs { event: 'personal-data-retention', due, erased, moved, failed }
 */
export async function retainPersonalData(
  deps: RetentionDeps,
  log: (line: string) => void = console.log,
): Promise<RetentionReport> {
  const total: RetentionReport = { due: 0, erased: 0, moved: 0, failed: 0 };
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const report = await runRetention(deps);
      for (const key of ['due', 'erased', 'moved', 'failed'] as const) total[key] += report[key];
      // Nothing due, or only what failed (it waits for the next tick).
      if (report.erased + report.moved === 0) break;
    }
    log(JSON.stringify({ event: 'personal-data-retention', ...total }));
  } catch (error) {
    console.error(
      JSON.stringify({ event: 'personal-data-retention-failed', error: String(error) }),
    );
  }
  return total;
}
