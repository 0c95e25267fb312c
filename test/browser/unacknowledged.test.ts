/**
 * The unacknowledged queue on the desk: a claim whose acknowledgement is overdue is in the
 * "not yet acknowledged" queue with how long it is overdue and the customer's phone and
 * e-mail as links; the navigation counts the claims waiting; the claim's page shows the
 * messages to the customer, copyable, and "Mark as sent" takes it out of the queue and the
 * count. Both pages pass axe in English and in Russian.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkPage, clerkPage, launchChromium, uniqueWaybill } from './browser';
import { seedClaim, testStorage } from './seed';

const waybill = uniqueWaybill();
/** The navigation's count of claims waiting for their acknowledgement (NaN: none shown). */
const waiting = async (page: Page) =>
  Number(await page.locator('#unacknowledged-count').textContent({ timeout: 2000 }));

describe('the unacknowledged queue on the desk', () => {
  let browser: Browser;
  let page: Page;
  let claimId: string;
  let countBefore = 0;

  beforeAll(async () => {
    // Filed two days ago: its acknowledgement (an hour after filing) is long overdue.
    claimId = await seedClaim(testStorage(), inject('shopId'), waybill, 2);
    browser = await launchChromium();
    page = await clerkPage(browser, inject('clerkKey'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('counts the claims waiting in the navigation, on every page, read by name', async () => {
    countBefore = await waiting(page);
    expect(countBefore).toBeGreaterThanOrEqual(1);
    const link = page.getByRole('link', { name: /^Not yet acknowledged/ });
    const claims = countBefore === 1 ? 'claim' : 'claims';
    expect(await link.getAttribute('aria-current')).toBeNull();
    expect(await link.textContent()).toBe(`Not yet acknowledged: ${countBefore} ${claims}`);
    await page.getByRole('link', { name: 'Late shipments' }).click();
    await page.waitForURL('**/desk/shipments/late');
    expect(await waiting(page)).toBe(countBefore);
  });

  it('queues the claim whose customer is still waiting, with how long it is overdue', async () => {
    await page.getByRole('link', { name: /^Not yet acknowledged/ }).click();
    await page.waitForURL('**/desk/unacknowledged');
    const row = page.locator('table.unacknowledged-queue tbody tr', { hasText: waybill });
    expect(await row.count()).toBe(1);
    expect(await row.locator('td').nth(1).textContent()).toBe('Boris Sidorov');
    expect(await row.locator('td').nth(5).textContent()).toMatch(/^[12] d( \d+ h)? \d+ min$/);
    // The customer's phone and e-mail, to call or write from here.
    const phone = row.getByRole('link', { name: '+7 901 111-22-33' });
    expect(await phone.getAttribute('href')).toBe('tel:+79011112233');
    const email = row.getByRole('link', { name: 'boris@example.com' });
    expect(await email.getAttribute('href')).toBe('mailto:boris@example.com');
    expect(await page.locator('#waiting-in-all').textContent()).toContain(`${countBefore} claim`);
    await checkPage(page, 'care-01-queue-en');
    await page.getByRole('link', { name: 'Русский' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Клиенты без подтверждения');
    expect(await page.locator('table.unacknowledged-queue thead th').allTextContents()).toContain(
      'Телефон',
    );
    const nav = page.getByRole('link', { name: /^Без подтверждения/ });
    expect(await nav.textContent()).toMatch(/^Без подтверждения: \d+ претензи(я|и|й)$/);
    await checkPage(page, 'care-02-queue-ru');
    await page.getByRole('link', { name: 'English' }).click();
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe('Customers not yet acknowledged');
  });

  it('shows the messages to the customer on the claim page, subject and text to copy', async () => {
    await page
      .locator('table.unacknowledged-queue tbody tr', { hasText: waybill })
      .getByRole('link', { name: waybill })
      .click();
    await page.waitForURL(`**/desk/claims/${claimId}#messages`);
    const section = page.locator('section#messages');
    await expect.poll(() => section.locator('h2').textContent()).toBe('Messages to the customer');
    const ack = section.locator('article', { hasText: 'Acknowledgement' });
    expect(await ack.textContent()).toContain(`We are on it: your parcel ${waybill}`);
    expect(await ack.locator('pre').textContent()).toMatch(/^Dear Boris Sidorov,\n\n/);
    expect(await ack.locator('pre').textContent()).toContain(claimId);
    await checkPage(page, 'care-03-messages-en');
  });

  it('marks the acknowledgement as sent: its time shows, and the claim leaves the queue', async () => {
    const section = page.locator('section#messages');
    await section.getByRole('button', { name: 'Mark as sent' }).click();
    await page.waitForURL(`**/desk/claims/${claimId}?sent=ack#messages`);
    await expect.poll(() => section.locator('[role=status]').textContent()).toBe('Marked as sent.');
    expect(await section.textContent()).toMatch(/Sent .+ Moscow Time\./);
    expect(await section.getByRole('button', { name: 'Mark as sent' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Русский' }).click();
    await expect.poll(() => section.locator('h2').textContent()).toBe('Сообщения клиенту');
    expect(await section.locator('pre').first().textContent()).toMatch(
      /^Здравствуйте, Boris Sidorov!/,
    );
    await checkPage(page, 'care-04-messages-ru');
    await page.goto('/desk/unacknowledged');
    expect(
      await page.locator('table.unacknowledged-queue tbody tr', { hasText: waybill }).count(),
    ).toBe(0);
    // The change consumer ran before the answer (CLAIM_CHANGES_INLINE): the count dropped.
    await expect.poll(() => waiting(page)).toBe(countBefore - 1);
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL('**/desk/unacknowledged');
    await page.goto('/desk/claims');
    expect(await waiting(page)).toBe(countBefore - 1);
  });
});
