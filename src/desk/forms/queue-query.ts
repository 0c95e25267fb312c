/**
 * The queue's GET query: the API's list filters (same schema, so the desk
 * cannot filter on anything the API does not), plus the order. Only filters
 * go in the URL; a waybill is not personal data.
 */
import { z } from '@hono/zod-openapi';
import { isFinalStatus, type Claim } from '../../domain/claim';
import { ClaimListQuerySchema } from '../../schemas/claim.schema';
import { CLAIM_SORTS, type ClaimListQuery } from '../../services/claims';
import type { ClaimSearchQuery } from '../../services/casework';

export const QUEUE_PAGE_SIZE = 20;

/**
 * @example QueueQuerySchema.parse({ overdue: 'true' }) // { overdue: 'true', sort: 'newest' }
 */
export const QueueQuerySchema = ClaimListQuerySchema.omit({
  limit: true,
  unacknowledged: true,
  assignee: true,
}).extend({
  sort: z.enum(CLAIM_SORTS).default('newest'),
  /** "Only claims assigned to me". */
  mine: z.enum(['true', 'false']).optional(),
});
export type QueueQuery = z.infer<typeof QueueQuerySchema>;

/**
 * The query without empty values: an untouched select posts "" for "any".
 *
 * @example withoutBlanks({ status: '', waybill: 'W1' }) // { waybill: 'W1' }
 */
export const withoutBlanks = (query: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(query).filter(([, v]) => v.trim() !== ''));

/**
 * The claim service's list query for a queue query (one page of the queue); `me` is the
 * signed-in clerk's key id, for "assigned to me".
 *
 * @example queueListQuery({ sort: 'due', overdue: 'false' }, 'k1') // { sort: 'due', overdue: false, limit: 20 }
 */
export function queueListQuery(query: QueueQuery, me: string): ClaimSearchQuery | ClaimListQuery {
  const { overdue, mine, q, in: where, ...rest } = query;
  const list = {
    ...rest,
    overdue: overdue === 'true',
    limit: QUEUE_PAGE_SIZE,
    ...(mine === 'true' ? { assigneeId: me } : {}),
  };
  return q === undefined ? list : { ...list, q, in: where };
}

/**
 * Whole days from today to the answer date: negative once it has passed.
 *
 * @example daysLeft('2025-06-20', '2025-06-16') // 4
 */
export const daysLeft = (answerDueBy: string, today: string): number =>
  Math.round((Date.parse(answerDueBy.slice(0, 10)) - Date.parse(today)) / 86_400_000);

/**
 * Open and past its answer date: the same rule as the repository's overdue listing.
 *
 * @example isOverdue({ status: 'in_review', answerDueBy: '2025-06-01' }, '2025-06-16') // true
 */
export const isOverdue = (claim: Pick<Claim, 'status' | 'answerDueBy'>, today: string): boolean =>
  !isFinalStatus(claim.status) && claim.answerDueBy.slice(0, 10) < today;

/**
 * The link to a page of the same query (the cursor replaced).
 *
 * @example pageHref({ waybill: 'W1' }, 'eyJ…') // '/desk/claims?waybill=W1&cursor=eyJ…'
 */
export function pageHref(query: Record<string, string>, cursor?: string): string {
  const { cursor: _old, ...rest } = query;
  const params = new URLSearchParams({ ...rest, ...(cursor ? { cursor } : {}) });
  const text = params.toString();
  return text ? `/desk/claims?${text}` : '/desk/claims';
}
