/**
 * Issue 24's desk, in Chromium: a clerk chooses a shop, uploads a carrier's report, watches
 * the progress bar until the audit completes (the page's script polls and reloads), reads the
 * totals as a chart beside the table, filters the rows and opens a row's lines, then files
 * every owed row through the confirm step and sees the filing counters. Both languages; axe
 * finds nothing on any of the pages.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AUDIT_FIELDS } from '../../src/domain/audit/types';
import { checkPage, clerkPage, isoDay, launchChromium, uniqueWaybill } from './browser';
import { seedShopWithProfile } from './seed';

const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

/**
 * A report in our template: a late row, a lost one, an overcharged one, one fine, and one
 * whose shipping date is not a date (refused, the rest still audited).
 */
function report(prefix: string): Buffer {
  const row = (cells: Partial<Record<(typeof AUDIT_FIELDS)[number], string>>) =>
    AUDIT_FIELDS.map((f) => cells[f] ?? '').join(',');
  const base = {
    carrier: 'cdek',
    shippedDate: isoDay(-20),
    promisedDate: isoDay(-14),
    deliveredDate: isoDay(-15),
    status: 'delivered',
    deliveryCost: '450.00',
    declaredValue: '3000.00',
    insured: 'no',
    lengthCm: '30',
    widthCm: '20',
    heightCm: '10',
    weightKg: '1.500',
    chargedWeightKg: '1.500',
    chargedAmount: '450.00',
  };
  const lines = [
    AUDIT_FIELDS.join(','),
    row({ ...base, waybill: `${prefix}1`, orderId: 'A-1', deliveredDate: isoDay(-8) }),
    row({ ...base, waybill: `${prefix}2`, orderId: 'A-2', status: 'lost', deliveredDate: '' }),
    row({ ...base, waybill: `${prefix}3`, orderId: 'A-3', chargedWeightKg: '4.000' }),
    row({ ...base, waybill: `${prefix}4`, orderId: 'A-4' }),
    row({ ...base, waybill: `${prefix}5`, orderId: 'A-5', shippedDate: 'yesterday' }),
  ];
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

describe('the audit pages', () => {
  let browser: Browser;
  let page: Page;
  let shopId = '';
  let auditUrl = '';

  beforeAll(async () => {
    // The profile signs the claims "file all" files.
    ({ shopId } = await seedShopWithProfile('audit-shop', 'ООО «Ревизор»'));
    browser = await launchChromium();
    page = await clerkPage(browser, inject('clerkKey'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('chooses a shop, uploads a report, and follows the progress to the completed audit', async () => {
    await page.getByRole('link', { name: 'Audits' }).click();
    await page.waitForURL('**/desk/audits');
    await checkPage(page, 'audits-choose-en');
    await page.getByLabel('Shop', { exact: true }).selectOption(shopId);
    await page.getByRole('button', { name: 'Show its audits' }).click();
    await page.waitForURL(`**/desk/audits?shop=${shopId}`);
    expect(await text(page, 'main p.empty')).toBe('No audit for this shop yet.');
    await checkPage(page, 'audits-upload-en');
    await page.getByLabel('Report file (CSV)').setInputFiles({
      name: 'cdek-report.csv',
      mimeType: 'text/csv',
      buffer: report(uniqueWaybill()),
    });
    await page.getByLabel('Weight tolerance, %').fill('5');
    await page.getByRole('button', { name: 'Upload and audit' }).click();
    await page.waitForURL(/\/desk\/audits\/aud_[0-9a-z]+$/);
    auditUrl = page.url();
    expect(await text(page, 'h1')).toBe('Audit of cdek-report.csv');
    // Processing: the bar's script polls and reloads the page once the file is read.
    await page.locator('#audit-status[data-status="completed"]').waitFor({ timeout: 30_000 });
    expect(await text(page, '#audit-rows-count')).toBe('5 rows read: 4 audited, 1 refused.');
    await expect(page.locator('#audit-progress').count()).resolves.toBe(0);
  });

  it('shows the totals as a chart beside the table, with the deadline to file each', async () => {
    const chart = page.getByRole('img', { name: 'Amount found per finding and carrier' });
    await expect(chart.count()).resolves.toBe(1);
    const late = page.locator('#audit-totals tbody tr[data-finding="late"]');
    expect(await late.locator('td').first().textContent()).toBe('1');
    expect(await late.locator('td.date').textContent()).toMatch(/^\d{1,2} \w+ \d{4}$/);
    for (const f of ['lost', 'overcharge']) {
      await expect(page.locator(`#audit-totals tr[data-finding="${f}"]`).count()).resolves.toBe(1);
    }
    expect(await text(page, '#file-all-summary')).toMatch(
      /^2 claims for RUB [\d,.]+ will be filed\.$/,
    );
    await checkPage(page, 'audit-completed-en');
  });

  it('filters the rows by finding and opens a row’s lines', async () => {
    await page.locator('#rows nav.tabs a[data-finding="late"]').click();
    await page.waitForURL('**finding=late*');
    const rows = page.locator('table.audit-rows tbody tr');
    await expect(rows.count()).resolves.toBe(1);
    const details = rows.first().locator('details');
    expect(await details.locator('summary').textContent()).toMatch(/^Late: RUB\s[\d,.]+, file by /);
    await expect(details.locator('ol.lines').isVisible()).resolves.toBe(false);
    await details.locator('summary').click();
    await expect(details.locator('ol.lines li').first().isVisible()).resolves.toBe(true);
    expect(await page.locator('#rows-csv').getAttribute('href')).toMatch(
      /rows\.csv\?finding=late$/,
    );
    await checkPage(page, 'audit-late-rows-en');

    await page.locator('#rows nav.tabs a[data-finding="refused"]').click();
    await page.waitForURL('**finding=refused*');
    await expect(rows.count()).resolves.toBe(1);
    expect(await text(page, 'table.audit-rows ul.problems')).toMatch(/shippedDate|Date|date/);
  });

  it('downloads the rows as CSV', async () => {
    const href = await page.locator('#rows-csv').getAttribute('href');
    const res = await page.request.get(href ?? '');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-disposition']).toMatch(/^attachment; filename=".+\.csv"/);
    expect((await res.body()).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('files all owed rows after the confirm step, and shows the counters', async () => {
    await page.goto(auditUrl);
    await page.getByRole('link', { name: 'File all…' }).click();
    await page.waitForURL('**confirm=file*');
    await checkPage(page, 'audit-confirm-en');
    await page.getByRole('button', { name: 'Confirm: file them' }).click();
    await page.waitForURL(`${auditUrl}#file-all`);
    await page.locator('#filing-counts', { hasText: 'Done' }).waitFor({ timeout: 30_000 });
    expect(await text(page, '#filing-counts')).toBe(
      'Done Requested 2: 2 filed, 0 skipped, 0 failed.',
    );
    expect(await text(page, '#file-all-summary')).toBe('Nothing left to file.');
    await checkPage(page, 'audit-filed-en');
  });

  it('refuses an Excel workbook beside the file field, keeping the other fields', async () => {
    await page.goto(`/desk/audits?shop=${shopId}`);
    await page.getByLabel('Report file (CSV)').setInputFiles({
      name: 'report.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]),
    });
    await page.getByLabel('Weight tolerance, %').fill('7.5');
    await page.getByRole('button', { name: 'Upload and audit' }).click();
    await page.locator('#upload-refused').waitFor();
    expect(await text(page, '#u-file-error')).toMatch(/save it as CSV/);
    expect(await page.getByLabel('Weight tolerance, %').inputValue()).toBe('7.5');
    await checkPage(page, 'audits-refused-en');
  });

  it('lists the audit on the shop’s page', async () => {
    await page.goto(`/desk/audits?shop=${shopId}`);
    const row = page.locator('table.audits tbody tr').first();
    expect(await row.locator('th a').textContent()).toBe('cdek-report.csv');
    expect(await row.locator('td[data-status]').textContent()).toBe('Completed');
  });

  it('reads in Russian, and axe passes there too', async () => {
    await page.goto(`/desk/lang/ru?back=${encodeURIComponent(new URL(auditUrl).pathname)}`);
    await page.waitForURL(auditUrl);
    expect(await text(page, 'h1')).toBe('Аудит: cdek-report.csv');
    await expect(
      page.getByRole('img', { name: 'Найденные суммы по видам и перевозчикам' }).count(),
    ).resolves.toBe(1);
    expect(await text(page, '#filing-counts')).toBe(
      'Готово Запрошено 2: подано 2, пропущено 0, с ошибкой 0.',
    );
    await checkPage(page, 'audit-ru');
    await page.goto(`/desk/audits?shop=${shopId}`);
    await checkPage(page, 'audits-ru');
    await page.goto('/desk/lang/en?back=/desk/claims');
  });
});
