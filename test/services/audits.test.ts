/**
 * The audit service on DynamoDB Local with an in-memory R2 bucket: a Russian-dialect report
 * read chunk by chunk (a file of several chunks among them), bad rows reported with their
 * line, column and reason, a bad header failing the audit, a chunk delivered twice counted
 * once, jobs the queue gave up on, the upload's refusals, and "file all" run twice at once
 * filing each row once.
 */
import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import Big from 'big.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { meterWrites } from '../../scripts/bench/capacity';
import type { AuditView } from '../../src/domain/audit/view';
import { shopInputExample } from '../../src/routes/shop/shop.routes';
import {
  createAuditService,
  type AuditBucket,
  type AuditJob,
  type AuditServiceDeps,
} from '../../src/services/audits';
import { CHUNK_BYTES, FIRST_WINDOW_BYTES } from '../../src/services/audit-read';
import { createClaimService } from '../../src/services/claims';
import type { Principal } from '../../src/services/actor';
import type { Storage } from '../../src/storage/repository';
import { freshStorage } from '../storage/helpers';

const TODAY = '2025-06-16';
const clock = () => new Date(`${TODAY}T09:00:00.000Z`);
let storage: Storage;
let client: DynamoDBClient;
beforeAll(async () => {
  const fresh = await freshStorage();
  storage = fresh;
  client = fresh.client;
});

/** R2 as the service uses it: put, ranged get, multipart (parts kept in memory). */
function memoryBucket() {
  const objects = new Map<string, Uint8Array>();
  const join = (parts: Uint8Array[]) => {
    const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      all.set(p, at);
      at += p.length;
    }
    return all;
  };
  const bucket = {
    async put(key: string, value: Uint8Array) {
      objects.set(key, value.slice());
      return {};
    },
    async get(key: string, options?: { range?: { offset: number; length: number } }) {
      const bytes = objects.get(key);
      if (!bytes) return null;
      const { offset = 0, length = bytes.length } = options?.range ?? {};
      const slice = bytes.slice(offset, offset + length);
      return { arrayBuffer: async () => slice.buffer };
    },
    async delete(key: string) {
      objects.delete(key);
    },
    async createMultipartUpload(key: string) {
      const parts = new Map<number, Uint8Array>();
      return {
        async uploadPart(n: number, bytes: Uint8Array) {
          parts.set(n, bytes.slice());
          return { partNumber: n, etag: String(n) };
        },
        async complete(done: { partNumber: number }[]) {
          objects.set(key, join(done.map((d) => parts.get(d.partNumber)!)));
          return {};
        },
        async abort() {
          parts.clear();
        },
      };
    },
  };
  return { objects, bucket: bucket as unknown as AuditBucket };
}

const HEADER =
  'Номер накладной;Номер заказа;Дата отправки;Плановая дата доставки;Дата доставки;Статус;Стоимость доставки;Объявленная стоимость;Страховка;Комментарий';
/** A row of Russian Excel's dialect: late (delivered 3 days after the promise), lost, or fine. */
const rowText = (n: number, kind: 'late' | 'lost' | 'fine' | 'bad', pad = '') => {
  const waybill = `10${String(n).padStart(8, '0')}`;
  if (kind === 'bad') return `${waybill};A-${n};31.02.2025;11.03.2025;;Вручен;500,00;;нет;${pad}`;
  if (kind === 'lost')
    return `${waybill};A-${n};03.06.2025;11.06.2025;;Утерян;500,00;12 000,00;да;${pad}`;
  const delivered = kind === 'late' ? '16.06.2025' : '10.06.2025';
  return `${waybill};A-${n};03.06.2025;11.06.2025;${delivered};Вручен;500,00;1 000,00;нет;${pad}`;
};
const csvOf = (lines: string[], bom = true) => {
  const text = `${[HEADER, ...lines].join('\r\n')}\r\n`;
  const bytes = new TextEncoder().encode(text);
  return bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]) : bytes;
};
const streamOf = (bytes: Uint8Array, piece = 64 * 1024) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += piece) controller.enqueue(bytes.slice(i, i + piece));
      controller.close();
    },
  });

