import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';

const get = (path: string) => SELF.fetch(`http://api.test${path}`);

describe('GET /docs', () => {
  it('is a page that loads Swagger UI from this Worker only, with no inline script', async () => {
    const res = await get('/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toMatch(/https?:\/\//);
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((m) => m[1]?.trim())).toEqual([
      'src="/docs/swagger-ui/swagger-ui-bundle.js"',
      'src="/docs/start.js"',
    ]);
    expect(scripts.every((m) => m[2] === '')).toBe(true);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self';");
  });

  // Swagger UI's own files are static assets: the pool's SELF calls the Worker's fetch
  // directly, past the asset router, so test/browser/docs.test.ts loads them (wrangler dev).
  it('serves the script that starts Swagger UI', async () => {
    const res = await get('/docs/start.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/javascript');
    expect(await res.text()).toContain("SwaggerUIBundle({ url: '/openapi.json'");
  });
});
