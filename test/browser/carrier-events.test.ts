/**
 * Issue 22 on the desk: the order page says, for each event, the carrier's own words beside
 * ours and where the event came from (API, CDEK hook, reconciliation, sandbox), and the
 * shipment's header the carrier's latest words; the page of a shop's unmatched carrier events
 * lists them, or says what they are when there are none. English and Russian, axe-clean, no
 * wider than 1366 px, no code shown raw.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ShipmentEvent } from '../../src/domain/shipment';
import { createShipmentService } from '../../src/services/shipments';
import {
  checkPage,
  clerkPage,
  deskContext,
  isoDay,
  launchChromium,
  uniqueWaybill,
} from './browser';
import { api, lateShipmentFacts, putLateOrder, testStorage } from './seed';

const stamp = Date.now();
const ORDER = `O-CE-${stamp}`;
const SHIPMENT = `S-CE-${stamp}`;
const waybill = uniqueWaybill();
const EMPTY_SHOP = `no-unmatched-${stamp}`;
/** One more than the desk's page of unmatched events holds (20). */
const UNMATCHED = 21;
const unmatchedWaybill = (i: number) => `UM${stamp}${String(i).padStart(2, '0')}`;

/** CDEK's ORDER_STATUS webhook (API v2, "Webhooks"), for a parcel no order names. */
const orderStatus = (i: number) => ({
  type: 'ORDER_STATUS',
  date_time: `${isoDay(-1)}T10:${String(i).padStart(2, '0')}:00+0700`,
  uuid: crypto.randomUUID(),
  attributes: {
    is_return: false,
    cdek_number: unmatchedWaybill(i),
    number: `UM-ORDER-${stamp}-${i}`,
    code: 'ACCEPTED_AT_PICK_UP_POINT',
    status_code: '19',
    status_date_time: `${isoDay(-1)}T10:${String(i).padStart(2, '0')}:00+0700`,
    city_name: 'Новосибирск',
    city_code: '270',
  },
});

