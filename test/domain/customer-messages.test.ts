import { describe, expect, it } from 'vitest';
import { getCalendar } from '../../src/domain/calendar';
import { fileClaim, type Claim } from '../../src/domain/claim';
import { prepareClaim, type ClaimFiling } from '../../src/domain/claim/filing';
import { resolvePolicy } from '../../src/domain/policies';
import { claimMessages } from '../../src/messages/claim-messages';
import { delayNotice, type LateShipmentFacts } from '../../src/messages/delay-notice';
import { dailyPenalty } from '../../src/messages/parts';

const cdek = resolvePolicy('cdek');
const rub = (amount: string) => ({ amount, currency: 'RUB' as const });
const AT = '2025-03-20T09:00:00.000Z';

function lateClaim(b2b: boolean): Claim {
  const filing: ClaimFiling = {
    type: 'late',
    carrier: 'cdek',
    waybill: '1234567890',
    shippedDate: '2025-03-07',
    shipment: {
      deliveryCost: rub('500.00'),
      promisedDate: '2025-03-11',
      deliveredDate: '2025-03-18',
    },
    claimant: { name: 'Anna Petrova', email: 'anna@example.com', phone: '+7 900 000-00-00' },
    description: 'Late',
    evidence: [],
    ...(b2b ? { b2b: true } : {}),
  };
  const ctx = {
    policy: cdek,
    calendar: getCalendar('RU'),
    shopId: 'shop-1',
    today: '2025-03-20',
    at: AT,
  };
  return fileClaim(prepareClaim(filing, ctx), {
    id: 'clm_1',
    at: AT,
    by: { role: 'shop', id: 'k' },
  }).claim;
}

const late = (over: Partial<LateShipmentFacts> = {}): LateShipmentFacts => ({
  shipmentId: 'S-1',
  orderId: '1001',
  carrier: 'cdek',
  waybill: '1234567890',
  customerName: 'Anna Petrova',
  b2b: false,
  promisedDate: '2025-03-11',
  deliveryCost: rub('500.00'),
  ...over,
});
const paragraphs = (text: string) => text.split('\n\n');

describe('the per-day penalty of a B2B contract', () => {
  it('is the late policy’s rate of the delivery cost, rounded half-up to kopecks', () => {
    expect(dailyPenalty(cdek, rub('500.00'))).toEqual({
      percent: '3',
      perDay: rub('15.00'),
      dayBasis: 'business',
    });
    expect(dailyPenalty(cdek, rub('333.50')).perDay).toEqual(rub('10.01'));
    expect(dailyPenalty(resolvePolicy('russian-post'), rub('500.00')).dayBasis).toBe('calendar');
  });
});

describe('claim drafts: the tone follows the order', () => {
  it('writes a consumer plainly, by name, with no contract penalty', () => {
    for (const lang of ['ru', 'en'] as const) {
      const [ack] = claimMessages(lateClaim(false), { lang, shopName: 'Romashka' });
      expect(paragraphs(ack!.text)[0]).toBe(
        lang === 'ru' ? 'Здравствуйте, Anna Petrova!' : 'Dear Anna Petrova,',
      );
      expect(ack!.text).not.toMatch(/неустойк|penalty/);
    }
  });

  it('writes a B2B customer formally and states the penalty: 3 % a business day, 15.00 RUB a day', () => {
    const [ru] = claimMessages(lateClaim(true), { lang: 'ru', shopName: 'ООО «Ромашка»' });
    expect(paragraphs(ru!.text)[0]).toBe('Уважаемые господа!');
    expect(ru!.subject).toBe('Претензия зарегистрирована: отправление 1234567890');
    expect(ru!.text).toContain('3\u00a0% стоимости доставки');
    expect(ru!.text).toContain('за каждый рабочий день просрочки');
    expect(ru!.text).toContain('15,00\u00a0₽ в день');
    expect(ru!.text).not.toContain('Здравствуйте');
    // A Russian date ends with its own point: no sentence ends twice.
    expect(ru!.text).not.toContain('..');
    const [en] = claimMessages(lateClaim(true), { lang: 'en', shopName: 'Romashka LLC' });
    expect(paragraphs(en!.text)[0]).toBe('Dear Sirs or Madams,');
    expect(en!.text).toContain(
      'a penalty of 3\u00a0% of the delivery cost accrues for each business day of delay',
    );
    expect(en!.text).toContain('RUB\u00a015.00 per day');
    expect(en!.text.endsWith('Yours faithfully,\nRomashka LLC')).toBe(true);
  });
});

