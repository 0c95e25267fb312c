/**
 * Issue 21: the queue's first screen shows claims. At 1366×1000, in English and in Russian,
 * the filters take at most two rows, the status tabs one line, and the first claim row is
 * on screen without scrolling; dates stay on one line; the customer is a column; a status
 * tab filters the list, keeps the other filters and says it is the current one.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkPage, clerkPage, launchChromium } from './browser';
import { moveClaim, seedClaim, testStorage } from './seed';

const SHOP = `first-screen-${Date.now()}`;
const rows = (page: Page) => page.locator('table.queue tbody tr');

/** The lines the elements of `selector` sit on: elements overlapping vertically share one. */
const linesOf = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((elements) => {
    const boxes = elements.map((el) => el.getBoundingClientRect()).sort((a, b) => a.top - b.top);
    let lines = 0;
    let bottom = -Infinity;
    for (const box of boxes) {
      if (box.top >= bottom) lines++;
      bottom = Math.max(bottom, box.bottom);
    }
    return lines;
  });

describe('the queue’s first screen', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const storage = testStorage();
    await seedClaim(storage, SHOP, `FS-A-${Date.now()}`, 3);
    await seedClaim(storage, SHOP, `FS-B-${Date.now()}`, 2);
    const reviewed = await seedClaim(storage, SHOP, `FS-C-${Date.now()}`, 1);
    await moveClaim(storage, reviewed, { type: 'review' });
    browser = await launchChromium();
    page = await clerkPage(browser, inject('clerkKey'));
    await page.setViewportSize({ width: 1366, height: 1000 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ['en', 'Claims queue'],
    ['ru', 'Очередь претензий'],
  ])(
    'shows the first claim without scrolling, filters in two rows at most (%s)',
    async (lang, title) => {
      await page.goto(`/desk/lang/${lang}?back=${encodeURIComponent('/desk/claims')}`);
      await expect.poll(() => page.locator('h1').textContent()).toBe(title);
      expect(await page.evaluate<number>('window.scrollY')).toBe(0);
      const first = await rows(page).first().boundingBox();
      expect(first).not.toBeNull();
      expect(first!.y).toBeGreaterThan(0);
      expect(first!.y + first!.height).toBeLessThanOrEqual(1000);
      const filters = 'form.filters > .field, form.filters > .checks, form.filters > .actions';
      expect(await linesOf(page, filters)).toBeLessThanOrEqual(2);
      // The nine tabs (all, and each status): not a list down the screen.
      expect(await page.locator('nav.tabs a').count()).toBe(9);
      expect(await linesOf(page, 'nav.tabs a')).toBeLessThanOrEqual(2);
      // Dates on one line: a date cell is one line high.
      const dates = rows(page).first().locator('td.date time');
      for (const date of await dates.all()) {
        const box = await date.boundingBox();
        expect(box!.height).toBeLessThan(30);
      }
      await checkPage(page, `queue-first-screen-${lang}`);
    },
  );

  it('filters by a status tab, keeping the other filters; the tab says it is current', async () => {
    await page.goto(`/desk/lang/en?back=${encodeURIComponent(`/desk/claims?shopId=${SHOP}`)}`);
    await expect.poll(() => rows(page).count()).toBe(3);
    expect(await page.locator('nav.tabs a[aria-current="page"]').getAttribute('data-status')).toBe(
      'all',
    );
    await page
      .locator('nav.tabs')
      .getByRole('link', { name: /In review/ })
      .click();
    await page.waitForURL(/status=in_review/);
    expect(new URL(page.url()).searchParams.get('shopId')).toBe(SHOP);
    expect(await rows(page).count()).toBe(1);
    expect(await rows(page).first().locator('.badge').first().textContent()).toBe('In review');
    const current = page.locator('nav.tabs a[aria-current="page"]');
    expect(await current.count()).toBe(1);
    expect(await current.getAttribute('data-status')).toBe('in_review');
    // The tab's count is the counters' (this shop: one claim in review).
    expect(await current.locator('.badge').textContent()).toBe('1');
    // Applying the form keeps the tab's status.
    await page.getByRole('button', { name: 'Show claims' }).click();
    await page.waitForURL(/q=|status=in_review/);
    expect(new URL(page.url()).searchParams.get('status')).toBe('in_review');
    await checkPage(page, 'queue-first-screen-tab');
    await page.locator('nav.tabs').getByRole('link', { name: /^All/ }).click();
    await expect.poll(() => rows(page).count()).toBe(3);
  });

  it('names the customer in a column, in both languages', async () => {
    await page.goto(`/desk/claims?shopId=${SHOP}`);
    const header = page.locator('table.queue thead th').nth(1);
    expect(await header.textContent()).toBe('Customer');
    expect(await rows(page).locator('td.customer').allTextContents()).toEqual([
      'Boris Sidorov',
      'Boris Sidorov',
      'Boris Sidorov',
    ]);
    await page.goto(`/desk/lang/ru?back=${encodeURIComponent(`/desk/claims?shopId=${SHOP}`)}`);
    await expect.poll(() => header.textContent()).toBe('Клиент');
    await checkPage(page, 'queue-first-screen-customer-ru');
    await page.goto(`/desk/lang/en?back=${encodeURIComponent('/desk/claims')}`);
  });
});
