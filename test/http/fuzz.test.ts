/**
 * The attack drill, kept as a test: fast-check sends generated bad input (fixed seed, over
 * 5,000 cases, in-process on the app the Worker builds, against DynamoDB Local) to every
 * POST route of the API and to the claims list query (and the analytics' and events' ones). Never a 5xx; every 4xx a problem+json
 * whose `status` is the answer's, and a validation failure names each field it refuses.
 * The desk's HTML forms are not part of this drill (they answer pages, not problems).
 */
import { env } from 'cloudflare:test';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { filingExample, requestExamples } from '../../src/schemas/examples';
import { eventExample, orderInputExample } from '../../src/schemas/shipment.examples';
import { generateApiKey, hashApiKey } from '../../src/storage/api-keys';
import { createDynamoStorage } from '../../src/storage/dynamodb';
import { webhookDepsOf } from '../../src/services/webhook-wiring';
import type { DeliveryQueue } from '../../src/services/webhook-deps';
import { record } from './answered';
import { TODAY } from './worker';

const SEED = 20_261_201;
const bindings = env as { DYNAMODB_ENDPOINT: string; DYNAMODB_TABLE: string };
/** What a request is served with: the audit bucket only (audit jobs then run inline). */
const requestEnv = { AUDIT_FILES: (env as { AUDIT_FILES?: R2Bucket }).AUDIT_FILES };
const storage = createDynamoStorage({
  endpoint: bindings.DYNAMODB_ENDPOINT,
  tableName: bindings.DYNAMODB_TABLE,
  region: 'eu-central-1',
  apiKeyCacheMs: 600_000,
});
const clock = () => new Date(`${TODAY}T09:00:00.000Z`);
/** The delivery queue holds what is enqueued (its consumer is drilled elsewhere): no request leaves. */
const held: unknown[] = [];
const queue: DeliveryQueue = {
  sendBatch: async (messages) => {
    held.push(...messages);
  },
};
const app = createApp(
  {
    clock,
    maxBodyBytes: 65_536,
    storage,
    newId: () => `clm_${crypto.randomUUID().replaceAll('-', '')}`,
    webhooks: webhookDepsOf({}, { storage, clock }, queue),
  },
  { log: () => undefined },
);

const SHOP_ID = `fuzz-${crypto.randomUUID().slice(0, 8)}`;
const keys: Record<'shop' | 'clerk' | 'test', string> = { shop: '', clerk: '', test: '' };
const claimIds: string[] = [];
const endpointIds: string[] = [];

async function seedKey(role: 'shop' | 'clerk', test = false): Promise<string> {
  const { keyId, key } = generateApiKey({ test });
  await storage.apiKeys.create({
    keyId,
    secretHash: await hashApiKey(key),
    role,
    ...(role === 'shop' ? { shopId: SHOP_ID } : {}),
    ...(test ? { test: true as const } : {}),
    createdAt: '2025-06-01T00:00:00.000Z',
  });
  return key;
}

