import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import type { HonoEnv } from '../../src/hono-env';
import { guardBody } from '../../src/http/body-guard';
import { route } from '../../src/routes/router';

const Body = z.object({ parcel: z.object({ weightKg: z.number().positive() }), note: z.string() });
const sent = createRoute({
  method: 'post',
  path: '/v1/parcels/{id}',
  request: {
    params: z.object({ id: z.string().regex(/^p\d+$/, 'is not a parcel id') }),
    query: z.object({ tag: z.array(z.string()).or(z.string()).optional() }),
    headers: z.object({
      'If-Match': z
        .string()
        .regex(/^"\d+"$/, 'is not an ETag')
        .optional(),
    }),
    body: { required: true, content: { 'application/json': { schema: Body } } },
  },
  responses: { 200: { description: 'What the handler saw' } },
});
const optional = createRoute({
  method: 'post',
  path: '/v1/parcels/{id}/review',
  request: {
    body: {
      required: false,
      content: { 'application/json': { schema: z.object({ note: z.string().optional() }) } },
    },
  },
  responses: { 200: { description: 'What the handler saw' } },
});

/** A tiny app with one route of each kind, validated as the real routers are. */
function testApp() {
  const app = new OpenAPIHono<HonoEnv>();
  app.use('/v1/*', guardBody(200));
  route(app, sent, (c) =>
    c.json({
      id: c.req.valid('param').id,
      tag: c.req.valid('query').tag,
      ifMatch: c.req.valid('header')['If-Match'],
      weightKg: c.req.valid('json').parcel.weightKg,
    }),
  );
  route(app, optional, (c) => c.json({ note: c.req.valid('json').note ?? null }));
  return app;
}

const post = (path: string, body?: string, headers: Record<string, string> = {}) =>
  testApp().request(path, {
    method: 'POST',
    headers:
      body === undefined
        ? headers
        : { 'content-type': 'application/json', 'content-length': String(body.length), ...headers },
    ...(body === undefined ? {} : { body }),
  });
const good = JSON.stringify({ parcel: { weightKg: 2 }, note: 'x' });

describe('validateRequest (the routers’ one validator)', () => {
  it('hands the handler the typed, validated parts of the request', async () => {
    const res = await post('/v1/parcels/p1?tag=a&tag=b', good, { 'if-match': '"3"' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toEqual({ id: 'p1', tag: ['a', 'b'], ifMatch: '"3"', weightKg: 2 });
  });

  it('answers a body that is not JSON with 400 malformed-json', async () => {
    const res = await post('/v1/parcels/p1', '{"parcel": {');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ type: '/problems/malformed-json' });
  });

  it.each([
    ['a text body', { 'content-type': 'text/plain' }, 'hello'],
    ['a body without a content type', {}, good],
  ])('answers %s with 415', async (_, headers, body) => {
    const res = await testApp().request('/v1/parcels/p1', { method: 'POST', headers, body });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ type: '/problems/unsupported-media-type' });
  });

  it('names each offending body field by JSON Pointer in a 422', async () => {
    const res = await post('/v1/parcels/p1', JSON.stringify({ parcel: { weightKg: -1 } }));
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { errors: { pointer: string }[] };
    expect(problem.errors.map((e) => e.pointer)).toEqual(['/parcel/weightKg', '/note']);
  });

  it('names a bad path parameter, then a bad header, before looking at the body', async () => {
    const badId = await post('/v1/parcels/x1', '{');
    expect(badId.status).toBe(422);
    expect(await badId.json()).toMatchObject({
      detail: 'id: is not a parcel id',
      errors: [{ parameter: 'id', detail: 'is not a parcel id' }],
    });
    const badHeader = await post('/v1/parcels/p1', good, { 'if-match': 'W/"3"' });
    expect(await badHeader.json()).toMatchObject({ errors: [{ header: 'If-Match' }] });
  });

  it('takes an optional body as {} when none is sent, and validates one that is', async () => {
    const none = await post('/v1/parcels/p1/review');
    expect(await none.json()).toEqual({ note: null });
    const some = await post('/v1/parcels/p1/review', JSON.stringify({ note: 'ok' }));
    expect(await some.json()).toEqual({ note: 'ok' });
    const bad = await post('/v1/parcels/p1/review', JSON.stringify({ note: 5 }));
    expect(bad.status).toBe(422);
  });
});

describe('guardBody', () => {
  const chunked = (text: string) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const part of text.match(/.{1,64}/gs) ?? []) {
          controller.enqueue(new TextEncoder().encode(part));
        }
        controller.close();
      },
    });
  const stream = (text: string, type: string) =>
    testApp().request('/v1/parcels/p1', {
      method: 'POST',
      headers: { 'content-type': type },
      body: chunked(text),
      duplex: 'half',
    } as RequestInit);

  it('refuses a declared length over the limit with 413', async () => {
    const res = await post('/v1/parcels/p1', JSON.stringify({ note: 'x'.repeat(300) }));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ type: '/problems/body-too-large' });
  });

  it('counts a body sent without a length, and refuses it once past the limit', async () => {
    const big = await stream(JSON.stringify({ note: 'x'.repeat(300) }), 'application/json');
    expect(big.status).toBe(413);
    const small = await stream(good, 'application/json');
    expect(small.status, await small.clone().text()).toBe(200);
    const text = await stream('hello', 'text/plain');
    expect(text.status).toBe(415);
  });
});
