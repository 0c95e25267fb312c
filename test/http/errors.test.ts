import { describe, expect, it } from 'vitest';
import { call } from './helpers';

describe('errors are problem+json', () => {
  it('answers bad JSON with 400', async () => {
    const a = await call('POST', '/v1/weight', '{"packages": [');
    expect(a.status, a.text).toBe(400);
    expect(a.body).toMatchObject({ type: '/problems/malformed-json', status: 400 });
    expect(String(a.body.instance)).toMatch(/^urn:uuid:/);
  });

  it('answers an unknown route with 404', async () => {
    const a = await call('GET', '/v1/nope');
    expect(a.status).toBe(404);
    expect(a.body).toMatchObject({ type: '/problems/not-found', status: 404 });
  });

  it('answers a body over the limit with 413', async () => {
    const a = await call('POST', '/v1/weight', { padding: 'x'.repeat(70_000), packages: [] });
    expect(a.status, a.text.slice(0, 300)).toBe(413);
    expect(a.body.type).toBe('/problems/body-too-large');
  });

  it('answers a body that is not JSON with 415', async () => {
    const a = await call('POST', '/v1/weight', undefined, { 'content-type': 'text/plain' });
    expect(a.status).toBe(415);
  });

  it('refuses bodies with the request id and nosniff on the answer, as every answer', async () => {
    const id = '6f1c2e0b-8a9d-4c1e-9f3a-1d2e3f4a5b6c';
    const large = await call(
      'POST',
      '/v1/compensation/late',
      { padding: 'x'.repeat(70_000) },
      {
        'x-request-id': id,
      },
    );
    const text = await call('POST', '/v1/claims', 'hello', {
      'content-type': 'text/plain',
      'x-request-id': id,
    });
    for (const [a, status] of [
      [large, 413],
      [text, 415],
    ] as const) {
      expect(a.status, a.text.slice(0, 300)).toBe(status);
      expect(a.headers.get('x-request-id')).toBe(id);
      expect(a.headers.get('x-content-type-options')).toBe('nosniff');
      expect(a.body.instance).toBe(`urn:uuid:${id}`);
    }
  });

  it('echoes the request id in the header and the problem instance', async () => {
    const id = '0b6f1c2e-8a9d-4c1e-9f3a-1d2e3f4a5b6c';
    const a = await call('GET', '/v1/nope', undefined, { 'x-request-id': id });
    expect(a.headers.get('x-request-id')).toBe(id);
    expect(a.body.instance).toBe(`urn:uuid:${id}`);
  });

  it('resolves every problem type it sends', async () => {
    const a = await call('GET', '/problems/calendar-year-unknown');
    expect(a.status, a.text).toBe(200);
    expect(a.body).toMatchObject({ status: 422 });
  });

  it('serves health, the OpenAPI document and the docs page', async () => {
    expect((await call('GET', '/health')).body).toMatchObject({ status: 'ok' });
    expect((await call('GET', '/openapi.json')).body).toMatchObject({ openapi: '3.1.0' });
    expect((await call('GET', '/docs')).text).toContain('/openapi.json');
  });
});
