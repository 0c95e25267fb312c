/**
 * The analytics dashboard in Chromium: claims filed through the API show in the server-drawn
 * charts and the table, three of one carrier and cause in a week are flagged, the CSV
 * downloads, the claim page's cause form moves a claim; axe finds nothing, in both languages.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkPage, clerkPage, isoDay, launchChromium, uniqueWaybill } from './browser';
import { api, lostFiling } from './seed';

describe('the analytics dashboard', () => {
  let browser: Browser;
  let page: Page;
  let claimId = '';

  beforeAll(async () => {
    const shopKey = inject('shopKey');
    for (let i = 0; i < 3; i++) {
      const filed = await api('POST', '/v1/claims', shopKey, {
        ...lostFiling(uniqueWaybill()),
        cause: 'wrong_address',
      });
      expect(filed.status, JSON.stringify(filed.json)).toBe(201);
      claimId = String(filed.json.id);
    }
    browser = await launchChromium();
    page = await clerkPage(browser, inject('clerkKey'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the figures as charts and a table, the flag highlighted; axe passes', async () => {
    await page.getByRole('link', { name: 'Analytics' }).click();
    await page.waitForURL('**/desk/analytics');
    await page.getByLabel('Group by').selectOption('cause');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL('**/desk/analytics?*groupBy=cause*');
    const chart = page.getByRole('img', { name: 'Claims per cause' });
    await expect(chart.count()).resolves.toBe(1);
    const row = page.locator('#analytics-table tbody tr', { hasText: 'Wrong address' });
    const count = Number(await row.locator('td').first().textContent());
    expect(count).toBeGreaterThanOrEqual(3);
    expect(await page.locator('#chart-count text', { hasText: 'Wrong address' }).count()).toBe(1);
    const flag = page.locator('#flags .flags li', { hasText: 'Wrong address' });
    expect(await flag.textContent()).toMatch(/Wrong address: \d+ claims in week \d{4}-W\d{2}/);
    await checkPage(page, 'analytics-en');
  });

  it('downloads the same figures as CSV', async () => {
    const href = await page.locator('#csv-link').getAttribute('href');
    const res = await page.request.get(href ?? '');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-disposition']).toMatch(/^attachment; filename="claims-cause-/);
    const lines = (await res.text()).split('\r\n');
    expect(lines[0]).toBe('key,count,computed,approved,paid,given,currency');
    expect(lines.find((l) => l.startsWith('wrong_address,'))).toMatch(
      /^wrong_address,\d+,\d+\.\d{2},/,
    );
  });

  it('refuses a range over a year, naming it, and shows the last 30 days', async () => {
    await page.goto(`/desk/analytics?from=2020-01-01&to=${isoDay()}`);
    expect(await page.locator('#analytics-refused').textContent()).toContain('to:');
    expect(await page.getByLabel('From').inputValue()).toBe(isoDay(-29));
  });

  it('a clerk corrects a claim’s cause on its page; the history shows it', async () => {
    await page.goto(`/desk/claims/${claimId}`);
    await page.getByLabel('Why it happened').selectOption('warehouse');
    await page.getByRole('button', { name: 'Save the cause' }).click();
    await page.waitForURL(`**/desk/claims/${claimId}#cause`);
    expect(await page.getByLabel('Why it happened').inputValue()).toBe('warehouse');
    const last = page.locator('#history tbody tr').last();
    expect(await last.textContent()).toContain('Wrong address → Warehouse');
    await checkPage(page, 'claim-cause-en');
  });

  it('reads in Russian, and axe passes there too', async () => {
    await page.goto('/desk/lang/ru?back=/desk/analytics?groupBy=carrier');
    await page.waitForURL('**/desk/analytics*');
    expect(await page.locator('h1').textContent()).toBe('Аналитика претензий');
    await expect(page.getByRole('img', { name: 'Претензии: перевозчик' }).count()).resolves.toBe(1);
    await checkPage(page, 'analytics-ru');
    await page.goto('/desk/lang/en?back=/desk/claims');
  });
});
