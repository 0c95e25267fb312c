/**
 * The phone-claim form's refusals: each error beside its field, the form
 * still filled, in either language; and a late claim calculated on the
 * business calendar.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkPage, clerkPage, isoDay, launchChromium, uniqueWaybill } from './browser';

const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

async function fillCommon(page: Page, waybill: string) {
  await page.locator('#f-shopId').selectOption(inject('shopId'));
  await page.locator('#f-waybill').fill(waybill);
  await page.locator('#f-shippedDate').fill(isoDay(-12));
  await page.locator('#f-claimantName').fill('Ivan Ivanov');
  await page.locator('#f-claimantEmail').fill('ivan@example.com');
  await page.locator('#f-claimantPhone').fill('+7 902 000-11-22');
  await page.locator('#f-description').fill('Arrived a week late.');
}

describe('the phone-claim form', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await clerkPage(browser, inject('clerkKey'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows a bad amount’s error beside its field, the form still filled', async () => {
    await page.goto('/desk/new-claim');
    const waybill = uniqueWaybill();
    await fillCommon(page, waybill);
    await page.locator('#f-deliveryCost').fill('5OO');
    await page.getByRole('button', { name: 'Calculate' }).click();
    await page.locator('#f-deliveryCost-error').waitFor();
    expect(await text(page, '#f-deliveryCost-error')).toContain('is not an amount');
    // The page lands on the field to correct.
    expect(await page.evaluate('document.activeElement.id')).toBe('f-deliveryCost');
    expect(await page.locator('#f-deliveryCost').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#f-deliveryCost').getAttribute('aria-describedby')).toContain(
      'f-deliveryCost-error',
    );
    expect(await page.locator('#f-deliveryCost').inputValue()).toBe('5OO');
    expect(await page.locator('#f-waybill').inputValue()).toBe(waybill);
    expect(await page.locator('#f-claimantEmail').inputValue()).toBe('ivan@example.com');
    expect(await page.locator('#error-summary a').allTextContents()).toEqual(['Delivery cost']);
    expect(await page.getByRole('button', { name: 'File the claim' }).count()).toBe(0);
    await checkPage(page, 'new-claim-01-bad-amount');
  });

  it('puts several errors each beside its own field, in Russian too', async () => {
    await page.goto('/desk/lang/ru?back=/desk/new-claim');
    await page.waitForURL('**/desk/new-claim');
    await fillCommon(page, '');
    await page.locator('#f-claimantEmail').fill('not-an-email');
    await page.locator('#f-deliveryCost').fill('500.001');
    await page.locator('#f-evidence-1-name').fill('photo.jpg');
    await page.locator('#f-evidence-1-url').fill('ftp://example.com/photo.jpg');
    await page.getByRole('button', { name: 'Рассчитать' }).click();
    await page.locator('#error-summary').waitFor();
    expect(await text(page, '#f-waybill-error')).toBe('Ошибка: обязательное поле');
    expect(await text(page, '#f-claimantEmail-error')).toContain('адресом электронной почты');
    expect(await text(page, '#f-deliveryCost-error')).toContain('знаков в дробной части: 3');
    expect(await text(page, '#f-evidence-1-url-error')).toContain('http:// или https://');
    expect(await text(page, '#error-summary')).not.toMatch(/required|Invalid input/);
    await checkPage(page, 'new-claim-02-errors-ru');
    await page.goto('/desk/lang/en?back=/desk/new-claim');
  });

  it('calculates a late delivery on the business calendar before filing', async () => {
    await page.goto('/desk/new-claim');
    await fillCommon(page, uniqueWaybill());
    await page.locator('#f-type').selectOption('late');
    await page.locator('#f-deliveryCost').fill('1000.00');
    await page.locator('#f-promisedDate').fill(isoDay(-9));
    await page.locator('#f-deliveredDate').fill(isoDay(-2));
    await page.getByRole('button', { name: 'Calculate' }).click();
    await page.locator('#preview').waitFor();
    expect(await text(page, '#preview ol.lines')).toMatch(/business day/);
    expect(await text(page, '#preview-amount')).toMatch(/^RUB \d/);
    await checkPage(page, 'new-claim-03-late-preview');
  });

  it('names dates out of order and a delivery that was not late, beside the field, in both languages', async () => {
    const late = async (promised: number, delivered: number) => {
      await fillCommon(page, uniqueWaybill());
      await page.locator('#f-type').selectOption('late');
      await page.locator('#f-deliveryCost').fill('1000.00');
      await page.locator('#f-promisedDate').fill(isoDay(promised));
      await page.locator('#f-deliveredDate').fill(isoDay(delivered));
    };
    await page.goto('/desk/new-claim');
    await late(-14, -2);
    await page.getByRole('button', { name: 'Calculate' }).click();
    await page.locator('#f-promisedDate-error').waitFor();
    expect(await text(page, '#f-promisedDate-error')).toContain(
      `is before shippedDate ${isoDay(-12)}`,
    );
    await page.goto('/desk/lang/ru?back=/desk/new-claim');
    await page.waitForURL('**/desk/new-claim');
    await late(-14, -2);
    await page.getByRole('button', { name: 'Рассчитать' }).click();
    await page.locator('#f-promisedDate-error').waitFor();
    expect(await text(page, '#f-promisedDate-error')).toContain('раньше даты отправки');
    await late(-3, -3);
    await page.getByRole('button', { name: 'Рассчитать' }).click();
    await page.locator('#f-deliveredDate-error').waitFor();
    expect(await text(page, '#f-deliveredDate-error')).toContain('претендовать не на что');
    await page.goto('/desk/lang/en?back=/desk/new-claim');
    await page.waitForURL('**/desk/new-claim');
    await late(-3, -3);
    await page.getByRole('button', { name: 'Calculate' }).click();
    await page.locator('#f-deliveredDate-error').waitFor();
    expect(await text(page, '#f-deliveredDate-error')).toContain('nothing to claim');
  });

  it('refuses a claim past the carrier’s filing window, beside the shipping date', async () => {
    await page.goto('/desk/new-claim');
    await fillCommon(page, uniqueWaybill());
    await page.locator('#f-shippedDate').fill(isoDay(-400));
    await page.locator('#f-deliveryCost').fill('500.00');
    await page.getByRole('button', { name: 'Calculate' }).click();
    await page.locator('#f-shippedDate-error').waitFor();
    expect(await text(page, '#f-shippedDate-error')).toContain('window');
  });
});
