/**
 * Audits on DynamoDB Local: the head moved once per chunk however often the chunk is written
 * (a re-delivered message counts nothing twice), rows listed by line and by finding across
 * pages, two shops' audits written at once and listed apart, the filing marks and runs held
 * to one, the open claims found by waybill, the worst-case item sizes and a 500-row chunk's
 * write units.
 */
import { randomUUID } from 'node:crypto';
import { GetItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { meterWrites } from '../../scripts/bench/capacity';
import { AUDIT_FIELDS, type Finding } from '../../src/domain/audit/types';
import type { AuditChunk, AuditHead, Storage, StoredAuditRow } from '../../src/storage/repository';
import { auditHeadKey, auditRowKey } from '../../src/storage/dynamodb/audit-items';
import { DynamoAuditRepository } from '../../src/storage/dynamodb/audit-repository';
import { chunkSummary } from '../../src/services/audit-summary';
import { reconcileClaim } from '../../src/services/claim-changes';
import { freshStorage, newClaim } from './helpers';

let storage: Storage & {
  client: import('@aws-sdk/client-dynamodb').DynamoDBClient;
  tableName: string;
};
beforeAll(async () => {
  storage = await freshStorage();
});

const rub = (amount: string) => ({ amount, currency: 'RUB' as const });
const line = (text: string) => ({ key: 'late.rate.business' as const, params: { n: text }, text });

const head = (shopId: string, over: Partial<AuditHead> = {}): AuditHead => ({
  id: `aud_${randomUUID().replaceAll('-', '')}`,
  shopId,
  status: 'processing',
  options: { carrier: 'cdek' },
  objectKey: `audits/${shopId}/x`,
  bytesTotal: 1000,
  createdAt: '2025-04-02T09:30:00.000Z',
  seq: 0,
  nextOffset: 0,
  nextLine: 1,
  rows: { read: 0, audited: 0, refused: 0 },
  ...over,
});

const finding = (kind: Finding['kind'], amount: string, over: Partial<Finding> = {}): Finding => ({
  kind,
  amount: rub(amount),
  lines: [line(kind)],
  fileBy: '2025-05-01',
  expired: false,
  ...over,
});

/** A row at `n`: late every 3rd line, lost every 7th, refused every 10th. */
function row(n: number): StoredAuditRow {
  if (n % 10 === 0) {
    return {
      result: {
        line: n,
        waybill: '',
        carrier: 'cdek',
        findings: [],
        problems: [{ line: n, column: 'Дата', field: 'shippedDate', reason: 'is not a date' }],
      },
    };
  }
  const findings = [
    ...(n % 3 === 0 ? [finding('late', '15.00')] : []),
    ...(n % 7 === 0 ? [finding('lost', '500.00')] : []),
  ];
  const owed = findings.find((f) => f.kind === 'lost') ?? findings[0];
  return {
    result: { line: n, waybill: `W${n}`, carrier: 'cdek', findings },
    ...(owed ? { fileable: { kind: owed.kind as 'late' | 'lost', amount: owed.amount } } : {}),
  };
}

const rowsFrom = (first: number, count: number) =>
  Array.from({ length: count }, (_, i) => row(first + i));

async function allRows(auditId: string, finding?: 'late' | 'lost' | 'refused', limit = 7) {
  const lines: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await storage.audits.rows(auditId, finding, {
      caller: 'k1',
      limit,
      ...(cursor ? { cursor } : {}),
    });
    lines.push(...page.items.map((r) => r.result.line));
    cursor = page.nextCursor;
  } while (cursor);
  return lines;
}

