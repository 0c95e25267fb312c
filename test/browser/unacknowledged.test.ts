/**
 * The unacknowledged queue on the desk: a claim whose acknowledgement is overdue is in the
 * "not yet acknowledged" queue with how long it is overdue; its page shows the
 * messages to the customer, copyable, and "Mark as sent" takes it out of the queue.
 * Both pages pass axe in English and in Russian.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkPage, clerkPage, launchChromium, uniqueWaybill } from './browser';
import { seedClaim, testStorage } from './seed';

const waybill = uniqueWaybill();

describe('the unacknowledged queue on the desk', () => {
  let browser: Browser;
  let page: Page;
  let claimId: string;

  beforeAll(async () => {
    // Filed two days ago: its acknowledgement (an hour after filing) is long overdue.
    claimId = await seedClaim(testStorage(), inject('shopId'), waybill, 2);
    browser = await launchChromium();
    page = await clerkPage(browser, inject('clerkKey'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('queues the claim whose customer is still waiting, with how long it is overdue', async () => {
    await page.getByRole('link', { name: 'Not yet acknowledged' }).click();
    await page.waitForURL('**/desk/unacknowledged');
    const row = page.locator('table.unacknowledged-queue tbody tr', { hasText: waybill });
    expect(await row.count()).toBe(1);
    expect(await row.locator('td').nth(1).textContent()).toBe('Boris Sidorov');
    expect(await row.locator('td').nth(3).textContent()).toMatch(/^[12] d( \d+ h)? \d+ min$/);
    await checkPage(page, 'care-01-queue-en');
    await page.getByRole('link', { name: 'Русский' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Клиенты без подтверждения');
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
    await page.getByRole('link', { name: 'English' }).click();
  });
});
