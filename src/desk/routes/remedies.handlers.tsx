/**
 * The claim page's remedies: an offer form and the customer's answer,
 * each the API's call (same schema, same service, same conditional write); the
 * desk turns the outcome into a redirect, or the page with the reason beside the field.
 */
import type { Context } from 'hono';
import { domainIssues, inLanguage } from '../forms/field-errors';
import {
  REMEDY_ANSWERS,
  remedyFieldFor,
  RemedyFormError,
  remedyOffer,
  type RemedyAnswerPath,
} from '../forms/remedy-form';
import type { RemediesModel } from '../views/claim/remedies';
import type { Claim } from '../../domain/claim';
import { DomainError } from '../../domain/errors';
import type { DeskEnv } from './desk-env';
import { CLAIM_ID, claimPage, formStrings } from './claim.handlers';
import { renderError } from './render';

type C = Context<DeskEnv>;

/** What the last remedy step came to, for the page. */
export type RemedyOutcome = Omit<RemediesModel, 'remedies' | 'limits'>;

const DONE = ['offered', 'accepted', 'declined'] as const;

/** `?remedy=offered` after a redirect: the notice to show. */
export const remedyDone = (value: string | undefined): RemediesModel['done'] =>
  DONE.find((done) => done === value);

/** The section's model: the claim's remedies and its shop's limits (the claim is visible). */
export async function remediesOf(
  c: C,
  claim: Claim,
  outcome: RemedyOutcome | undefined,
): Promise<RemediesModel> {
  const [list, profile] = await Promise.all([
    c.var.services.remedies.ofClaim(c.var.principal, claim),
    c.var.services.shops.find(claim.shopId),
  ]);
  return { remedies: list, limits: profile?.remedyLimits, ...outcome };
}

/**
 * POST /desk/claims/:id/remedies: an offer. Success redirects to the claim (303);
 * a field the API would refuse is a 422 page with the error beside the field,
 * a withdrawn claim a 409.
 *
 * @example deskRouter.post('/desk/claims/:id/remedies', offerRemedy);
 */
export async function offerRemedy(c: C) {
  const id = c.req.param('id') ?? '';
  if (!CLAIM_ID.test(id)) return renderError(c, 'notFound');
  const values = formStrings(await c.req.parseBody());
  const { claims, remedies } = c.var.services;
  const lang = c.get('lang');
  try {
    const claim = await claims.get(c.var.principal, id);
    const offer = remedyOffer(values, claim.compensation.amount.currency);
    await remedies.offer(c.var.principal, id, offer);
  } catch (error) {
    const issues =
      error instanceof RemedyFormError
        ? error.issues
        : error instanceof DomainError && error.code !== 'not-found'
          ? domainIssues(error, remedyFieldFor)
          : undefined;
    if (!issues) throw error;
    const status = error instanceof DomainError && error.code === 'claim-cancelled' ? 409 : 422;
    const failed = { values, errors: inLanguage(lang, issues) };
    return claimPage(c, id, { remedies: { failed } }, status);
  }
  return c.redirect(`/desk/claims/${id}?remedy=offered#remedies`, 303);
}

/**
 * POST /desk/claims/:id/remedies/:remedyId/accept|decline: the customer's answer.
 * An answer already recorded is a 409 page saying so.
 *
 * @example deskRouter.post('/desk/claims/:id/remedies/:remedyId/:answer', answerRemedy);
 */
export async function answerRemedy(c: C) {
  const id = c.req.param('id') ?? '';
  const remedyId = c.req.param('remedyId') ?? '';
  const answer = c.req.param('answer') ?? '';
  if (
    !CLAIM_ID.test(id) ||
    !/^rm_[1-9]\d{0,5}$/.test(remedyId) ||
    !Object.hasOwn(REMEDY_ANSWERS, answer)
  ) {
    return renderError(c, 'notFound');
  }
  const status = REMEDY_ANSWERS[answer as RemedyAnswerPath];
  try {
    await c.var.services.remedies.answer(c.var.principal, id, remedyId, status);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'remedy-settled') {
      return claimPage(c, id, { remedies: { settled: true } }, 409);
    }
    if (error instanceof DomainError && error.code === 'claim-cancelled') {
      return claimPage(c, id, { refused: true }, 409);
    }
    throw error;
  }
  return c.redirect(`/desk/claims/${id}?remedy=${status}#remedies`, 303);
}
