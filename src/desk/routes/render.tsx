import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { ErrorPage, type DeskErrorKind } from '../views/error-page';
import { NavCounts, SignedInClerk } from '../views/layout';
import { DeskTimeZone } from '../views/parts/instant';
import { DEFAULT_TIME_ZONE, timeZoneLabel } from '../../format';
import type { DeskEnv } from './desk-env';

/**
 * Who the header names: the signed-in clerk's display name, else the actor id
 * history records (`clerk:<keyId>`); undefined before sign-in.
 *
 * @example signedInClerk(c) // 'Demo Clerk'
 */
export function signedInClerk(c: Context<DeskEnv>): string | undefined {
  const session = c.get('session');
  return c.get('clerkName') ?? (session ? `clerk:${session.keyId}` : undefined);
}

/**
 * The signed-in clerk's zone (the default before sign-in), named in the page's language. An
 * error page renders even where the app's dependencies were never set (its name then as of
 * the Worker's own clock): the error handler's page must not fail in turn.
 */
function timeZoneOf(c: Context<DeskEnv>): { zone: string; label: string } {
  const zone = c.get('timeZone') ?? DEFAULT_TIME_ZONE;
  const deps: DeskEnv['Variables']['deps'] | undefined = c.get('deps');
  const now = deps?.clock() ?? new Date();
  return { zone, label: timeZoneLabel(c.get('lang') ?? 'en', zone, now) };
}

/** What the navigation counts: claims waiting for their customer's acknowledgement. */
export interface NavFigures {
  unacknowledged?: number | undefined;
}

/**
 * The navigation's figures for a signed-in clerk's page: every shop's counters (one
 * BatchGetItem of the shards, kept off the request path by the claim-change consumer).
 * None on an error page or before sign-in, and none when the read fails: the page is
 * answered without the count, never refused for it.
 */
async function navFigures(c: Context<DeskEnv>, status: number): Promise<NavFigures> {
  if (status >= 400 || c.get('session') === undefined) return {};
  try {
    const { unacknowledged } = await c.var.services.casework.counts(c.var.principal);
    return { unacknowledged };
  } catch {
    return {};
  }
}

/**
 * An HTML page answer, with its doctype (and the signed-in clerk and the navigation's count
 * for the header; `nav` when the handler has read the count already).
 *
 * @example return renderPage(c, <QueuePage {...model} />);
 */
export async function renderPage(
  c: Context<DeskEnv>,
  page: JSX.Element,
  status: ContentfulStatusCode = 200,
  nav?: NavFigures,
): Promise<Response> {
  const figures = nav ?? (await navFigures(c, status));
  const framed = (
    <SignedInClerk.Provider value={signedInClerk(c)}>
      <DeskTimeZone.Provider value={timeZoneOf(c)}>
        <NavCounts.Provider value={figures}>{page}</NavCounts.Provider>
      </DeskTimeZone.Provider>
    </SignedInClerk.Provider>
  );
  return c.html(`<!doctype html>${String(await framed)}`, status);
}

const STATUS: Record<DeskErrorKind, ContentfulStatusCode> = {
  notFound: 404,
  forbidden: 403,
  tooLarge: 413,
  unavailable: 503,
  recordTooLarge: 422,
  internal: 500,
  deskOff: 503,
};

/**
 * The path and query of the request (what the language switch returns to).
 *
 * @example pathOf(c) // '/desk/claims?waybill=123'
 */
export const pathOf = (c: Context): string => {
  const url = new URL(c.req.url);
  return url.pathname + url.search;
};

/**
 * The error page of a kind, with its status.
 *
 * @example return renderError(c, 'forbidden'); // 403
 */
export function renderError(c: Context<DeskEnv>, kind: DeskErrorKind): Promise<Response> {
  const page = (
    <ErrorPage
      lang={c.get('lang') ?? 'en'}
      kind={kind}
      path={c.req.method === 'GET' ? pathOf(c) : '/desk/claims'}
      requestId={c.get('requestId')}
      csrf={kind === 'deskOff' ? undefined : c.get('csrf')}
    />
  );
  return renderPage(c, page, STATUS[kind]);
}
