/**
 * Nothing else keeps a customer's personal data (issue 25): requests that carry a claimant's
 * name, phone and e-mail (a filing, an order put, a filing refused for a bad e-mail or a bad
 * phone, a filing that conflicts, a search by phone, an erasure, an access export) leave
 * none of it in anything the Worker logs (the access log and every console line), and no
 * error answer echoes it back in `detail` or `errors`. The app is the one the Worker builds,
 * in process, on DynamoDB Local, with its access log and the console captured.
 */
import { env } from 'cloudflare:test';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app';
import type { AccessLogLine } from '../../src/http/request-context';
import { orderInputExample } from '../../src/schemas/shipment.examples';
import { createDynamoStorage } from '../../src/storage/dynamodb';
import { lostFiling, seedShop } from './claims-helpers';
import { TODAY } from './worker';

const bindings = env as { DYNAMODB_ENDPOINT: string; DYNAMODB_TABLE: string };
const storage = createDynamoStorage({
  endpoint: bindings.DYNAMODB_ENDPOINT,
  tableName: bindings.DYNAMODB_TABLE,
  region: 'eu-central-1',
});
const accessLog: AccessLogLine[] = [];
const app = createApp(
  {
    clock: () => new Date(`${TODAY}T09:00:00.000Z`),
    maxBodyBytes: 65_536,
    storage,
    newId: () => crypto.randomUUID().replaceAll('-', ''),
  },
  { log: (line) => accessLog.push(line) },
);

/** The person: each part distinctive enough that finding it anywhere is no accident. */
const PERSON = {
  name: 'Зинаида Логова',
  email: 'zinaida.logova@example.com',
  phone: '+7 912 555-01-23',
};
/** What must appear nowhere: the name's parts, the e-mail's, the phone however written. */
const TRACES = [
  'Зинаида',
  'Логова',
  'zinaida',
  'logova',
  '9125550123',
  '912 555',
  '555-01-23',
  '5550123',
  '555 01 23',
];

const consoleLines: string[] = [];
const methods = ['log', 'error', 'warn', 'info', 'debug'] as const;
beforeAll(() => {
  for (const method of methods) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleLines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    });
  }
});
afterAll(() => {
  vi.restoreAllMocks();
});

const send = async (method: string, path: string, auth: Record<string, string>, body?: unknown) => {
  const res = await app.request(path, {
    method,
    headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, text: await res.text() };
};

/** The traces of the person in a text (JSON escapes read back: `\u0417` is `З`). */
const tracesIn = (text: string) => {
  const plain = text.replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
  return TRACES.filter((t) => plain.toLowerCase().includes(t.toLowerCase()));
};

describe('a customer’s personal data in logs and error answers', () => {
  it('is in no log line and echoed by no error answer', async () => {
    const shop = await seedShop();
    const filing = lostFiling({ claimant: PERSON });
    const claimant = (changed: Partial<typeof PERSON>) =>
      lostFiling({ claimant: { ...PERSON, ...changed } });
    const order = (customer: typeof PERSON) => ({ ...orderInputExample, customer });
    const phone = encodeURIComponent(PERSON.phone);
    // Name, method, path, body, the status it must get: in this order.
    const requests: [string, string, string, unknown, number][] = [
      ['filed', 'POST', '/v1/claims', filing, 201],
      ['conflict', 'POST', '/v1/claims', filing, 409],
      ['order', 'PUT', '/v1/orders/O-PD-LOG', order(PERSON), 201],
      ['badEmail', 'POST', '/v1/claims', claimant({ email: 'zinaida.logova@@example' }), 422],
      ['badPhone', 'POST', '/v1/claims', claimant({ phone: 'Зинаида 912 555-01-23' }), 422],
      [
        'badName',
        'POST',
        '/v1/claims',
        claimant({ name: `${PERSON.name} ${'я'.repeat(300)}` }),
        422,
      ],
      ['badOrder', 'PUT', '/v1/orders/O-PD-LOG-2', order({ ...PERSON, email: PERSON.name }), 422],
      ['search', 'GET', '/v1/claims?q=9125550123', undefined, 200],
      ['export', 'GET', `/v1/personal-data?phone=${phone}`, undefined, 200],
      ['badErase', 'POST', '/v1/personal-data/erasures', { email: 'zinaida.logova@' }, 422],
      ['erase', 'POST', '/v1/personal-data/erasures', { phone: PERSON.phone }, 201],
      ['badExport', 'GET', `/v1/personal-data?phone=${phone}&email=zinaida`, undefined, 422],
    ];
    const answers: Record<string, { status: number; text: string }> = {};
    for (const [name, method, path, body, status] of requests) {
      const answer = await send(method, path, shop.auth, body);
      expect(answer.status, `${name}: ${answer.text}`).toBe(status);
      answers[name] = answer;
    }
    // The detector finds the person where they are: in the claim answered.
    expect(tracesIn(answers.filed?.text ?? '')).toEqual(
      expect.arrayContaining(['Зинаида', 'zinaida']),
    );

    // Every request was logged (one line each), and no line holds a trace of the person.
    expect(accessLog.length).toBeGreaterThanOrEqual(Object.keys(answers).length);
    const logged = [...accessLog.map((line) => JSON.stringify(line)), ...consoleLines].join('\n');
    expect(tracesIn(logged), logged).toEqual([]);
    // No refusal echoes what was sent: its detail and errors name the field and the rule.
    for (const name of [
      'conflict',
      'badEmail',
      'badPhone',
      'badName',
      'badOrder',
      'badErase',
      'badExport',
      'erase',
    ]) {
      const answer = answers[name];
      expect(tracesIn(answer?.text ?? ''), `${name}: ${answer?.text}`).toEqual([]);
    }
  });
});
