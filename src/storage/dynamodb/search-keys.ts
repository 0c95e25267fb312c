/**
 * The search index keys of a claim item (see the design comment in
 * ../table.ts), and the attribute "assigned to me" filters on.
 */
import type { Claim } from '../../domain/claim';
import { searchValues, type SearchField } from '../claim-search';
import { INDEX_PARTITIONS, INDEXES, type IndexName } from '../table';

/** The index each searched field is read from. */
export const SEARCH_INDEX = {
  name: 'searchName',
  phone: 'searchPhone',
  orderId: 'searchOrder',
  waybill: 'searchWaybill',
} as const satisfies Record<SearchField, IndexName>;

/**
 * A copy of `assignee.id` beside the document, for the "assigned to me" filter; removed
 * with the assignment (an update removes what the new claim has no value for).
 */
export const ASSIGNEE_ATTRIBUTE = 'assigneeId';

/**
 * The search keys of a claim: per field it has a value for, the index partition and
 * `<value>#<created>` (created = `<createdAt>#<id>`, unique), plus the assignee copy.
 *
 * @example claimSearchKeys(claim, '2025-03-01T10:00:00.000Z#clm_1').nameSk // 'анна петрова#2025-…#clm_1'
 */
export function claimSearchKeys(claim: Claim, created: string): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const [field, value] of Object.entries(searchValues(claim))) {
    const index = INDEXES[SEARCH_INDEX[field as SearchField]];
    if (value === '') continue;
    keys[index.pk] = INDEX_PARTITIONS[SEARCH_INDEX[field as SearchField]]();
    keys[index.sk] = `${value}#${created}`;
  }
  if (claim.assignee !== undefined) keys[ASSIGNEE_ATTRIBUTE] = claim.assignee.id;
  return keys;
}
