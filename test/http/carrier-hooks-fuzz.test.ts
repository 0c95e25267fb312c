/**
 * The attack drill of the carrier hooks (as ./fuzz.test.ts, whose route list names them):
 * fast-check (fixed seed) sends CDEK's documented payloads with their members replaced by
 * wild values, anything JSON, and no JSON at all, under live and made-up tokens and any
 * Content-Type, in-process on the app the Worker builds, against DynamoDB Local. Never a 5xx:
 * a live hook answers 200 with its summary, 400 (a problem) for what is no CDEK payload, 413
 * past the limit; any other token a bare 404. The hook's create is drilled the same way.
 */
import { env } from 'cloudflare:test';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { orderInputExample } from '../../src/schemas/shipment.examples';
import { generateApiKey, hashApiKey } from '../../src/storage/api-keys';
import { createDynamoStorage } from '../../src/storage/dynamodb';
import delivProblem from '../fixtures/cdek/deliv-problem.json?raw';
import delivered from '../fixtures/cdek/order-status-delivered.json?raw';
import inTransit from '../fixtures/cdek/order-status-in-transit.json?raw';
import modified from '../fixtures/cdek/order-modified-planned-date.json?raw';
import unknownCode from '../fixtures/cdek/order-status-unknown-code.json?raw';
import { record } from './answered';
import { TODAY } from './worker';

const SEED = 20_261_207;
const bindings = env as { DYNAMODB_ENDPOINT: string; DYNAMODB_TABLE: string };
const storage = createDynamoStorage({
  endpoint: bindings.DYNAMODB_ENDPOINT,
  tableName: bindings.DYNAMODB_TABLE,
  region: 'eu-central-1',
});
const app = createApp(
  {
    clock: () => new Date(`${TODAY}T09:00:00.000Z`),
    maxBodyBytes: 65_536,
    storage,
    newId: () => `clm_${crypto.randomUUID().replaceAll('-', '')}`,
  },
  { log: () => undefined },
);

const SHOP_ID = `fuzz-hooks-${crypto.randomUUID().slice(0, 8)}`;
let shopKey = '';
let hookPath = '';

beforeAll(async () => {
  const { keyId, key } = generateApiKey();
  await storage.apiKeys.create({
    keyId,
    secretHash: await hashApiKey(key),
    role: 'shop',
    shopId: SHOP_ID,
    createdAt: '2025-06-01T00:00:00.000Z',
  });
  shopKey = key;
  const auth = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  const hook = await app.request('/v1/carrier-hooks', {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ carrier: 'cdek' }),
  });
  expect(hook.status, await hook.clone().text()).toBe(201);
  hookPath = new URL(((await hook.json()) as { url: string }).url).pathname;
  // A shipment the payloads' waybill (the example's) names, so that some of them apply.
  const order = await app.request('/v1/orders/O-1001', {
    method: 'PUT',
    headers: auth,
    body: JSON.stringify(orderInputExample),
  });
  expect(order.status, await order.clone().text()).toBe(201);
});

/** The fixtures as of June 2025, naming the example order's parcel. */
const FIXTURES: unknown[] = [inTransit, delivered, delivProblem, modified, unknownCode].map(
  (text) =>
    JSON.parse(
      text
        .replaceAll('2026-03-', '2025-06-')
        .replaceAll('1106207236', orderInputExample.shipments[0]!.waybill),
    ),
);

const TRICKY = [
  '',
  '0',
  '-1',
  '1e309',
  'NaN',
  '2025-02-29',
  '2025-06-03T01:30:00+0700',
  '2025-06-03T01:30:00+99:99',
  '2025-06-03T01:30:00',
  '9999-12-31T23:59:59+1400',
  '__proto__',
  'constructor',
  'toString',
  'ORDER_STATUS',
  'ORDER_MODIFIED',
  'DELIV_PROBLEM',
  'DELIVERED',
  'PLANED_DELIVERY_DATE_CHANGED',
  '\u0000',
  '\ud800',
  'a'.repeat(3000),
];
const wild: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.boolean()) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

