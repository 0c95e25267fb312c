/**
 * A claim's search entries: two small items in its partition, written once by the
 * claim-change consumer (a claim's searched fields never change), each carrying two fields
 * in two index pairs (a shop's view, gsi1/gsi3; its clerk-wide sharded twin, gsi2/gsi4):
 *   SEARCH#CLAIMANT  name  SHOP#<s>#NAME / NAME#<shard>      `<name>#<created>`
 *                    phone SHOP#<s>#PHONE / PHONE#<shard>    `<phone, digits last first>#<created>`
 *   SEARCH#REF       order SHOP#<s>#ORDER / ORDER#<shard>    `<ORDER>#<created>` (only with an order id)
 *                    waybill SHOP#<s>#WAYBILL / WAYBILL#<shard> `<WAYBILL>#<created>`
 * created = `<createdAt>#<id>` (unique). Values are normalised as ../claim-search.ts says
 * (not URI-encoded: a search reads a prefix range, then checks each claim again). The claim
 * listings (./claim-list.ts) read exactly these formats.
 */
import type { Claim } from '../../domain/claim';
import { searchValues } from '../claim-search';
import type { Item } from './codec';
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
 * @example searchItems(claim, 2).claimant.gsi1sk // { S: 'анна петрова#2025-…Z#clm_1' }
 */
export function searchItems(claim: Claim, shard: number): { claimant: Item; reference: Item } {
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
