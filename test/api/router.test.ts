import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { describe, expect, it } from 'vitest';
import type { HonoEnv } from '../../src/hono-env';
import { problemResponse } from '../../src/http/problem';
import { route } from '../../src/routes/router';

/** A contract middleware that refuses unless the caller says who it is. */
const gate: MiddlewareHandler<HonoEnv> = async (c, next) => {
  if (c.req.header('x-role') !== 'clerk') return problemResponse(c, 'forbidden', 'Clerks only.');
  await next();
};

const Body = z.object({ decision: z.enum(['approved', 'rejected']) });
const guarded = createRoute({
  method: 'post',
  path: '/v1/things/{id}/decision',
  middleware: [gate],
  request: {
    params: z.object({ id: z.string().regex(/^t\d+$/, 'is not a thing id') }),
    body: { required: true, content: { 'application/json': { schema: Body } } },
  },
  responses: { 200: { description: 'Decided' } },
});
const hidden = createRoute({
  method: 'get',
  path: '/v1/internal',
  hide: true,
  responses: { 200: { description: 'Not in the document' } },
});

function testApp() {
  const app = new OpenAPIHono<HonoEnv>();
  route(app, guarded, (c) => c.json({ decision: c.req.valid('json').decision }));
  route(app, hidden, (c) => c.json({ ok: true }));
  return app;
}

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  testApp().request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

describe('route() and the contract’s own options', () => {
  it('runs the contract’s middleware before the request is validated: 403, not 422', async () => {
    const refused = await post('/v1/things/bad/decision', '{"decision":"maybe"}');
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ type: '/problems/forbidden' });
  });

  it('validates and handles once the middleware lets the request through', async () => {
    const clerk = { 'x-role': 'clerk' };
    const invalid = await post('/v1/things/t1/decision', '{"decision":"maybe"}', clerk);
    expect(invalid.status).toBe(422);
    const ok = await post('/v1/things/t1/decision', '{"decision":"approved"}', clerk);
    expect(await ok.json()).toEqual({ decision: 'approved' });
  });

  it('serves a hidden contract but leaves it out of the document, and documents no middleware', async () => {
    const app = testApp();
    expect((await app.request('/v1/internal')).status).toBe(200);
    const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } });
    expect(Object.keys(doc.paths ?? {})).toEqual(['/v1/things/{id}/decision']);
    expect(JSON.stringify(doc)).not.toContain('middleware');
  });
});
