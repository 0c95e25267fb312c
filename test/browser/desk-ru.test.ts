/**
 * The desk, in Russian (issue 21), in Chromium: a B2B order whose shipment was rescheduled
 * and re-measured, a claim filed from it, moved to payment by a clerk with a name. No code
 * shows raw on the order or the claim page; a refused field says why beside itself, in the
 * page's language, and the page lands on it; «1 000,00» and «500,00» are amounts; the
 * decision and the payment name the clerk; the claim links its order and is marked B2B.
 * axe 0 in both languages.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateApiKey, hashApiKey } from '../../src/storage/api-keys';
import { checkPage, deskContext, isoDay, launchChromium, signIn, uniqueWaybill } from './browser';
import { api, testStorage } from './seed';

const ORDER = `O-RU-${Date.now()}`;
const SHIPMENT = `S-RU-${Date.now()}`;
const CLERK = 'Ольга Смирнова';
const ORDER_PATH = `/desk/shops/${inject('shopId')}/orders/${ORDER}`;
/** A code as the domain writes it: lower-case words joined by `_`. */
const SNAKE_CASE = /\b[a-z]+_[a-z_]+\b/g;

/** Text with Intl's (narrow) no-break spaces and runs of blanks as one plain space. */
const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().innerText()) ?? '').replace(/\s+/g, ' ').trim();
const focused = (page: Page) => page.evaluate<string>('document.activeElement?.id ?? ""');
/** Whether the focused element is wholly in the viewport (no scrolling needed to see it). */
const focusedInView = (page: Page) =>
  page.evaluate<boolean>(
    '(() => { const r = document.activeElement.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; })()',
  );
const inLanguage = async (page: Page, lang: 'en' | 'ru', path: string) => {
  await page.goto(`/desk/lang/${lang}?back=${encodeURIComponent(path)}`);
  await page.waitForURL(`**${path}`);
};
/** Records a payment of `amount` (as typed) with the form's button (its name in the page's language). */
async function pay(page: Page, amount: string, button: string) {
  await page.locator('#payment-amount').fill(amount);
  await page.locator('#payment-reference').fill('PP-000123');
  await page.getByRole('button', { name: button }).click();
}

/** The page's main text has no raw code, in either language; axe finds nothing in either. */
async function noCodesInBothLanguages(page: Page, path: string, name: string) {
  for (const lang of ['en', 'ru'] as const) {
    await inLanguage(page, lang, path);
    expect((await text(page, 'main')).match(SNAKE_CASE), `${name} (${lang})`).toBeNull();
    await checkPage(page, `${name}-${lang}`);
  }
}

