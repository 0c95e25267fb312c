/**
 * The desk's safety, in a real browser: who may sign in, CSRF, stale pages,
 * headers and cookie flags, the CSP, revocation and sign-out.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { generateApiKey, hashApiKey } from '../../src/storage/api-keys';
import { checkPage, deskContext, launchChromium, signIn, uniqueWaybill } from './browser';
import { api, lostFiling, testStorage } from './seed';

const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

async function fileThroughApi(): Promise<string> {
  const filed = await api('POST', '/v1/claims', inject('shopKey'), lostFiling(uniqueWaybill()));
  expect(filed.status, JSON.stringify(filed.json)).toBe(201);
  return String(filed.json.id);
}

const statusOf = async (id: string) =>
  String((await api('GET', `/v1/claims/${id}`, inject('shopKey'))).json.status);

describe('the desk’s safety', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  beforeEach(async () => {
    await context?.close();
    context = await deskContext(browser, { bypassCSP: true });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('refuses a shop key with a clear message, on the sign-in page, without a session', async () => {
    await signIn(page, inject('shopKey'));
    await page.locator('#api-key-error').waitFor();
    expect(await text(page, '#api-key-error')).toBe(
      'This is a shop key. The claims desk needs a clerk key; shops use the API.',
    );
    expect(new URL(page.url()).pathname).toBe('/desk/sign-in');
    expect(await page.locator('#api-key').inputValue()).toBe('');
    expect((await context.cookies()).map((c) => c.name)).not.toContain('desk_session');
    await checkPage(page, 'security-01-shop-key');
  });

  it('refuses an unknown key', async () => {
    await signIn(page, generateApiKey().key);
    await page.locator('#api-key-error').waitFor();
    expect(await text(page, '#api-key-error')).toContain('unknown or has been revoked');
  });

  it('refuses a form posted from another site, whatever cookies the browser has', async () => {
    const id = await fileThroughApi();
    await signIn(page, inject('clerkKey'));
    await page.waitForURL('**/desk/claims');
    const target = `${inject('deskUrl')}/desk/claims/${id}/moves/review`;
    await page.route('http://evil.test/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><title>Win a prize</title><form method="post" action="${target}"><input type="hidden" name="version" value="1"><button>Claim your prize</button></form></html>`,
      }),
    );
    await page.goto('http://evil.test/');
    await page.getByRole('button', { name: 'Claim your prize' }).click();
    await page.waitForURL(target);
    expect(await text(page, 'h1')).toBe('Request refused');
    expect(await statusOf(id)).toBe('submitted');
  });

  it('refuses a same-site post without the session’s CSRF token, or with another one', async () => {
    const id = await fileThroughApi();
    await signIn(page, inject('clerkKey'));
    await page.waitForURL('**/desk/claims');
    const path = `/desk/claims/${id}/moves/review`;
    const missing = await page.request.post(path, { form: { version: '1' }, maxRedirects: 0 });
    expect(missing.status()).toBe(403);
    expect(await missing.text()).toContain('Request refused');
    const forged = await page.request.post(path, {
      form: { version: '1', _csrf: 'A'.repeat(43) },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    expect(await statusOf(id)).toBe('submitted');
    // The phone-in form lives outside /desk/claims/*; it is guarded all the same.
    const filing = await page.request.post('/desk/new-claim', {
      form: { intent: 'file' },
      maxRedirects: 0,
    });
    expect(filing.status()).toBe(403);
    await page.goto(path.replace('/moves/review', ''));
    await checkPage(page, 'security-02-claim-before-review');
  });

  it('shows a conflict, not an overwrite, when someone else moved the claim meanwhile', async () => {
    const id = await fileThroughApi();
    await signIn(page, inject('clerkKey'));
    await page.waitForURL('**/desk/claims');
    const stale = await context.newPage();
    await page.goto(`/desk/claims/${id}`);
    await stale.goto(`/desk/claims/${id}`);
    await page.getByRole('button', { name: 'Take into review' }).click();
    await page.locator('#claim-status', { hasText: 'In review' }).waitFor();
    await stale.getByRole('button', { name: 'Take into review' }).click();
    await stale.locator('#conflict').waitFor();
    expect(await text(stale, '#conflict')).toContain(
      'you saw version 1; it is now version 2, In review',
    );
    expect(await text(stale, '#claim-status')).toBe('In review');
    const history = await api('GET', `/v1/claims/${id}/history`, inject('shopKey'));
    expect((history.json.items as unknown[]).length).toBe(2);
    await checkPage(stale, 'security-03-conflict');
  });

  it('sends the security headers and a strict, 8-hour, HttpOnly session cookie', async () => {
    await signIn(page, inject('clerkKey'));
    await page.waitForURL('**/desk/claims');
    const response = await page.request.get('/desk/claims');
    const headers = response.headers();
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['cache-control']).toBe('no-store');
    const session = (await context.cookies()).find((c) => c.name === 'desk_session');
    expect(session).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
      path: '/desk',
      secure: false,
    });
    const hours = ((session?.expires ?? 0) - Date.now() / 1000) / 3600;
    expect(hours).toBeGreaterThan(7.9);
    expect(hours).toBeLessThanOrEqual(8);
  });

  it('keeps to its CSP: nothing on any page is blocked, and the stylesheet applies', async () => {
    const strict = await deskContext(browser);
    const tab = await strict.newPage();
    const complaints: string[] = [];
    tab.on('console', (m) => (m.type() === 'error' ? complaints.push(m.text()) : undefined));
    tab.on('pageerror', (e) => complaints.push(e.message));
    const id = await fileThroughApi();
    await signIn(tab, inject('clerkKey'));
    await tab.waitForURL('**/desk/claims');
    for (const path of [
      '/desk/claims',
      '/desk/new-claim',
      `/desk/claims/${id}`,
      `/desk/claims/${id}/letter?lang=ru`,
    ]) {
      await tab.goto(path);
      expect(await tab.evaluate('getComputedStyle(document.body).margin')).toBe('0px');
    }
    await strict.close();
    expect(complaints).toEqual([]);
  });

  it('signs a clerk out as soon as their key is revoked', async () => {
    const storage = testStorage();
    const { keyId, key } = generateApiKey();
    await storage.apiKeys.create({
      keyId,
      secretHash: await hashApiKey(key),
      role: 'clerk',
      createdAt: new Date().toISOString(),
    });
    await signIn(page, key);
    await page.waitForURL('**/desk/claims');
    await storage.apiKeys.revoke(keyId, new Date().toISOString());
    await page.reload();
    await page.waitForURL('**/desk/sign-in?ended=1');
    expect(await text(page, '[role=status]')).toContain('Your session ended');
    expect((await context.cookies()).map((c) => c.name)).not.toContain('desk_session');
    await checkPage(page, 'security-04-session-ended');
  });

  it('signs out, clears the cookie, and asks to sign in again', async () => {
    await signIn(page, inject('clerkKey'));
    await page.waitForURL('**/desk/claims');
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL('**/desk/sign-in?out=1');
    expect(await text(page, '[role=status]')).toBe('You have been signed out.');
    expect((await context.cookies()).map((c) => c.name)).not.toContain('desk_session');
    await page.goto('/desk/claims');
    await page.waitForURL('**/desk/sign-in');
    await page.goto('/desk/new-claim');
    await page.waitForURL('**/desk/sign-in');
  });

  it('answers an unknown desk page or claim with a plain 404 page', async () => {
    await signIn(page, inject('clerkKey'));
    await page.waitForURL('**/desk/claims');
    const missing = await page.goto(`/desk/claims/clm_${'0'.repeat(32)}`);
    expect(missing?.status()).toBe(404);
    expect(await text(page, 'h1')).toBe('Not found');
    await checkPage(page, 'security-05-not-found');
  });
});
