/**
 * The queue: overdue claims marked and filtered, pages by cursor, a refused
 * filter named rather than a dead end.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkPage, clerkPage, launchChromium } from './browser';
import { seedClaim, testStorage } from './seed';

const SHOP = `queue-shop-${Date.now()}`;
const rowsOf = (page: Page) => page.locator('table.queue tbody tr');

describe('the claims queue', () => {
  let browser: Browser;
  let page: Page;
  let overdueWaybill = '';

  beforeAll(async () => {
    const storage = testStorage();
    // 21 recent claims and one filed 40 days ago, whose 30-day answer date has passed.
    overdueWaybill = `OVERDUE-${Date.now()}`;
    await seedClaim(storage, SHOP, overdueWaybill, 40);
    for (let i = 0; i < 21; i++) await seedClaim(storage, SHOP, `PAGE-${i}-${Date.now()}`, 1);
    browser = await launchChromium();
    page = await clerkPage(browser, inject('clerkKey'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('pages through a shop’s claims with the repository cursor', async () => {
    await page.getByLabel('Shop id').fill(SHOP);
    await page.getByRole('button', { name: 'Show claims' }).click();
    await page.waitForURL(/shopId=/);
    expect(await rowsOf(page).count()).toBe(20);
    await checkPage(page, 'queue-01-page-one');
    await page.getByRole('link', { name: 'Next page' }).click();
    await page.waitForURL(/cursor=/);
    expect(await rowsOf(page).count()).toBe(2);
    expect(await page.getByRole('link', { name: 'Next page' }).count()).toBe(0);
    expect(await page.getByLabel('Shop id').inputValue()).toBe(SHOP);
    await page.getByRole('link', { name: 'First page' }).click();
    await page.waitForURL((url) => !url.search.includes('cursor='));
    expect(await rowsOf(page).count()).toBe(20);
  });

  it('marks overdue claims, in words, and filters them', async () => {
    await page.goto(`/desk/claims?shopId=${SHOP}&overdue=true`);
    expect(await rowsOf(page).count()).toBe(1);
    const row = rowsOf(page).first();
    expect(await row.locator('th').textContent()).toBe(overdueWaybill);
    expect(await row.locator('.overdue-badge').textContent()).toContain('Overdue');
    expect(await page.getByLabel(/Only overdue claims/).isChecked()).toBe(true);
    await checkPage(page, 'queue-02-overdue');
  });

  it('orders open claims by answer due date, soonest first, with the days left', async () => {
    await page.goto(`/desk/claims?shopId=${SHOP}&sort=due`);
    const waybills = await rowsOf(page).locator('th').allTextContents();
    // The work order: the overdue claim's answer was due first.
    expect(waybills).toHaveLength(20);
    expect(waybills[0]).toBe(overdueWaybill);
    expect(await rowsOf(page).first().locator('td.days').textContent()).toMatch(/days? overdue/);
    expect(await rowsOf(page).nth(1).locator('td.days').textContent()).toMatch(
      /^\d+ days?$|^today$/,
    );
    expect(await page.locator('#sorted-by').textContent()).toContain('soonest first');
  });

  it('names a refused filter and a stale page link instead of failing', async () => {
    await page.goto(`/desk/claims?status=lost-in-space&shopId=${SHOP}`);
    expect(await page.locator('[role=alert]').textContent()).toContain('status');
    expect(await rowsOf(page).count()).toBe(20);
    await page.goto(`/desk/claims?shopId=${SHOP}&cursor=bm90LWEtY3Vyc29y`);
    expect(await page.locator('[role=status]').textContent()).toContain('no longer valid');
    await checkPage(page, 'queue-03-refused-filter');
  });
});
