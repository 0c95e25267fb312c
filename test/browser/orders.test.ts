/**
 * Orders on the desk: a late shipment seeded through the API shows in the late queue; its
 * order page shows the timeline, charges and lateness; the "file claim" action previews the
 * computed amount, then files on confirm.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkPage, clerkPage, launchChromium, uniqueWaybill } from './browser';
import { api, lateShipmentFacts, putLateOrder } from './seed';

const ORDER = `O-${Date.now()}`;
const SHIPMENT = `S-${Date.now()}`;
const waybill = uniqueWaybill();
type Lateness = { amount: { amount: string }; businessDaysLate: number };

describe('orders on the desk', () => {
  let browser: Browser;
  let page: Page;
  let lateness: Lateness;

  beforeAll(async () => {
    const [shipment] = await putLateOrder(ORDER, [lateShipmentFacts(SHIPMENT, waybill)]);
    lateness = (shipment as { lateness: Lateness }).lateness;
    expect(lateness.businessDaysLate).toBeGreaterThan(0);
    browser = await launchChromium();
    page = await clerkPage(browser, inject('clerkKey'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists the late shipment with what has accrued, linking its order', async () => {
    await page.getByRole('link', { name: 'Late shipments' }).click();
    await page.waitForURL('**/desk/shipments/late');
    const row = page.locator('table.late-queue tbody tr', { hasText: SHIPMENT });
    expect(await row.count()).toBe(1);
    // Waybill, promised date, then the business days late (shop and order are under the shipment id).
    expect(await row.locator('td').nth(2).textContent()).toBe(String(lateness.businessDaysLate));
    await checkPage(page, 'orders-01-late-queue');
    await row.getByRole('link', { name: ORDER }).click();
    await page.waitForURL(`**/orders/${ORDER}`);
  });

  it('shows the order: timeline, charges, chargeable weight and lateness', async () => {
    await expect.poll(() => page.locator('h1').textContent()).toBe(`Order ${ORDER}`);
    const shipment = page.locator('section.shipment');
    expect(await shipment.locator('ol.timeline li').count()).toBe(1);
    expect(await shipment.textContent()).toContain('In transit');
    expect(await shipment.textContent()).toContain('4.800 kg');
    expect(await shipment.textContent()).toContain('No claim filed for this shipment.');
    await checkPage(page, 'orders-02-order');
  });

  it('previews the computed amount, then files the claim on confirm', async () => {
    await page.getByLabel('What happened').fill('Promised earlier, still on its way');
    await page.getByRole('button', { name: 'Compute the amount' }).click();
    await page.waitForURL(`**/shipments/${SHIPMENT}/claim`);
    const amount = await page.locator('#compensation-amount').textContent();
    const [integer = '', fraction = ''] = lateness.amount.amount.split('.');
    expect(amount?.replace(/\D/g, '')).toBe(`${integer}${fraction}`);
    await checkPage(page, 'orders-03-preview');
    await page.getByRole('button', { name: 'File this claim' }).click();
    await page.waitForURL(/\/desk\/claims\/clm_[0-9a-f]{32}\?done=filed$/);
    expect(await page.locator('main').textContent()).toContain(waybill);

    const shipment = await api('GET', `/v1/shipments/${SHIPMENT}`, inject('shopKey'));
    const claims = shipment.json.claims as { type: string; amount: { amount: string } }[];
    expect(claims).toEqual([expect.objectContaining({ type: 'late', amount: lateness.amount })]);
  });
});
