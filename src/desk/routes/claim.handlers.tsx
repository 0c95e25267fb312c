/**
 * The claim page and its move forms. A move is the API's: same schema, same
 * domain call, same conditional write; the desk only turns the outcome into a
 * page (a redirect on success, the page with the reason otherwise).
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { carrierName } from '../../domain/policies';
import { domainIssues, fieldFor, inLanguage, type FieldIssues } from '../forms/field-errors';
import type { Language } from '../i18n/lang';
import {
  asClerkMove,
  clerkMoves,
  MOVE_FIELDS,
  MoveFormError,
  moveCommand,
  type ClerkMove,
} from '../forms/move-form';
import { isOverdue } from '../forms/queue-query';
import { shipmentFacts } from '../views/parts/shipment-facts';
import { ClaimPage, type ClaimPageProps } from '../views/claim/claim-page';
import type { CaseworkModel } from '../views/claim/casework';
import { StaleVersionError } from '../../domain/claim';
import type { EvidenceFile } from '../../services/evidence-files';
import type { DeskEnv } from './desk-env';
import { deskRefusal } from './desk-errors';
import { renderError, renderPage } from './render';
import { remediesOf, remedyDone, type RemedyOutcome } from './remedies.handlers';

type C = Context<DeskEnv>;
export type Outcome = Pick<
  ClaimPageProps,
  | 'done'
  | 'conflictSeen'
  | 'refused'
  | 'failed'
  | 'attached'
  | 'fileRefused'
  | 'sent'
  | 'causeRefused'
> & { remedies?: RemedyOutcome; casework?: Omit<CaseworkModel, 'notes' | 'me'> };

export const CLAIM_ID = /^clm_[0-9a-f]{32}$/;

/** The claim's files for its page; none to show (undefined) when file storage is off. */
async function filesOf(c: C, id: string): Promise<EvidenceFile[] | undefined> {
  if (!c.env?.EVIDENCE_FILES) return undefined;
  return await c.var.services.evidenceFiles(c.env.EVIDENCE_FILES).list(c.var.principal, id);
}

/** The claim page, with what the clerk's last step came to. */
export async function claimPage(
  c: C,
  id: string,
  outcome: Outcome,
  status: ContentfulStatusCode = 200,
) {
  const { claims } = c.var.services;
  const lang = c.get('lang');
  const [claim, history, files, messages, notes] = await Promise.all([
    claims.get(c.var.principal, id),
    claims.history(c.var.principal, id),
    filesOf(c, id),
    c.var.services.messages.forClaim(c.var.principal, id, lang),
    c.var.services.casework.notes(c.var.principal, id),
  ]);
  const remedies = await remediesOf(c, claim, outcome.remedies);
  const today = claims.today();
  const me = c.get('clerkName');
  const known = new Map(me === undefined ? [] : [[c.var.principal.keyId, me]]);
  // The history's actors, and whoever decided and paid (a clerk key, named the same way).
  const recorded = [claim.decision?.decidedBy, claim.payment?.recordedBy].flatMap((id) =>
    id === undefined ? [] : [{ role: 'clerk' as const, id }],
  );
  const actors = [...history.map((event) => event.actor), ...recorded];
  const actorNames = await c.var.services.clerkNames.names(actors, known);
  const page = (
    <ClaimPage
      lang={lang}
      path={`/desk/claims/${id}`}
      csrf={c.get('csrf')}
      claim={claim}
      history={history}
      actorNames={actorNames}
      carrier={carrierName(claim.carrier, lang)}
      overdue={isOverdue(claim, today)}
      facts={shipmentFacts(claim.shipment)}
      moves={clerkMoves(claim.status)}
      today={today}
      files={files}
      messages={messages}
      {...outcome}
      remedies={remedies}
      casework={{ ...outcome.casework, notes, me: c.var.principal.keyId }}
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
  // The query's name stays `workday`: a desk URL is a contract, the code's name is not.
  const caseworkDone = c.req.query('workday');
  return claimPage(c, id, {
    done: done === 'filed' ? 'filed' : asClerkMove(done),
    attached: c.req.query('attached'),
    sent: c.req.query('sent'),
    remedies: { done: remedyDone(c.req.query('remedy')) },

    casework: { done: asCaseworkDone(caseworkDone) },
  });
}

const asCaseworkDone = (value: string | undefined): CaseworkModel['done'] =>
  value === 'assigned' || value === 'unassigned' || value === 'noted' ? value : undefined;

export const formStrings = (body: Record<string, unknown>): Record<string, string> =>
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
  const { claims } = c.var.services;
  try {
    const claim = await claims.get(c.var.principal, id);
    // A stale page is said first, whatever its form holds (the service checks it again on write).
    if (claim.version !== seen) throw new StaleVersionError(seen, claim.version);
    const command = moveCommand(move, values, claim.compensation.amount.currency);
    await claims.move(c.var.principal, id, command, { expectedVersion: seen });
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
  const failed = (issues: FieldIssues) => ({
    page: { failed: { move, values, errors: inLanguage(lang, issues) } },
    status: 422 as const,
  });
  if (error instanceof MoveFormError) return failed(error.issues);
  const refusal = deskRefusal(error);
  if (!refusal) return undefined;
  if ('staleSeen' in refusal)
    return { page: { conflictSeen: refusal.staleSeen }, status: 409 as const };
  if ('refused' in refusal) return { page: { refused: true }, status: 409 as const };
  if ('field' in refusal) {
    return failed(domainIssues(refusal.field, (path) => fieldFor(path, MOVE_FIELDS[move])));
  }
  return undefined;
}