type Path = (string | number)[];
function pathsOf(value: unknown, at: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [at];
  return [at, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, k]))];
}
function replaced(base: unknown, path: Path, value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const copy: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  const next = replaced(copy[head], rest, value);
  if (next === undefined) delete copy[head];
  else copy[head] = next;
  return copy;
}
const mutated = fc
  .constantFrom(...FIXTURES)
  .chain((base) =>
    fc
      .array(fc.tuple(fc.constantFrom(...pathsOf(base)), wild), { minLength: 1, maxLength: 3 })
      .map((edits) => edits.reduce((body, [path, value]) => replaced(body, path, value), base)),
  );
const body: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 6, arbitrary: mutated.map((b) => JSON.stringify(b) ?? 'null') },
  { weight: 2, arbitrary: fc.constantFrom(...FIXTURES).map((b) => JSON.stringify(b)) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((b) => JSON.stringify(b)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);
const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', '') },
);

const seen = new Map<number, number>();

async function send(path: string, headers: Record<string, string>, sent: string | undefined) {
  const res = await app.request(path, {
    method: 'POST',
    headers,
    ...(sent === undefined ? {} : { body: sent }),
  });
  const text = await res.text();
  record('POST', `http://api.test${path}`, res.status);
  seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
  const what = `POST ${path} ${JSON.stringify(headers)} ${sent?.slice(0, 400)} -> ${res.status} ${text.slice(0, 400)}`;
  expect(res.status, what).toBeLessThan(500);
  return { res, text, what };
}

describe('the carrier hooks’ drill', () => {
  it('POST /v1/carrier-hooks/cdek/{token}: no 5xx; 200 a summary, 400 a problem, 404 bare', async () => {
    const token = fc.oneof(
      { weight: 5, arbitrary: fc.constant(hookPath) },
      {
        weight: 1,
        arbitrary: fc
          .oneof(
            fc.string({ minLength: 1, maxLength: 60 }),
            fc.stringMatching(/^[A-Za-z0-9_-]{43}$/),
          )
          .map((t) => `/v1/carrier-hooks/cdek/${encodeURIComponent(t)}`),
      },
    );
    const input = fc.record({ path: token, sent: body, type: contentType });
    await fc.assert(
      fc.asyncProperty(input, async ({ path, sent, type }) => {
        const { res, text, what } = await send(path, type ? { 'content-type': type } : {}, sent);
        if (path !== hookPath) {
          expect(res.status, what).toBe(404);
          expect(text, what).toBe('');
          return;
        }
        expect([200, 400], what).toContain(res.status);
        if (res.status === 400) {
          expect(res.headers.get('content-type'), what).toBe('application/problem+json');
          return;
        }
        const summary = JSON.parse(text) as Record<string, number>;
        const counted = ['applied', 'duplicate', 'unmatched', 'refused'].reduce(
          (n, k) => n + (summary[k] ?? 0),
          0,
        );
        expect(counted, what).toBe(summary.received);
      }),
      { seed: SEED, numRuns: 700, endOnFailure: true },
    );
    console.info('carrier hook drill answers:', Object.fromEntries(seen));
    expect(seen.get(200)).toBeGreaterThan(100);
  }, 240_000);

  it('POST /v1/carrier-hooks: no 5xx, every refusal a problem', async () => {
    const valid = { carrier: 'cdek', forwardTo: 'https://shop.example/cdek' };
    const sent = fc.oneof(
      fc
        .array(fc.tuple(fc.constantFrom(...pathsOf(valid)), wild), { minLength: 1, maxLength: 2 })
        .map((edits) =>
          JSON.stringify(edits.reduce<unknown>((b, [p, v]) => replaced(b, p, v), valid) ?? null),
        ),
      fc.jsonValue({ maxDepth: 2 }).map((b) => JSON.stringify(b)),
    );
    await fc.assert(
      fc.asyncProperty(sent, contentType, async (text, type) => {
        const headers = {
          authorization: `Bearer ${shopKey}`,
          ...(type ? { 'content-type': type } : {}),
        };
        const { res, what } = await send('/v1/carrier-hooks', headers, text);
        if (res.status >= 400) {
          expect(res.headers.get('content-type'), what).toBe('application/problem+json');
        }
      }),
      { seed: SEED, numRuns: 200, endOnFailure: true },
    );
  }, 120_000);
});
