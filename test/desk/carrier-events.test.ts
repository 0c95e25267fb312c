/**
 * Issue 22 on the desk: each shipment event says our label, the carrier's own words beside it
 * (marked Russian on an English page) and where it came from; a problem says its cause by
 * name; the page of a shop's unmatched events says each reason in words, or what such events
 * are when there are none.
 */
import { describe, expect, it } from 'vitest';
import type { ShipmentEvent } from '../../src/domain/shipment';
import { carrierEventsFor, reasonOf } from '../../src/desk/i18n/carrier-events';
import type { Language } from '../../src/desk/i18n/lang';
import {
  carrierWordsOf,
  EventItem,
  latestCarrierWords,
  textLanguage,
} from '../../src/desk/views/parts/carrier-event';
import { UnmatchedEventsPage, type UnmatchedRow } from '../../src/desk/views/unmatched-events';

const AT = '2025-03-10T10:00:00+07:00';
const delivered: ShipmentEvent = {
  eventId: 'e1',
  status: 'delivered',
  at: AT,
  source: 'cdek_hook',
  carrierStatus: { code: 'DELIVERED', name: 'Вручен' },
};
const problem: ShipmentEvent = {
  eventId: 'e2',
  status: 'problem',
  at: AT,
  source: 'reconciliation',
  problem: { code: '11', name: 'Неверный адрес' },
  cause: 'wrong_address',
};
const unknown: ShipmentEvent = {
  eventId: 'e3',
  status: 'carrier_status',
  at: AT,
  source: 'sandbox',
  carrierStatus: { code: 'IN_CUSTOMS_LOCAL' },
};
const refused: ShipmentEvent = { eventId: 'e4', status: 'not_delivered', at: AT };

const item = async (event: ShipmentEvent, lang: Language) =>
  String(await EventItem({ event, lang }));
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
const SNAKE_CASE = /\b[a-z]+_[a-z_]+\b/;

describe('a shipment event on the desk', () => {
  it.each([
    ['en', delivered, ['Delivered', 'carrier:', 'Вручен', 'CDEK hook']],
    ['ru', delivered, ['Доставлен', 'перевозчик:', 'Вручен', 'вебхук СДЭК']],
    [
      'en',
      problem,
      ['Delivery problem (cause: wrong address)', 'Неверный адрес', 'reconciliation'],
    ],
    ['ru', problem, ['Проблема доставки (причина: неверный адрес)', 'сверка с СДЭК']],
    ['en', unknown, ['Carrier status', 'IN_CUSTOMS_LOCAL', 'sandbox']],
    ['ru', unknown, ['Статус перевозчика', 'песочница']],
    ['en', refused, ['Refused by the recipient', 'API']],
    ['ru', refused, ['Получатель отказался', 'API']],
  ] as const)('in %s: %o says %o', async (lang, event, says) => {
    const shown = text(await item(event, lang));
    for (const words of says) expect(shown).toContain(words);
    expect(shown).not.toMatch(SNAKE_CASE);
  });

  it('marks CDEK’s Russian as Russian on an English page only', async () => {
    expect(await item(delivered, 'en')).toContain('<q lang="ru">Вручен</q>');
    expect(await item(delivered, 'ru')).toContain('<q>Вручен</q>');
    expect(textLanguage('Вручен', 'en')).toBe('ru');
    expect(textLanguage('Delivered', 'ru')).toBe('en');
    expect(textLanguage('11', 'ru')).toBeUndefined();
  });

  it('says an event without a source came through the API, and one with no carrier words has none', async () => {
    const html = await item(refused, 'en');
    expect(html).toContain('source-api');
    expect(html).not.toContain('carrier-says');
    expect(carrierWordsOf(refused)).toEqual([]);
  });

  it('says a problem’s own text and the carrier status once each', () => {
    const both: ShipmentEvent = {
      ...problem,
      carrierStatus: { code: 'DELIV_PROBLEM', name: 'Неверный адрес' },
    };
    expect(carrierWordsOf(both)).toEqual(['Неверный адрес']);
    expect(carrierWordsOf({ ...problem, problem: { code: '11' } })).toEqual(['11']);
  });

  it('takes the header’s carrier words from the latest event in time, not in arrival', () => {
    const earlier: ShipmentEvent = {
      eventId: 'e0',
      status: 'in_transit',
      at: '2025-03-09T10:00:00+07:00',
      carrierStatus: { code: 'ACCEPTED_AT_TRANSIT_WAREHOUSE', name: 'Принят на склад транзита' },
    };
    expect(latestCarrierWords([delivered, earlier, refused])).toEqual(['Вручен']);
    expect(latestCarrierWords([refused])).toEqual([]);
  });
});

describe('the unmatched events of a shop', () => {
  const row: UnmatchedRow = {
    eventId: 'u1',
    carrier: 'cdek',
    waybill: '1106207236',
    receivedAt: '2025-03-10T03:00:00Z',
    reason: 'no_shipment',
    event: delivered,
  };
  const page = async (lang: Language, events: UnmatchedRow[]) =>
    String(
      await UnmatchedEventsPage({
        lang,
        path: '/desk/shops/s1/unmatched',
        csrf: 't',
        shopId: 's1',
        events,
        carrierName: (id) => (id === 'cdek' ? 'CDEK' : id),
      }),
    );

  it('says each reason in words, a refusal with its detail', () => {
    expect(reasonOf('no_shipment')).toEqual({ reason: 'no_shipment' });
    expect(reasonOf('refused: the shipment has 200 events')).toEqual({
      reason: 'refused',
      detail: 'the shipment has 200 events',
    });
    // As the carrier-events service writes it: `refused: <code>: <message>`; the code left out.
    const cap =
      'refused: invalid-input: past 200 only a final status (delivered, not_delivered) is recorded';
    expect(reasonOf(cap)).toEqual({
      reason: 'refused',
      detail: 'past 200 only a final status (delivered, refused by the recipient) is recorded',
    });
    expect(reasonOf('refused: too_early')).toEqual({ reason: 'refused' });
    expect(reasonOf('something_new').reason).toBeUndefined();
  });

  it.each(['en', 'ru'] as const)('lists each event in %s, no code shown raw', async (lang) => {
    const m = carrierEventsFor(lang);
    const shown = text(await page(lang, [row, { ...row, eventId: 'u2', reason: 'ambiguous' }]));
    expect(shown).toContain('1106207236');
    expect(shown).toContain('Вручен');
    expect(shown).toContain(m.reasons.no_shipment);
    expect(shown).toContain(m.reasons.ambiguous);
    expect(shown).toContain(m.sources.cdek_hook);
    expect(shown).not.toMatch(SNAKE_CASE);
  });

  it.each(['en', 'ru'] as const)(
    'says what unmatched events are when there are none (%s)',
    async (lang) => {
      const html = await page(lang, []);
      expect(html).toContain(carrierEventsFor(lang).unmatchedEmpty);
      expect(html).toContain(carrierEventsFor(lang).unmatchedIntro);
      expect(html).not.toContain('<table');
    },
  );
});
