/**
 * Issue 21: the late-shipments queue names each shipment's waybill, why it is late (a label
 * in the page's language, never a code) and the claim filed from it (its type and status,
 * linked), or none; a shipment whose lost claim is paid says up to which day its lateness
 * was counted. English and Russian, axe-clean.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkPage, clerkPage, isoDay, launchChromium, uniqueWaybill } from './browser';
import { api, lateShipmentFacts, moveClaim, putLateOrder, testStorage } from './seed';

const stamp = Date.now();
const ORDER = `O-LQ-${stamp}`;
const [PAID, UNTOUCHED] = [`S-LQ-PAID-${stamp}`, `S-LQ-NONE-${stamp}`];
const waybills = { paid: uniqueWaybill(), untouched: `${uniqueWaybill()}9` };

const rowOf = (page: Page, shipmentId: string) =>
  page.locator('table.late-queue tbody tr', { hasText: shipmentId });
/** A row's cell under the column headed `name`. */
const cell = async (page: Page, shipmentId: string, name: string) => {
  const headers = await page.locator('table.late-queue thead th').allTextContents();
  return rowOf(page, shipmentId).locator('th, td').nth(headers.indexOf(name));
};

describe('the late-shipments queue', () => {
  let browser: Browser;
  let page: Page;
  let claimId = '';

  beforeAll(async () => {
    const shopKey = inject('shopKey');
    await putLateOrder(ORDER, [
      lateShipmentFacts(PAID, waybills.paid),
      lateShipmentFacts(UNTOUCHED, waybills.untouched),
    ]);
    const filed = await api('POST', `/v1/shipments/${PAID}/claims`, shopKey, {
      type: 'lost',
      description: 'Tracking stopped a week ago',
      evidence: [],
    });
    expect(filed.status, JSON.stringify(filed.json)).toBe(201);
    claimId = filed.json.id as string;
    const storage = testStorage();
    const amount = (await storage.claims.get(claimId))!.compensation.amount;
    await moveClaim(storage, claimId, { type: 'review' });
    await moveClaim(storage, claimId, { type: 'decide', decision: 'approved', reason: 'Lost' });
    await moveClaim(storage, claimId, {
      type: 'pay',
      amount,
      paidOn: isoDay(0),
      reference: `PP-${stamp}`,
    });
    browser = await launchChromium();
    page = await clerkPage(browser, inject('clerkKey'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('names the waybill, the cause and the claim, or none', async () => {
    await page.goto('/desk/shipments/late');
    expect(await (await cell(page, PAID, 'Waybill')).textContent()).toBe(waybills.paid);
    expect(await (await cell(page, UNTOUCHED, 'Waybill')).textContent()).toBe(waybills.untouched);
    expect(await (await cell(page, PAID, 'Cause')).textContent()).toBe('Courier late');
    const claim = await cell(page, PAID, 'Claim');
    expect(await claim.textContent()).toBe('Lost parcel Paid');
    expect(await claim.getByRole('link').getAttribute('href')).toBe(`/desk/claims/${claimId}`);
    expect(await (await cell(page, UNTOUCHED, 'Claim')).textContent()).toBe('none');
    // The paid lost claim stopped the lateness: up to its filing day (today), no further.
    const accrued = await cell(page, PAID, 'Accrued so far');
    expect(await accrued.locator('.frozen time').getAttribute('datetime')).toBe(isoDay(0));
    expect(await (await cell(page, UNTOUCHED, 'Accrued so far')).locator('.frozen').count()).toBe(
      0,
    );
    await checkPage(page, 'late-queue-en');
    await claim.getByRole('link').click();
    await page.waitForURL(`**/desk/claims/${claimId}`);
  });

  it('says it all in Russian', async () => {
    await page.goto(`/desk/lang/ru?back=${encodeURIComponent('/desk/shipments/late')}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Опоздавшие отправления');
    expect(await (await cell(page, PAID, 'Причина')).textContent()).toBe('Опоздал курьер');
    expect(await (await cell(page, PAID, 'Претензия')).textContent()).toBe(
      'Утрата посылки Выплачено',
    );
    expect(await (await cell(page, UNTOUCHED, 'Претензия')).textContent()).toBe('нет');
    expect(await (await cell(page, PAID, 'Начислено на сегодня')).textContent()).toContain(
      'посчитано по',
    );
    await checkPage(page, 'late-queue-ru');
    await page.goto(`/desk/lang/en?back=${encodeURIComponent('/desk/claims')}`);
  });
});