const shop = (): Principal => ({
  keyId: `k-${randomUUID()}`,
  role: 'shop',
  shopId: `shop-${randomUUID()}`,
});

function service(over: Partial<AuditServiceDeps> = {}) {
  const { bucket } = memoryBucket();
  const claims = createClaimService({
    storage,
    clock,
    newId: () => `clm_${randomUUID().replaceAll('-', '')}`,
  });
  return createAuditService({ storage, clock, claims, files: bucket, ...over });
}

/** A queue that keeps what is sent (`sent`), and fails the next send when told to. */
function capturedJobs() {
  const sent: AuditJob[] = [];
  let failing = false;
  const jobs = {
    send: async (job: AuditJob) => {
      if (failing) {
        failing = false;
        throw new Error('queue unavailable');
      }
      sent.push(job);
    },
  };
  return { sent, jobs, failNextSend: () => void (failing = true) };
}

/** The shop's profile (the claimant of claims filed from an audit). */
const withProfile = (principal: Principal) =>
  storage.shops.put({
    shopId: principal.shopId!,
    ...shopInputExample,
    version: 1,
    updatedAt: clock().toISOString(),
  });

async function upload(
  principal: Principal,
  bytes: Uint8Array,
  over: Partial<AuditServiceDeps> = {},
) {
  const audits = service(over);
  const view = await audits.start(
    principal,
    { body: streamOf(bytes), contentType: 'text/csv' },
    {},
  );
  return { audits, view };
}

