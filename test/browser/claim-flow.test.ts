/**
 * A clerk takes a phone claim from filing to payment in the browser; the shop
 * answers through the API in between. One page, step by step, as a clerk would.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkPage, deskContext, isoDay, launchChromium, signIn, uniqueWaybill } from './browser';
import { api } from './seed';

const CUSTOMER = {
  name: 'Anna Petrova',
  email: 'anna.petrova@example.com',
  phone: '+7 900 123-45-67',
};
const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

describe('a clerk takes a phone claim from filing to payment', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const requested: string[] = [];
  const waybill = uniqueWaybill();
  let claimPath = '';

  beforeAll(async () => {
    browser = await launchChromium();
    context = await deskContext(browser, { bypassCSP: true });
    context.on('request', (request) => requested.push(request.url()));
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('signs in with a clerk key and lands on the queue', async () => {
    await page.goto('/desk/sign-in');
    await checkPage(page, 'flow-01-sign-in');
    await signIn(page, inject('clerkKey'));
    await page.waitForURL('**/desk/claims');
    expect(await text(page, 'h1')).toBe('Claims queue');
    await checkPage(page, 'flow-02-queue');
  });

  it('calculates a claim by phone, shows the amount and its lines, then files it', async () => {
    await page.getByRole('link', { name: 'New claim by phone' }).click();
    await page.waitForURL('**/desk/new-claim');
    await checkPage(page, 'flow-03-new-claim');
    await page.getByLabel('Shop', { exact: true }).selectOption(inject('shopId'));
    await page.getByLabel('What went wrong').selectOption('lost');
    await page.getByLabel('Waybill', { exact: true }).fill(waybill);
    await page.getByLabel('Shipped on').fill(isoDay(-10));
    await page.getByLabel('Delivery cost').fill('500.00');
    await page.getByLabel('Customer’s name').fill(CUSTOMER.name);
    await page.getByLabel('Customer’s e-mail').fill(CUSTOMER.email);
    await page.getByLabel('Customer’s phone').fill(CUSTOMER.phone);
    await page
      .getByLabel('What happened, in the customer’s words')
      .fill('Tracking stops at the sorting centre.');
    await page.getByLabel('Declared (insured) value, if insured').fill('10000.00');
    await page.getByLabel(/Documented value of the contents/).fill('8000.00');
    await page.locator('#f-evidence-0-kind').selectOption('receipt');
    await page.locator('#f-evidence-0-name').fill('receipt.pdf');
    await page.getByRole('button', { name: 'Calculate' }).click();
    await page.locator('#preview-amount').waitFor();
    expect(await text(page, '#preview-amount')).toBe('RUB 8,500.00');
    expect(await page.locator('#preview ol.lines li').count()).toBeGreaterThan(2);
    expect(await text(page, '#preview')).toContain('Proof of value');
    await checkPage(page, 'flow-04-calculated');

    await page.getByRole('button', { name: 'File the claim' }).click();
    await page.waitForURL(/\/desk\/claims\/clm_[0-9a-f]{32}\?done=filed$/);
    claimPath = new URL(page.url()).pathname;
    expect(await text(page, '[role=status]')).toBe('The claim is filed.');
    expect(await text(page, '#claim-status')).toBe('Submitted');
    expect(await text(page, '#compensation-amount')).toBe('RUB 8,500.00');
    expect(await text(page, '#missing-evidence')).toContain('Proof of value');
    await checkPage(page, 'flow-05-claim-filed');
  });

  it('finds the claim in the queue, newest first and by waybill search', async () => {
    await page.getByRole('link', { name: 'Claims queue' }).click();
    await page.waitForURL('**/desk/claims');
    expect(await text(page, 'table.queue tbody tr th')).toBe(waybill);
    await page.getByLabel('Waybill').fill(waybill);
    await page.getByRole('button', { name: 'Show claims' }).click();
    await page.waitForURL(/waybill=/);
    expect(await page.locator('table.queue tbody tr').count()).toBe(1);
    await checkPage(page, 'flow-06-queue-search');
    await page.getByRole('link', { name: waybill }).click();
    await page.waitForURL(`**${claimPath}`);
  });

  it('offers only the moves the status allows, and takes the claim into review', async () => {
    expect(await page.locator('form.move h3').allTextContents()).toEqual(['Take into review']);
    await page.getByRole('button', { name: 'Take into review' }).click();
    await page.locator('#claim-status', { hasText: 'In review' }).waitFor();
    const moves = await page.locator('form.move h3').allTextContents();
    expect(moves).toEqual([
      'Approve in full',
      'Approve partially',
      'Reject',
      'Ask for information',
    ]);
  });

  it('asks the shop for information', async () => {
    await page.locator('#needs-info-reason').fill('Please send the invoice for the contents.');
    await page.getByRole('button', { name: 'Ask for information' }).click();
    await page.locator('#claim-status', { hasText: 'Needs information' }).waitFor();
    await checkPage(page, 'flow-07-needs-info');
  });

  it('goes back into review when the shop adds evidence through the API', async () => {
    const id = claimPath.split('/').pop() ?? '';
    const answer = await api('POST', `/v1/claims/${id}/evidence`, inject('shopKey'), {
      evidence: [{ kind: 'proof_of_value', name: 'invoice.pdf' }],
    });
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    await page.reload();
    expect(await text(page, '#claim-status')).toBe('In review');
    expect(await text(page, '#evidence-list')).toContain('invoice.pdf');
    expect(await text(page, '#missing-evidence')).toBe('Nothing is missing.');
  });

  it('shows a bad amount beside its field and keeps what was typed', async () => {
    await page.locator('#partial-amount').fill('1.234,50');
    await page.locator('#partial-reason').fill('Only part of the contents is proven.');
    await page.getByRole('button', { name: 'Approve partially' }).click();
    await page.locator('#partial-amount-error').waitFor();
    expect(await text(page, '#partial-amount-error')).toContain('could be read two ways');
    expect(await page.locator('#partial-amount').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#partial-amount').inputValue()).toBe('1.234,50');
    // The page lands on the field to correct.
    expect(await page.evaluate('document.activeElement.id')).toBe('partial-amount');
    expect(await text(page, '#claim-status')).toBe('In review');
    await checkPage(page, 'flow-08-partial-error');
  });

  it('approves partially', async () => {
    await page.locator('#partial-amount').fill('6000.00');
    await page.getByRole('button', { name: 'Approve partially' }).click();
    await page.locator('#claim-status', { hasText: 'Partially approved' }).waitFor();
    expect(await text(page, '#outcome-title')).toBe('Decision');
    expect(await page.locator('dd', { hasText: 'RUB 6,000.00' }).count()).toBe(1);
  });

  it('records the payment; the claim is settled', async () => {
    expect(await page.locator('#payment-amount').inputValue()).toBe('6000.00');
    expect(await page.locator('#payment-paidOn').inputValue()).toBe(isoDay(0));
    await page.locator('#payment-reference').fill('PP-2026-001');
    await page.getByRole('button', { name: 'Record payment' }).click();
    await page.locator('#claim-status', { hasText: 'Paid' }).waitFor();
    expect(await text(page, '#moves-title + p')).toBe('No further moves: the claim is settled.');
    await checkPage(page, 'flow-09-paid');
  });

  it('shows every step in the history', async () => {
    const rows = page.locator('#history tbody tr');
    const statuses = await rows
      .locator('td[data-status]')
      .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-status')));
    expect(statuses).toEqual([
      'submitted',
      'in_review',
      'needs_info',
      'in_review',
      'partially_approved',
      'paid',
    ]);
    const what = (await rows.locator('td:nth-child(3)').allTextContents()).map((t) => t.trim());
    expect(what).toEqual([
      'Filed',
      'Status changed',
      'Status changed',
      'Evidence added',
      'Status changed',
      'Status changed',
      'Payment recorded',
    ]);
    const who = await rows.locator('td:nth-child(2)').allTextContents();
    expect(who[3]).toContain(inject('shopId'));
    expect(who.filter((w) => w.includes('clerk:'))).toHaveLength(5);
  });

  it('renders the claim letter in English and in Russian', async () => {
    await page.goto(`${claimPath}/letter?lang=en`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await text(page, 'h1')).toBe('Claim');
    expect(await text(page, 'dl.parties')).toContain('CDEK parcels');
    expect(await text(page, '#amount-demanded')).toContain('RUB 8,500.00');
    expect(await text(page, 'ol.enclosures')).toContain('invoice.pdf');
    expect(await text(page, 'main')).toContain(waybill);
    await checkPage(page, 'flow-10-letter-en');
    await page.getByRole('link', { name: 'Русская версия' }).click();
    await page.waitForURL('**/letter?lang=ru');
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    expect(await text(page, 'h1')).toBe('Претензия');
    expect(await text(page, 'dl.parties')).toContain('Посылки СДЭК');
    expect(await text(page, '#amount-demanded')).toContain('8 500,00 ₽');
    expect(await text(page, 'ol.lines')).toMatch(/Утрата|утрат|Страхов|доставк/);
    await checkPage(page, 'flow-11-letter-ru');
  });

  it('switches the desk to Russian and remembers it', async () => {
    await page.goto(claimPath);
    await page.getByRole('link', { name: 'Русский' }).click();
    await page.waitForURL(`**${claimPath}`);
    expect(await text(page, 'h1')).toBe(`Претензия по накладной ${waybill}`);
    expect(await text(page, '#claim-status')).toBe('Выплачено');
    expect(await text(page, '#compensation-amount')).toBe('8 500,00 ₽');
    await checkPage(page, 'flow-12-claim-ru');
    await page.goto('/desk/claims');
    expect(await text(page, 'h1')).toBe('Очередь претензий');
    await checkPage(page, 'flow-13-queue-ru');
    await page.goto('/desk/new-claim');
    await checkPage(page, 'flow-14-new-claim-ru');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL('**/desk/new-claim');
    expect(await text(page, 'h1')).toBe('New claim by phone');
  });

  it('never put the customer’s data in a URL', () => {
    const personal = [CUSTOMER.name, CUSTOMER.email, CUSTOMER.phone].flatMap((v) => [
      v,
      encodeURIComponent(v),
      v.replaceAll(' ', '+'),
    ]);
    const leaks = requested.filter((url) => personal.some((p) => url.includes(p)));
    expect(requested.length).toBeGreaterThan(20);
    expect(leaks).toEqual([]);
  });
});
