/**
 * `npm run bench -- webhooks`: a burst of 1,000 claim changes through `npm start` (its Worker
 * in wrangler's local runtime, both queues emulated, DynamoDB Local; scripts/start-child.ts), as issue
 * 23 asks: 500 claims filed by 10 shops and each moved once by a clerk, 20 at a time, each
 * change a webhook event (`claim.filed`, `claim.status_changed`) to its shop's endpoint at a
 * receiver on 127.0.0.1 that verifies every signature (scripts/webhook-receiver.ts). Every
 * event must arrive, each once (counted by `webhook-id`). The delay of each is from the
 * change (the `updatedAt` of the API's answer) to its arrival at the receiver.
 */
import { copyFileSync } from 'node:fs';
import { filingExample } from '../../src/schemas/examples';
import { keyed, seedKey, startChild, type StartedChild } from '../start-child';
import { startReceiver, type WebhookReceiver } from '../webhook-receiver';
import { BenchFailure, fmt, median, percentile } from './measure';

const SHOPS = 10;
const CLAIMS_PER_SHOP = 50;
/** Changes in flight at once (each worker files a claim, then moves it). */
const PARALLEL = 20;
const EVENTS = SHOPS * CLAIMS_PER_SHOP * 2;
/** Give up when nothing new arrived for this long. */
const STALL_MS = 60_000;

interface Shop {
  label: string;
  key: string;
  clerk: string;
}

async function post(base: string, path: string, key: string, body?: unknown, ifMatch?: string) {
  const headers: Record<string, string> = ifMatch === undefined ? {} : { 'if-match': ifMatch };
  const res = await fetch(`${base}${path}`, keyed('POST', key, body, headers));
  const answer = (await res.json()) as { id: string; version: number; updatedAt: string };
  if (res.status >= 300)
    throw new Error(`${path} answered ${res.status}: ${JSON.stringify(answer)}`);
  return answer;
}

/** Each shop with its key, a clerk key of its own (the per-key rate limit) and an endpoint. */
async function makeShops(child: StartedChild, receiver: WebhookReceiver): Promise<Shop[]> {
  return Promise.all(
    Array.from({ length: SHOPS }, async (_, i) => {
      const label = `bench-shop-${i}`;
      const key = await seedKey(child, 'shop', label);
      const shop = { label, key, clerk: await seedKey(child, 'clerk') };
      const made = await post(child.base, '/v1/webhook-endpoints', key, {
        url: receiver.urlOf(label),
        events: ['claim.filed', 'claim.status_changed'],
      });
      receiver.trust(label, (made as unknown as { secret: string }).secret);
      return shop;
    }),
  );
}

/** Files and moves every claim, PARALLEL at a time; each change's event id and instant. */
async function makeChanges(base: string, shops: Shop[]): Promise<Map<string, number>> {
  const changes = new Map<string, number>();
  const shippedDate = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
  const work = shops.flatMap((shop) =>
    Array.from({ length: CLAIMS_PER_SHOP }, (_, n) => ({ shop, n })),
  );
  const worker = async () => {
    for (let job = work.shift(); job; job = work.shift()) {
      const { shop, n } = job;
      const waybill = `${shop.label}-WB-${n}`;
      const filed = await post(base, '/v1/claims', shop.key, {
        ...filingExample,
        shippedDate,
        waybill,
      });
      changes.set(`evt_${filed.id}_${filed.version}`, Date.parse(filed.updatedAt));
      const moved = await post(base, `/v1/claims/${filed.id}/review`, shop.clerk, undefined, '"1"');
      changes.set(`evt_${moved.id}_${moved.version}`, Date.parse(moved.updatedAt));
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return changes;
}

/** Waits until every expected event arrived, or nothing new came for STALL_MS. */
async function settle(receiver: WebhookReceiver, expected: number): Promise<void> {
  let seen = 0;
  let lastNews = Date.now();
  while (Date.now() - lastNews < STALL_MS) {
    const now = new Set(receiver.received().map((m) => m.id)).size;
    if (now !== seen) [seen, lastNews] = [now, Date.now()];
    if (seen >= expected) break;
    await new Promise((wake) => setTimeout(wake, 200));
  }
  // A little longer: a duplicate would come now.
  await new Promise((wake) => setTimeout(wake, 5000));
}

export async function benchWebhooks(): Promise<string[]> {
  const child = await startChild({ table: 'bench-webhooks' });
  const receiver = await startReceiver();
  try {
    const shops = await makeShops(child, receiver);
    const started = Date.now();
    const changes = await makeChanges(child.base, shops);
    const changedIn = Date.now() - started;
    await settle(receiver, EVENTS);
    const received = receiver.received();
    const firsts = new Map<string, number>();
    for (const m of received) if (!firsts.has(m.id)) firsts.set(m.id, m.arrivedAt);
    const lost = [...changes.keys()].filter((id) => !firsts.has(id)).length;
    const duplicates = received.length - firsts.size;
    const unverified = received.filter((m) => !m.verified).length;
    const delays = [...firsts].map(([id, at]) => at - (changes.get(id) ?? Number.NaN));
    const lastArrival = Math.max(...firsts.values());
    const seconds = (lastArrival - started) / 1000;
    const lines = [
      `${changes.size} claim changes (${SHOPS} shops × ${CLAIMS_PER_SHOP} claims, each filed by its shop and moved to review by a clerk; ${PARALLEL} at a time) through \`npm start\` (wrangler's local runtime, no inspector: the claim-change queue's consumer announces, the webhook queue's consumer sends; DynamoDB Local), to a receiver on 127.0.0.1 verifying every signature.`,
      '',
      '| measure | value |',
      '|---|---|',
      `| changes made (API answers) | ${changes.size} in ${fmt(changedIn / 1000, 1)} s |`,
      `| events received, distinct \`webhook-id\` | ${firsts.size} |`,
      `| lost / delivered twice / signature refused | ${lost} / ${duplicates} / ${unverified} |`,
      `| events per second (first change to last arrival, ${fmt(seconds, 1)} s) | ${fmt(firsts.size / seconds, 0)} |`,
      `| change → delivery: median / p95 / max | ${fmt(median(delays) / 1000, 1)} s / ${fmt(percentile(delays, 95) / 1000, 1)} s / ${fmt(Math.max(...delays) / 1000, 1)} s |`,
    ];
    if (lost + duplicates + unverified > 0 || changes.size !== EVENTS) {
      throw new BenchFailure(`not each of ${EVENTS} events exactly once`, lines);
    }
    return lines;
  } finally {
    // WEBHOOK_BENCH_LOG=<file> keeps npm start's log (each queue batch, its size and time).
    if (process.env.WEBHOOK_BENCH_LOG) copyFileSync(child.logFile, process.env.WEBHOOK_BENCH_LOG);
    await receiver.close();
    await child.stop();
  }
}