describe('reading a report', () => {
  it('audits every row of a Russian Excel file: late, lost, fine, and bad rows with their reason', async () => {
    const principal = shop();
    const lines = [rowText(1, 'late'), rowText(2, 'lost'), rowText(3, 'fine'), rowText(4, 'bad')];
    const { audits, view } = await upload(principal, csvOf(lines));
    expect(view).toMatchObject({ status: 'processing', progress: { percent: 0 } });
    const done = await audits.get(principal, view.id);
    expect(done).toMatchObject({
      status: 'completed',
      encoding: 'utf-8',
      rows: { read: 4, audited: 3, refused: 1 },
      progress: { percent: 100 },
    });
    expect(done.totals.map((t) => [t.finding, t.count])).toEqual([
      ['late', 1],
      ['lost', 1],
    ]);
    const refused = await audits.rows(principal, view.id, { finding: 'refused' });
    expect(refused.items).toEqual([
      expect.objectContaining({
        line: 5,
        problems: expect.arrayContaining([
          expect.objectContaining({ line: 5, column: 'Дата отправки', field: 'shippedDate' }),
        ]),
      }),
    ]);
    const late = await audits.rows(principal, view.id, { finding: 'late' });
    expect(late.items.map((r) => r.line)).toEqual([2]);
    expect(late.items[0]!.findings[0]!.lines.length).toBeGreaterThan(0);
  });

  it('fails the audit on a header it cannot map, naming what is missing', async () => {
    const principal = shop();
    const bytes = new TextEncoder().encode('foo;bar\r\n1;2\r\n');
    const { audits, view } = await upload(principal, bytes);
    const failed = await audits.get(principal, view.id);
    expect(failed.status).toBe('failed');
    expect(failed.failure?.code).toBe('bad-header');
    expect(failed.failure?.detail).toMatch(/waybill|накладн/i);
  });

  it('reads a file of several chunks (~3 MiB) in order, each row once', async () => {
    const principal = shop();
    const pad = 'x'.repeat(2100);
    const count = 1500;
    const lines = Array.from({ length: count }, (_, i) =>
      rowText(i + 1, i % 5 === 0 ? 'late' : 'fine', pad),
    );
    const bytes = csvOf(lines);
    expect(bytes.length).toBeGreaterThan(3 * 1024 * 1024);
    const { audits, view } = await upload(principal, bytes);
    const done = await audits.get(principal, view.id);
    expect(done).toMatchObject({
      status: 'completed',
      rows: { read: count, audited: count, refused: 0 },
    });
    expect(done.totals).toEqual([expect.objectContaining({ finding: 'late', count: count / 5 })]);
    const chunks = await storage.audits.chunks(view.id);
    expect(chunks.length).toBeGreaterThanOrEqual(4);
    const lateLines: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await audits.rows(principal, view.id, {
        finding: 'late',
        limit: 100,
        ...(cursor ? { cursor } : {}),
      });
      lateLines.push(...page.items.map((r) => r.line));
      cursor = page.nextCursor;
    } while (cursor);
    expect(lateLines).toEqual(Array.from({ length: count / 5 }, (_, i) => 2 + i * 5));
  }, 120_000);

  it('reads a window sized to the chunk: 128 KiB first, doubled only when it holds too few rows', async () => {
    const principal = shop();
    const { bucket } = memoryBucket();
    const ranges: number[] = [];
    const get = bucket.get.bind(bucket);
    const files = Object.assign(Object.create(bucket) as AuditBucket, {
      get: (key: string, options?: { range?: { offset: number; length: number } }) => {
        if (options?.range) ranges.push(options.range.length);
        return get(key, options);
      },
    });
    // 1,200 short rows (~100 bytes: 500 fit in 128 KiB), then 600 long ones (~1.2 KiB each).
    const lines = [
      ...Array.from({ length: 1200 }, (_, i) => rowText(i + 1, i % 4 ? 'fine' : 'late')),
      ...Array.from({ length: 600 }, (_, i) => rowText(1201 + i, 'fine', 'y'.repeat(1100))),
    ];
    const bytes = csvOf(lines);
    const { audits, view } = await upload(principal, bytes, { files });
    const done = await audits.get(principal, view.id);
    expect(done).toMatchObject({ status: 'completed', rows: { read: 1800, audited: 1800 } });
    expect(done.totals).toEqual([expect.objectContaining({ finding: 'late', count: 300 })]);
    expect(ranges[0]).toBe(FIRST_WINDOW_BYTES);
    expect(Math.max(...ranges)).toBeLessThanOrEqual(CHUNK_BYTES);
    // The long rows' chunks needed a wider window; the short rows' chunks never did.
    expect(ranges.filter((length) => length > FIRST_WINDOW_BYTES).length).toBeGreaterThan(0);
    // The first two chunks (500 short rows each) read 128 KiB once, not 1 MiB.
    expect(ranges.slice(0, 2)).toEqual([FIRST_WINDOW_BYTES, FIRST_WINDOW_BYTES]);
  }, 60_000);

  it('skips a record over 64 KiB as a refused row, and reads on', async () => {
    const principal = shop();
    const lines = [
      rowText(1, 'late'),
      rowText(2, 'fine', 'q'.repeat(70 * 1024)),
      rowText(3, 'late'),
    ];
    const { audits, view } = await upload(principal, csvOf(lines));
    const done = await audits.get(principal, view.id);
    expect(done).toMatchObject({ status: 'completed', rows: { read: 3, audited: 2, refused: 1 } });
    const refused = await audits.rows(principal, view.id, { finding: 'refused' });
    expect(refused.items).toEqual([
      expect.objectContaining({
        line: 3,
        problems: [expect.objectContaining({ reason: expect.stringMatching(/64 KiB/) })],
      }),
    ]);
  });

  it('counts a chunk delivered twice (even at once) once', async () => {
    const principal = shop();
    const { sent, jobs } = capturedJobs();
    const lines = Array.from({ length: 30 }, (_, i) => rowText(i + 1, i % 3 ? 'fine' : 'late'));
    const { audits, view } = await upload(principal, csvOf(lines), { jobs });
    expect(sent).toEqual([{ kind: 'read', shopId: principal.shopId, auditId: view.id, seq: 0 }]);
    await Promise.all([audits.run(sent[0]!), audits.run(sent[0]!)]);
    await audits.run(sent[0]!);
    const done = await audits.get(principal, view.id);
    expect(done).toMatchObject({
      status: 'completed',
      rows: { read: 30, audited: 30, refused: 0 },
    });
    expect(done.totals).toEqual([expect.objectContaining({ finding: 'late', count: 10 })]);
  });
});

