/** Texts of the desk's page of webhook endpoints the engine disabled. */
import type { Language } from './lang';
import type { EndpointDisabledReason } from '../../webhooks/notice';

const en = {
  nav: 'Webhooks',
  title: 'Disabled webhook endpoints',
  intro:
    'Endpoints whose shop is no longer told about its claims: they answered 410 Gone, or their deliveries kept failing for 5 days. The shop enables one again with PATCH /v1/webhook-endpoints/{id} and sends what it missed with …/recover.',
  none: 'No endpoint has been disabled in the last 30 days.',
  shop: 'Shop',
  url: 'Address',
  reason: 'Why',
  at: 'Disabled',
  reasons: {
    gone: 'answered 410 Gone',
    failing: 'failing for 5 days',
    manual: 'by the shop',
  } satisfies Record<EndpointDisabledReason, string>,
};

const ru: typeof en = {
  nav: 'Вебхуки',
  title: 'Отключённые адреса вебхуков',
  intro:
    'Адреса, на которые магазин больше не получает события по претензиям: ответили 410 Gone или не принимали доставки 5 дней. Магазин включает адрес снова через PATCH /v1/webhook-endpoints/{id} и досылает пропущенное через …/recover.',
  none: 'За последние 30 дней ни один адрес не отключён.',
  shop: 'Магазин',
  url: 'Адрес',
  reason: 'Причина',
  at: 'Отключён',
  reasons: {
    gone: 'ответил 410 Gone',
    failing: 'ошибки 5 дней',
    manual: 'магазином',
  },
};

/** The page's texts for a language. */
export const webhooksFor = (lang: Language): typeof en => (lang === 'ru' ? ru : en);
