/**
 * `tsx scripts/bench/audit-rss.ts [rows]` (issue 24, memory): a short form of the audit bench's
 * (b) — a report of `rows` rows (default 10,000) uploaded through `npm start` and polled, with
 * workerd's resident memory sampled at every poll, then the slope (MiB per chunk of 500 rows)
 * fitted by least squares over the samples taken while the audit was reading.
 */
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { shopInputExample } from '../../src/routes/shop/shop.routes';
import { keyed, seedKey, startChild } from '../start-child';
import { workerdPids, writeReport } from './audit';

const ROWS = Number(process.argv[2] ?? 10_000);
/** workerd processes under this one (scripts/bench/audit.ts finds them), their VmRSS in MiB. */
async function workerdRss(): Promise<number[]> {
  const out: number[] = [];
  for (const pid of (await workerdPids()).sort((a, b) => a - b)) {
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    out.push(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  }
  return out;
}

/** Least-squares slope of y over x. */
function slope(points: Array<[number, number]>): number {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'audit-rss-'));
  const child = await startChild({ table: 'audit-rss' });
  try {
    const file = join(folder, 'report.csv');
    const bytes = await writeReport(file, ROWS);
    const key = await seedKey(child, 'shop', 'audit-rss-shop');
    await fetch(`${child.base}/v1/shop`, keyed('PUT', key, shopInputExample));
    const started = Date.now();
    const res = await fetch(`${child.base}/v1/audits?carrier=cdek&tolerance=5&fileName=r.csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'text/csv' },
      body: Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>,
      duplex: 'half',
    } as RequestInit);
    const { id } = (await res.json()) as { id: string };
    console.log(`${ROWS} rows, ${(bytes / 1048576).toFixed(1)} MiB, audit ${id}`);
    const points: Array<[number, number]> = [];
    const perProcess: number[][] = [];
    for (;;) {
      const view = (await (
        await fetch(`${child.base}/v1/audits/${id}`, keyed('GET', key))
      ).json()) as {
        status: string;
        rows: { read: number };
      };
      const rss = await workerdRss();
      const chunk = view.rows.read / 500;
      const sum = rss.reduce((s, v) => s + v, 0);
      points.push([chunk, sum]);
      perProcess.push(rss);
      console.log(
        `t=${((Date.now() - started) / 1000).toFixed(0)}s chunk=${chunk.toFixed(1)} rss=${sum.toFixed(0)} [${rss.map((v) => v.toFixed(0)).join(' ')}]`,
      );
      if (view.status !== 'processing') break;
      await new Promise((wake) => setTimeout(wake, 2000));
    }
    const reading = points.filter(([x]) => x > 0);
    console.log(
      `first ${points[0]?.[1].toFixed(0)} / peak ${Math.max(...points.map(([, y]) => y)).toFixed(0)} / last ${points.at(-1)?.[1].toFixed(0)} MiB; slope ${slope(reading).toFixed(2)} MiB per chunk; ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
  } finally {
    await child.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

void main();