describe('an audit’s chunks', () => {
  it('moves the head once per chunk: a chunk written and advanced twice counts once', async () => {
    const audit = await storage.audits.create(head('shop-a'));
    const rows = rowsFrom(2, 40);
    const chunk = chunkSummary(0, rows);
    const advance = { nextOffset: 500, nextLine: 42, rows: chunk.rows };
    // Two deliveries of the same message at once.
    await Promise.all([
      storage.audits.writeChunk(audit.id, rows, chunk),
      storage.audits.writeChunk(audit.id, rows, chunk),
    ]);
    const moved = await Promise.all([
      storage.audits.advance(audit.id, 0, advance),
      storage.audits.advance(audit.id, 0, advance),
    ]);
    expect(moved.filter(Boolean)).toHaveLength(1);
    const second = rowsFrom(42, 10);
    await storage.audits.writeChunk(audit.id, second, chunkSummary(1, second));
    expect(
      await storage.audits.advance(audit.id, 1, {
        nextOffset: 1000,
        nextLine: 52,
        rows: chunkSummary(1, second).rows,
        completedAt: '2025-04-02T09:31:00.000Z',
      }),
    ).toBe(true);
    const stored = await storage.audits.get(audit.id);
    expect(stored).toMatchObject({
      status: 'completed',
      seq: 2,
      nextOffset: 1000,
      rows: { read: 50, audited: 45, refused: 5 },
    });
    const chunks = await storage.audits.chunks(audit.id);
    expect(chunks.map((c) => c.seq)).toEqual([0, 1]);
    // A late chunk for a completed audit moves nothing.
    expect(await storage.audits.advance(audit.id, 2, advance)).toBe(false);
  });

  it('lists rows by line and by finding across pages, following the pointers', async () => {
    const audit = await storage.audits.create(head('shop-a'));
    const rows = rowsFrom(2, 60);
    await storage.audits.writeChunk(audit.id, rows, chunkSummary(0, rows));
    expect(await allRows(audit.id)).toEqual(rows.map((r) => r.result.line));
    const late = rows.filter((r) => r.result.findings.some((f) => f.kind === 'late'));
    expect(await allRows(audit.id, 'late')).toEqual(late.map((r) => r.result.line));
    expect(await allRows(audit.id, 'refused', 2)).toEqual([10, 20, 30, 40, 50, 60]);
    expect(await allRows(audit.id, 'lost', 100)).toEqual([7, 14, 21, 28, 35, 42, 49, 56]);
    const owed = await storage.audits.owedLines(audit.id, undefined, 5);
    expect(owed.lines).toEqual([3, 6, 7, 9, 12]);
    const next = await storage.audits.owedLines(audit.id, owed.cursor, 1000);
    expect(next.cursor).toBeUndefined();
    expect(owed.lines.length + next.lines.length).toBe(rows.filter((r) => r.fileable).length);
  });

  it('refuses a cursor of another caller or listing', async () => {
    const audit = await storage.audits.create(head('shop-a'));
    const rows = rowsFrom(2, 5);
    await storage.audits.writeChunk(audit.id, rows, chunkSummary(0, rows));
    const page = await storage.audits.rows(audit.id, undefined, { caller: 'k1', limit: 2 });
    await expect(
      storage.audits.rows(audit.id, 'late', { caller: 'k1', limit: 2, cursor: page.nextCursor! }),
    ).rejects.toMatchObject({ code: 'invalid-cursor' });
  });
});

describe('two shops’ audits', () => {
  it('are written at once and listed apart, newest first, across pages', async () => {
    const shops = [`shop-${randomUUID()}`, `shop-${randomUUID()}`];
    const made = await Promise.all(
      shops.flatMap((shopId) =>
        [1, 2, 3].map(async (i) => {
          const audit = await storage.audits.create(
            head(shopId, { createdAt: `2025-04-0${i}T10:00:00.000Z` }),
          );
          const rows = rowsFrom(2, 30);
          await storage.audits.writeChunk(audit.id, rows, chunkSummary(0, rows));
          await storage.audits.advance(audit.id, 0, {
            nextOffset: 1,
            nextLine: 32,
            rows: chunkSummary(0, rows).rows,
          });
          return audit;
        }),
      ),
    );
    for (const shopId of shops) {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await storage.audits.list(shopId, {
          caller: 'k',
          limit: 2,
          ...(cursor ? { cursor } : {}),
        });
        ids.push(...page.items.map((h) => h.id));
        cursor = page.nextCursor;
      } while (cursor);
      const own = made
        .filter((a) => a.shopId === shopId)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      expect(ids).toEqual(own.map((a) => a.id));
    }
  });
});

