/**
 * A claim's messages to the customer on the desk: "Mark as sent", the API's service call
 * turned into a redirect back to the claim's messages.
 */
import type { Context } from 'hono';
import { CLAIM_ID } from './claim.handlers';
import type { DeskEnv } from './desk-env';
import { renderError } from './render';

type C = Context<DeskEnv>;
const MESSAGE_IDS: ReadonlySet<string> = new Set(['ack', 'decision', 'payment']);

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
