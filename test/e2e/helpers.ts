/**
 * What the end-to-end tests share: the API of the Worker `npm start` runs (test/e2e/global-setup.ts),
 * shops of their own (a key stored in its DynamoDB Local, as `npm run keys` stores one), and a
 * claim filed as a shop's order system files one.
 */
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { keyed, seedKey } from '../../scripts/start-child';
import { filingExample } from '../../src/schemas/examples';

export const e2e = inject('e2e');

/** An answer: status, headers, the body parsed (or undefined), its text. */
export interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
  text: string;
}

/** A request to the Worker with a key; the answer, its body parsed when it is JSON. */
export async function api(
  method: string,
  path: string,
  key: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(`${e2e.base}${path}`, keyed(method, key, body, headers));
  const text = await res.text();
  const parsed = text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : {};
  return { status: res.status, headers: res.headers, body: parsed, text };
}

/** A shop of the test's own, with a shop key: its events reach only its endpoints. */
export async function newShop(): Promise<{ shopId: string; key: string }> {
  const shopId = `e2e-${crypto.randomUUID().slice(0, 8)}`;
  return { shopId, key: await seedKey(e2e, 'shop', shopId) };
}

/** Files the OpenAPI document's example claim (shipped 5 days ago by the real clock). */
export async function fileClaim(key: string, waybill = `E2E-${crypto.randomUUID().slice(0, 8)}`) {
  const shippedDate = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
  const answer = await api('POST', '/v1/claims', key, { ...filingExample, shippedDate, waybill });
  if (answer.status !== 201) throw new Error(`filing failed: ${answer.text}`);
  return answer.body as { id: string; version: number; updatedAt: string };
}

/** Makes an endpoint for `url` receiving `events`; its id and secret. */
export async function newEndpoint(key: string, url: string, events: string[]) {
  const made = await api('POST', '/v1/webhook-endpoints', key, { url, events });
  if (made.status !== 201) throw new Error(`endpoint refused: ${made.text}`);
  return { id: String(made.body.id), secret: String(made.body.secret) };
}

/** Polls `read` every 250 ms until `done` holds for its value (fails after `ms`). */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  ms = 30_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(`not there after ${ms} ms: ${JSON.stringify(value).slice(0, 2000)}`);
    }
    await new Promise((wake) => setTimeout(wake, 250));
  }
}

/** npm start's output so far (wrangler's log). */
export const startLog = () => readFileSync(e2e.logFile, 'utf8');
