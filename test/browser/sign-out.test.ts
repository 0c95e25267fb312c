/**
 * Signing out ends the session on the server, in a real browser: a copied
 * session cookie opens nothing afterwards, and "sign out everywhere" ends
 * every browser's session of the clerk's key (and no other key's).
 */
import type { Browser, BrowserContext, Cookie, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateApiKey, hashApiKey } from '../../src/storage/api-keys';
import { checkPage, deskContext, launchChromium, signIn } from './browser';
import { testStorage } from './seed';

const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

describe('signing out of the desk', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  /** A fresh browser profile (closed after the test). */
  async function freshContext(locale?: string): Promise<BrowserContext> {
    const context = await deskContext(browser, { bypassCSP: true, ...(locale ? { locale } : {}) });
    contexts.push(context);
    return context;
  }

  /** A page of a fresh profile, signed in with `key`, on the queue. */
  async function signedIn(key: string, locale?: string): Promise<Page> {
    const page = await (await freshContext(locale)).newPage();
    await signIn(page, key);
    await page.waitForURL('**/desk/claims');
    return page;
  }

  const sessionCookie = async (page: Page): Promise<Cookie> => {
    const cookie = (await page.context().cookies()).find((c) => c.name === 'desk_session');
    if (!cookie) throw new Error('no desk_session cookie after sign-in');
    return cookie;
  };

  /** Where a fresh profile holding only `cookie` lands when it opens the queue. */
  async function openQueueWith(cookie: Cookie): Promise<Page> {
    const context = await freshContext();
    await context.addCookies([cookie]);
    const page = await context.newPage();
    await page.goto('/desk/claims');
    return page;
  }

  /** A clerk key of this test's own: "sign out everywhere" must not end other tests' sessions. */
  async function newClerkKey(): Promise<string> {
    const { keyId, key } = generateApiKey();
    await testStorage().apiKeys.create({
      keyId,
      secretHash: await hashApiKey(key),
      role: 'clerk',
      createdAt: new Date().toISOString(),
    });
    return key;
  }

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a copied session cookie opens the queue before sign-out and nothing after it', async () => {
    const page = await signedIn(inject('clerkKey'));
    const copied = await sessionCookie(page);
    const before = await openQueueWith(copied);
    expect(new URL(before.url()).pathname).toBe('/desk/claims');
    await checkPage(page, 'sign-out-01-queue-with-sign-out-buttons');

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL('**/desk/sign-in?out=1');
    expect(await text(page, '[role=status]')).toBe('You have been signed out.');

    // The cookie a thief (or another tab) kept is refused: the session it names is gone.
    const after = await openQueueWith(copied);
    await after.waitForURL('**/desk/sign-in?ended=1');
    expect(await text(after, 'h1')).toBe('Sign in to the claims desk');
    expect((await after.context().cookies()).map((c) => c.name)).not.toContain('desk_session');
    // It is the genuine cookie; the session it names (keyId.sessionId.signature) is gone.
    const [keyId = '', sessionId = ''] = copied.value.split('.');
    const nowSeconds = Math.floor(Date.now() / 1000);
    expect(await testStorage().deskSessions.get(keyId, sessionId, nowSeconds)).toBeUndefined();
    // The profile that held the copy before sign-out is refused on every desk page too.
    const refused = await before.request.get('/desk/new-claim', { maxRedirects: 0 });
    expect(refused.status()).toBe(303);
    expect(refused.headers().location).toBe('/desk/sign-in?ended=1');
    await checkPage(after, 'sign-out-02-copied-cookie-refused');
  });

  it('"sign out everywhere" in one browser ends the key’s sessions in all of them', async () => {
    const key = await newClerkKey();
    const here = await signedIn(key);
    const there = await signedIn(key, 'ru-RU');
    const colleague = await signedIn(inject('clerkKey'));
    const copied = await sessionCookie(there);
    expect(await there.getByRole('button', { name: 'Выйти на всех устройствах' }).count()).toBe(1);
    await checkPage(there, 'sign-out-03-queue-ru');

    await here.getByRole('button', { name: 'Sign out everywhere' }).click();
    await here.waitForURL('**/desk/sign-in?out=all');
    expect(await text(here, '[role=status]')).toBe(
      'You have been signed out on every device and browser that used this key.',
    );
    await checkPage(here, 'sign-out-04-signed-out-everywhere');

    await there.reload();
    await there.waitForURL('**/desk/sign-in?ended=1');
    expect(await text(there, '[role=status]')).toBe(
      'Сессия завершена (истёк срок или ключ отозван). Войдите снова.',
    );
    const stolen = await openQueueWith(copied);
    await stolen.waitForURL('**/desk/sign-in?ended=1');
    // Another clerk key's session is not touched.
    await colleague.reload();
    expect(new URL(colleague.url()).pathname).toBe('/desk/claims');
    // The key itself still signs in: only its sessions ended.
    const again = await signedIn(key);
    expect(new URL(again.url()).pathname).toBe('/desk/claims');
  });

  it('refuses a sign-out (here or everywhere) posted without the session’s CSRF token', async () => {
    const page = await signedIn(await newClerkKey());
    const forms: Record<string, string>[] = [
      {},
      { scope: 'everywhere' },
      { scope: 'everywhere', _csrf: 'A'.repeat(43) },
    ];
    for (const form of forms) {
      const forged = await page.request.post('/desk/sign-out', { form, maxRedirects: 0 });
      expect(forged.status()).toBe(403);
    }
    await page.reload();
    expect(new URL(page.url()).pathname).toBe('/desk/claims');
  });
});