describe('the delay notice of a late shipment', () => {
  it('gives the reschedule’s reason and its new date, and the three options', () => {
    const facts = late({ rescheduled: { reason: 'courier_late', promisedDate: '2025-03-14' } });
    const en = delayNotice(facts, { lang: 'en', shopName: 'Romashka' });
    expect(en).toMatchObject({ id: 'delay', kind: 'delay_notice' });
    expect(en.subject).toBe('Your order 1001 (waybill 1234567890) is late');
    const [greeting, problem, reason, done, options, amends, closing] = paragraphs(en.text);
    expect(greeting).toBe('Dear Anna Petrova,');
    expect(problem).toContain('we promised it by 11 March 2025');
    expect(problem).toContain('We are sorry');
    expect(reason).toBe(
      'The reason: the courier of the delivery service, CDEK parcels, fell behind schedule.',
    );
    expect(done).toContain('The new delivery date is 14 March 2025');
    expect(options).toMatch(
      /pick the parcel up in person.*meet the courier.*buy the goods elsewhere/,
    );
    expect(amends).toContain('reply to this message');
    expect(closing).toBe('Kind regards,\nRomashka');
    const ru = delayNotice(facts, { lang: 'ru', shopName: 'Ромашка' });
    expect(ru.text).toContain(
      'Причина: курьер службы доставки «Посылки СДЭК» не успел по графику.',
    );
    expect(ru.text).toContain('Новая дата доставки — 14 марта 2025');
    expect(ru.text).toMatch(
      /забрать посылку самостоятельно.*встретить курьера.*купить товар в другом месте/,
    );
  });

  it('without a reschedule, says it asked the carrier for the date rather than inventing one', () => {
    const en = delayNotice(late({ waybill: undefined }), { lang: 'en', shopName: 'Romashka' });
    expect(en.subject).toBe('Your order 1001 is late');
    expect(en.text).toContain('We have asked CDEK parcels for the new date');
    expect(en.text).not.toContain('new delivery date is');
    const ru = delayNotice(late(), { lang: 'ru', shopName: 'Ромашка' });
    expect(ru.text).toContain('Мы запросили у «Посылки СДЭК» новую дату');
  });

  it('for a supplier’s delay names the supplier, not the carrier', () => {
    const facts = late({ rescheduled: { reason: 'supplier_late', promisedDate: '2025-03-15' } });
    expect(delayNotice(facts, { lang: 'en', shopName: 'R' }).text).toContain(
      'our supplier delivered the goods to us late',
    );
  });

  it('to a B2B customer is formal and states the contractual penalty per day', () => {
    const facts = late({ b2b: true, deliveryCost: rub('1000.00') });
    const ru = delayNotice(facts, { lang: 'ru', shopName: 'ООО «Ромашка»' });
    expect(paragraphs(ru.text)[0]).toBe('Уважаемые господа!');
    expect(ru.subject).toBe(
      'Уведомление о задержке поставки: заказ № 1001 по накладной 1234567890',
    );
    expect(ru.text).toContain('30,00\u00a0₽ в день');
    expect(ru.text).not.toMatch(/Здравствуйте|ответьте/);
    expect(ru.text).toContain('согласованный срок, 11 марта 2025 г., истёк.');
    const en = delayNotice(facts, { lang: 'en', shopName: 'Romashka LLC' });
    expect(en.subject).toBe('Notice of delay: order 1001 (waybill 1234567890)');
    expect(en.text).toContain('RUB\u00a030.00 per day');
    expect(en.text).toContain('procure the goods elsewhere');
  });
});
