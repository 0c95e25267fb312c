/**
 * The shop's claims for a chunk's waybills, open or settled, so an audit never counts a parcel
 * twice: first the open-claim guards (one batch read for every waybill), then, for the
 * waybills no open claim names, the claims' waybill search entries (gsi3, the shop's
 * `SHOP#<s>#WAYBILL` partition, sort `<WAYBILL>#<createdAt>#<id>`: ./search-keys.ts), one
 * KEYS_ONLY query of one entry each. The entries are written by the claim-change consumer, so
 * a claim filed in the last second or so is found by its guard, a settled one by its entry.
 */
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { normalizeCode } from '../claim-search';
import { guarded } from './errors';
import { CLAIM_VIEWS, openClaimKey } from './keys';
import { readItems } from './read';
import type { TableContext } from './table-context';

/** The claim types whose open-claim guard names a parcel (`waybill:<w>`). */
const GUARDED_TYPES = ['late', 'lost', 'damaged'] as const;
/** Search-entry queries in flight at once (a chunk's look-ups stay well inside its subrequests). */
const PARALLEL_QUERIES = 8;

/** The shop's open claims for these waybills, from their guards (waybill → claim id). */
async function openClaims(ctx: TableContext, shopId: string, waybills: readonly string[]) {
  const keys = waybills.flatMap((waybill) =>
    GUARDED_TYPES.map((type) => openClaimKey({ shopId, type }, `waybill:${waybill}`)),
  );
  const found = await readItems(ctx.client, ctx.table, keys);
  const claims = new Map<string, string>();
  for (const item of found.values()) {
    const subject = item.subject?.S ?? '';
    const claimId = item.claimId?.S;
    if (subject.startsWith('waybill:') && claimId) claims.set(subject.slice(8), claimId);
  }
  return claims;
}

/** The newest claim whose waybill search entry is exactly `waybill` (undefined: none). */
async function searchedClaim(
  ctx: TableContext,
  shopId: string,
  waybill: string,
): Promise<string | undefined> {
  const page = await guarded(
    ctx.client.send(
      new QueryCommand({
        TableName: ctx.table,
        IndexName: 'gsi3',
        KeyConditionExpression: 'gsi3pk = :pk AND begins_with(gsi3sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': { S: CLAIM_VIEWS.waybill.shop(shopId) },
          ':prefix': { S: `${normalizeCode(waybill)}#` },
        },
        ScanIndexForward: false,
        Limit: 1,
      }),
    ),
  );
  const pk = page.Items?.[0]?.pk?.S;
  return pk?.startsWith('CLAIM#') ? decodeURIComponent(pk.slice('CLAIM#'.length)) : undefined;
}

/**
 * Waybill → the id of a claim the shop filed for it (open or settled).
 * @example await claimsByWaybill(ctx, 'shop-a', ['1106207236']) // Map { '1106207236' => 'clm_…' }
 */
export async function claimsByWaybill(
  ctx: TableContext,
  shopId: string,
  waybills: readonly string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(waybills)];
  const claims = await openClaims(ctx, shopId, unique);
  const rest = unique.filter((waybill) => !claims.has(waybill));
  for (let i = 0; i < rest.length; i += PARALLEL_QUERIES) {
    const batch = rest.slice(i, i + PARALLEL_QUERIES);
    const found = await Promise.all(batch.map((w) => searchedClaim(ctx, shopId, w)));
    batch.forEach((waybill, j) => {
      const claimId = found[j];
      if (claimId !== undefined) claims.set(waybill, claimId);
    });
  }
  return claims;
}
