/**
 * The analytics dashboard (GET /desk/analytics), its CSV (GET /desk/analytics.csv) and the
 * claim page's cause form (POST /desk/claims/:id/cause): the API's schema and services,
 * answered as a page, a file or a redirect.
 */
import type { Context } from 'hono';
import { addDays } from '../../domain/calendar/dates';
import { CLAIM_CAUSES, StaleVersionError, type ClaimCause } from '../../domain/claim';
import { AnalyticsQuerySchema } from '../../schemas/analytics.schema';
import type { AnalyticsQuery } from '../../services/analytics';
import { analyticsCsv, analyticsCsvName } from '../export/analytics-csv';
import { AnalyticsPage } from '../views/analytics/analytics-page';
import { CLAIM_ID, claimPage } from './claim.handlers';
import type { DeskEnv } from './desk-env';
import { renderError, renderPage } from './render';

type C = Context<DeskEnv>;

/** The query asked for, else (with why) the last 30 days by month. */
function queryOf(c: C): { query: AnalyticsQuery; refused?: string } {
  const to = c.var.services.claims.today();
  const fallback: AnalyticsQuery = {
    from: addDays(to, -29),
    to,
    groupBy: 'carrier',
    currency: 'RUB',
  };
  const parsed = AnalyticsQuerySchema.safeParse({ ...fallback, ...c.req.query() });
  if (parsed.success) return { query: parsed.data };
  const refused = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  return { query: fallback, refused };
}

const hrefOf = (base: string, query: AnalyticsQuery) =>
  `${base}?${new URLSearchParams({ from: query.from, to: query.to, groupBy: query.groupBy, currency: query.currency }).toString()}`;

/**
 * GET /desk/analytics: every shop's figures for the range (default: the last 30 days).
 * @example deskRouter.get('/desk/analytics', analyticsDashboard);
 */
export async function analyticsDashboard(c: C) {
  const { query, refused } = queryOf(c);
  const report = await c.var.services.analytics.report(c.var.principal, query);
  const page = (
    <AnalyticsPage
      lang={c.get('lang')}
      path={hrefOf('/desk/analytics', query)}
      csrf={c.get('csrf')}
      report={report}
      asOf={report.asOf}
      csvHref={hrefOf('/desk/analytics.csv', query)}
      refused={refused}
    />
  );
  return renderPage(c, page, refused ? 422 : 200);
}

/**
 * GET /desk/analytics.csv: the dashboard's table as a file.
 * @example deskRouter.get('/desk/analytics.csv', analyticsCsvFile);
 */
export async function analyticsCsvFile(c: C) {
  const { query } = queryOf(c);
  const report = await c.var.services.analytics.report(c.var.principal, query);
  return c.body(analyticsCsv(report), 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${analyticsCsvName(report)}"`,
  });
}

const isCause = (value: unknown): value is ClaimCause =>
  typeof value === 'string' && (CLAIM_CAUSES as readonly string[]).includes(value);

/**
 * POST /desk/claims/:id/cause: the clerk's new cause over the version the page showed; a
 * stale page is 409 with the page saying so.
 * @example deskRouter.post('/desk/claims/:id/cause', setCause);
 */
export async function setCause(c: C) {
  const id = c.req.param('id') ?? '';
  if (!CLAIM_ID.test(id)) return renderError(c, 'notFound');
  const body = await c.req.parseBody();
  const seen = /^\d{1,9}$/.test(String(body.version ?? '')) ? Number(body.version) : 0;
  if (!isCause(body.cause)) return claimPage(c, id, { causeRefused: true }, 422);
  try {
    await c.var.services.claims.move(
      c.var.principal,
      id,
      { type: 'changeCause', cause: body.cause },
      { expectedVersion: seen },
    );
  } catch (error) {
    if (!(error instanceof StaleVersionError)) throw error;
    return claimPage(c, id, { conflictSeen: seen }, 409);
  }
  return c.redirect(`/desk/claims/${id}#cause`, 303);
}