beforeAll(async () => {
  keys.shop = await seedKey('shop');
  keys.clerk = await seedKey('clerk');
  keys.test = await seedKey('shop', true);
  for (let i = 0; i < 4; i++) {
    const res = await app.request('/v1/claims', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${keys.shop}` },
      body: JSON.stringify({ ...filingExample, waybill: `FUZZ-${i}-${crypto.randomUUID()}` }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    claimIds.push(((await res.json()) as { id: string }).id);
  }
  const order = await app.request('/v1/orders/FUZZ-ORDER', {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${keys.shop}` },
    body: JSON.stringify(orderInputExample),
  });
  expect(order.status, await order.clone().text()).toBe(201);
  for (const url of ['https://shop.example.com/hooks/a', 'https://shop.example.com/hooks/b']) {
    const made = await app.request('/v1/webhook-endpoints', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${keys.shop}` },
      body: JSON.stringify({ url, events: ['*'] }),
    });
    expect(made.status, await made.clone().text()).toBe(201);
    endpointIds.push(((await made.json()) as { id: string }).id);
  }
});

// ——— what the drill sends ———

/** Strings that broke parsers elsewhere: numbers out of range, dates that do not exist, … */
const TRICKY = [
  '',
  ' ',
  '0',
  '-0',
  '-1',
  '1e309',
  '1e-7',
  'NaN',
  'Infinity',
  '0x10',
  '1,5',
  '00.10',
  '.5',
  '99999999999999999999999999.999',
  '0.0000000000000000000001',
  '2025-02-29',
  '2024-02-29',
  '2025-13-01',
  '0000-01-01',
  '9999-12-31',
  '2025-06-16T00:00:00Z',
  'RUB',
  'XXX',
  'rub',
  'RU',
  'ZZ',
  'cdek',
  'russian-post',
  '__proto__',
  'constructor',
  '\u0000',
  '\ud800',
  '<script>alert(1)</script>',
  'a'.repeat(3000),
  '"1"',
  'W/"1"',
  '*',
];
const wild: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.boolean()) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

type Path = (string | number)[];
function pathsOf(value: unknown, at: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [at];
  const entries = Object.entries(value);
  return [
    at,
    ...entries.flatMap(([k, v]) => pathsOf(v, [...at, Array.isArray(value) ? Number(k) : k])),
  ];
}
/** `base` with the value at `path` replaced (undefined: the member removed). */
function replaced(base: unknown, path: Path, value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (Array.isArray(base)) {
    const copy: unknown[] = [...base];
    const next = replaced(copy[Number(head)], rest, value);
    if (next === undefined) copy.splice(Number(head), 1);
    else copy[Number(head)] = next;
    return copy;
  }
  const copy: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  const next = replaced(copy[head], rest, value);
  if (next === undefined) delete copy[head];
  else copy[head] = next;
  return copy;
}
/** A valid body with one to three of its members (or itself) replaced by wild values. */
const mutated = (base: unknown) => {
  const paths = pathsOf(base);
  return fc
    .array(fc.tuple(fc.constantFrom(...paths), wild), { minLength: 1, maxLength: 3 })
    .map((edits) => edits.reduce((body, [path, value]) => replaced(body, path, value), base));
};

interface Sent {
  body: string | undefined;
  contentType: string;
}
/** A JSON body near `valid`, anything JSON, or not JSON at all; mostly as application/json. */
const bodyNear = (valid: unknown): fc.Arbitrary<Sent> =>
  fc.record({
    body: fc.oneof(
      { weight: 6, arbitrary: mutated(valid).map((b) => JSON.stringify(b) ?? 'null') },
      { weight: 1, arbitrary: fc.constant(JSON.stringify(valid)) },
      { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((b) => JSON.stringify(b)) },
      { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
      { weight: 1, arbitrary: fc.constant(undefined) },
    ),
    contentType: fc.oneof(
      { weight: 8, arbitrary: fc.constant('application/json') },
      { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/problem+json', '') },
    ),
  });

type Who = 'shop' | 'clerk' | 'none' | 'bogus';
const auth = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<Who[]>('shop', 'clerk') },
  { weight: 1, arbitrary: fc.constantFrom<Who[]>('none', 'bogus') },
);
const headerValue = fc.oneof(
  fc.constantFrom(...TRICKY.filter((t) => /^[\x20-\x7e]*$/.test(t))),
  fc.string(),
);
const authHeader = (who: Who): Record<string, string> =>
  who === 'none' ? {} : { authorization: `Bearer ${who === 'bogus' ? 'pca_bogus' : keys[who]}` };

// ——— what must come back ———

/** A JSON Pointer (`""` is the whole body), or a parameter or header name. */
const where = (e: Record<string, unknown>) =>
  typeof e.pointer === 'string' ||
  [e.parameter, e.header].some((name) => typeof name === 'string' && name.length > 0);
let sentTotal = 0;
/** How often each answer came back (printed when the drill fails): status, and problem type. */
const seen = new Map<string, number>();
const count = (answer: string) => seen.set(answer, (seen.get(answer) ?? 0) + 1);

async function send(
  method: string,
  path: string,
  init: { headers: Record<string, string>; body?: string },
) {
  sentTotal++;
  const headers = { ...init.headers };
  const res = await app.request(
    path,
    { method, headers, ...(init.body === undefined ? {} : { body: init.body }) },
    requestEnv,
  );
  const text = await res.text();
  // Held against the operation's documented responses after the file (statuses.setup.ts).
  record(method, `http://api.test${path}`, res.status);
  const what = `${method} ${path} ${JSON.stringify(headers)} ${init.body?.slice(0, 500)} -> ${res.status} ${text.slice(0, 500)}`;
  expect(res.status, what).toBeLessThan(500);
  if (res.status < 400) {
    count(String(res.status));
    return;
  }
  expect(res.headers.get('content-type'), what).toBe('application/problem+json');
  const problem = JSON.parse(text) as Record<string, unknown>;
  expect(problem, what).toMatchObject({
    status: res.status,
    title: expect.any(String),
    detail: expect.any(String),
  });
  expect(String(problem.type), what).toMatch(/^\/problems\/[a-z-]+$/);
  count(`${res.status} ${String(problem.type)}`);
  // A 422 is a field, a parameter or a rule broken by the input: it names where.
  if (res.status === 422) {
    const errors = problem.errors as Record<string, unknown>[] | undefined;
    expect(errors?.length, what).toBeGreaterThan(0);
    for (const e of errors ?? []) expect(where(e), what).toBe(true);
  }
}

const property = <T>(
  arbitrary: fc.Arbitrary<T>,
  numRuns: number,
  run: (input: T) => Promise<void>,
) => fc.assert(fc.asyncProperty(arbitrary, run), { seed: SEED, numRuns, endOnFailure: true });

const CALCULATORS = {
  '/v1/weight': requestExamples.weight,
  '/v1/compensation/late': requestExamples.late,
  '/v1/compensation/lost': requestExamples.lost,
  '/v1/compensation/damaged': requestExamples.damaged,
} as const;
const MOVES = {
  review: { note: 'Taken by the Monday shift' },
  // casework: assign to me (an empty body) and internal notes.
  assignee: {},
  notes: { text: 'Called the carrier' },
  cancel: { note: 'Found it' },
  evidence: { evidence: [{ kind: 'proof_of_value', name: 'invoice.pdf' }] },
  decision: {
    decision: 'partially_approved',
    reason: 'Two items',
    approvedAmount: { amount: '1500.00', currency: 'RUB' },
  },
  payment: {
    amount: { amount: '1500.00', currency: 'RUB' },
    paidOn: '2025-07-01',
    reference: 'PP-000123',
  },
} as const;

const ENDPOINT_MOVES = {
  'rotate-secret': {},
  test: {},
  recover: { since: '2025-06-01T00:00:00Z' },
} as const;

describe('the fuzz drill', () => {
  it('covers every POST route of the API', () => {
    const posts = app.routes
      .filter((r) => r.method === 'POST' && r.path.startsWith('/v1/'))
      .map((r) => r.path)
      .sort();
    const fuzzed = [
      ...Object.keys(CALCULATORS),
      '/v1/claims',
      ...Object.keys(MOVES).map((m) => `/v1/claims/:id/${m}`),
      '/v1/claims/:id/messages/:messageId/sent',
      '/v1/claims/:id/remedies',
      '/v1/claims/:id/remedies/:remedyId/accept',
      '/v1/claims/:id/remedies/:remedyId/decline',
      '/v1/shipments/:shipmentId/events',
      '/v1/shipments/:shipmentId/claims',
      '/v1/shipments/:shipmentId/messages/:messageId/sent',
      '/v1/test/carrier-events',
      '/v1/webhook-endpoints',
      ...Object.keys(ENDPOINT_MOVES).map((m) => `/v1/webhook-endpoints/:id/${m}`),
      '/v1/webhook-deliveries/:id/replay',
      '/v1/audits',
      '/v1/audits/:id/claims',
      // Fuzzed in ./carrier-hooks-fuzz.test.ts.
      '/v1/carrier-hooks',
      '/v1/carrier-hooks/cdek/:token',
    ];
    expect([...new Set(posts)]).toEqual(fuzzed.sort());
  });

  it.each(Object.entries(CALCULATORS))(
    '%s: no 5xx, every refusal a problem naming its field',
    async (path, valid) => {
      await property(bodyNear(valid), 800, async ({ body, contentType }) => {
        await send('POST', path, {
          headers: contentType ? { 'content-type': contentType } : {},
          body,
        });
      });
    },
  );

  it('POST /v1/claims: no 5xx, every refusal a problem naming its field', async () => {
    const filing = { ...filingExample, waybill: 'FUZZ-FILING' };
    const input = fc.record({
      sent: bodyNear(filing),
      who: auth,
      key: fc.option(headerValue, { nil: undefined }),
    });
    await property(input, 800, async ({ sent, who, key }) => {
      const headers: Record<string, string> = { ...authHeader(who) };
      if (sent.contentType) headers['content-type'] = sent.contentType;
      if (key !== undefined) headers['idempotency-key'] = key;
      await send('POST', '/v1/claims', { headers, body: sent.body });
    });
  });

  it.each([
    ['events', eventExample],
    ['claims', { type: 'late', description: 'Promised by 5 June, still on its way' }],
  ] as const)(
    'POST /v1/shipments/{shipmentId}/%s: no 5xx, every refusal a problem naming its field',
    async (what, valid) => {
      const shipmentId = orderInputExample.shipments[0]?.shipmentId ?? '';
      const id = fc.oneof(
        { weight: 4, arbitrary: fc.constant(shipmentId) },
        {
          weight: 1,
          arbitrary: fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent),
        },
      );
      const input = fc.record({ sent: bodyNear(valid), who: auth, id });
      await property(input, 200, async ({ sent, who, id }) => {
        const headers: Record<string, string> = { ...authHeader(who) };
        if (sent.contentType) headers['content-type'] = sent.contentType;
        await send('POST', `/v1/shipments/${id}/${what}`, { headers, body: sent.body });
      });
    },
  );

  it.each(Object.entries(MOVES))(
    'POST /v1/claims/{id}/%s: no 5xx, every refusal a problem naming its field',
    async (move, valid) => {
      const id = fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...claimIds) },
        {
          weight: 1,
          arbitrary: fc.oneof(
            fc.constantFrom('clm_00000000000000000000000000000000', 'nope', '%20', '..'),
            fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent),
          ),
        },
      );
      const input = fc.record({
        sent: bodyNear(valid),
        who: auth,
        id,
        ifMatch: fc.option(headerValue, { nil: undefined }),
      });
      await property(input, 220, async ({ sent, who, id, ifMatch }) => {
        const headers: Record<string, string> = { ...authHeader(who) };
        if (sent.contentType) headers['content-type'] = sent.contentType;
        if (ifMatch !== undefined) headers['if-match'] = ifMatch;
        await send('POST', `/v1/claims/${id}/${move}`, { headers, body: sent.body });
      });
    },
  );

  it('POST /v1/claims/{id}/messages/{messageId}/sent: no 5xx, every refusal a problem naming its field', async () => {
    const input = fc.record({
      id: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...claimIds) },
        {
          weight: 1,
          arbitrary: fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent),
        },
      ),
      messageId: fc.oneof(
        fc.constantFrom('ack', 'decision', 'payment'),
        fc.string({ minLength: 1, maxLength: 20 }).map(encodeURIComponent),
      ),
      lang: fc.option(fc.oneof(fc.constantFrom('ru', 'en'), headerValue), { nil: undefined }),
      who: auth,
    });
    await property(input, 200, async ({ id, messageId, lang, who }) => {
      const query = lang === undefined ? '' : `?${new URLSearchParams({ lang }).toString()}`;
      const path = `/v1/claims/${id}/messages/${messageId}/sent${query}`;
      await send('POST', path, { headers: authHeader(who) });
    });
  });

  it('POST /v1/shipments/{id}/messages/{messageId}/sent: no 5xx, every refusal a problem naming its field', async () => {
    const shipmentId = orderInputExample.shipments[0]!.shipmentId;
    const input = fc.record({
      id: fc.oneof(
        { weight: 3, arbitrary: fc.constant(shipmentId) },
        {
          weight: 1,
          arbitrary: fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent),
        },
      ),
      messageId: fc.oneof(
        fc.constant('delay'),
        fc.string({ minLength: 1, maxLength: 20 }).map(encodeURIComponent),
      ),
      query: fc.array(fc.tuple(fc.constantFrom('lang', 'shopId', 'other'), headerValue), {
        maxLength: 3,
      }),
      who: auth,
    });
    await property(input, 150, async ({ id, messageId, query, who }) => {
      const search = new URLSearchParams(query).toString();
      const path = `/v1/shipments/${id}/messages/${messageId}/sent${search ? `?${search}` : ''}`;
      await send('POST', path, { headers: authHeader(who) });
    });
  });

  it('POST /v1/claims/{id}/remedies (and accept, decline): no 5xx, every refusal a problem naming its field', async () => {
    const valid = { kind: 'gift', value: { amount: '500.00', currency: 'RUB' }, note: 'Sorry' };
    const input = fc.record({
      sent: bodyNear(valid),
      who: auth,
      id: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...claimIds) },
        {
          weight: 1,
          arbitrary: fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent),
        },
      ),
      answer: fc.option(
        fc.record({
          remedyId: fc.oneof(
            fc.constantFrom('rm_1', 'rm_2', 'rm_0', 'rm_x'),
            fc.string({ minLength: 1, maxLength: 20 }).map(encodeURIComponent),
          ),
          verb: fc.constantFrom('accept', 'decline'),
        }),
        { nil: undefined },
      ),
    });
    await property(input, 200, async ({ sent, who, id, answer }) => {
      const headers: Record<string, string> = { ...authHeader(who) };
      if (answer) {
        await send('POST', `/v1/claims/${id}/remedies/${answer.remedyId}/${answer.verb}`, {
          headers,
        });
        return;
      }
      if (sent.contentType) headers['content-type'] = sent.contentType;
      await send('POST', `/v1/claims/${id}/remedies`, { headers, body: sent.body });
    });
  });

  it('GET /v1/claims: no 5xx, every refusal a problem naming its parameter', async () => {
    const names = [
      'status',
      'type',
      'waybill',
      'carrier',
      'overdue',
      'unacknowledged',
      'shopId',
      'limit',
      'cursor',
      'q',
      'in',
      'assignee',
      'sort',
      'other',
    ];
    const query = fc.array(fc.tuple(fc.constantFrom(...names), headerValue), { maxLength: 5 });
    await property(fc.record({ query, who: auth }), 700, async ({ query, who }) => {
      const search = new URLSearchParams(query).toString();
      await send('GET', `/v1/claims${search ? `?${search}` : ''}`, { headers: authHeader(who) });
    });
  });

  it('POST /v1/shipments/{id}/events: no 5xx, every refusal a problem naming its field', async () => {
    const shipmentId = orderInputExample.shipments[0]!.shipmentId;
    const id = fc.oneof(
      { weight: 4, arbitrary: fc.constant(shipmentId) },
      { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent) },
    );
    await property(
      fc.record({ sent: bodyNear(eventExample), who: auth, id }),
      300,
      async ({ sent, who, id }) => {
        const headers: Record<string, string> = { ...authHeader(who) };
        if (sent.contentType) headers['content-type'] = sent.contentType;
        await send('POST', `/v1/shipments/${id}/events`, { headers, body: sent.body });
      },
    );
  });

  it('POST /v1/test/carrier-events: no 5xx, every refusal a problem naming its field', async () => {
    const example = { waybill: '1234567890', code: 'DELIVERED', at: '2025-06-10T14:00:00+0300' };
    const who = fc.constantFrom<('test' | Who)[]>('test', 'test', 'test', 'shop', 'clerk', 'none');
    await property(fc.record({ sent: bodyNear(example), who }), 300, async ({ sent, who }) => {
      const headers: Record<string, string> =
        who === 'test' ? { authorization: `Bearer ${keys.test}` } : { ...authHeader(who) };
      if (sent.contentType) headers['content-type'] = sent.contentType;
      await send('POST', '/v1/test/carrier-events', { headers, body: sent.body });
    });
  });

  it('POST /v1/webhook-endpoints: no 5xx, every refusal a problem naming its field', async () => {
    const valid = {
      url: 'https://shop.example.com/hooks/c',
      events: ['claim.paid', 'shipment.late'],
      description: 'Orders',
    };
    await property(fc.record({ sent: bodyNear(valid), who: auth }), 300, async ({ sent, who }) => {
      const headers: Record<string, string> = { ...authHeader(who) };
      if (sent.contentType) headers['content-type'] = sent.contentType;
      await send('POST', '/v1/webhook-endpoints', { headers, body: sent.body });
    });
  });

  it.each(Object.entries(ENDPOINT_MOVES))(
    'POST /v1/webhook-endpoints/{id}/%s: no 5xx, every refusal a problem naming its field',
    async (move, valid) => {
      const id = fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...endpointIds) },
        {
          weight: 1,
          arbitrary: fc.oneof(
            fc.constantFrom('we_00000000000000000000000000000000', 'nope', '%20', '..'),
            fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent),
          ),
        },
      );
      const input = fc.record({ sent: bodyNear(valid), who: auth, id });
      await property(input, 120, async ({ sent, who, id }) => {
        const headers: Record<string, string> = { ...authHeader(who) };
        if (sent.contentType) headers['content-type'] = sent.contentType;
        await send('POST', `/v1/webhook-endpoints/${id}/${move}`, { headers, body: sent.body });
      });
    },
  );

  it('POST /v1/webhook-deliveries/{id}/replay: no 5xx, every refusal a problem', async () => {
    const listed = await app.request(`/v1/webhook-deliveries?endpointId=${endpointIds[0]}`, {
      headers: { authorization: `Bearer ${keys.shop}` },
    });
    expect(listed.status, await listed.clone().text()).toBe(200);
    const deliveries = ((await listed.json()) as { items: { id: string }[] }).items.map(
      (d) => d.id,
    );
    const id = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...deliveries, 'whd_0') },
      { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 60 }).map(encodeURIComponent) },
    );
    await property(fc.record({ id, who: auth }), 120, async ({ id, who }) => {
      await send('POST', `/v1/webhook-deliveries/${id}/replay`, { headers: authHeader(who) });
    });
  });

  it('POST /v1/audits: no 5xx, every refusal a problem (query, type and bytes fuzzed)', async () => {
    const csv =
      'waybill,shippedDate,promisedDate,deliveredDate,status,deliveryCost\n1,2025-06-01,2025-06-05,2025-06-09,delivered,500.00\n';
    const query = fc.record(
      {
        carrier: fc.oneof(fc.constantFrom('cdek', 'dhl'), fc.string({ maxLength: 50 })),
        tolerance: fc.oneof(fc.constantFrom('5', '2.5', '-1', '1e3'), fc.string({ maxLength: 8 })),
        columns: fc.oneof(
          fc.constantFrom('{"waybill":"Трек"}', '{"weight":"x"}', '[]', '{', '{"waybill":1}'),
          fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v) ?? ''),
        ),
        fileName: fc.string({ maxLength: 250 }),
        shopId: fc.constantFrom(SHOP_ID, 'other-shop', ''),
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      { weight: 3, arbitrary: fc.constant(csv) },
      { weight: 2, arbitrary: fc.string({ maxLength: 200 }) },
      {
        weight: 1,
        arbitrary: fc.constantFrom('', 'PK\u0003\u0004xl/workbook.xml', '\ufeff;;;\r\n;'),
      },
    );
    const type = fc.constantFrom(
      'text/csv',
      'text/csv; charset=windows-1251',
      'application/csv',
      'text/plain',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/json',
      '',
    );
    await property(
      fc.record({ query, body, type, who: auth }),
      150,
      async ({ query, body, type, who }) => {
        const headers: Record<string, string> = { ...authHeader(who) };
        if (type) headers['content-type'] = type;
        const search = new URLSearchParams(query as Record<string, string>).toString();
        await send('POST', `/v1/audits${search ? `?${search}` : ''}`, { headers, body });
      },
    );
  });

  it('POST /v1/audits/{id}/claims: no 5xx, every refusal a problem naming its field', async () => {
    const made = await app.request(
      '/v1/audits',
      {
        method: 'POST',
        headers: { authorization: `Bearer ${keys.shop}`, 'content-type': 'text/csv' },
        body: 'waybill,shippedDate,promisedDate,deliveredDate,status,deliveryCost\n1,2025-06-01,2025-06-05,2025-06-09,delivered,500.00\n',
      },
      requestEnv,
    );
    expect(made.status, await made.clone().text()).toBe(202);
    const auditId = ((await made.json()) as { id: string }).id;
    const id = fc.oneof(
      { weight: 4, arbitrary: fc.constant(auditId) },
      { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent) },
    );
    const input = fc.record({ sent: bodyNear({ lines: [2] }), who: auth, id });
    await property(input, 120, async ({ sent, who, id }) => {
      const headers: Record<string, string> = { ...authHeader(who) };
      if (sent.contentType) headers['content-type'] = sent.contentType;
      await send('POST', `/v1/audits/${id}/claims`, { headers, body: sent.body });
    });
  });

  it('PUT /v1/orders/{id}: no 5xx, every refusal a problem naming its field', async () => {
    await property(
      fc.record({ sent: bodyNear(orderInputExample), who: auth }),
      300,
      async ({ sent, who }) => {
        const headers: Record<string, string> = { ...authHeader(who) };
        if (sent.contentType) headers['content-type'] = sent.contentType;
        await send('PUT', '/v1/orders/FUZZ-ORDER-2', { headers, body: sent.body });
      },
    );
  });

  // w-analytics: the cause PUT and the analytics query.
  it('PUT /v1/claims/{id}/cause: no 5xx, every refusal a problem naming its field', async () => {
    const input = fc.record({
      sent: bodyNear({ cause: 'warehouse', note: 'Packed without filler' }),
      who: auth,
      id: fc.constantFrom(...claimIds, 'nope'),
      ifMatch: fc.option(headerValue, { nil: undefined }),
    });
    await property(input, 200, async ({ sent, who, id, ifMatch }) => {
      const headers: Record<string, string> = { ...authHeader(who) };
      if (sent.contentType) headers['content-type'] = sent.contentType;
      if (ifMatch !== undefined) headers['if-match'] = ifMatch;
      await send('PUT', `/v1/claims/${id}/cause`, { headers, body: sent.body });
    });
  });

  it('GET /v1/analytics/claims: no 5xx, every refusal a problem naming its parameter', async () => {
    const names = ['from', 'to', 'groupBy', 'currency', 'shopId', 'multiple', 'other'];
    const value = fc.oneof(headerValue, fc.constantFrom('2025-06-01', '2025-06-30', '2024-01-01'));
    const query = fc.array(fc.tuple(fc.constantFrom(...names), value), { maxLength: 6 });
    await property(fc.record({ query, who: auth }), 300, async ({ query, who }) => {
      const search = new URLSearchParams(query).toString();
      await send('GET', `/v1/analytics/claims${search ? `?${search}` : ''}`, {
        headers: authHeader(who),
      });
    });
  });

  it('GET /v1/events: no 5xx, every refusal a problem naming its parameter', async () => {
    // A real cursor (the endpoint drills above raised webhook.test events) among the values.
    const since = '2025-06-16T00:00:00Z';
    const first = await app.request(`/v1/events?since=${since}&limit=1`, {
      headers: { authorization: `Bearer ${keys.shop}` },
    });
    expect(first.status, await first.clone().text()).toBe(200);
    const cursor = ((await first.json()) as { nextCursor?: string }).nextCursor ?? 'none';
    const names = ['since', 'type', 'limit', 'cursor', 'other'];
    const value = fc.oneof(
      headerValue,
      fc.constantFrom(
        since,
        '2025-05-01T00:00:00+03:00',
        '2025-06-31T25:61:00Z',
        '9999-12-31T23:59:59.999999999-23:59',
        '0000-01-01T00:00:00Z',
        'claim.paid',
        'webhook.test',
        '100',
        cursor,
      ),
    );
    // Mostly with a valid `since` first, so the other parameters are reached too.
    const base = fc.constantFrom<[string, string][]>([], [['since', since]], [['since', since]]);
    const query = fc
      .tuple(base, fc.array(fc.tuple(fc.constantFrom(...names), value), { maxLength: 4 }))
      .map(([head, rest]) => [...head, ...rest]);
    await property(fc.record({ query, who: auth }), 300, async ({ query, who }) => {
      const search = new URLSearchParams(query).toString();
      await send('GET', `/v1/events${search ? `?${search}` : ''}`, { headers: authHeader(who) });
    });
  });

  it('sent at least 5,000 cases', () => {
    expect(sentTotal).toBeGreaterThanOrEqual(5000);
    console.log(JSON.stringify(Object.fromEntries([...seen].sort())));
  });
});
