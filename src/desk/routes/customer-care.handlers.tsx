/**
 * Customer care on the desk: the queue of customers still waiting for their
 * acknowledgement, and "Mark as sent" for a claim's messages. Both are the API's
 * service calls; the desk only turns them into pages.
 */
import type { Context } from 'hono';
import { UnacknowledgedQueuePage } from '../views/unacknowledged-queue';
import { CLAIM_ID } from './claim.handlers';
import type { DeskEnv } from './desk-env';
import { deskRefusal } from './desk-errors';
import { pathOf, renderError, renderPage } from './render';

type C = Context<DeskEnv>;
const PAGE_SIZE = 20;
const MESSAGE_IDS: ReadonlySet<string> = new Set(['ack', 'decision', 'payment']);

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
  let page;
  try {
    page = await list(cursor);
  } catch (error) {
    // An edited or foreign cursor: the first page.
    const refusal = deskRefusal(error);
    if (!refusal || !('badCursor' in refusal)) throw error;
    page = await list(undefined);
  }
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

/**
 * POST /desk/claims/:id/messages/:messageId/sent: records it (the first time stays) and
 * returns to the claim's messages (303).
 *
 * @example deskRouter.post('/desk/claims/:id/messages/:messageId/sent', markMessageSent);
 */
export async function markMessageSent(c: C) {
  const id = c.req.param('id') ?? '';
  const messageId = c.req.param('messageId') ?? '';
  if (!CLAIM_ID.test(id) || !MESSAGE_IDS.has(messageId)) return renderError(c, 'notFound');
  await c.var.services.messages.markSent(c.var.principal, id, messageId, c.get('lang'));
  return c.redirect(`/desk/claims/${id}?sent=${messageId}#messages`, 303);
}
