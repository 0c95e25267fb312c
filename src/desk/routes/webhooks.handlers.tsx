/**
 * The webhook endpoints the delivery engine disabled (410 Gone, 5 days failing), for the
 * clerk who takes the shop's call about missing events.
 */
import type { Context } from 'hono';
import { WebhookNoticesPage } from '../views/webhook-notices';
import type { DeskEnv } from './desk-env';
import { pathOf, renderPage } from './render';

/** Notices the page lists at most. */
const SHOWN = 100;

/**
 * GET /desk/webhooks.
 *
 * @example deskRouter.get('/desk/webhooks', webhookNotices);
 */
export async function webhookNotices(c: Context<DeskEnv>) {
  const notices = await c.var.services.webhookEndpoints.notices(SHOWN);
  return renderPage(
    c,
    <WebhookNoticesPage
      lang={c.get('lang')}
      path={pathOf(c)}
      csrf={c.get('csrf')}
      notices={notices}
    />,
  );
}
