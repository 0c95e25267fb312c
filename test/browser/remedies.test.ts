/**
 * Issue 12's desk parts of w-remedy, in Chromium: the claim page's customer
 * remedies (offer within the shop's limits, errors inline, the answer), the
 * letter's print button and print styles, and filing by phone (the shop picker,
 * only the chosen type's fields, the warning for a waybill that has claims).
 * axe finds nothing in either language.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkPage, clerkPage, isoDay, launchChromium, uniqueWaybill } from './browser';
import { api, lostFiling, seedShopWithProfile } from './seed';

const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

async function fileLost(key: string, waybill = uniqueWaybill()): Promise<string> {
  const filed = await api('POST', '/v1/claims', key, lostFiling(waybill));
  expect(filed.status, JSON.stringify(filed.json)).toBe(201);
  return String(filed.json.id);
}

describe('w-remedy on the desk', () => {
  let browser: Browser;
  let page: Page;
  let shop: { shopId: string; key: string };

  beforeAll(async () => {
    browser = await launchChromium();
    page = await clerkPage(browser, inject('clerkKey'));
    // Its profile's limits: 15 %, 1000.00 RUB.
    shop = await seedShopWithProfile('remedy-shop', 'ООО «Зелёный чай»');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('offers a remedy within the shop’s limits, shows a refusal beside its field, records the answer', async () => {
    const id = await fileLost(shop.key);
    await page.goto(`/desk/claims/${id}`);
    const section = page.locator('#remedies');
    expect(await text(page, '#remedies h2')).toBe('Customer remedies');
    expect(await section.textContent()).toContain('Nothing offered yet.');
    expect(await section.textContent()).toContain('a discount up to 15%');

    // Above the gift limit: the form comes back with the error beside the amount.
    await page.locator('#remedy-kind').selectOption('gift');
    await page.locator('#remedy-amount').fill('1500.00');
    await page.getByRole('button', { name: 'Offer', exact: true }).click();
    await page.locator('#remedy-amount-error').waitFor();
    expect(await text(page, '#remedy-amount-error')).toContain('maxGiftValue');
    expect(await page.locator('#remedy-amount').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#remedy-amount').inputValue()).toBe('1500.00');
    await checkPage(page, 'remedies-01-over-limit');

    // A discount without its percent: said beside the percent.
    await page.locator('#remedy-kind').selectOption('discount_next_order');
    await page.locator('#remedy-amount').fill('');
    await page.getByRole('button', { name: 'Offer', exact: true }).click();
    await page.locator('#remedy-percent-error').waitFor();

    await page.locator('#remedy-percent').fill('10');
    await page.getByRole('button', { name: 'Offer', exact: true }).click();
    await page.waitForURL(/\?remedy=offered#remedies$/);
    expect(await text(page, '#remedies [role=status]')).toBe('The remedy is offered.');
    expect(await text(page, '#remedy-rm_1')).toContain('Discount on the next order');
    expect(await text(page, '#remedy-rm_1')).toContain('10%');

    await page.locator('#remedy-kind').selectOption('voucher');
    await page.locator('#remedy-amount').fill('500.00');
    await page.getByRole('button', { name: 'Offer', exact: true }).click();
    await page.waitForURL(/\?remedy=offered#remedies$/);
    await page.getByRole('button', { name: /The customer accepted: Voucher/ }).click();
    await page.waitForURL(/\?remedy=accepted#remedies$/);
    expect(await text(page, '#remedy-rm_2')).toContain('accepted');
    expect(await text(page, '#remedies-given')).toBe('RUB 500.00');
    await page.getByRole('button', { name: /The customer declined: Discount/ }).click();
    await page.waitForURL(/\?remedy=declined#remedies$/);
    expect(await text(page, '#remedy-rm_1')).toContain('declined');
    expect(await page.locator('#remedies .answer-buttons').count()).toBe(0);
    await checkPage(page, 'remedies-02-answered-en');

    // The API shows the same both sides.
    const got = await api('GET', `/v1/claims/${id}`, shop.key);
    expect(got.json.customer).toMatchObject({ given: { amount: '500.00', currency: 'RUB' } });

    await page.goto(`/desk/lang/ru?back=/desk/claims/${id}`);
    await page.waitForURL(`**/desk/claims/${id}`);
    expect(await text(page, '#remedies h2')).toBe('Что предложено покупателю');
    expect(await text(page, '#remedy-rm_2')).toContain('принято');
    await checkPage(page, 'remedies-03-answered-ru');
    await page.goto(`/desk/lang/en?back=/desk/claims/${id}`);
  });

  it('prints the letter: a print button (script file), and print styles without the chrome', async () => {
    const id = await fileLost(shop.key);
    await page.goto(`/desk/claims/${id}/letter?lang=en`);
    const button = page.getByRole('button', { name: 'Print the letter' });
    await button.waitFor();
    expect(await page.locator('#print-hint').isHidden()).toBe(true);
    await page.evaluate('window.__printed = 0; window.print = () => { window.__printed++; };');
    await button.click();
    expect(await page.evaluate('window.__printed')).toBe(1);
    await checkPage(page, 'remedies-04-letter-print-button');

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav.toolbar').isHidden()).toBe(true);
    expect(await button.isHidden()).toBe(true);
    const colour = await page.evaluate(
      'getComputedStyle(document.querySelector("main.letter p, main.letter dd")).color',
    );
    expect(colour).toBe('rgb(0, 0, 0)');
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('nav.toolbar').isVisible()).toBe(true);

    // Without JavaScript the hint says how to print, and no dead button shows.
    const context = await browser.newContext({
      baseURL: inject('deskUrl'),
      javaScriptEnabled: false,
    });
    const cookies = await page.context().cookies();
    await context.addCookies(cookies);
    const plain = await context.newPage();
    await plain.goto(`/desk/claims/${id}/letter?lang=ru`);
    expect(await plain.locator('#print-hint').isVisible()).toBe(true);
    expect(await plain.locator('#print-letter').isHidden()).toBe(true);
    await context.close();
  });

  it('files by phone: a shop picker, only the chosen type’s fields, a warning for a waybill that has claims', async () => {
    const waybill = uniqueWaybill();
    const earlier = await fileLost(shop.key, waybill);
    await api('POST', `/v1/claims/${earlier}/cancel`, shop.key);
    await page.goto('/desk/new-claim');
    const picker = page.locator('select#f-shopId');
    const shops = await picker.locator('option').allTextContents();
    expect(shops).toContain(`ООО «Зелёный чай» (${shop.shopId})`);
    expect(shops).toContain(inject('shopId'));

    // Only the chosen type's fieldset shows (CSS :has(), no script needed).
    await page.locator('#f-type').selectOption('late');
    expect(await page.locator('fieldset.for-late').isVisible()).toBe(true);
    expect(await page.locator('fieldset.for-loss').isVisible()).toBe(false);
    await page.locator('#f-type').selectOption('damaged');
    expect(await page.locator('fieldset.for-loss').isVisible()).toBe(true);
    expect(await page.locator('#f-deliveryPaid').isVisible()).toBe(false);
    expect(await page.locator('fieldset.for-late').isVisible()).toBe(false);
    await page.locator('#f-type').selectOption('lost');
    expect(await page.locator('#f-deliveryPaid').isVisible()).toBe(true);
    await checkPage(page, 'remedies-05-phone-form');

    await picker.selectOption(shop.shopId);
    await page.locator('#f-waybill').fill(waybill);
    await page.locator('#f-shippedDate').fill(isoDay(-10));
    await page.locator('#f-deliveryCost').fill('500.00');
    await page.locator('#f-claimantName').fill('Ivan Ivanov');
    await page.locator('#f-claimantEmail').fill('ivan@example.com');
    await page.locator('#f-claimantPhone').fill('+7 902 000-11-22');
    await page.locator('#f-description').fill('Never arrived.');
    // A late-delivery date typed before switching to "lost" is not read.
    await page.locator('#f-type').selectOption('late');
    await page.locator('#f-promisedDate').fill('not a date');
    await page.locator('#f-type').selectOption('lost');
    await page.getByRole('button', { name: 'Calculate' }).click();
    await page.locator('#duplicates').waitFor();
    expect(await text(page, '#duplicates')).toContain(`The waybill ${waybill} already has claims`);
    expect(await page.locator(`#duplicates a[href="/desk/claims/${earlier}"]`).count()).toBe(1);
    await checkPage(page, 'remedies-06-waybill-warning');

    await page.getByRole('button', { name: 'File the claim' }).click();
    await page.locator('#f-fileAnyway-error').waitFor();
    expect(await text(page, '#f-fileAnyway-error')).toContain('Tick this to file');
    const listed = await api('GET', `/v1/claims?waybill=${waybill}`, inject('clerkKey'));
    expect((listed.json.items as unknown[]).length).toBe(1);
    await page.locator('#f-fileAnyway').check();
    await page.getByRole('button', { name: 'File the claim' }).click();
    await page.waitForURL(/\/desk\/claims\/clm_[0-9a-f]{32}\?done=filed$/);
    const after = await api('GET', `/v1/claims?waybill=${waybill}`, inject('clerkKey'));
    expect((after.json.items as unknown[]).length).toBe(2);

    await page.goto('/desk/lang/ru?back=/desk/new-claim');
    await page.waitForURL('**/desk/new-claim');
    await checkPage(page, 'remedies-07-phone-form-ru');
    await page.goto('/desk/lang/en?back=/desk/new-claim');
    await page.waitForURL('**/desk/new-claim');
  });
});
