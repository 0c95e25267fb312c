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
    const answers: Record<string, { status: number; text: string }> = {};

    answers.filed = await send('POST', '/v1/claims', shop.auth, filing);
    expect(answers.filed.status, answers.filed.text).toBe(201);
    // The detector finds the person where they are: in the claim answered.
    expect(tracesIn(answers.filed.text)).toEqual(expect.arrayContaining(['Зинаида', 'zinaida']));
    answers.conflict = await send('POST', '/v1/claims', shop.auth, filing);
    expect(answers.conflict.status, answers.conflict.text).toBe(409);
    answers.order = await send('PUT', '/v1/orders/O-PD-LOG', shop.auth, {
      ...orderInputExample,
      customer: PERSON,
    });
    expect(answers.order.status, answers.order.text).toBe(201);
    const badEmail = { ...PERSON, email: 'zinaida.logova@@example' };
    answers.badEmail = await send(
      'POST',
      '/v1/claims',
      shop.auth,
      lostFiling({ claimant: badEmail }),
    );
    expect(answers.badEmail.status, answers.badEmail.text).toBe(422);
    const badPhone = { ...PERSON, phone: 'Зинаида 912 555-01-23' };
    answers.badPhone = await send(
      'POST',
      '/v1/claims',
      shop.auth,
      lostFiling({ claimant: badPhone }),
    );
    expect(answers.badPhone.status, answers.badPhone.text).toBe(422);
    const tooLongName = { ...PERSON, name: `${PERSON.name} ${'я'.repeat(300)}` };
    answers.badName = await send(
      'POST',
      '/v1/claims',
      shop.auth,
      lostFiling({ claimant: tooLongName }),
    );
    expect(answers.badName.status, answers.badName.text).toBe(422);
    answers.search = await send(
      'GET',
      `/v1/claims?q=${encodeURIComponent('9125550123')}`,
      shop.auth,
    );
    expect(answers.search.status, answers.search.text).toBe(200);
    answers.badOrder = await send('PUT', '/v1/orders/O-PD-LOG-2', shop.auth, {
      ...orderInputExample,
      customer: { ...PERSON, email: PERSON.name },
    });
    expect(answers.badOrder.status, answers.badOrder.text).toBe(422);

    // Every request was logged (one line each), and no line holds a trace of the person.
    expect(accessLog.length).toBeGreaterThanOrEqual(Object.keys(answers).length);
    const logged = [...accessLog.map((line) => JSON.stringify(line)), ...consoleLines].join('\n');
    expect(tracesIn(logged), logged).toEqual([]);
    // No refusal echoes what was sent: its detail and errors name the field and the rule.
    for (const name of ['conflict', 'badEmail', 'badPhone', 'badName', 'badOrder'] as const) {
      const answer = answers[name];
      expect(tracesIn(answer?.text ?? ''), `${name}: ${answer?.text}`).toEqual([]);
    }
  });
});
