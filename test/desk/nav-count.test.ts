/**
 * Issue 21: the navigation's count of claims waiting for their acknowledgement. Every
 * signed-in page reads it from the counters (one read); a page is never refused for it: a
 * failed read shows no count. Signed-out and error pages do not read it.
 */
import { Hono } from 'hono';
import { jsx } from 'hono/jsx';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { describe, expect, it } from 'vitest';
import type { DeskEnv } from '../../src/desk/routes/desk-env';
import { renderPage } from '../../src/desk/routes/render';
import { Layout } from '../../src/desk/views/layout';
import type { Services } from '../../src/hono-env';

/** A desk with one page, its counters answering `counts` (or failing), signed in or not. */
function desk(counts: () => Promise<{ unacknowledged: number }>, signedIn = true) {
  let reads = 0;
  const app = new Hono<DeskEnv>();
  app.use(async (c, next) => {
    c.set('lang', 'ru');
    c.set('deps', {
      clock: () => new Date('2026-12-07T09:00:00Z'),
    } as DeskEnv['Variables']['deps']);
    c.set('services', {
      casework: {
        counts: () => {
          reads++;
          return counts();
        },
      },
    } as unknown as Services);
    if (signedIn) {
      c.set('session', { keyId: 'k1', sessionId: 's1' });
      c.set('principal', { keyId: 'k1', role: 'clerk' });
    }
    await next();
  });
  const page = (status: 200 | 404) => (c: Parameters<typeof renderPage>[0]) =>
    renderPage(
      c,
      // What `<Layout … />` is in a .tsx file: a node rendered inside renderPage's providers.
      jsx(Layout, {
        lang: 'ru',
        title: 'T',
        path: '/desk/x',
        csrf: signedIn ? 't' : undefined,
      }) as unknown as JSX.Element,
      status,
    );
  app.get('/desk/x', page(200));
  app.get('/desk/missing', page(404));
  return { app, reads: () => reads };
}

describe('the navigation’s count', () => {
  it('shows how many claims wait, read once, in the link’s name', async () => {
    const { app, reads } = desk(async () => ({ unacknowledged: 3 }));
    const html = await (await app.request('/desk/x')).text();
    expect(html).toContain('<span class="nav-count" id="unacknowledged-count">3</span>');
    expect(html).toContain('<span class="visually-hidden"> претензии</span>');
    expect(reads()).toBe(1);
  });

  it('answers the page without a count when the counters cannot be read', async () => {
    const { app } = desk(async () => Promise.reject(new Error('storage down')));
    const res = await app.request('/desk/x');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Без подтверждения');
    expect(html).not.toContain('nav-count');
  });

  it('does not read it for an error page or before sign-in', async () => {
    const failing = desk(async () => ({ unacknowledged: 1 }));
    expect((await failing.app.request('/desk/missing')).status).toBe(404);
    expect(failing.reads()).toBe(0);
    const signedOut = desk(async () => ({ unacknowledged: 1 }), false);
    await signedOut.app.request('/desk/x');
    expect(signedOut.reads()).toBe(0);
  });
});
