import { Hono } from 'hono';
import { createApp } from '../../src/app';
import { createDynamoStorage } from '../../src/storage/dynamodb';
import { requestExamples } from '../../src/schemas/examples';
import { fmt, measure, median } from './measure';

const RUNS = 1000;
const ROUNDS = 9;

/**
 * Each calculator route through app.request() against a bare Hono route that
 * parses the same JSON and returns a constant: the ratio is what our
 * validation, domain code and error plumbing cost. Target ≥ 0.6.
 */
export async function benchCalculators(): Promise<string[]> {
  const app = createApp(
    {
      clock: () => new Date(),
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
  const bare = new Hono().post('*', async (c) => {
    await c.req.json();
    return c.json({ ok: true });
  });
  const routes = [
    ['/v1/weight', requestExamples.weight],
    ['/v1/compensation/late', requestExamples.late],
    ['/v1/compensation/lost', requestExamples.lost],
    ['/v1/compensation/damaged', requestExamples.damaged],
  ] as const;
  const out = [
    '| route | ours ops/s | bare ops/s | ratio, median of 9 alternating rounds (target ≥ 0.6) |',
    '|---|---|---|---|',
  ];
  for (const [path, body] of routes) {
    const json = JSON.stringify(body);
    // Real requests carry Content-Length (the Workers runtime sets it); both sides get it.
    const headers = { 'content-type': 'application/json', 'content-length': String(json.length) };
    const init = () => ({ method: 'POST', headers, body: json });
    const probe = await app.request(path, init());
    if (probe.status !== 200)
      throw new Error(`${path} answered ${probe.status}: ${await probe.text()}`);
    // Alternating batches, so both sides see the same machine load; the median of the rounds.
    const oursRates: number[] = [];
    const bareRates: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      oursRates.push((await measure(path, RUNS, () => app.request(path, init()))).opsPerSec);
      bareRates.push((await measure('bare', RUNS, () => bare.request(path, init()))).opsPerSec);
    }
    const ratios = oursRates.map((rate, k) => rate / (bareRates[k] ?? Number.NaN));
    out.push(
      `| POST ${path} | ${fmt(median(oursRates), 0)} | ${fmt(median(bareRates), 0)} | ${fmt(median(ratios))} |`,
    );
  }
  return out;
}
