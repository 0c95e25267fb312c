/**
 * A claim's search entries: two small items in its partition, written by the claim-change
 * consumer, each carrying two fields in two index pairs (a shop's view, gsi1/gsi3; its
 * clerk-wide sharded twin, gsi2/gsi4):
 *   SEARCH#CLAIMANT  name  SHOP#<s>#NAME / NAME#<shard>      `<name>#<created>`
 *                    phone SHOP#<s>#PHONE / PHONE#<shard>    `<phone, digits last first>#<created>`
 *   SEARCH#REF       order SHOP#<s>#ORDER / ORDER#<shard>    `<ORDER>#<created>` (only with an order id)
 *                    waybill SHOP#<s>#WAYBILL / WAYBILL#<shard> `<WAYBILL>#<created>`
 * created = `<createdAt>#<id>` (unique). Values are normalised as ../claim-search.ts says
 * (not URI-encoded: a search reads a prefix range, then checks each claim again). The claim
 * listings (./claim-list.ts) read exactly these formats. A claim's searched fields do not
 * change, but the normalisation may (issue 19 removed the spaces from names): the consumer
 * compares each stored entry (`searchEntryOf`) with what the claim gives now and rewrites it
 * when they differ (./tally-repository.ts `writeSearch`).
 */
import type { Claim } from '../../domain/claim';
import { searchValues } from '../claim-search';
import type { Item } from './codec';
import { INDEX_KEY_ATTRIBUTES } from '../table';
import {
  CLAIM_VIEWS,
  createdSort,
  indexKeys,
  searchClaimantKey,
  searchReferenceKey,
  type ClaimView,
} from './keys';

type SearchView = Extract<ClaimView, 'name' | 'phone' | 'orderId' | 'waybill'>;

export const SEARCH_ENTITY = 'SEARCH';

/**
 * Every attribute of a search entry but its key (all strings): what is compared with what
 * the claim gives now, and what a rewrite is conditioned on.
 */
export const SEARCH_ATTRIBUTES: readonly string[] = ['entity', 'shopId', ...INDEX_KEY_ATTRIBUTES];

/** The two search entries of a claim. */
export type SearchKind = 'claimant' | 'reference';
export const SEARCH_KINDS: readonly SearchKind[] = ['claimant', 'reference'];
/** @example searchKeyOf.claimant('clm_1') // { pk: { S: 'CLAIM#clm_1' }, sk: { S: 'SEARCH#CLAIMANT' } } */
export const searchKeyOf: Record<SearchKind, (claimId: string) => Item> = {
  claimant: searchClaimantKey,
  reference: searchReferenceKey,
};

/**
 * A stored (or built) search entry's attributes, name → value, for comparing.
 *
 * @example searchEntryOf(item) // { entity: 'SEARCH', shopId: 's1', gsi1pk: 'SHOP#s1#NAME', … }
 */
export function searchEntryOf(item: Item): Record<string, string> {
  const entry: Record<string, string> = {};
  for (const name of SEARCH_ATTRIBUTES) {
    const value = item[name]?.S;
    if (value !== undefined) entry[name] = value;
  }
  return entry;
}

/**
 * Whether two entries hold the same attributes (absent: no entry).
 *
 * @example sameSearchEntry(searchEntryOf(a), searchEntryOf(a)) // true
 */
export function sameSearchEntry(
  a: Readonly<Record<string, string>> | undefined,
  b: Readonly<Record<string, string>> | undefined,
): boolean {
  if (a === undefined || b === undefined) return a === b;
  return SEARCH_ATTRIBUTES.every((name) => a[name] === b[name]);
}

/** One field's two index pairs: the shop's view and its clerk-wide twin. */
function fieldKeys(claim: Claim, shard: number, view: SearchView, value: string): Item {
  const sort = `${value}#${createdSort(claim)}`;
  const { shop, clerk, indexes } = CLAIM_VIEWS[view];
  return {
    ...indexKeys(indexes[0], shop(claim.shopId), sort),
    ...indexKeys(indexes[1], clerk(shard), sort),
  };
}

/**
 * The claim's two search items, for a PutItem each.
 *
 * @example searchItems(claim, 2).claimant.gsi1sk // { S: 'аннапетрова#2025-…Z#clm_1' }
 */
export function searchItems(claim: Claim, shard: number): Record<SearchKind, Item> {
  const values = searchValues(claim);
  const base = { entity: { S: SEARCH_ENTITY }, shopId: { S: claim.shopId } };
  return {
    claimant: {
      ...searchClaimantKey(claim.id),
      ...base,
      ...fieldKeys(claim, shard, 'name', values.name ?? ''),
      ...fieldKeys(claim, shard, 'phone', values.phone ?? ''),
    },
    reference: {
      ...searchReferenceKey(claim.id),
      ...base,
      // An index key may not be empty: a claim without an order id is not in the order view.
      ...(values.orderId ? fieldKeys(claim, shard, 'orderId', values.orderId) : {}),
      ...fieldKeys(claim, shard, 'waybill', values.waybill ?? ''),
    },
  };
}