describe('a job whose next could not be sent', () => {
  it('sends the next chunk again when the queue retries it, and only then', async () => {
    const principal = shop();
    const { sent, jobs, failNextSend } = capturedJobs();
    const lines = Array.from({ length: 520 }, (_, i) => rowText(i + 1, 'fine'));
    const { audits, view } = await upload(principal, csvOf(lines), { jobs });
    const first = sent.shift()!;
    failNextSend();
    await expect(audits.run(first)).rejects.toThrow('queue unavailable');
    // The chunk is counted; a duplicate delivery sends nothing, the queue's retry does.
    await audits.run(first);
    expect(sent).toEqual([]);
    await audits.run(first, { retried: true });
    expect(sent).toEqual([{ ...first, seq: 1 }]);
    for (let job = sent.shift(); job; job = sent.shift()) await audits.run(job);
    expect(await audits.get(principal, view.id)).toMatchObject({
      status: 'completed',
      rows: { read: 520, audited: 520 },
    });
  }, 60_000);

  it('sends the next filing message again when the queue retries one', async () => {
    const principal = shop();
    const { sent, jobs, failNextSend } = capturedJobs();
    const lines = Array.from({ length: 30 }, (_, i) => rowText(i + 1, 'late'));
    const { audits, view } = await upload(principal, csvOf(lines), { jobs });
    await audits.run(sent.shift()!);
    await withProfile(principal);
    await audits.fileClaims(principal, view.id, {});
    const first = sent.shift()!;
    failNextSend();
    await expect(audits.run(first)).rejects.toThrow('queue unavailable');
    await audits.run(first, { retried: true });
    expect(sent).toEqual([{ ...first, seq: 1 }]);
    await audits.run(sent.shift()!);
    expect((await audits.get(principal, view.id)).filing).toMatchObject({
      status: 'done',
      filed: 30,
      failed: 0,
    });
  }, 60_000);
});

describe('a job the queue gave up on (its dead-letter queue)', () => {
  it('fails the audit at the chunk that failed, naming its line; the rows before it stay', async () => {
    const principal = shop();
    const { sent, jobs } = capturedJobs();
    const lines = Array.from({ length: 520 }, (_, i) => rowText(i + 1, i % 4 ? 'fine' : 'late'));
    const { audits, view } = await upload(principal, csvOf(lines), { jobs });
    await audits.run(sent[0]!); // the first chunk: the header and the rows its window held
    const second = sent[1]!;
    expect(second).toMatchObject({ kind: 'read', seq: 1 });
    const mid = await audits.get(principal, view.id);
    const n = mid.rows.read;
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(520);
    // A stale message (the chunk already read) is no failure.
    await audits.giveUp(sent[0]!);
    expect(await audits.get(principal, view.id)).toEqual(mid);
    await Promise.all([audits.giveUp(second), audits.giveUp(second)]);
    const failed = await audits.get(principal, view.id);
    expect(failed).toMatchObject({
      status: 'failed',
      rows: mid.rows,
      failure: { code: 'read-failed' },
    });
    expect(failed.failure?.detail).toContain(
      `Reading stopped at line ${n + 2}: that part of the file failed 6 times. The ${n} rows before it are kept`,
    );
    expect(failed.totals).toEqual(mid.totals);
    // The message delivered after all: the audit has failed, nothing moves.
    await audits.run(second);
    expect(await audits.get(principal, view.id)).toEqual(failed);
  }, 60_000);

  it('counts a filing batch given up as failed and files the next; a later run files those', async () => {
    const principal = shop();
    const { sent, jobs } = capturedJobs();
    const lines = Array.from({ length: 30 }, (_, i) => rowText(i + 1, 'late'));
    const { audits, view } = await upload(principal, csvOf(lines), { jobs });
    await audits.run(sent.shift()!);
    await withProfile(principal);
    await audits.fileClaims(principal, view.id, {});
    const first = sent.shift()!;
    expect(first).toMatchObject({ kind: 'file', run: 1, seq: 0 });
    await Promise.all([audits.giveUp(first), audits.giveUp(first)]);
    const next = sent.shift()!;
    expect(next).toMatchObject({ kind: 'file', run: 1, seq: 1 });
    expect(sent).toEqual([]);
    await audits.run(next);
    const after = await audits.get(principal, view.id);
    expect(after.filing).toMatchObject({
      status: 'done',
      requested: 30,
      filed: 5,
      skipped: 0,
      failed: 25,
    });
    expect(after.fileable.count).toBe(25);
    // "File all" again: the 25 the given-up batch held.
    await audits.fileClaims(principal, view.id, {});
    for (let job = sent.shift(); job; job = sent.shift()) await audits.run(job);
    const last = await audits.get(principal, view.id);
    expect(last.filing).toMatchObject({ status: 'done', filed: 25, failed: 0 });
    expect(last.fileable.count).toBe(0);
  }, 60_000);
});

