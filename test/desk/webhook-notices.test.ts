import { describe, expect, it } from 'vitest';
import { WebhookNoticesPage } from '../../src/desk/views/webhook-notices';
import type { WebhookNotice } from '../../src/webhooks/notice';

const notice: WebhookNotice = {
  shopId: 'demo-shop',
  endpointId: `we_${'a'.repeat(32)}`,
  url: 'https://shop.example.com/hooks',
  reason: 'failing',
  at: '2026-12-07T06:00:00.000Z',
};

const render = async (lang: 'en' | 'ru', notices: WebhookNotice[]) =>
  String(await WebhookNoticesPage({ lang, path: '/desk/webhooks', csrf: 't', notices }));

describe('the desk’s disabled webhook endpoints', () => {
  it('lists each with its shop, address, reason and time, in English and Russian', async () => {
    const en = await render('en', [notice, { ...notice, reason: 'gone' }]);
    expect(en).toContain('Disabled webhook endpoints');
    expect(en).toContain('https://shop.example.com/hooks');
    expect(en).toContain('failing for 5 days');
    expect(en).toContain('answered 410 Gone');
    expect(en).toContain('datetime="2026-12-07T06:00:00.000Z"');
    const ru = await render('ru', [notice]);
    expect(ru).toContain('Отключённые адреса вебхуков');
    expect(ru).toContain('ошибки 5 дней');
  });

  it('says so when none was disabled', async () => {
    expect(await render('ru', [])).toContain('ни один адрес не отключён');
  });
});