describe('the desk, in Russian', () => {
  let browser: Browser;
  let page: Page;
  let claimPath = '';

  beforeAll(async () => {
    const shopKey = inject('shopKey');
    const put = await api('PUT', `/v1/orders/${ORDER}`, shopKey, {
      placedAt: `${isoDay(-12)}T10:00:00+03:00`,
      customer: { name: 'ООО «Ромашка»', email: 'buy@romashka.example', phone: '+7 900 000-11-22' },
      b2b: true,
      shipments: [
        {
          shipmentId: SHIPMENT,
          carrier: 'cdek',
          waybill: uniqueWaybill(),
          packages: [{ lengthCm: '40', widthCm: '30', heightCm: '20', weightKg: '2.5' }],
          packaging: [{ item: 'crate_m' }],
          deliveryCost: { amount: '500.00', currency: 'RUB' },
          deliveryPaid: true,
          shippedDate: isoDay(-10),
          promisedDate: isoDay(-6),
        },
      ],
    });
    expect(put.status, JSON.stringify(put.json)).toBe(201);
    const events = [
      { eventId: 'e1', status: 'in_transit', at: `${isoDay(-9)}T08:00:00Z` },
      {
        eventId: 'e2',
        status: 'rescheduled',
        at: `${isoDay(-7)}T08:00:00Z`,
        promisedDate: isoDay(-4),
        reason: 'courier_late',
      },
      {
        eventId: 'e3',
        status: 'remeasured',
        at: `${isoDay(-6)}T08:00:00Z`,
        packages: [{ lengthCm: '50', widthCm: '40', heightCm: '30', weightKg: '2.5' }],
        charged: { amount: '650.00', currency: 'RUB' },
      },
    ];
    for (const event of events) {
      const sent = await api('POST', `/v1/shipments/${SHIPMENT}/events`, shopKey, event);
      expect(sent.status, JSON.stringify(sent.json)).toBe(200);
    }
    // A clerk of this file's own, with a name on the key.
    const { keyId, key } = generateApiKey();
    await testStorage().apiKeys.create({
      keyId,
      secretHash: await hashApiKey(key),
      role: 'clerk',
      displayName: CLERK,
      createdAt: new Date().toISOString(),
    });
    browser = await launchChromium();
    page = await (await deskContext(browser, { bypassCSP: true })).newPage();
    await signIn(page, key);
    await page.waitForURL('**/desk/claims');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the order with every code by its name: the delay’s cause, the weight basis, the packaging', async () => {
    await noCodesInBothLanguages(page, ORDER_PATH, 'ru-01-order');
    const shipment = await text(page, 'section.shipment');
    expect(shipment).toContain('(опоздал курьер)');
    expect(shipment).toMatch(/\((объёмный|фактический)\)/);
    expect(shipment).toContain('Упаковка: ');
    expect(shipment).not.toContain('courier_late');
    expect(shipment).not.toContain('volumetric');
  });

  it('refuses an ambiguous documented amount beside its field, in Russian, and lands on it', async () => {
    await page.getByLabel('Вид претензии').selectOption('lost');
    await page.getByLabel('Что случилось').fill('Посылка не пришла, трекинг стоит.');
    await page.getByLabel(/Подтверждённая сумма/).fill('1.234,50');
    await page.getByRole('button', { name: 'Рассчитать сумму' }).click();
    const error = `#${SHIPMENT}-documented-error`;
    await page.locator(error).waitFor();
    expect(await text(page, error)).toContain('можно прочесть двояко');
    expect(await focused(page)).toBe(`${SHIPMENT}-documented`);
    expect(await focusedInView(page)).toBe(true);
    expect(await page.locator(`#${SHIPMENT}-documented`).inputValue()).toBe('1.234,50');
    await checkPage(page, 'ru-02-shipment-claim-refused');
  });

  it('files the claim with «2 500,00» documented; it links its order and is marked B2B', async () => {
    await page.getByLabel(/Подтверждённая сумма/).fill('2 500,00');
    await page.getByRole('button', { name: 'Рассчитать сумму' }).click();
    await page.getByRole('button', { name: 'Подать претензию' }).click();
    await page.waitForURL(/\/desk\/claims\/clm_[0-9a-f]{32}\?done=filed$/);
    claimPath = new URL(page.url()).pathname;
    expect(await text(page, '#claim-b2b')).toBe(
      'B2B: организация (официальный тон, неустойка по договору)',
    );
    expect(await page.locator('#claim-order').getAttribute('href')).toBe(ORDER_PATH);
    expect(await text(page, '#claim-order')).toBe(ORDER);
  });

  it('takes the claim through review and a request for information, in Russian', async () => {
    await page.getByRole('button', { name: 'Взять на рассмотрение' }).click();
    await page.locator('#claim-status', { hasText: 'На рассмотрении' }).waitFor();
    await page.locator('#needs-info-reason').fill('Пришлите счёт на вложение.');
    await page.getByRole('button', { name: 'Запросить сведения' }).click();
    await page.locator('#claim-status', { hasText: 'Нужны сведения' }).waitFor();
    const id = claimPath.split('/').pop() ?? '';
    const added = await api('POST', `/v1/claims/${id}/evidence`, inject('shopKey'), {
      evidence: [{ kind: 'proof_of_value', name: 'invoice.pdf' }],
    });
    expect(added.status, JSON.stringify(added.json)).toBe(200);
    await page.reload();
    expect(await text(page, '#history')).toContain(
      'поступили новые документы, претензия снова на рассмотрении',
    );
    expect(await text(page, '#history')).not.toContain('evidence added');
  });

  it('approves «1 000,00» in part; the payment comes prefilled the Russian way', async () => {
    await page.locator('#partial-amount').fill('1 000,00');
    await page.locator('#partial-reason').fill('Подтверждена часть вложения.');
    await page.getByRole('button', { name: 'Удовлетворить частично' }).click();
    await page.locator('#claim-status', { hasText: 'Удовлетворена частично' }).waitFor();
    expect(await page.locator('#payment-amount').inputValue()).toBe('1000,00');
    expect(await text(page, '#outcome-title + dl')).toContain(CLERK);
    expect(await text(page, '#outcome-title + dl')).not.toMatch(/^clerk:|, clerk:/);
  });

  it('refuses a payment above the approved amount beside the amount, with the maximum the Russian way, and lands on it', async () => {
    await pay(page, '1 500,00', 'Записать выплату');
    await page.locator('#payment-amount-error').waitFor();
    expect(await text(page, '#payment-amount-error')).toBe(
      'Ошибка: больше одобренной суммы: можно не больше 1 000,00 ₽',
    );
    expect(await page.locator('#payment-amount').getAttribute('aria-invalid')).toBe('true');
    expect(await focused(page)).toBe('payment-amount');
    expect(await focusedInView(page)).toBe(true);
    expect(await page.locator('#payment-amount').inputValue()).toBe('1 500,00');
    await checkPage(page, 'ru-03-payment-refused-ru');
  });

  it('says the same refusal in English, the maximum the English way', async () => {
    await inLanguage(page, 'en', claimPath);
    await pay(page, '1500.00', 'Record payment');
    await page.locator('#payment-amount-error').waitFor();
    expect(await text(page, '#payment-amount-error')).toBe(
      'Error: amount must be above 0 and at most the approved RUB 1,000.00',
    );
    expect(await focused(page)).toBe('payment-amount');
    await checkPage(page, 'ru-04-payment-refused-en');
  });

  it('pays «500,00» on a Russian page; the outcome and the history say who and the reference in Russian', async () => {
    await inLanguage(page, 'ru', claimPath);
    await pay(page, '500,00', 'Записать выплату');
    await page.locator('#claim-status', { hasText: 'Выплачено' }).waitFor();
    const outcome = await text(page, '#outcome-title ~ dl:last-of-type');
    expect(outcome).toContain('500,00 ₽');
    expect(outcome).toContain(CLERK);
    const history = await text(page, '#history');
    expect(history).toContain('номер платежа PP-000123');
    expect(history).not.toContain('reference PP-000123');
    expect(history).toContain(CLERK);
    await noCodesInBothLanguages(page, claimPath, 'ru-05-claim-paid');
  });

  it('says in the letter that the customer is a business', async () => {
    await page.goto(`${claimPath}/letter?lang=ru`);
    expect(await text(page, '#letter-customer')).toBe(
      'ООО «Ромашка», юридическое лицо (заказ B2B)',
    );
    await checkPage(page, 'ru-06-letter');
    await page.getByRole('link', { name: 'Вернуться к претензии' }).click();
    await page.getByRole('link', { name: ORDER }).click();
    await page.waitForURL(`**${ORDER_PATH}`);
  });
});
