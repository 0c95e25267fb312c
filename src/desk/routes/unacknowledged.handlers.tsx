/**
 * The desk's unacknowledged queue: customers still waiting for their acknowledgement,
 * the API's listing (`unacknowledged: true`) turned into a page.
 */
import type { Context } from 'hono';
import { UnacknowledgedQueuePage } from '../views/unacknowledged-queue';
import type { DeskEnv } from './desk-env';
import { firstPageIfBadCursor } from './desk-errors';
import { pathOf, renderPage } from './render';

type C = Context<DeskEnv>;
const PAGE_SIZE = 20;

/**
 * GET /desk/unacknowledged: every shop's claims past acknowledgeBy, the longest overdue first.
 *
 * @example deskRouter.get('/desk/unacknowledged', unacknowledgedQueue);
 */
export async function unacknowledgedQueue(c: C) {
  const cursor = c.req.query('cursor') || undefined;
  const list = (from: string | undefined) =>
    c.var.services.claims.list(c.var.principal, {
      unacknowledged: true,
      limit: PAGE_SIZE,
      cursor: from,
    });
  // An edited or foreign cursor: the first page.
  const { page } = await firstPageIfBadCursor(list, cursor);
  const next = page.nextCursor
    ? `/desk/unacknowledged?cursor=${encodeURIComponent(page.nextCursor)}`
    : undefined;
  return renderPage(
    c,
    <UnacknowledgedQueuePage
      lang={c.get('lang')}
      path={pathOf(c)}
      csrf={c.get('csrf')}
      claims={page.items}
      now={c.var.deps.clock().toISOString()}
      nextHref={next}
    />,
  );
}