/** The shop's CDEK hook, then CDEK's events for parcels the shop has no order for yet. */
async function sendUnmatchedEvents(): Promise<void> {
  const hook = await api('POST', '/v1/carrier-hooks', inject('shopKey'), { carrier: 'cdek' });
  if (hook.status !== 201) throw new Error(`hook not created: ${JSON.stringify(hook.json)}`);
  const path = new URL(hook.json.url as string).pathname;
  for (let i = 0; i < UNMATCHED; i++) {
    const res = await fetch(`${inject('deskUrl')}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(orderStatus(i)),
    });
    if (res.status !== 200) throw new Error(`hook answered ${res.status}: ${await res.text()}`);
  }
}
/** A code as the domain writes it: lower case words joined by `_`. */
const SNAKE_CASE = /\b[a-z]+_[a-z_]+\b/;

/** What CDEK said about the parcel, as its three paths record it. */
const carrierEvents = (): ShipmentEvent[] => [
  {
    eventId: `cdek-${stamp}-1`,
    status: 'problem',
    at: `${isoDay(-8)}T09:00:00+07:00`,
    source: 'cdek_hook',
    problem: { code: '13', name: 'Неверный адрес' },
    cause: 'wrong_address',
  },
  {
    eventId: `cdek-${stamp}-2`,
    status: 'carrier_status',
    at: `${isoDay(-7)}T09:00:00+07:00`,
    source: 'reconciliation',
    carrierStatus: { code: 'IN_CUSTOMS_LOCAL', name: 'Таможенное оформление' },
  },
  {
    eventId: `cdek-${stamp}-3`,
    status: 'awaiting_pickup',
    at: `${isoDay(-6)}T09:00:00+07:00`,
    source: 'sandbox',
    carrierStatus: { code: 'ACCEPTED_AT_PICK_UP_POINT', name: 'Принят в пункте выдачи' },
  },
];

/** Nothing scrolls sideways at 1366 px: not the page, not a table in its frame. */
const fitsTheScreen = (page: Page) =>
  page.evaluate<boolean>(
    `document.documentElement.scrollWidth <= 1366 &&
     [...document.querySelectorAll('.table-wrap')].every((w) => w.scrollWidth <= w.clientWidth)`,
  );
/** Each timeline event: our label, the carrier's words, the source tag (as read aloud). */
const timeline = (page: Page) =>
  page
    .locator('section.shipment ol.timeline li')
    .evaluateAll((items) =>
      items.map((li) =>
        ['.our-label', '.carrier-says', '.source'].map((part) =>
          (li.querySelector(part)?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        ),
      ),
    );
/** Path and query of the page shown (where the language switch comes back to). */
const here = (page: Page) => {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
};
const mainText = (page: Page) => page.locator('main').innerText();

describe('what the carrier said, on the desk', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await putLateOrder(ORDER, [lateShipmentFacts(SHIPMENT, waybill)]);
    // The carrier's paths write through the shipment service, as the Worker's hook does.
    const shipments = createShipmentService({ storage: testStorage(), clock: () => new Date() });
    for (const event of carrierEvents()) {
      await shipments.recordCarrierEvent(inject('shopId'), SHIPMENT, event);
    }
    await sendUnmatchedEvents();
    browser = await launchChromium();
    page = await clerkPage(browser, inject('clerkKey'));
    await page.setViewportSize({ width: 1366, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows each event’s carrier words and source, and the latest beside our status', async () => {
    await page.goto(`/desk/shops/${inject('shopId')}/orders/${ORDER}`);
    const events = page.locator('section.shipment ol.timeline li');
    await expect.poll(() => events.count()).toBe(4);
    expect(await timeline(page)).toEqual([
      ['In transit', '', 'source: API'],
      ['Delivery problem (cause: wrong address)', 'carrier: Неверный адрес', 'source: CDEK hook'],
      ['Carrier status', 'carrier: Таможенное оформление', 'source: reconciliation'],
      ['Awaiting pickup', 'carrier: Принят в пункте выдачи', 'source: sandbox'],
    ]);
    // CDEK's Russian is marked as Russian on the English page.
    expect(await events.nth(1).locator('q').getAttribute('lang')).toBe('ru');
    const status = page.locator('section.shipment dl.facts dd').first();
    expect(await status.textContent()).toBe('Awaiting pickup carrier: Принят в пункте выдачи');
    expect(await mainText(page)).not.toMatch(SNAKE_CASE);
    expect(await fitsTheScreen(page)).toBe(true);
    await checkPage(page, 'carrier-events-order-en');
  });

  it('says it in Russian', async () => {
    const path = `/desk/shops/${inject('shopId')}/orders/${ORDER}`;
    await page.goto(`/desk/lang/ru?back=${encodeURIComponent(path)}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(`Заказ ${ORDER}`);
    expect(await timeline(page)).toEqual([
      ['В пути', '', 'источник: API'],
      [
        'Проблема доставки (причина: неверный адрес)',
        'перевозчик: Неверный адрес',
        'источник: вебхук СДЭК',
      ],
      ['Статус перевозчика', 'перевозчик: Таможенное оформление', 'источник: сверка с СДЭК'],
      ['Ожидает получения', 'перевозчик: Принят в пункте выдачи', 'источник: песочница'],
    ]);
    expect(await page.locator('section.shipment ol.timeline q[lang]').count()).toBe(0);
    expect(await mainText(page)).not.toMatch(SNAKE_CASE);
    expect(await fitsTheScreen(page)).toBe(true);
    await checkPage(page, 'carrier-events-order-ru');
    await page.goto(`/desk/lang/en?back=${encodeURIComponent(path)}`);
  });

  it('lists the shop’s unmatched events, page by page, from the order page’s shop', async () => {
    await page.goto(`/desk/shops/${inject('shopId')}/orders/${ORDER}`);
    await page.getByRole('link', { name: 'unmatched carrier events' }).click();
    await page.waitForURL(`**/desk/shops/${inject('shopId')}/unmatched`);
    const rows = page.locator('table.unmatched tbody tr');
    const first = await rows.allInnerTexts();
    expect(first).toHaveLength(20);
    await page.getByRole('link', { name: 'Next page' }).click();
    await page.waitForURL(/cursor=/);
    const waybills = [...first, ...(await rows.allInnerTexts())].join('\n');
    for (let i = 0; i < UNMATCHED; i++) expect(waybills).toContain(unmatchedWaybill(i));
    await page.goto(`/desk/shops/${inject('shopId')}/unmatched`);
    const cells = await rows.first().locator('th, td').allInnerTexts();
    expect(cells.length).toBe(7);
    expect(cells[1]).toBe('CDEK parcels');
    expect(cells[5]).toContain('Awaiting pickup');
    expect(cells[6]).toBe('No order of the shop names this parcel yet');
    expect(await mainText(page)).not.toMatch(SNAKE_CASE);
    expect(await fitsTheScreen(page)).toBe(true);
    await checkPage(page, 'carrier-events-unmatched-en');
    await page.goto(`/desk/lang/ru?back=${encodeURIComponent(here(page))}`);
    await expect.poll(() => page.locator('h1').textContent()).toContain('Несопоставленные');
    expect(await mainText(page)).toContain('Ни один заказ магазина ещё не называет эту посылку');
    expect(await mainText(page)).not.toMatch(SNAKE_CASE);
    expect(await fitsTheScreen(page)).toBe(true);
    await checkPage(page, 'carrier-events-unmatched-ru');
    await page.goto(`/desk/lang/en?back=${encodeURIComponent('/desk/claims')}`);
  });

  it('shows the first page, and says so, for an edited page link', async () => {
    await page.goto(`/desk/shops/${inject('shopId')}/unmatched?cursor=bm90LWEtY3Vyc29y`);
    expect(await page.locator('p.notice[role="status"]').textContent()).toContain(
      'no longer valid',
    );
    expect(await page.locator('table.unmatched tbody tr').count()).toBe(20);
  });

  it('opens the unmatched pages to a signed-in clerk only; the shop form without a shop goes back', async () => {
    const stranger = await (await deskContext(browser)).newPage();
    for (const path of [`/desk/shops/${inject('shopId')}/unmatched`, '/desk/unmatched?shop=x']) {
      const refused = await stranger.request.get(path, { maxRedirects: 0 });
      expect(refused.status(), path).toBe(303);
      expect(refused.headers().location, path).toMatch(/^\/desk\/sign-in/);
    }
    await stranger.context().close();
    const blank = await page.request.get('/desk/unmatched?shop=+', { maxRedirects: 0 });
    expect(blank.headers().location).toBe('/desk/shipments/late');
    const named = await page.request.get('/desk/unmatched?shop=a%2Fb', { maxRedirects: 0 });
    expect(named.headers().location).toBe('/desk/shops/a%2Fb/unmatched');
  });

  it('says what unmatched events are when a shop has none, reached from the late queue', async () => {
    await page.goto('/desk/shipments/late');
    await page.getByLabel('Shop id').fill(EMPTY_SHOP);
    await page.getByRole('button', { name: 'Unmatched carrier events' }).click();
    await page.waitForURL(`**/desk/shops/${EMPTY_SHOP}/unmatched`);
    expect(await page.locator('h1').textContent()).toBe(
      `Unmatched carrier events of shop ${EMPTY_SHOP}`,
    );
    expect(await page.locator('p.empty').textContent()).toContain('No unmatched carrier events');
    expect(await page.locator('table').count()).toBe(0);
    await checkPage(page, 'carrier-events-unmatched-empty-en');
    await page.goto(`/desk/lang/ru?back=${encodeURIComponent(here(page))}`);
    await expect.poll(() => page.locator('p.empty').textContent()).toContain('Несопоставленных');
    await checkPage(page, 'carrier-events-unmatched-empty-ru');
    await page.goto(`/desk/lang/en?back=${encodeURIComponent('/desk/claims')}`);
  });

  it('applies a kept event once an order brings its waybill: from the CDEK hook, on the order', async () => {
    const [order, shipment] = [`O-CE-KEPT-${stamp}`, `S-CE-KEPT-${stamp}`];
    await putLateOrder(order, [lateShipmentFacts(shipment, unmatchedWaybill(0))]);
    const orderPath = `/desk/shops/${inject('shopId')}/orders/${order}`;
    await expect
      .poll(async () => {
        await page.goto(orderPath);
        return timeline(page);
      })
      .toContainEqual([
        'Awaiting pickup',
        'carrier: Принят на склад до востребования',
        'source: CDEK hook',
      ]);
    await page.goto(`/desk/shops/${inject('shopId')}/unmatched`);
    expect(await page.locator('table.unmatched').textContent()).not.toContain(unmatchedWaybill(0));
  });
});