describe('what a chunk costs', () => {
  it('writes a chunk of 500 real rows (a third late, lost every 7th) in ≤ 40 batch requests', async () => {
    const principal = shop();
    const { sent, jobs } = capturedJobs();
    const kinds = (i: number) => (i % 7 === 0 ? 'lost' : i % 3 === 0 ? 'late' : 'fine');
    const lines = Array.from({ length: 500 }, (_, i) => rowText(i + 1, kinds(i)));
    const { audits } = await upload(principal, csvOf(lines), { jobs });
    const meter = meterWrites(client);
    await audits.run(sent[0]!);
    const units = meter.take();
    console.info('a 500-row chunk of the read job:', {
      requests: units.requests,
      items: units.keys.size,
      writeUnits: units.total,
      table: units.table,
      indexes: units.indexes,
    });
    expect(units.requests).toBeLessThanOrEqual(45);
    expect(sent.at(-1)).toMatchObject({ kind: 'read', seq: 0 });
  }, 60_000);
});

describe('the upload’s refusals', () => {
  const principal = shop();
  it.each([
    ['an empty file', new Uint8Array(), 'audit-request-invalid'],
    [
      'an xlsx (a zip)',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
      'audit-file-unsupported',
    ],
    ['a file over the cap', new Uint8Array(5000).fill(0x41), 'audit-file-too-large'],
  ])('refuses %s', async (_, bytes, code) => {
    const { bucket, objects } = memoryBucket();
    const audits = service({ files: bucket, maxBytes: 4096 });
    await expect(
      audits.start(principal, { body: streamOf(bytes, 1000), contentType: 'text/csv' }, {}),
    ).rejects.toMatchObject({ code });
    expect(objects.size).toBe(0);
  });

  it('refuses a declared length over the cap before reading, a spreadsheet type, and unknown columns', async () => {
    const audits = service({ maxBytes: 4096 });
    const body = streamOf(new Uint8Array(10));
    await expect(
      audits.start(principal, { body, contentType: 'text/csv', contentLength: 5000 }, {}),
    ).rejects.toMatchObject({ code: 'audit-file-too-large' });
    await expect(
      audits.start(
        principal,
        { body, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
        {},
      ),
    ).rejects.toMatchObject({
      code: 'audit-file-unsupported',
      message: expect.stringMatching(/CSV/),
    });
    await expect(
      audits.start(principal, { body, contentType: 'text/csv' }, { carrier: 'nowhere-post' }),
    ).rejects.toMatchObject({ code: 'audit-request-invalid', blamed: { parameter: 'carrier' } });
    await expect(
      audits.start(
        principal,
        { body, contentType: 'text/csv' },
        { overchargeTolerancePercent: '1.234' },
      ),
    ).rejects.toMatchObject({ code: 'audit-request-invalid', blamed: { parameter: 'tolerance' } });
    for (const lostAfterDays of [0, 366, 2.5])
      await expect(
        audits.start(principal, { body, contentType: 'text/csv' }, { lostAfterDays }),
      ).rejects.toMatchObject({
        code: 'audit-request-invalid',
        blamed: { parameter: 'lostAfterDays' },
      });
    await expect(
      audits.start(
        principal,
        { body, contentType: 'text/csv' },
        { columns: { waybill: 'Трек', weight: 'Вес' } as never },
      ),
    ).rejects.toMatchObject({
      code: 'audit-request-invalid',
      blamed: { parameter: 'columns' },
      message: expect.stringMatching(/weight/),
    });
  });

  it('streams a file larger than one part through a multipart upload', async () => {
    const { bucket, objects } = memoryBucket();
    const { sent, jobs } = capturedJobs();
    const audits = service({ files: bucket, jobs });
    const lines = Array.from({ length: 3000 }, (_, i) => rowText(i + 1, 'fine', 'y'.repeat(2000)));
    const bytes = csvOf(lines);
    expect(bytes.length).toBeGreaterThan(5 * 1024 * 1024);
    const view = await audits.start(principal, { body: streamOf(bytes) }, {});
    expect(view.progress.bytesTotal).toBe(bytes.length);
    const stored = [...objects.values()][0]!;
    expect(Buffer.compare(Buffer.from(stored), Buffer.from(bytes))).toBe(0);
    expect(sent).toHaveLength(1);
  }, 30_000);
});

describe('filing from an audit', () => {
  it('needs the shop’s profile, then files each owed row once however often it runs', async () => {
    const principal = shop();
    const lines = [rowText(1, 'late'), rowText(2, 'lost'), rowText(3, 'fine'), rowText(4, 'late')];
    const { audits, view } = await upload(principal, csvOf(lines));
    await expect(audits.fileClaims(principal, view.id, {})).rejects.toMatchObject({
      code: 'shop-profile-required',
    });
    await withProfile(principal);
    await expect(audits.fileClaims(principal, view.id, { lines: [2, 99] })).rejects.toMatchObject({
      code: 'audit-request-invalid',
      blamed: { parameter: 'lines' },
    });
    const before = await audits.get(principal, view.id);
    expect(before.fileable.count).toBe(3);
    const runs: AuditView[] = await Promise.all([
      audits.fileClaims(principal, view.id, {}),
      service().fileClaims(principal, view.id, {}),
    ]);
    expect(runs.every((r) => r.filing !== undefined)).toBe(true);
    const after = await audits.get(principal, view.id);
    expect(after.filing).toMatchObject({ status: 'done', filed: 3 });
    expect(after.fileable.count).toBe(0);
    const again = await audits.fileClaims(principal, view.id, {});
    expect(again.filing).toMatchObject({ status: 'done', filed: 0 });
    const rows = await audits.rows(principal, view.id, {});
    const claimIds = rows.items.flatMap((r) => (r.claimId ? [r.claimId] : []));
    expect(new Set(claimIds).size).toBe(3);
    const listed = await storage.claims.list(
      { shopId: principal.shopId! },
      { caller: 'k', limit: 100 },
    );
    expect(listed.items.map((c) => c.type).sort()).toEqual(['late', 'late', 'lost']);
  }, 60_000);

  it('takes exactly the filed rows off the owed totals: lines first, then all, then nothing', async () => {
    const principal = shop();
    const kinds = ['late', 'lost', 'fine', 'late', 'late', 'lost', 'bad'] as const;
    const { audits, view } = await upload(principal, csvOf(kinds.map((k, i) => rowText(i + 1, k))));
    await withProfile(principal);
    const owedOf = (v: AuditView, finding: string) => {
      const total = v.totals.find((t) => t.finding === finding && t.carrier === 'cdek');
      return { count: total?.owed.count ?? 0, amount: new Big(total?.owed.amount.amount ?? '0') };
    };
    /** What the rows at these lines had owed, late and lost, when the file was read. */
    const owedAt = async (lines: number[]) => {
      const { items } = await audits.rows(principal, view.id, { limit: 100 });
      const sums = {
        late: { count: 0, amount: new Big(0) },
        lost: { count: 0, amount: new Big(0) },
      };
      for (const row of items.filter((r) => lines.includes(r.line))) {
        for (const f of row.findings) {
          if ((f.kind !== 'late' && f.kind !== 'lost') || f.expired) continue;
          sums[f.kind].count++;
          sums[f.kind].amount = sums[f.kind].amount.plus(f.amount.amount);
        }
      }
      return sums;
    };
    const before = await audits.get(principal, view.id);
    // Rows 2..7 of the file (line 1 is the header): late at 2, 5, 6; lost at 3, 7.
    expect(owedOf(before, 'late')).toEqual({ count: 3, amount: new Big('45') });
    expect(owedOf(before, 'lost')).toEqual({ count: 2, amount: new Big('25000') });
    expect(before.fileable.count).toBe(5);

    // A partial filing takes off only the rows it names: one late, one lost.
    const partial = await audits.fileClaims(principal, view.id, { lines: [2, 3] });
    expect(partial.filing).toMatchObject({ status: 'done', filed: 2 });
    const filedFirst = await owedAt([2, 3]);
    const mid = await audits.get(principal, view.id);
    for (const finding of ['late', 'lost'] as const) {
      expect(owedOf(mid, finding).count).toBe(
        owedOf(before, finding).count - filedFirst[finding].count,
      );
      expect(owedOf(mid, finding).amount.toFixed(2)).toBe(
        owedOf(before, finding).amount.minus(filedFirst[finding].amount).toFixed(2),
      );
    }
    expect(owedOf(mid, 'late')).toEqual({ count: 2, amount: new Big('30') });
    expect(owedOf(mid, 'lost')).toEqual({ count: 1, amount: new Big('12500') });
    expect(mid.fileable.count).toBe(3);
    // Found totals never move: only what is owed does.
    expect(mid.totals.map((t) => [t.finding, t.count, t.amount])).toEqual(
      before.totals.map((t) => [t.finding, t.count, t.amount]),
    );

    // File all (twice at once): the rest, and nothing is owed any more, nor a day to file by.
    await Promise.all([
      audits.fileClaims(principal, view.id, {}),
      service().fileClaims(principal, view.id, {}),
    ]);
    const after = await audits.get(principal, view.id);
    expect(after.fileable.count).toBe(0);
    const filedAll = await owedAt([2, 3, 5, 6, 7]);
    for (const finding of ['late', 'lost'] as const) {
      expect(filedAll[finding].count).toBe(owedOf(before, finding).count);
      expect(owedOf(after, finding)).toEqual({ count: 0, amount: new Big(0) });
      const total = after.totals.find((t) => t.finding === finding)!;
      expect(total.owed.amount).toEqual({ amount: '0.00', currency: 'RUB' });
      expect(total.fileBy).toBeUndefined();
    }
    const { items } = await audits.rows(principal, view.id, { limit: 100 });
    expect(items.filter((r) => r.claimId).map((r) => r.line)).toEqual([2, 3, 5, 6, 7]);

    // Run again: files nothing, changes nothing.
    const again = await audits.fileClaims(principal, view.id, {});
    expect(again.filing).toMatchObject({ status: 'done', filed: 0 });
    const last = await audits.get(principal, view.id);
    expect(last.totals).toEqual(after.totals);
    expect(last.fileable).toEqual(after.fileable);
  }, 60_000);

  it('answers another shop’s audit as not found', async () => {
    const principal = shop();
    const { audits, view } = await upload(principal, csvOf([rowText(1, 'late')]));
    await expect(audits.get(shop(), view.id)).rejects.toMatchObject({ code: 'not-found' });
  });
});
