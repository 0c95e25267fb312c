/**
 * The clerk's time zone (issue 21): the desk shows every time in the clerk's own zone,
 * Europe/Moscow until the clerk chooses another, the zone named beside each time and in
 * the footer; the setting is the clerk's (on the key), not the browser's, and a zone the
 * runtime does not know is refused next to the field. axe 0 in both languages.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateApiKey, hashApiKey } from '../../src/storage/api-keys';
import { api, lostFiling } from './seed';
import { checkPage, deskContext, launchChromium, signIn, uniqueWaybill } from './browser';
import { testStorage } from './seed';

const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

describe('the clerk’s time zone', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A clerk key of this test's own (the setting is per key), signed in on a fresh profile. */
  async function newClerk(locale = 'en-GB'): Promise<{ page: Page; key: string }> {
    const { keyId, key } = generateApiKey();
    await testStorage().apiKeys.create({
      keyId,
      secretHash: await hashApiKey(key),
      role: 'clerk',
      displayName: 'Zone Clerk',
      createdAt: new Date().toISOString(),
    });
    const context = await deskContext(browser, { bypassCSP: true, locale });
    const page = await context.newPage();
    await signIn(page, key);
    await page.waitForURL('**/desk/claims');
    return { page, key };
  }

  it('shows Moscow time by default, and the clerk’s chosen zone everywhere after saving it', async () => {
    const filed = await api('POST', '/v1/claims', inject('shopKey'), lostFiling(uniqueWaybill()));
    expect(filed.status).toBe(201);
    const id = String(filed.json.id);
    const createdAt = new Date(String(filed.json.createdAt));
    const { page, key } = await newClerk();

    await page.goto(`/desk/claims/${id}`);
    expect(await text(page, 'footer')).toContain('Moscow Time (Europe/Moscow, GMT+3)');
    const moscow = await text(page, 'dl');
    const hhmm = (zone: string) =>
      new Intl.DateTimeFormat('en-GB', {
        hour: '2-digit',
        minute: '2-digit',
        timeZone: zone,
      }).format(createdAt);
    expect(moscow).toContain(`${hhmm('Europe/Moscow')} Moscow Time`);
    expect(moscow).not.toContain('UTC');

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL('**/desk/settings');
    await checkPage(page, 'settings-en');
    await page.selectOption('#time-zone', 'Asia/Novosibirsk');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/desk\/settings\?saved=1$/);
    expect(await text(page, '[role=status]')).toContain('Novosibirsk');

    await page.goto(`/desk/claims/${id}`);
    expect(await text(page, 'footer')).toContain('Asia/Novosibirsk, GMT+7');
    expect(await text(page, 'dl')).toContain(`${hhmm('Asia/Novosibirsk')} Novosibirsk Time`);

    // The setting is the clerk's: another browser signed in with the same key sees it too.
    const other = await (
      await deskContext(browser, { bypassCSP: true, locale: 'ru-RU' })
    ).newPage();
    await signIn(other, key);
    await other.waitForURL('**/desk/claims');
    await other.goto('/desk/lang/ru?back=%2Fdesk%2Fsettings');
    await other.waitForURL('**/desk/settings');
    expect(await text(other, 'footer')).toContain(
      'Время указано в поясе Новосибирск (Asia/Novosibirsk, GMT+7)',
    );
    await checkPage(other, 'settings-ru');
  });

  it('refuses a zone the runtime does not know, next to the field, and keeps the old one', async () => {
    const { page } = await newClerk();
    await page.goto('/desk/settings');
    // A hand-edited form: the select offers no such zone.
    await page.evaluate(
      "document.querySelector('#time-zone').insertAdjacentHTML('beforeend', '<option value=\"Mars/Olympus\">Mars</option>')",
    );
    await page.selectOption('#time-zone', 'Mars/Olympus');
    const [answer] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith('/desk/settings') && r.request().method() === 'POST',
      ),
      page.getByRole('button', { name: 'Save' }).click(),
    ]);
    expect(answer.status()).toBe(422);
    expect(await text(page, '#time-zone-error')).toContain('Choose a time zone from the list.');
    expect(await page.getAttribute('#time-zone', 'aria-invalid')).toBe('true');
    expect(await text(page, 'footer')).toContain('Europe/Moscow');
    await checkPage(page, 'settings-refused');
  });
});
