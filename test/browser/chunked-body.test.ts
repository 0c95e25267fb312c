/**
 * An oversized chunked body, sent to the Worker as `npm start` serves it (under `wrangler dev`,
 * started by this suite's global setup): the 413 comes back, and every request after it on
 * the server answers at once. Before the fix the next request hung for 15 s.
 */
import { request } from 'node:http';
import { describe, expect, inject, it } from 'vitest';

interface Reply {
  status: number;
  body: string;
}

/** One request on a connection of its own; a stall is an error, not a wait. */
function send(
  method: string,
  path: string,
  options: { chunks?: Buffer[]; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const url = new URL(path, inject('deskUrl'));
  return new Promise((done, fail) => {
    const req = request(
      url,
      { method, agent: false, timeout: 5000, headers: options.headers ?? {} },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (piece: string) => (body += piece));
        res.on('end', () => done({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer within 5 s`)));
    req.on('error', fail);
    for (const chunk of options.chunks ?? []) req.write(chunk);
    req.end();
  });
}

/** `kilobytes` of JSON-looking bytes, sent as chunks of 10 KB with `transfer-encoding: chunked`. */
const chunkedBody = (kilobytes: number) => ({
  headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
  chunks: Array.from({ length: kilobytes / 10 }, () => Buffer.alloc(10_000, '[')),
});

describe('an oversized chunked body', () => {
  it('gets its 413, and the requests after it all answer', async () => {
    for (const kilobytes of [200, 200, 1000]) {
      const refused = await send('POST', '/v1/weight', chunkedBody(kilobytes));
      expect(refused.status, refused.body).toBe(413);
      expect(JSON.parse(refused.body)).toMatchObject({ type: '/problems/body-too-large' });
      const policies = await send('GET', '/v1/policies');
      expect(policies.status, policies.body).toBe(200);
      const health = await send('GET', '/health');
      expect(health.status, health.body).toBe(200);
    }
  });

  it('under the limit is still read whole and validated', async () => {
    const body = Buffer.from(JSON.stringify({ carrier: 'cdek', packages: [] }));
    const answer = await send('POST', '/v1/weight', {
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      chunks: [body.subarray(0, 10), body.subarray(10)],
    });
    expect(answer.status, answer.body).toBe(422);
    expect(JSON.parse(answer.body)).toMatchObject({ errors: [{ pointer: '/packages' }] });
  });
});
