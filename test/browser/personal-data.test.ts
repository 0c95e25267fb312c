/**
 * Issue 25 on the desk: a clerk passes a shop's erasure instruction on (the shop chosen, the
 * person named by phone, a confirm step), lands on the printable destruction act (its fields
 * and the event-log extract as a table; Russian and English), finds it in the shop's list,
 * and the erased claim's page says so with the act linked. Each page axe-clean and
 * `Cache-Control: no-store`; a value that is no phone is refused beside the field.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkPage, clerkPage, launchChromium, uniqueWaybill } from './browser';
import { api, lostFiling } from './seed';

const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** A phone no other test's claimant has. */
const PHONE = `+7 915 ${String(Date.now()).slice(-7, -4)}-${String(Date.now()).slice(-4, -2)}-${String(Date.now()).slice(-2)}`;

describe('personal data on the desk', () => {
  let browser: Browser;
  let page: Page;
  let claimId = '';

  beforeAll(async () => {
    const filing = lostFiling(uniqueWaybill());
    const claimant = { name: 'Ефросинья Тестова', email: 'efrosinya@example.com', phone: PHONE };
    const filed = await api('POST', '/v1/claims', inject('shopKey'), { ...filing, claimant });
    expect(filed.status).toBe(201);
    claimId = String(filed.json.id);
    browser = await launchChromium();
    page = await clerkPage(browser, inject('clerkKey'));
  });

  afterAll(async () => {
    await browser?.close();
  });

  const noStore = async (path: string) => {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(200);
    expect(res.headers()['cache-control'], path).toBe('no-store');
  };

  it('erases on the shop’s instruction after a confirm step, and prints the act', async () => {
    await page.goto('/desk/claims');
    await page
      .getByRole('navigation', { name: 'Desk' })
      .getByRole('link', { name: 'Personal data' })
      .click();
    await page.waitForURL('**/desk/personal-data');
    await checkPage(page, 'personal-data-pick-en');
    await page.selectOption('#pd-shop', inject('shopId'));
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/\/desk\/personal-data\?shopId=/);
    expect(await text(page, '#pd-retention')).toContain('Kept 1095 days');
    await noStore(new URL(page.url()).pathname + new URL(page.url()).search);

    // A value that is no phone: refused beside the field, nothing erased.
    await page.fill('#pd-value', 'not a phone');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('#pd-value-error').waitFor();
    expect(await page.locator('#pd-value').getAttribute('aria-invalid')).toBe('true');
    await checkPage(page, 'personal-data-refused-en');

    await page.fill('#pd-value', PHONE);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('#pd-confirm-title').waitFor();
    expect(await text(page, 'section')).toContain(PHONE);
    await checkPage(page, 'personal-data-confirm-en');
    // Nothing erased before the confirmation.
    const untouched = await api('GET', `/v1/claims/${claimId}`, inject('shopKey'));
    expect(untouched.json.claimant).toMatchObject({ phone: PHONE });

    await page.getByRole('button', { name: 'Erase for good' }).click();
    await page.waitForURL(/\/desk\/personal-data\/erasures\/pde_[0-9a-f]{32}\?shopId=/);
    expect(await text(page, 'h1')).toBe('Act of destruction of personal data');
    expect(await text(page, '#act-records')).toContain(claimId);
    expect(await text(page, '#act-categories')).toContain('phone number');
    expect(await text(page, '#act-instruction')).toContain('passed on by the claims desk');
    const steps = await page.locator('#act-log tbody tr').count();
    expect(steps).toBeGreaterThanOrEqual(3);
    expect(await text(page, '#act-log tbody tr')).toContain('erasure started');
    await checkPage(page, 'personal-data-act-en');
    const actPath = new URL(page.url()).pathname + new URL(page.url()).search;
    await noStore(actPath);
    const erased = await api('GET', `/v1/claims/${claimId}`, inject('shopKey'));
    expect(erased.json.claimant).toMatchObject({ name: '[erased]', phone: '+00000000000' });

    await page.getByRole('link', { name: 'Русская версия' }).click();
    await page.waitForURL(/lang=ru/);
    expect(await text(page, 'h1')).toBe('Акт об уничтожении персональных данных');
    expect(await text(page, '#act-log tbody tr')).toContain('уничтожение начато');
    await checkPage(page, 'personal-data-act-ru');

    // The act in the shop's list; the claim's page names it.
    await page.goto(`/desk/personal-data?shopId=${encodeURIComponent(inject('shopId'))}`);
    const actId = /pde_[0-9a-f]{32}/.exec(actPath)?.[0] ?? '';
    expect(await page.locator(`#pd-acts a[href*="${actId}"]`).count()).toBe(1);
    await page.goto(`/desk/claims/${claimId}`);
    expect(await text(page, '#personal-data-erased')).toContain(actId);
    await noStore(`/desk/claims/${claimId}`);
  });
});