describe('filing from an audit', () => {
  it('marks a row once, and runs one filing at a time', async () => {
    const audit = await storage.audits.create(head('shop-a', { status: 'completed' }));
    const rows = rowsFrom(2, 10);
    await storage.audits.writeChunk(audit.id, rows, chunkSummary(0, rows));
    const marks = await Promise.all([
      storage.audits.markFiled(audit.id, 3, 'clm_a', '1#0'),
      storage.audits.markFiled(audit.id, 3, 'clm_b', '1#0'),
    ]);
    expect(marks.filter(Boolean)).toHaveLength(1);
    expect(await storage.audits.markFiled(audit.id, 999, 'clm_c', '1#0')).toBe(false);
    const runs = await Promise.all([
      storage.audits.startFiling(audit.id, { requested: 4 }),
      storage.audits.startFiling(audit.id, { requested: 4 }),
    ]);
    expect(runs.filter((r) => r.started)).toHaveLength(1);
    const advance = {
      filed: 2,
      skipped: 1,
      failed: 0,
      filedAmounts: { RUB: '515.50' },
      filedOwed: [
        { finding: 'late' as const, carrier: 'cdek', currency: 'RUB', count: 1, amount: '15.50' },
        { finding: 'lost' as const, carrier: 'cdek', currency: 'RUB', count: 1, amount: '500.00' },
      ],
      cursor: 'OWED#x',
      done: true,
    };
    const moved = await Promise.all([
      storage.audits.advanceFiling(audit.id, 1, 0, advance),
      storage.audits.advanceFiling(audit.id, 1, 0, advance),
    ]);
    expect(moved.filter(Boolean)).toHaveLength(1);
    const after = await storage.audits.get(audit.id);
    expect(after?.filing).toMatchObject({
      status: 'done',
      run: 1,
      filed: 2,
      skipped: 1,
      filedRows: 2,
      filedAmounts: { RUB: '515.5' },
    });
    // Taken off the owed totals once, by the delivery that moved the run.
    expect(after?.filing?.filedOwed).toEqual(
      expect.arrayContaining([
        { finding: 'late', carrier: 'cdek', currency: 'RUB', count: 1, amount: '15.5' },
        { finding: 'lost', carrier: 'cdek', currency: 'RUB', count: 1, amount: '500' },
      ]),
    );
    expect(after?.filing?.filedOwed).toHaveLength(2);
    // A second run starts from zero and keeps what the audit filed before.
    const again = await storage.audits.startFiling(audit.id, { requested: 2, lines: [3, 6] });
    expect(again.started).toBe(true);
    expect(again.head.filing).toMatchObject({
      run: 2,
      seq: 0,
      filed: 0,
      lines: [3, 6],
      filedRows: 2,
    });
    expect(again.head.filing?.filedOwed).toHaveLength(2);
    // The second run adds to what the first took off.
    await storage.audits.advanceFiling(audit.id, 2, 0, {
      ...advance,
      filed: 1,
      filedOwed: [advance.filedOwed[0]!],
    });
    const summed = (await storage.audits.get(audit.id))?.filing?.filedOwed;
    expect(summed?.find((t) => t.finding === 'late')).toMatchObject({ count: 2, amount: '31' });
    const marked = await storage.audits.rowsAt(audit.id, [3, 6, 12345]);
    expect(marked.map((r) => [r.result.line, r.filedClaimId])).toEqual([
      [3, expect.stringMatching(/^clm_[ab]$/)],
      [6, undefined],
    ]);
  });

  it('finds the shop’s claims by waybill: open ones by their guards, settled ones by their search entries', async () => {
    const shopId = `shop-${randomUUID()}`;
    const open = newClaim({ shopId, waybill: 'W-OPEN-1', type: 'lost' });
    await storage.claims.create(open.claim, open.event, { openClaim: 'waybill:W-OPEN-1' });
    // A settled claim has no guard: only its waybill search entry (the consumer's) names it.
    const paid = newClaim({ shopId, waybill: 'w-paid-1', type: 'late' });
    await storage.claims.create(paid.claim, paid.event);
    await reconcileClaim({ storage, clock: () => new Date('2026-12-01T12:00:00Z') }, paid.claim.id);
    const found = await storage.audits.claimsByWaybill(shopId, [
      'W-OPEN-1',
      'W-NONE',
      'W-OPEN-1',
      'w-paid-1',
    ]);
    expect([...found].sort()).toEqual([
      ['W-OPEN-1', open.claim.id],
      ['w-paid-1', paid.claim.id],
    ]);
    expect((await storage.audits.claimsByWaybill('another-shop', ['W-OPEN-1'])).size).toBe(0);
  });
});

