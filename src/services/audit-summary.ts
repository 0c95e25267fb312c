/**
 * A chunk's summary, from its rows: their counts, and per finding × carrier × currency what
 * they come to, what is still owed (not expired, not already claimed) and the earliest day to
 * file it by; and what "file all" would file of them (one claim per row: lost when the row is
 * both late and lost, since a lost parcel's claim covers its delivery too). What a filed row
 * takes off the owed totals afterwards is `filedOwedOf` (kept on the head by the filing run).
 */
import Big from 'big.js';
import type { AuditedRow, Finding } from '../domain/audit/types';
import type { MoneyJson } from '../domain/money';
import type {
  AuditChunk,
  AuditChunkTotal,
  AuditFiledOwed,
  StoredAuditRow,
} from '../storage/audit-repository';

/** What a row would be filed as: its owed lost finding, else its owed late one. */
export interface FileableFinding {
  kind: 'late' | 'lost';
  amount: MoneyJson;
}

/** Owed: not past its filing window, and no claim for the parcel yet. */
const owed = (row: AuditedRow, finding: Finding): boolean =>
  !finding.expired && row.claimId === undefined && new Big(finding.amount.amount).gt(0);

/**
 * The finding "file all" files for the row, or undefined (nothing owed, or an overcharge:
 * there is no claim type for a re-measurement dispute).
 * @example fileableOf(row) // { kind: 'lost', amount: { amount: '3500.00', currency: 'RUB' } }
 */
export function fileableOf(row: AuditedRow): FileableFinding | undefined {
  const pick = (kind: 'late' | 'lost') => row.findings.find((f) => f.kind === kind && owed(row, f));
  const finding = pick('lost') ?? pick('late');
  return finding && { kind: finding.kind as 'late' | 'lost', amount: finding.amount };
}

const plus = (a: string, b: string) => new Big(a).plus(b).toFixed(2);

/**
 * What filing the row from the audit takes off the owed totals: each of its owed late and lost
 * findings (its one claim covers both: a lost parcel's claim its delivery too). An overcharge
 * stays owed: filing never files one.
 * @example filedOwedOf(row) // [{ finding: 'lost', carrier: 'cdek', currency: 'RUB', count: 1, amount: '3500.00' }]
 */
export function filedOwedOf(row: AuditedRow): AuditFiledOwed[] {
  return row.findings
    .filter((f) => f.kind !== 'overcharge' && owed(row, f))
    .map((f) => ({
      finding: f.kind,
      carrier: row.carrier,
      currency: f.amount.currency,
      count: 1,
      amount: f.amount.amount,
    }));
}

/**
 * The entries summed per finding × carrier × currency.
 * @example sumFiledOwed([a, a]) // [{ …a, count: 2, amount: '7000.00' }]
 */
export function sumFiledOwed(entries: readonly AuditFiledOwed[]): AuditFiledOwed[] {
  const sums = new Map<string, AuditFiledOwed>();
  for (const e of entries) {
    const key = `${e.finding}\u0000${e.carrier}\u0000${e.currency}`;
    const seen = sums.get(key);
    sums.set(key, {
      ...e,
      count: (seen?.count ?? 0) + e.count,
      amount: plus(seen?.amount ?? '0', e.amount),
    });
  }
  return [...sums.values()];
}

/**
 * @example chunkSummary(3, rows).rows // { read: 500, audited: 497, refused: 3 }
 */
export function chunkSummary(seq: number, rows: readonly StoredAuditRow[]): AuditChunk {
  const totals = new Map<string, AuditChunkTotal>();
  const fileable = { count: 0, amounts: {} as Record<string, string> };
  let refused = 0;
  for (const stored of rows) {
    const { result } = stored;
    if (result.problems !== undefined) {
      refused++;
      continue;
    }
    for (const finding of result.findings) {
      const { currency, amount } = finding.amount;
      const key = `${finding.kind}\u0000${result.carrier}\u0000${currency}`;
      const total = totals.get(key) ?? {
        finding: finding.kind,
        carrier: result.carrier,
        currency,
        count: 0,
        amount: '0.00',
        owedCount: 0,
        owedAmount: '0.00',
      };
      total.count++;
      total.amount = plus(total.amount, amount);
      if (owed(result, finding)) {
        total.owedCount++;
        total.owedAmount = plus(total.owedAmount, amount);
        if (total.fileBy === undefined || finding.fileBy < total.fileBy)
          total.fileBy = finding.fileBy;
      }
      totals.set(key, total);
    }
    if (stored.fileable) {
      const { currency, amount } = stored.fileable.amount;
      fileable.count++;
      fileable.amounts[currency] = plus(fileable.amounts[currency] ?? '0', amount);
    }
  }
  return {
    seq,
    rows: { read: rows.length, audited: rows.length - refused, refused },
    totals: [...totals.values()],
    fileable,
  };
}
