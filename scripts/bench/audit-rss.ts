/**
 * `tsx scripts/bench/audit-rss.ts [rows] [--heap]` (issue 24, memory): a short form of the audit
 * bench's (b) — a report of `rows` rows (default 10,000) uploaded through `npm start` and
 * polled, with workerd's resident memory sampled at every poll, then the slope (MiB per chunk of
 * 500 rows) fitted by least squares over the samples taken while the audit was reading.
 *
 * `--heap` (Node 20: `NODE_OPTIONS=--experimental-websocket`): `npm start` with a debugger
 * (INSPECTOR_PORT), attached over the DevTools protocol; at every poll the Worker's JavaScript
 * heap is collected (HeapProfiler.collectGarbage) and its live size read (Runtime.getHeapUsage):
 * what the Worker's code keeps, apart from what the runtime and allocator hold.
 */
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { shopInputExample } from '../../src/routes/shop/shop.routes';
import { freePort } from '../dynamodb-local';
import { keyed, seedKey, startChild } from '../start-child';
import { workerdPids, writeReport } from './audit';

const args = process.argv.slice(2);
const ROWS = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 10_000);
const HEAP = args.includes('--heap');

/** A DevTools protocol session with the Worker, through wrangler's inspector on `port`. */
async function devtools(port: number): Promise<(method: string) => Promise<unknown>> {
  if (typeof WebSocket === 'undefined')
    throw new Error('--heap needs a WebSocket: NODE_OPTIONS=--experimental-websocket (Node 20)');
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json`)).json()) as Array<{
    webSocketDebuggerUrl: string;
  }>;
  const url = targets[0]?.webSocketDebuggerUrl;
  if (!url) throw new Error(`no debugger target on port ${port}`);
  // wrangler's inspector takes a connection from a local Origin only (undici's WebSocket, Node's,
  // takes headers as a second argument; the DOM's type does not know it).
  const socket = new WebSocket(url, {
    headers: { origin: 'http://localhost' },
  } as unknown as string[]);
  await new Promise((open, fail) => {
    socket.addEventListener('open', open, { once: true });
    socket.addEventListener('error', fail, { once: true });
  });
  let next = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  socket.addEventListener('message', (event: MessageEvent) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result);
  });
  const call = (method: string) =>
    new Promise<unknown>((done, fail) => {
      const id = ++next;
      const timer = setTimeout(() => fail(new Error(`${method}: no answer in 60 s`)), 60_000);
      waiting.set(id, (result) => (clearTimeout(timer), done(result)));
      socket.send(JSON.stringify({ id, method }));
    });
  // The runtime answers HeapProfiler.collectGarbage only once the heap profiler is enabled.
  await call('HeapProfiler.enable');
  return call;
}

/**
 * The Worker's live JavaScript heap in MiB, after a full collection. An idle Worker reads its
 * debugger's messages only when a request wakes it: `poke` sends one (GET /health) every second
 * until the answer comes.
 */
async function liveHeap(
  call: (method: string) => Promise<unknown>,
  poke: () => Promise<unknown>,
): Promise<number> {
  const woken = async <T>(answer: Promise<T>): Promise<T> => {
    let answered = false;
    void answer.finally(() => (answered = true)).catch(() => undefined);
    while (!answered) await Promise.race([answer, poke().then(() => sleep(1000))]);
    return answer;
  };
  await woken(call('HeapProfiler.collectGarbage'));
  const { usedSize } = (await woken(call('Runtime.getHeapUsage'))) as { usedSize: number };
  return usedSize / 1048576;
}

const sleep = (ms: number) => new Promise((wake) => setTimeout(wake, ms));
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
  const inspector = HEAP ? await freePort() : undefined;
  const child = await startChild({
    table: 'audit-rss',
    ...(inspector === undefined ? {} : { env: { INSPECTOR_PORT: String(inspector) } }),
  });
  try {
    const call = inspector === undefined ? undefined : await devtools(inspector);
    const heaps: Array<[number, number]> = [];
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
      const heap =
        call === undefined
          ? undefined
          : await liveHeap(call, () => fetch(`${child.base}/health`).then((r) => r.arrayBuffer()));
      if (heap !== undefined) heaps.push([chunk, heap]);
      console.log(
        `t=${((Date.now() - started) / 1000).toFixed(0)}s chunk=${chunk.toFixed(1)} rss=${sum.toFixed(0)} [${rss.map((v) => v.toFixed(0)).join(' ')}]${heap === undefined ? '' : ` heap=${heap.toFixed(1)}`}`,
      );
      if (view.status !== 'processing') break;
      await new Promise((wake) => setTimeout(wake, 2000));
    }
    const reading = points.filter(([x]) => x > 0);
    console.log(
      `${heaps.length === 0 ? '' : `live heap first ${heaps[0]?.[1].toFixed(1)} / peak ${Math.max(...heaps.map(([, y]) => y)).toFixed(1)} / last ${heaps.at(-1)?.[1].toFixed(1)} MiB, slope ${(slope(heaps.filter(([x]) => x > 0)) * 1024).toFixed(1)} KiB per chunk; `}first ${points[0]?.[1].toFixed(0)} / peak ${Math.max(...points.map(([, y]) => y)).toFixed(0)} / last ${points.at(-1)?.[1].toFixed(0)} MiB; slope ${slope(reading).toFixed(2)} MiB per chunk; ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
  } finally {
    await child.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

void main();
