/**
 * The desk's page of a shop's unmatched carrier events (issue 22): the carrier-events
 * service's listing (`listUnmatched`) turned into a page, and the late queue's small form
 * that names a shop.
 */
import type { Context } from 'hono';
import { carrierName } from '../../domain/policies';
import { UnmatchedEventsPage, unmatchedHref } from '../views/unmatched-events';
import type { DeskEnv } from './desk-env';
import { firstPageIfBadCursor } from './desk-errors';
import { pathOf, renderPage } from './render';

type C = Context<DeskEnv>;
const PAGE_SIZE = 20;

/**
 * GET /desk/shops/:shopId/unmatched: the shop's carrier events no shipment took yet.
 * @example deskRouter.get('/desk/shops/:shopId/unmatched', unmatchedEvents);
 */
export async function unmatchedEvents(c: C) {
  const shopId = c.req.param('shopId') ?? '';
  const cursor = c.req.query('cursor') || undefined;
  const list = (from: string | undefined) =>
    c.var.services.carrierEvents.listUnmatched(c.var.principal, {
      shopId,
      limit: PAGE_SIZE,
      ...(from === undefined ? {} : { cursor: from }),
    });
  // An edited or foreign cursor: the first page, and say so.
  const { page, restarted } = await firstPageIfBadCursor(list, cursor);
  const next = page.nextCursor
    ? `${unmatchedHref(shopId)}?cursor=${encodeURIComponent(page.nextCursor)}`
    : undefined;
  const lang = c.get('lang');
  return renderPage(
    c,
    <UnmatchedEventsPage
      lang={lang}
      path={pathOf(c)}
      csrf={c.get('csrf')}
      shopId={shopId}
      events={page.items}
      carrierName={(id) => carrierName(id, lang)}
      nextHref={next}
      badCursor={restarted}
    />,
  );
}

/**
 * GET /desk/unmatched?shop=…: the named shop's page (303); no shop named, the late queue
 * the form is on.
 * @example deskRouter.get('/desk/unmatched', findShop);
 */
export function findShop(c: C) {
  const shopId = (c.req.query('shop') ?? '').trim();
  return c.redirect(shopId ? unmatchedHref(shopId) : '/desk/shipments/late', 303);
}