/** DynamoDB's item size: names and values in UTF-8, binary as bytes, numbers by digits. */
function attributeBytes(value: AttributeValue): number {
  if (value.S !== undefined) return Buffer.byteLength(value.S);
  if (value.B !== undefined) return value.B.byteLength;
  if (value.N !== undefined) return Math.ceil(value.N.replace(/[-.]/g, '').length / 2) + 1;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.L !== undefined) return 3 + value.L.reduce((n, v) => n + 1 + attributeBytes(v), 0);
  if (value.M !== undefined) return 3 + itemBytes(value.M) + Object.keys(value.M).length;
  throw new TypeError(`unexpected attribute ${Object.keys(value).join()}`);
}
const itemBytes = (item: Record<string, AttributeValue>): number =>
  Object.entries(item).reduce(
    (n, [name, value]) => n + Buffer.byteLength(name) + attributeBytes(value),
    0,
  );

const readBack = async (key: Record<string, AttributeValue>) =>
  (
    await storage.client.send(
      new GetItemCommand({ TableName: storage.tableName, Key: key, ConsistentRead: true }),
    )
  ).Item ?? {};

/** Text that does not compress: random hex, Cyrillic-padded to `length` characters. */
const noise = (length: number) =>
  Array.from({ length: Math.ceil(length / 32) }, () => randomUUID().replaceAll('-', ''))
    .join('')
    .slice(0, length);

