import { createApp } from '../../src/app';
import { createDynamoStorage } from '../../src/storage/dynamodb';
import { requestExamples } from '../../src/schemas/examples';
import { fmt, measure, median } from './measure';
import { bareConstant } from './workers/bare-constant';
import { bareDomain } from './workers/bare-domain';

const RUNS = 1000;
const ROUNDS = 9;
const WARMUP = 3000;

/** The calculator routes and the request each benchmark sends (the OpenAPI examples). */
export const calculatorRoutes = [
  ['/v1/weight', requestExamples.weight],
  ['/v1/compensation/late', requestExamples.late],
  ['/v1/compensation/lost', requestExamples.lost],
  ['/v1/compensation/damaged', requestExamples.damaged],
] as const;

/**
 * Our whole app, as the Worker builds it, with storage pointed nowhere and the log off: for
 * what never touches storage (calculators, /health, /openapi.json). Tests pin the clock.
 */
export function calculatorApp(clock: () => Date = () => new Date()) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  return createApp(
    {
      clock,
      maxBodyBytes: 65_536,
      // The calculators never touch storage: a client pointed nowhere proves it.
      storage: createDynamoStorage({
        endpoint: 'http://127.0.0.1:9',
        region: 'local',
        tableName: 'unused',
      }),
      newId: () => 'clm_unused',
    },
    { log: () => undefined },
  );
}

/**
 * Each calculator route through app.request() in one process, against two
 * baselines measured in the same rounds: a bare Hono route that parses the
 * same JSON and answers a constant (target ≥ 0.6), and a bare Hono route that
 * calls the same domain function and answers its result (our middleware,
 * validation and error plumbing; target ≥ 0.8). Rounds alternate ours, bare,
 * bare + domain; each ratio is the median of the per-round ratios. Rates are
 * requests per second of this process's CPU time, which other processes on a
 * shared machine disturb far less than the wall clock.
 */
export async function benchCalculators(): Promise<string[]> {
  const app = calculatorApp();
  const out = [
    `| route | ours req/CPU-s | bare req/CPU-s | bare + domain req/CPU-s | ours ÷ bare (target ≥ 0.6) | ours ÷ bare + domain (target ≥ 0.8) |`,
    '|---|---|---|---|---|---|',
  ];
  for (const [path, body] of calculatorRoutes) {
    const json = JSON.stringify(body);
    // Real requests carry Content-Length (the Workers runtime sets it); every side gets it.
    const headers = { 'content-type': 'application/json', 'content-length': String(json.length) };
    const init = () => ({ method: 'POST', headers, body: json });
    const probe = await app.request(path, init());
    const expected = await probe.text();
    if (probe.status !== 200) throw new Error(`${path} answered ${probe.status}: ${expected}`);
    const plain = await bareDomain.request(path, init());
    if ((await plain.text()) !== expected) throw new Error(`${path}: bare + domain answers differ`);
    const sides = [app, bareConstant, bareDomain];
    // Steady state first: without it the first route measured pays for the JIT warming up.
    for (const side of sides) await measure(path, WARMUP, () => side.request(path, init()));
    const rates: [number[], number[], number[]] = [[], [], []];
    for (let round = 0; round < ROUNDS; round++) {
      for (const [k, side] of sides.entries()) {
        rates[k]?.push((await measure(path, RUNS, () => side.request(path, init()))).opsPerCpuSec);
      }
    }
    const [ours, bare, domain] = rates;
    const ratio = (base: number[]) =>
      fmt(median(ours.map((rate, k) => rate / (base[k] ?? Number.NaN))));
    out.push(
      `| POST ${path} | ${fmt(median(ours), 0)} | ${fmt(median(bare), 0)} | ${fmt(median(domain), 0)} | ${ratio(bare)} | ${ratio(domain)} |`,
    );
  }
  return out;
}
