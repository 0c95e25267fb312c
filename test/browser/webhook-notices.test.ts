/**
 * Issue 23 on the desk: the endpoints the delivery engine disabled (410 Gone, 5 days failing)
 * are listed for the clerk who takes the shop's call, reached from the navigation; English
 * and Russian, axe-clean, for a signed-in clerk only. The notices are written as the engine
 * writes them (its own storage call); the engine's decision is tested in
 * test/services/webhook-delivery.test.ts.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkPage, clerkPage, deskContext, launchChromium } from './browser';
import { testStorage } from './seed';

const stamp = Date.now();
const SHOP = `wh-notices-${stamp}`;
const GONE_URL = `https://shop-${stamp}.example.com/hooks/gone`;
const FAILING_URL = `https://shop-${stamp}.example.com/hooks/failing`;

describe('disabled webhook endpoints, on the desk', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const storage = testStorage();
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
    await storage.webhooks.addNotice({
      shopId: SHOP,
      endpointId: `we_${'1'.repeat(32)}`,
      url: FAILING_URL,
      reason: 'failing',
      at: at(30),
    });
    await storage.webhooks.addNotice({
      shopId: SHOP,
      endpointId: `we_${'2'.repeat(32)}`,
      url: GONE_URL,
      reason: 'gone',
      at: at(5),
    });
    browser = await launchChromium();
    page = await clerkPage(browser, inject('clerkKey'));
  });

  afterAll(async () => {
    await browser.close();
  });

  it('lists them newest first, from the navigation, in both languages', async () => {
    await page.goto('/desk/claims');
    await page
      .getByRole('navigation', { name: 'Desk' })
      .getByRole('link', { name: 'Webhooks' })
      .click();
    await page.waitForURL('**/desk/webhooks');
    expect(await page.locator('h1').textContent()).toBe('Disabled webhook endpoints');
    const link = page.locator('a[href="/desk/webhooks"]');
    expect(await link.getAttribute('aria-current')).toBe('page');
    const ours = await page
      .locator('tbody tr', { hasText: SHOP })
      .evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')),
      );
    expect(ours.map((cells) => cells.slice(0, 3))).toEqual([
      [SHOP, GONE_URL, 'answered 410 Gone'],
      [SHOP, FAILING_URL, 'failing for 5 days'],
    ]);
    await checkPage(page, 'webhook-notices-en');
    await page.goto(`/desk/lang/ru?back=${encodeURIComponent('/desk/webhooks')}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Отключённые адреса вебхуков');
    expect(await page.locator('tbody tr', { hasText: GONE_URL }).textContent()).toContain(
      'ответил 410 Gone',
    );
    await checkPage(page, 'webhook-notices-ru');
    await page.goto(`/desk/lang/en?back=${encodeURIComponent('/desk/claims')}`);
  });

  it('opens to a signed-in clerk only', async () => {
    const stranger = await (await deskContext(browser)).newPage();
    const refused = await stranger.request.get('/desk/webhooks', { maxRedirects: 0 });
    expect(refused.status()).toBe(303);
    expect(refused.headers().location).toMatch(/^\/desk\/sign-in/);
    await stranger.context().close();
  });
});
