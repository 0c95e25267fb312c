/**
 * `npm run bench -- audit` (issue 24): (a) the domain's figure, A1's
 * scripts/bench-audit-domain.ts (10,000 rows read, mapped, parsed and audited; CPU ms);
 * (b) a 100,000-row report uploaded through `npm start` (the Worker as wrangler dev runs it, no
 * inspector: the audit queue emulated, R2 local, DynamoDB Local) and polled to completion, while
 * workerd's resident memory is sampled every second from /proc, and noted at each poll with the
 * rows read then (flat: the file is read in chunks, never whole);
 * (c) "file all" on that audit: 5,000 claims filed by the queue, every answer's status counted.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { AUDIT_FIELDS } from '../../src/domain/audit/types';
import { shopInputExample } from '../../src/routes/shop/shop.routes';
import { benchAuditDomain } from '../bench-audit-domain';
import { keyed, seedKey, startChild } from '../start-child';
import { BenchFailure, fmt } from './measure';

const ROWS = 100_000;
/** Every 40 rows: one late and one lost (owed: 5,000 claims), one overcharged. */
const EVERY = 40;
const CLAIMS = (ROWS / EVERY) * 2;
/** Give up when the audit or the filing has not moved for this long. */
const STALL_MS = 120_000;

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Row `i` of the report, in our template's columns (AUDIT_FIELDS, in order). */
function row(i: number): string {
  const kind = i % EVERY;
  const shipped = day(-20);
  const promised = day(-14);
  const delivered = kind === 0 ? day(-8) : day(-15);
  const lost = kind === EVERY / 2;
  const charged = kind === EVERY / 4 ? '4.000' : '1.500';
  return [
    `BA${String(i).padStart(12, '0')}`,
    `ORDER-2026-${String(i).padStart(9, '0')}`,
    'cdek',
    shipped,
    promised,
    '',
    lost ? '' : delivered,
    lost ? 'lost' : 'delivered',
    '450.00',
    '3000.00',
    'no',
    '30',
    '20',
    '10',
    '1.500',
    charged,
    '450.00',
  ].join(',');
}

/**
 * The report (`rows` rows) written to a temporary file, line by line (never whole in memory).
 * @example const bytes = await writeReport('/tmp/report.csv', 10_000);
 */
export async function writeReport(path: string, rows = ROWS): Promise<number> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`${AUDIT_FIELDS.join(',')}\r\n`);
  for (let i = 1; i <= rows; i++) await write(`${row(i)}\r\n`);
  out.end();
  await once(out, 'finish');
  return statSync(path).size;
}

/**
 * The pids of this process's descendants whose command is workerd.
 * @example const pids = await workerdPids(); // [41872, 41880]
 */
export async function workerdPids(): Promise<number[]> {
  const parents = new Map<number, number>();
  const names = new Map<number, string>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // pid (comm) state ppid …: comm may hold spaces, so read after its closing parenthesis.
    const close = stat.lastIndexOf(')');
    if (close < 0) continue;
    names.set(Number(entry), stat.slice(stat.indexOf('(') + 1, close));
    parents.set(Number(entry), Number(stat.slice(close + 2).split(' ')[1]));
  }
  const mine = (pid: number): boolean => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) {
      if (p === process.pid) return true;
    }
    return false;
  };
  return [...names]
    .filter(([pid, name]) => name.startsWith('workerd') && mine(pid))
    .map(([p]) => p);
}

/** Samples workerd's summed VmRSS (MiB) every second until stopped; `latest` is the last. */
function sampleRss(pids: number[]): { stop: () => number[]; latest: () => number } {
  const samples: number[] = [];
  const once = async () => {
    let kb = 0;
    for (const pid of pids) {
      const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    }
    samples.push(kb / 1024);
  };
  void once();
  const timer = setInterval(() => void once(), 1000);
  return { stop: () => (clearInterval(timer), samples), latest: () => samples.at(-1) ?? 0 };
}

/** The RSS (MiB) at the first poll that had read at least each share of the rows. */
const rssAtShares = (marks: Array<[number, number]>, shares: number[]) =>
  shares
    .map((share) => marks.find(([read]) => read >= share * ROWS)?.[1] ?? Number.NaN)
    .map((mib) => fmt(mib, 0))
    .join(' / ');

interface Tally {
  statuses: Map<number, number>;
}

async function call(base: string, path: string, key: string, tally: Tally, init?: RequestInit) {
  const res = await fetch(`${base}${path}`, init ?? keyed('GET', key));
  tally.statuses.set(res.status, (tally.statuses.get(res.status) ?? 0) + 1);
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(json)}`);
  return json;
}

/** Polls the audit until `done` says so; throws when nothing moved for STALL_MS. */
async function pollUntil(
  poll: () => Promise<Record<string, unknown>>,
  done: (view: Record<string, unknown>) => boolean,
): Promise<Record<string, unknown>> {
  let last = '';
  let moved = Date.now();
  for (;;) {
    const view = await poll();
    if (done(view)) return view;
    const now = JSON.stringify([view.progress, view.rows, view.filing]);
    if (now !== last) [last, moved] = [now, Date.now()];
    if (Date.now() - moved > STALL_MS) throw new Error(`stalled: ${now}`);
    await new Promise((wake) => setTimeout(wake, 1000));
  }
}

const statusList = (tally: Tally) =>
  [...tally.statuses]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s} × ${n}`)
    .join(', ');

