/**
 * The claim page's casework forms: "assign to me" / "unassign" (conditioned
 * on the version the page showed, like a move) and a new internal note.
 */
import type { Context } from 'hono';
import { NOTE_MAX_LENGTH } from '../../services/casework';
import { CLAIM_ID, claimPage, formStrings } from './claim.handlers';
import type { DeskEnv } from './desk-env';
import { deskRefusal } from './desk-errors';
import { renderError } from './render';

type C = Context<DeskEnv>;

/**
 * POST /desk/claims/:id/assignee (`action` assign | unassign, `version`): 303 to the claim;
 * a stale page is 409 with the page.
 *
 * @example deskRouter.post('/desk/claims/:id/assignee', assignee);
 */
export async function assignee(c: C) {
  const id = c.req.param('id') ?? '';
  if (!CLAIM_ID.test(id)) return renderError(c, 'notFound');
  const values = formStrings(await c.req.parseBody());
  const seen = /^\d{1,9}$/.test(values.version ?? '') ? Number(values.version) : 0;
  const { casework } = c.var.services;
  const unassign = values.action === 'unassign';
  try {
    const options = { expectedVersion: seen };
    if (unassign) await casework.unassign(c.var.principal, id, options);
    else await casework.assign(c.var.principal, id, options);
  } catch (error) {
    const refusal = deskRefusal(error);
    if (!refusal || !('staleSeen' in refusal)) throw error;
    return claimPage(c, id, { conflictSeen: seen }, 409);
  }
  return c.redirect(`/desk/claims/${id}?workday=${unassign ? 'unassigned' : 'assigned'}`, 303);
}

/**
 * POST /desk/claims/:id/notes (`text`): 303 to the claim; an empty or too long note is 422
 * with the page and what was typed.
 *
 * @example deskRouter.post('/desk/claims/:id/notes', addNote);
 */
export async function addNote(c: C) {
  const id = c.req.param('id') ?? '';
  if (!CLAIM_ID.test(id)) return renderError(c, 'notFound');
  const text = formStrings(await c.req.parseBody()).text ?? '';
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > NOTE_MAX_LENGTH) {
    return claimPage(c, id, { casework: { refusedNote: text } }, 422);
  }
  await c.var.services.casework.addNote(c.var.principal, id, trimmed);
  return c.redirect(`/desk/claims/${id}?workday=noted#notes-title`, 303);
}
