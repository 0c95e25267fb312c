import type { Context } from 'hono';
import { carrierName } from '../../domain/policies';
import { isFinalStatus } from '../../domain/claim';
import {
  daysLeft,
  isOverdue,
  pageHref,
  queueListQuery,
  QueueQuerySchema,
  type QueueQuery,
  withoutBlanks,
} from '../forms/queue-query';
import type { ClaimSummary } from '../../storage/repository';
import { QueuePage, type QueueRow } from '../views/queue';
import type { DeskEnv } from './desk-env';
import { firstPageIfBadCursor } from './desk-errors';
import { pathOf, renderPage } from './render';

type C = Context<DeskEnv>;

async function listPage(c: C, query: QueueQuery) {
  const { claims, casework } = c.var.services;
  const listQuery = queueListQuery(query, c.var.principal.keyId);
  const read = (q: typeof listQuery) =>
    'q' in q ? casework.search(c.var.principal, q) : claims.list(c.var.principal, q);
  // A cursor from other filters (an edited URL): the first page, and say so.
  const { page, restarted } = await firstPageIfBadCursor(
    (cursor) => read({ ...listQuery, cursor }),
    listQuery.cursor,
  );
  return { page, badCursor: restarted };
}

const toRow = (claim: ClaimSummary, c: C, today: string): QueueRow => ({
  id: claim.id,
  waybill: claim.waybill,
  customer: claim.claimant.name,
  type: claim.type,
  carrier: carrierName(claim.carrier, c.get('lang')),
  status: claim.status,
  amount: claim.compensation.amount,
  createdAt: claim.createdAt,
  answerDueBy: claim.answerDueBy,
  overdue: isOverdue(claim, today),
  shopId: claim.shopId,
  assignee: claim.assignee?.name,
  daysLeft: isFinalStatus(claim.status) ? undefined : daysLeft(claim.answerDueBy, today),
});

/**
 * GET /desk/claims: the queue. A refused filter is named and dropped, not a dead end.
 *
 * @example deskRouter.get('/desk/claims', queue);
 */
export async function queue(c: C) {
  let query = withoutBlanks(c.req.query());
  const parsed = QueueQuerySchema.safeParse(query);
  const invalid = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${String(issue.path[0] ?? '')}: ${issue.message}`);
  if (!parsed.success) {
    const refused = new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? '')));
    query = Object.fromEntries(Object.entries(query).filter(([name]) => !refused.has(name)));
  }
  const valid = QueueQuerySchema.parse(query);
  const today = c.var.services.claims.today();
  const [{ page, badCursor }, { counts, asOf, unacknowledged }] = await Promise.all([
    listPage(c, valid),
    c.var.services.casework.counts(c.var.principal, valid.shopId),
  ]);
  const page1 = valid.cursor ? pageHref(query) : undefined;
  // Every shop's counters, read for the tabs, carry the navigation's count too: no second read.
  const nav = valid.shopId === undefined ? { unacknowledged } : undefined;
  return renderPage(
    c,
    <QueuePage
      lang={c.get('lang')}
      path={pathOf(c)}
      csrf={c.get('csrf')}
      query={query}
      rows={page.items.map((claim) => toRow(claim, c, today))}
      nextHref={page.nextCursor ? pageHref(query, page.nextCursor) : undefined}
      firstHref={page1}
      badCursor={badCursor}
      invalid={invalid}
      counts={counts}
      countsAsOf={asOf}
    />,
    200,
    nav,
  );
}