/** (a): the domain's figure (A1's bench: warm best of three, the first run, windows-1251). */
async function domainLines(): Promise<string[]> {
  const d = await benchAuditDomain();
  const what = `${d.rows.toLocaleString('en')} rows (${fmt(d.bytes / 1024, 0)} KiB, Russian Excel) sniffed, read, mapped, parsed and audited`;
  return [
    `| (a) domain: ${what}; CPU (process.cpuUsage) | ${fmt(d.cpuMs, 0)} ms (first run ${fmt(d.coldCpuMs, 0)} ms; windows-1251 ${fmt(d.windows1251CpuMs, 0)} ms; target < ${d.targetMs}) |`,
    `| (a) rows audited / refused, findings | ${d.audited} / ${d.refused}, ${d.findings} |`,
  ];
}

/**
 * The three figures as Markdown table rows; a 5xx, a claim not filed or an audit not
 * completed fails the run (BenchFailure, its rows still printed).
 * @example console.log((await benchAudit()).join('\n'));
 */
export async function benchAudit(): Promise<string[]> {
  const lines = ['| measure | value |', '|---|---|', ...(await domainLines())];
  const folder = mkdtempSync(join(tmpdir(), 'bench-audit-'));
  const child = await startChild({ table: 'bench-audit' });
  const tally: Tally = { statuses: new Map() };
  try {
    const file = join(folder, 'report.csv');
    const bytes = await writeReport(file);
    const key = await seedKey(child, 'shop', 'bench-audit-shop');
    await call(child.base, '/v1/shop', key, tally, keyed('PUT', key, shopInputExample));
    const rss = sampleRss(await workerdPids());
    const started = Date.now();
    const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
    const query = `carrier=cdek&tolerance=5&fileName=report.csv`;
    const created = await call(child.base, `/v1/audits?${query}`, key, tally, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'text/csv' },
      body,
      duplex: 'half',
    } as RequestInit);
    const id = String(created.id);
    const get = () => call(child.base, `/v1/audits/${id}`, key, tally);
    /** [rows read, RSS then] at every poll while reading. */
    const marks: Array<[number, number]> = [];
    const getMarked = async () => {
      const view = await get();
      marks.push([(view.rows as { read: number }).read, rss.latest()]);
      return view;
    };
    const read = await pollUntil(getMarked, (v) => v.status !== 'processing');
    const readMs = Date.now() - started;
    const samples = rss.stop();
    const counts = read.rows as { read: number; audited: number; refused: number };
    if (read.status !== 'completed' || counts.read !== ROWS) {
      throw new BenchFailure(`the audit ended ${String(read.status)}`, [
        ...lines,
        JSON.stringify(read),
      ]);
    }
    lines.push(
      `| (b) ${ROWS.toLocaleString('en')}-row report (${fmt(bytes / 1048576, 1)} MiB) uploaded and read to completion | ${fmt(readMs / 1000, 1)} s, ${fmt(ROWS / (readMs / 1000), 0)} rows/s |`,
      `| (b) rows read / audited / refused | ${counts.read} / ${counts.audited} / ${counts.refused} |`,
      `| (b) workerd RSS, sampled every 1 s (${samples.length} samples): first / peak / last | ${fmt(samples[0] ?? 0, 0)} / ${fmt(Math.max(...samples), 0)} / ${fmt(samples.at(-1) ?? 0, 0)} MiB |`,
      `| (b) workerd RSS when 10 / 25 / 50 / 75 / 100 % of the rows were read | ${rssAtShares(marks, [0.1, 0.25, 0.5, 0.75, 1])} MiB |`,
    );
    const filingStarted = Date.now();
    await call(child.base, `/v1/audits/${id}/claims`, key, tally, keyed('POST', key, {}));
    const filed = await pollUntil(get, (v) => (v.filing as { status?: string })?.status === 'done');
    const filingMs = Date.now() - filingStarted;
    const f = filed.filing as { requested: number; filed: number; skipped: number; failed: number };
    lines.push(
      `| (c) "file all": claims requested / filed / skipped / failed | ${f.requested} / ${f.filed} / ${f.skipped} / ${f.failed} |`,
      `| (c) filing to completion | ${fmt(filingMs / 1000, 1)} s, ${fmt(f.filed / (filingMs / 1000), 1)} claims/s |`,
      `| every answer's status (upload, polls, filing) | ${statusList(tally)} |`,
    );
    const fiveHundreds = [...tally.statuses].filter(([s]) => s >= 500).length;
    if (f.filed !== CLAIMS || f.failed > 0 || fiveHundreds > 0) {
      throw new BenchFailure(`not ${CLAIMS} claims filed without a 5xx`, lines);
    }
    return lines;
  } finally {
    await child.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}
