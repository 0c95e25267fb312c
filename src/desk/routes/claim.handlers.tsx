/**
 * The claim page and its move forms. A move is the API's: same schema, same
 * domain call, same conditional write; the desk only turns the outcome into a
 * page (a redirect on success, the page with the reason otherwise).
 */
import type { Context } from 'hono';
import { carrierName } from '../carriers';
import { domainIssues, fieldFor, inLanguage } from '../field-errors';
import type { Language } from '../i18n/lang';
import {
  asClerkMove,
  clerkMoves,
  MOVE_FIELDS,
  MoveFormError,
  moveChange,
  type ClerkMove,
} from '../moves';
import { isOverdue } from '../queue-query';
import { shipmentFacts } from '../shipment-facts';
import { ClaimStateError } from '../../domain/claim';
import { DomainError } from '../../domain/errors';
import { ClaimPage, type ClaimPageProps } from '../views/claim/claim-page';
import { loadVisible, timeOf } from '../../routes/claims/claims.service';
import { applyAtVersion, StaleClaimError } from './apply-at-version';
import { appContext, type DeskEnv } from './desk-env';
import { renderError, renderPage } from './render';

type C = Context<DeskEnv>;
type Outcome = Pick<ClaimPageProps, 'done' | 'conflictSeen' | 'refused' | 'failed'>;

const CLAIM_ID = /^clm_[0-9a-f]{32}$/;

async function claimPage(c: C, id: string, outcome: Outcome, status: 200 | 409 | 422 = 200) {
  const app = appContext(c);
  const claim = await loadVisible(app, id);
  const history = await c.get('deps').storage.claims.history(id);
  const { today } = timeOf(app);
  const lang = c.get('lang');
  const page = (
    <ClaimPage
      lang={lang}
      path={`/desk/claims/${id}`}
      csrf={c.get('csrf')}
      claim={claim}
      history={history}
      carrier={carrierName(claim.carrier, lang)}
      overdue={isOverdue(claim, today)}
      facts={shipmentFacts(claim.shipment)}
      moves={clerkMoves(claim.status)}
      today={today}
      {...outcome}
    />
  );
  return renderPage(c, page, status);
}

/**
 * GET /desk/claims/:id (with ?done=<step> after a successful move).
 *
 * @example deskRouter.get('/desk/claims/:id', showClaim);
 */
export function showClaim(c: C) {
  const id = c.req.param('id') ?? '';
  if (!CLAIM_ID.test(id)) return renderError(c, 'notFound');
  const done = c.req.query('done');
  return claimPage(c, id, { done: done === 'filed' ? 'filed' : asClerkMove(done) });
}

const formStrings = (body: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );

/**
 * POST /desk/claims/:id/moves/:move: success redirects to the claim (303);
 * a stale page or refused move is 409, an invalid field 422, with the page.
 *
 * @example deskRouter.post('/desk/claims/:id/moves/:move', moveClaim);
 */
export async function moveClaim(c: C) {
  const id = c.req.param('id') ?? '';
  const move = asClerkMove(c.req.param('move'));
  if (!CLAIM_ID.test(id) || !move) return renderError(c, 'notFound');
  const values = formStrings(await c.req.parseBody());
  const seen = /^\d{1,9}$/.test(values.version ?? '') ? Number(values.version) : 0;
  try {
    await applyAtVersion(appContext(c), id, seen, (claim, ctx) =>
      moveChange(move, values, claim.compensation.amount.currency)(claim, ctx),
    );
  } catch (error) {
    const outcome = outcomeOf(error, move, values, c.get('lang'));
    if (!outcome) throw error;
    return claimPage(c, id, outcome.page, outcome.status);
  }
  return c.redirect(`/desk/claims/${id}?done=${move}`, 303);
}

/** A refused move as what the page says about it; undefined for a real failure. */
function outcomeOf(
  error: unknown,
  move: ClerkMove,
  values: Record<string, string>,
  lang: Language,
) {
  if (error instanceof StaleClaimError)
    return { page: { conflictSeen: error.seenVersion }, status: 409 as const };
  if (error instanceof ClaimStateError) return { page: { refused: true }, status: 409 as const };
  const issues =
    error instanceof MoveFormError
      ? error.issues
      : error instanceof DomainError
        ? domainIssues(error, (path) => fieldFor(path, MOVE_FIELDS[move]))
        : undefined;
  if (!issues) return undefined;
  return {
    page: { failed: { move, values, errors: inLanguage(lang, issues) } },
    status: 422 as const,
  };
}
