import type { Context } from 'hono';
import { carrierName } from '../../desk/carriers';
import {
  isOverdue,
  pageHref,
  QUEUE_PAGE_SIZE,
  queueFilter,
  QueueQuerySchema,
  withoutBlanks,
} from '../../desk/queue-query';
import type { Claim } from '../../domain/claim';
import { InvalidCursorError, type ClaimFilter } from '../../storage/repository';
import { QueuePage, type QueueRow } from '../../views/queue';
import { timeOf } from '../claims/claims.service';
import { appContext, type DeskEnv } from './desk-env';
import { pathOf, renderPage } from './render';

type C = Context<DeskEnv>;

async function listPage(c: C, filter: ClaimFilter, cursor: string | undefined) {
  const claims = c.get('deps').storage.claims;
  const first = { limit: QUEUE_PAGE_SIZE, caller: c.get('principal').keyId };
  try {
    return {
      page: await claims.list(filter, { ...first, ...(cursor ? { cursor } : {}) }),
      badCursor: false,
    };
  } catch (error) {
    // A cursor from other filters (an edited URL): the first page, and say so.
    if (!(error instanceof InvalidCursorError)) throw error;
    return { page: await claims.list(filter, first), badCursor: true };
  }
}

const toRow = (claim: Claim, c: C, today: string): QueueRow => ({
  id: claim.id,
  waybill: claim.waybill,
  type: claim.type,
  carrier: carrierName(claim.carrier, c.get('lang')),
  status: claim.status,
  amount: claim.compensation.amount,
  createdAt: claim.createdAt,
  answerDueBy: claim.answerDueBy,
  overdue: isOverdue(claim, today),
  shopId: claim.shopId,
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
  const { today } = timeOf(appContext(c));
  const { page, badCursor } = await listPage(c, queueFilter(valid, today), valid.cursor);
  const page1 = valid.cursor ? pageHref(query) : undefined;
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
    />,
  );
}
