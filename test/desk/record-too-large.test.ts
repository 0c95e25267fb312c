/**
 * A record storage refuses as too large (issue 18: never a 500): the desk's one mapper turns
 * `record-too-large` into a page of its own, 422, in Russian and English, and busy storage
 * into the retry page with its Retry-After.
 */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { DeskEnv } from '../../src/desk/routes/desk-env';
import { deskErrorHandler, deskRefusal } from '../../src/desk/routes/desk-errors';
import type { Language } from '../../src/desk/i18n/lang';
import { StorageBusyError, StorageTooLargeError } from '../../src/storage/errors';
import type { Storage } from '../../src/storage/repository';

/** A desk route that fails with `error`, answered by the desk's error handler. */
async function pageFor(error: Error, lang: Language) {
  const app = new Hono<DeskEnv>();
  app.use(async (c, next) => {
    c.set('lang', lang);
    c.set('requestId', 'req-1');
    c.set('csrf', 'token');
    // The page's footer names the clerk's time zone as of now; nothing here reads storage.
    c.set('deps', {
      clock: () => new Date(),
      maxBodyBytes: 1,
      storage: {} as Storage,
      newId: () => 'x',
    });
    await next();
  });
  app.post('/desk/claims/:id/moves/:move', () => {
    throw error;
  });
  app.onError(deskErrorHandler);
  const res = await app.request('/desk/claims/clm_1/moves/approve', { method: 'POST' });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), html: await res.text() };
}

describe('the desk when storage refuses a record as too large', () => {
  it('maps record-too-large to its page, storage-busy to the retry page', () => {
    expect(deskRefusal(new StorageTooLargeError('item'))).toEqual({ page: 'recordTooLarge' });
    expect(deskRefusal(new StorageTooLargeError('transaction'))).toEqual({
      page: 'recordTooLarge',
    });
    expect(deskRefusal(new StorageBusyError('contention', 1))).toEqual({
      page: 'unavailable',
      retryAfterSeconds: 1,
    });
  });

  it.each([
    ['en', 'Too large to store', 'Nothing was changed'],
    ['ru', 'Слишком большая запись', 'Ничего не изменено'],
  ] as const)('shows a 422 page saying so (%s), not a 500', async (lang, title, text) => {
    const { status, html } = await pageFor(new StorageTooLargeError('item'), lang);
    expect(status).toBe(422);
    expect(html).toContain(`<h1>${title}</h1>`);
    expect(html).toContain(text);
    expect(html).not.toContain('req-1'); // the request id is for unexpected errors only
  });

  it('answers busy storage 503 with Retry-After', async () => {
    const { status, retryAfter } = await pageFor(new StorageBusyError('throttled', 1), 'en');
    expect([status, retryAfter]).toEqual([503, '1']);
  });
});
