/**
 * The daily retention pass (the cron, src/worker.ts): the records whose retention entry is due
 * (src/storage/dynamodb/pd-retention.ts) are erased, each with reason `retention`, one act per
 * record (the act names the record and the shop's retainDays: the instruction it carries out;
 * an act per shop and day would mix people, and the act must say whose data it destroyed).
 * Bounded per tick; an entry that is not due any more under the shop's current retainDays (it
 * grew since the record settled) is moved to its new day; one that fails stays for tomorrow.
 */
import { isErasedPerson, retentionDueDay } from '../domain/personal-data';
import type { RetentionEntry, Storage } from '../storage/repository';
import { retainDaysOf, type PersonalDataService } from './personal-data';

/** Records a tick erases at most (each is a few reads and one or two transactions). */
export const RETENTION_PER_TICK = 50;

/** What a tick did, for its log line (ids only: no personal data). */
export interface RetentionReport {
  due: number;
  erased: number;
  moved: number;
  failed: number;
}

export interface RetentionDeps {
  storage: Storage;
  personalData: PersonalDataService;
  clock: () => Date;
}

/**
 * @example const report = await runRetention({ storage, personalData, clock }); // { due: 3, erased: 3, moved: 0, failed: 0 }
 */
export async function runRetention(
  deps: RetentionDeps,
  limit = RETENTION_PER_TICK,
): Promise<RetentionReport> {
  const today = deps.clock().toISOString().slice(0, 10);
  const entries = await deps.storage.personalData.dueForRetention(today, limit);
  const report: RetentionReport = { due: entries.length, erased: 0, moved: 0, failed: 0 };
  for (const entry of entries) {
    try {
      const outcome = await retain(deps, entry, today);
      report[outcome] += 1;
    } catch (error) {
      report.failed += 1;
      console.error(
        JSON.stringify({ event: 'retention-failed', record: entry.record, error: String(error) }),
      );
    }
  }
  return report;
}

async function retain(
  deps: RetentionDeps,
  entry: RetentionEntry,
  today: string,
): Promise<'erased' | 'moved'> {
  const { storage, personalData } = deps;
  const { shopId, record } = entry;
  const retainDays = await retainDaysOf(storage, shopId);
  const settled = await settledAt(storage, entry);
  if (settled !== undefined) {
    const dueDay = retentionDueDay(settled, retainDays);
    if (dueDay > today) {
      await storage.personalData.scheduleRetention({ ...entry, dueDay });
      return 'moved';
    }
  }
  if (settled === undefined) {
    // Gone, or already erased: nothing left to keep.
    await storage.personalData.clearRetention(shopId, record);
    return 'erased';
  }
  const selector = record.kind === 'claim' ? { claimId: record.id } : { orderId: record.id };
  await personalData.eraseRecord(shopId, selector, retainDays);
  return 'erased';
}

/** When the record settled (a claim: its last move; an order: its last write); undefined if gone or erased. */
async function settledAt(storage: Storage, entry: RetentionEntry): Promise<string | undefined> {
  if (entry.record.kind === 'claim') {
    const claim = await storage.claims.get(entry.record.id);
    return claim === undefined || isErasedPerson(claim.claimant) ? undefined : claim.updatedAt;
  }
  const order = await storage.shipments.getOrder(entry.shopId, entry.record.id);
  return order === undefined || isErasedPerson(order.customer) ? undefined : order.updatedAt;
}