describe('the worst-case items', () => {
  it('a row with every finding, 40 lines each, and a 64 KiB record’s problems stays far below 400 KB', async () => {
    const audit = await storage.audits.create(head('shop-a'));
    const lines = Array.from({ length: 40 }, () => line(noise(300)));
    const worst: StoredAuditRow = {
      result: {
        line: 99_999_999,
        waybill: noise(64),
        orderId: noise(64),
        carrier: 'cdek',
        findings: (['late', 'lost', 'overcharge'] as const).map((kind) =>
          finding(kind, '999999999999999.99', { lines }),
        ),
        claimId: `clm_${noise(32)}`,
        problems: AUDIT_FIELDS.map((field) => ({
          line: 99_999_999,
          column: noise((64 * 1024) / AUDIT_FIELDS.length),
          field,
          reason: noise(200),
        })),
      },
      fileable: { kind: 'lost', amount: rub('999999999999999.99') },
    };
    await storage.audits.writeChunk(audit.id, [worst], chunkSummary(0, [worst]));
    await storage.audits.markFiled(audit.id, 99_999_999, `clm_${noise(32)}`, '99#99999');
    const bytes = itemBytes(await readBack(auditRowKey(audit.id, 99_999_999)));
    console.info('the largest audit row item, bytes:', bytes);
    expect(bytes).toBeLessThan(300 * 1024);
  });

  it('a head with a full columns mapping, 5,000 filing lines and every filed owed total stays far below 400 KB', async () => {
    const header = () => 'Ш'.repeat(200);
    const columns = Object.fromEntries(AUDIT_FIELDS.map((f) => [f, header()]));
    const audit = await storage.audits.create(
      head('ш'.repeat(64), {
        options: {
          carrier: 'c'.repeat(40),
          columns,
          overchargeTolerancePercent: '100.00',
          fileName: 'ф'.repeat(200),
        },
      }),
    );
    const mapping = {
      fields: Object.fromEntries(AUDIT_FIELDS.map((f, index) => [f, { index, header: header() }])),
    };
    await storage.audits.advance(audit.id, 0, {
      nextOffset: 52_428_800,
      nextLine: 99_999_999,
      rows: { read: 1, audited: 1, refused: 0 },
      shape: { encoding: 'windows-1251', separator: ';', bomBytes: 0 },
      mapping,
    });
    await storage.audits.startFiling(audit.id, {
      requested: 5000,
      lines: Array.from({ length: 5000 }, (_, i) => 99_990_000 + i),
    });
    // What filing took off the owed totals: late and lost × 20 carriers × 2 currencies, sent
    // as a message can (25 rows, two findings each: at most 50 totals), then the rest.
    const filedOwed = (['late', 'lost'] as const).flatMap((finding) =>
      Array.from({ length: 40 }, (_, i) => ({
        finding,
        carrier: `${noise(38)}${String(i).padStart(2, '0')}`,
        currency: i % 2 ? 'RUB' : 'KZT',
        count: 99_999_999,
        amount: '999999999999999.99',
      })),
    );
    for (const [seq, part] of [filedOwed.slice(0, 50), filedOwed.slice(50)].entries()) {
      const moved = await storage.audits.advanceFiling(audit.id, 1, seq, {
        filed: 25,
        skipped: 0,
        failed: 0,
        filedAmounts: { RUB: '999999999999999.99', KZT: '999999999999999.99' },
        filedOwed: part,
        done: false,
      });
      expect(moved).toBe(true);
    }
    const full = await storage.audits.get(audit.id);
    expect(full?.filing?.filedOwed).toHaveLength(80);
    const bytes = itemBytes(await readBack(auditHeadKey(audit.id)));
    console.info('the largest audit head item, bytes:', bytes);
    expect(bytes).toBeLessThan(100 * 1024);
  });

  it('a chunk summary of every finding × 20 carriers × 2 currencies stays small', () => {
    const chunk: AuditChunk = {
      seq: 99_999,
      rows: { read: 500, audited: 500, refused: 0 },
      totals: (['late', 'lost', 'overcharge'] as const).flatMap((f) =>
        Array.from({ length: 40 }, (_, i) => ({
          finding: f,
          carrier: noise(40),
          currency: i % 2 ? 'RUB' : 'KZT',
          count: 500,
          amount: '999999999999999.99',
          owedCount: 500,
          owedAmount: '999999999999999.99',
          fileBy: '2025-05-01',
        })),
      ),
      fileable: { count: 500, amounts: { RUB: '999999999999999.99', KZT: '1.00' } },
    };
    expect(JSON.stringify(chunk).length).toBeLessThan(40 * 1024);
  });
});

describe('the write units of a chunk', () => {
  it('reports what a 500-row chunk costs (ReturnConsumedCapacity INDEXES)', async () => {
    const { client, tableName } = storage;
    const audits = new DynamoAuditRepository({ client, tableName });
    const meter = meterWrites(client);
    const audit = await audits.create(head('shop-w'));
    meter.take();
    const rows = rowsFrom(2, 500);
    await audits.writeChunk(audit.id, rows, chunkSummary(0, rows));
    await audits.advance(audit.id, 0, {
      nextOffset: 1,
      nextLine: 502,
      rows: chunkSummary(0, rows).rows,
    });
    const units = meter.take();
    console.info('a 500-row chunk:', {
      requests: units.requests,
      items: units.keys.size,
      total: units.total,
      table: units.table,
      indexes: units.indexes,
    });
    // 500 rows, their pointers and owed entries, the summary and the head.
    const pointers = rows.reduce(
      (n, r) => n + r.result.findings.length + (r.result.problems ? 1 : 0) + (r.fileable ? 1 : 0),
      0,
    );
    expect(units.keys.size).toBe(500 + pointers + 2);
    expect(units.requests).toBeLessThanOrEqual(40);
  });
});
