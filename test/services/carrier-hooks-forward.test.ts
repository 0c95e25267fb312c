/**
 * A hook's forwardTo against a local receiver (a real HTTP server on this machine): the
 * payload passed on with the same bytes and `Content-Type: application/json`, after the
 * answer, which never waits for it; a receiver that fails or hangs is logged, never retried,
 * and changes nothing in the answer. The app the Worker builds, on DynamoDB Local.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app';
import { generateApiKey, hashApiKey } from '../../src/storage/api-keys';
import { freshStorage } from '../storage/helpers';

interface Received {
  path: string;
  type: string | undefined;
  body: Buffer;
}
const received: Received[] = [];
let server: Server;
let base = '';
/** How long the receiver takes to answer, ms (longer than our answer may take). */
const SLOW_MS = 1_500;

const readAll = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

beforeAll(async () => {
  server = createServer((req, res) => {
    void readAll(req).then((body) => {
      received.push({ path: req.url ?? '', type: req.headers['content-type'], body });
      const status = req.url?.startsWith('/fail') ? 500 : 200;
      setTimeout(() => res.writeHead(status).end('ok'), SLOW_MS);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

async function appWithShop(publicBaseUrl?: string) {
  const storage = await freshStorage();
  const app = createApp(
    {
      clock: () => new Date('2025-06-16T09:00:00.000Z'),
      maxBodyBytes: 65_536,
      storage,
      newId: () => `clm_${crypto.randomUUID().replaceAll('-', '')}`,
      ...(publicBaseUrl === undefined ? {} : { publicBaseUrl }),
    },
    { log: () => undefined },
  );
  const { keyId, key } = generateApiKey();
  await storage.apiKeys.create({
    keyId,
    secretHash: await hashApiKey(key),
    role: 'shop',
    shopId: 'shop-fwd',
    createdAt: '2025-06-01T00:00:00.000Z',
  });
  const hookTo = async (forwardTo: string) => {
    const res = await app.request('/v1/carrier-hooks', {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ carrier: 'cdek', forwardTo }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    return new URL(((await res.json()) as { url: string }).url).pathname;
  };
  return { app, hookTo, key };
}

/** An inbound call with an execution context whose waitUntil work is kept to await. */
async function inbound(app: ReturnType<typeof createApp>, path: string, body: string) {
  const pending: Promise<unknown>[] = [];
  const ctx = {
    waitUntil: (work: Promise<unknown>) => pending.push(work),
    passThroughOnException() {},
    props: {},
  };
  const started = Date.now();
  const res = await app.request(
    path,
    { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body },
    {},
    ctx,
  );
  return { res, took: Date.now() - started, after: () => Promise.all(pending) };
}

describe('forwardTo', () => {
  it('passes each payload on unchanged, after an answer that does not wait for it', async () => {
    const { app, hookTo } = await appWithShop();
    const path = await hookTo(`${base}/cdek?key=abc`);
    // CDEK's spacing and key order, kept to the byte (and a payload we cannot read, too).
    const bodies = [
      '{ "type":"ORDER_STATUS",  "uuid":"72753031-1820-4f99-9240-aab139f05ca5", "attributes":{"cdek_number":"1106207236","code":"ACCEPTED","status_date_time":"2025-06-02T10:00:00+0300"} }',
      '{"type":"PRINT_FORM","attributes":{"ж":"я"}}',
      'not json at all',
    ];
    const statuses: number[] = [];
    for (const body of bodies) {
      const { res, took, after } = await inbound(app, path, body);
      statuses.push(res.status);
      expect(took).toBeLessThan(SLOW_MS);
      await after();
    }
    expect(statuses).toEqual([200, 200, 400]);
    expect(received.map((r) => [r.path, r.type, r.body.toString('utf8')])).toEqual(
      bodies.map((body) => ['/cdek?key=abc', 'application/json', body]),
    );
  }, 30_000);

  it('logs a failed forward as one JSON line (never the URL), and tries once', async () => {
    const { app, hookTo } = await appWithShop();
    const path = await hookTo(`${base}/fail/secret-part`);
    const lines: string[] = [];
    const spy = vi
      .spyOn(console, 'log')
      .mockImplementation((line: string) => void lines.push(line));
    try {
      const before = received.length;
      const { res, after } = await inbound(app, path, '{"type":"PRINT_FORM"}');
      expect(res.status).toBe(200);
      await after();
      expect(received.length - before).toBe(1);
      const failures = lines.filter((l) => l.includes('carrier-hook-forward-failed'));
      expect(failures.map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([
        expect.objectContaining({ shopId: 'shop-fwd', why: 'answered 500' }),
      ]);
      expect(failures.join('')).not.toContain('secret-part');
    } finally {
      spy.mockRestore();
    }
  }, 30_000);

  it('makes hook URLs under PUBLIC_BASE_URL, and refuses one of them as a forwardTo', async () => {
    const { app, key } = await appWithShop('https://api.example');
    const create = (body: unknown) =>
      app.request('http://internal.test/v1/carrier-hooks', {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const made = await create({ carrier: 'cdek' });
    const { url } = (await made.json()) as { url: string };
    expect(url).toMatch(/^https:\/\/api\.example\/v1\/carrier-hooks\/cdek\/[A-Za-z0-9_-]{43}$/);
    const loop = await create({ carrier: 'cdek', forwardTo: url });
    expect(loop.status).toBe(422);
    expect(await loop.text()).toContain('/forwardTo');
  });
});
