/**
 * A chunk's summary, from its rows: their counts, and per finding × carrier × currency what
 * they come to, what is still owed (not expired, not already claimed) and the earliest day to
 * file it by; and what "file all" would file of them (one claim per row: lost when the row is
 * both late and lost, since a lost parcel's claim covers its delivery too).
 */
import Big from 'big.js';
import type { AuditedRow, Finding } from '../domain/audit/types';
import type { MoneyJson } from '../domain/money';
import type { AuditChunk, AuditChunkTotal, StoredAuditRow } from '../storage/audit-repository';

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
