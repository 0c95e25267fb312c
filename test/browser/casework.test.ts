/**
 * The clerk's casework in Chromium: the queue's search, status tabs with counts, sortable
 * columns, and the claim page's "assign to me" and internal notes, axe-clean in both languages.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkPage, clerkPage, launchChromium } from './browser';
import { seedClaim, testStorage } from './seed';

const SHOP = `workday-shop-${Date.now()}`;
const rowsOf = (page: Page) => page.locator('table.queue tbody tr');

describe('the clerk’s casework', () => {
  let browser: Browser;
  let page: Page;
  let firstId = '';
  const waybill = `WDAY${Date.now()}`;

  beforeAll(async () => {
    const storage = testStorage();
    firstId = await seedClaim(storage, SHOP, `${waybill}A`, 3);
    await seedClaim(storage, SHOP, `${waybill}B`, 1);
    browser = await launchChromium();
    page = await clerkPage(browser, inject('clerkKey'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('searches by the start of a waybill and by claim id', async () => {
    await page.getByLabel('Search', { exact: true }).fill(waybill.toLowerCase());
    await page.getByRole('button', { name: 'Show claims' }).click();
    await page.waitForURL(/q=/);
    expect(await rowsOf(page).locator('th').allTextContents()).toEqual([
      `${waybill}A`,
      `${waybill}B`,
    ]);
    expect(await page.locator('#sorted-by').textContent()).toContain('A to Z');
    await checkPage(page, 'workday-01-search');
    await page.goto(`/desk/claims?q=${firstId}`);
    expect(await rowsOf(page).locator('th').allTextContents()).toEqual([`${waybill}A`]);
  });

  it('shows status tabs with their counts, and sorts by a column header', async () => {
    await page.goto(`/desk/claims?shopId=${SHOP}`);
    const all = page.locator('nav.tabs a[data-status=all]');
    expect(await all.textContent()).toContain('2');
    expect(await page.locator('nav.tabs a[data-status=submitted] .badge').textContent()).toBe('2');
    const filed = page.locator('th[aria-sort]').first();
    expect(await filed.getAttribute('aria-sort')).toBe('descending');
    await filed.locator('a').click();
    await page.waitForURL(/sort=oldest/);
    expect(await page.locator('th[aria-sort]').first().getAttribute('aria-sort')).toBe('ascending');
    expect(await rowsOf(page).locator('th').allTextContents()).toEqual([
      `${waybill}A`,
      `${waybill}B`,
    ]);
    await checkPage(page, 'workday-02-tabs-sorted');
  });

  it('assigns the claim to me, lists it as mine, and keeps internal notes', async () => {
    await page.goto(`/desk/claims/${firstId}`);
    await page.getByRole('button', { name: 'Assign to me' }).click();
    await page.waitForURL(/workday=assigned/);
    expect(await page.locator('#assignee').textContent()).toContain('(you)');
    await page.getByLabel('New note').fill('Called the carrier');
    await page.getByRole('button', { name: 'Add the note' }).click();
    await page.waitForURL(/workday=noted/);
    expect(await page.locator('#notes').textContent()).toContain('Called the carrier');
    expect(await page.locator('#history').textContent()).toContain('Taken by the clerk');
    await checkPage(page, 'workday-03-claim-en');
    await page.goto(`/desk/claims?shopId=${SHOP}&mine=true`);
    expect(await rowsOf(page).locator('th').allTextContents()).toEqual([`${waybill}A`]);
    await page.goto('/desk/lang/ru');
    await page.goto(`/desk/claims/${firstId}`);
    expect(await page.getByRole('button', { name: 'Снять с себя' }).count()).toBe(1);
    await checkPage(page, 'workday-04-claim-ru');
    await page.goto(`/desk/claims?shopId=${SHOP}&sort=due`);
    await checkPage(page, 'workday-05-queue-ru');
    await page.goto('/desk/lang/en');
  });
});
