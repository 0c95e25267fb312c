/**
 * The audit as the API answers it (`AuditView`): the head's progress and counters, and the
 * totals summed over the chunk summaries at read (no item holds a running total, so no two
 * chunks ever write the same item), less what the audit's filing runs took off the owed ones
 * (kept on the head: see `filedOwedOf`). Money is summed with big.js, per finding, carrier and
 * currency.
 */
import Big from 'big.js';
import type { AuditTotal, AuditView } from '../domain/audit/view';
import type { MoneyJson } from '../domain/money';
import type { AuditChunk, AuditFiledOwed, AuditHead } from '../storage/audit-repository';

const add = (a: string, b: string): string => new Big(a).plus(b).toFixed(2);
const money = (amount: string, currency: string): MoneyJson =>
  ({ amount: new Big(amount).toFixed(2), currency }) as MoneyJson;

const totalKey = (finding: string, carrier: string, currency: string) =>
  `${finding}\u0000${carrier}\u0000${currency}`;

/**
 * The owed totals less what the audit filed: exact counts and sums (each filed row's owed
 * findings were counted owed when its chunk was read). `fileBy` stays the earliest of the rows
 * owed when read (it may belong to a row filed since: never later than the true one), and goes
 * when nothing is owed any more.
 */
function lessFiled(totals: Map<string, AuditTotal>, filed: readonly AuditFiledOwed[]): void {
  for (const f of filed) {
    const key = totalKey(f.finding, f.carrier, f.currency);
    const total = totals.get(key);
    if (!total) continue;
    const count = Math.max(0, total.owed.count - f.count);
    const left = new Big(total.owed.amount.amount).minus(f.amount);
    const amount = count === 0 || left.lt(0) ? '0' : left.toString();
    const { finding, carrier, fileBy } = total;
    totals.set(key, {
      finding,
      carrier,
      count: total.count,
      amount: total.amount,
      owed: { count, amount: money(amount, f.currency) },
      ...(count === 0 || fileBy === undefined ? {} : { fileBy }),
    });
  }
}

/** The chunks' totals, merged: one per finding × carrier × currency, in the findings' order. */
function totalsOf(chunks: readonly AuditChunk[], filed: readonly AuditFiledOwed[]): AuditTotal[] {
  const merged = new Map<string, AuditTotal>();
  for (const total of chunks.flatMap((c) => c.totals)) {
    const key = totalKey(total.finding, total.carrier, total.currency);
    const seen = merged.get(key);
    const fileBy =
      seen?.fileBy === undefined || (total.fileBy !== undefined && total.fileBy < seen.fileBy)
        ? total.fileBy
        : seen.fileBy;
    merged.set(key, {
      finding: total.finding,
      carrier: total.carrier,
      count: (seen?.count ?? 0) + total.count,
      amount: money(add(seen?.amount.amount ?? '0', total.amount), total.currency),
      owed: {
        count: (seen?.owed.count ?? 0) + total.owedCount,
        amount: money(add(seen?.owed.amount.amount ?? '0', total.owedAmount), total.currency),
      },
      ...(fileBy === undefined ? {} : { fileBy }),
    });
  }
  lessFiled(merged, filed);
  const order = ['late', 'lost', 'overcharge'];
  return [...merged.values()].sort(
    (a, b) =>
      order.indexOf(a.finding) - order.indexOf(b.finding) ||
      a.carrier.localeCompare(b.carrier) ||
      a.amount.currency.localeCompare(b.amount.currency),
  );
}

/** What "file all" would file now: the chunks' fileable rows less those the audit filed. */
function fileableOf(head: AuditHead, chunks: readonly AuditChunk[]): AuditView['fileable'] {
  const amounts = new Map<string, string>();
  let count = 0;
  for (const chunk of chunks) {
    count += chunk.fileable.count;
    for (const [currency, amount] of Object.entries(chunk.fileable.amounts)) {
      amounts.set(currency, add(amounts.get(currency) ?? '0', amount));
    }
  }
  const filed = head.filing;
  if (filed) {
    count -= filed.filedRows;
    for (const [currency, amount] of Object.entries(filed.filedAmounts)) {
      amounts.set(currency, new Big(amounts.get(currency) ?? '0').minus(amount).toFixed(2));
    }
  }
  return {
    count: Math.max(0, count),
    amount: [...amounts.entries()]
      .filter(([, amount]) => new Big(amount).gt(0))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, amount]) => money(amount, currency)),
  };
}

/**
 * @example auditView(head, await storage.audits.chunks(head.id)).progress.percent // 42
 */
export function auditView(head: AuditHead, chunks: readonly AuditChunk[]): AuditView {
  const done = head.status !== 'processing';
  const bytesRead = done ? head.bytesTotal : Math.min(head.nextOffset, head.bytesTotal);
  const percent =
    done || head.bytesTotal === 0
      ? 100
      : Math.min(99, Math.floor((bytesRead * 100) / head.bytesTotal));
  const filing = head.filing;
  return {
    id: head.id,
    shopId: head.shopId,
    status: head.status,
    options: head.options,
    ...(head.shape ? { encoding: head.shape.encoding } : {}),
    createdAt: head.createdAt,
    ...(head.completedAt === undefined ? {} : { completedAt: head.completedAt }),
    ...(head.failure ? { failure: head.failure } : {}),
    progress: { bytesRead, bytesTotal: head.bytesTotal, percent },
    rows: head.rows,
    totals: totalsOf(chunks, filing?.filedOwed ?? []),
    fileable: fileableOf(head, chunks),
    ...(filing
      ? {
          filing: {
            status: filing.status,
            requested: filing.requested,
            filed: filing.filed,
            skipped: filing.skipped,
            failed: filing.failed,
          },
        }
      : {}),
  };
}
