/**
 * A shipment's links to the claims filed from it (issue 21): one small item per claim in the
 * shipment's partition, sk `FILED#<claimId>`, holding what the shipment lists of the claim
 * (`ShipmentClaimRef`: id, type, status, amounts, filing time) and the claim version it was
 * made from. Its sort key lies between FACTS and HEAD, so the one Query that reads a shipment
 * (./shipment-read.ts) brings its links along: the late listing shows each shipment's claim
 * without a read per claim.
 *
 * Written only by the claim-change consumer (src/services/claim-changes.ts), off the request
 * path, never by a request: read the link and the head, then put the link conditioned on no
 * newer claim version being stored (`claimVersion <= :v`), so consumers applying a claim's
 * changes twice or out of order converge. A shipment that is gone (its head deleted by an
 * order replace) keeps no link; its leftovers' clean-up (./shipment-leftovers.ts) deletes
 * links like messages: only while no head lives in the partition.
 */
import { DeleteItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { ShipmentClaimRef } from '../../domain/shipment';
import type { ShipmentClaimLink } from '../shipment-repository';
import { batchGetItems } from './batch-get';
import type { Item } from './codec';
import { errorName, toStorageError } from './errors';
import { SHIPMENT_SK, shipmentClaimKey, shipmentHeadKey } from './keys';
import type { TableContext } from './table-context';

export const CLAIM_LINK_ENTITY = 'SHIPMENT_CLAIM';

/**
 * The link item of a claim.
 * @example linkItem({ shopId: 's', shipmentId: 'S-1', claimVersion: 3, ref }).sk // { S: 'FILED#clm_1' }
 */
export function linkItem(link: ShipmentClaimLink): Item {
  return {
    ...shipmentClaimKey(link.shopId, link.shipmentId, link.ref.id),
    entity: { S: CLAIM_LINK_ENTITY },
    claimVersion: { N: String(link.claimVersion) },
    doc: { S: JSON.stringify(link.ref) },
  };
}

/**
 * The claims linked among a shipment's items (written by `linkItem` only, so well formed).
 * @example linkedClaims(items) // [{ id: 'clm_1', type: 'lost', status: 'paid', … }]
 */
export function linkedClaims(items: readonly Item[]): ShipmentClaimRef[] {
  return items
    .filter((item) => item.sk?.S?.startsWith(SHIPMENT_SK.claimPrefix) === true)
    .map((item) => JSON.parse(item.doc?.S ?? '{}') as ShipmentClaimRef);
}

/** Runs a conditional write: false when its condition failed (someone wrote first). */
async function conditional(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (errorName(error) === 'ConditionalCheckFailedException') return false;
    throw toStorageError(error, { write: true });
  }
}

/**
 * @example await linkClaim(ctx, { shopId: 's', shipmentId: 'S-1', claimVersion: 4, ref }); // 'written'
 */
export async function linkClaim(
  ctx: TableContext,
  link: ShipmentClaimLink,
): Promise<'written' | 'unchanged'> {
  const { client, table } = ctx;
  const key = shipmentClaimKey(link.shopId, link.shipmentId, link.ref.id);
  const found = await batchGetItems(
    client,
    table,
    [key, shipmentHeadKey(link.shopId, link.shipmentId)],
    true,
  );
  const stored = found.find((item) => item.sk?.S === key.sk?.S);
  const live = found.some((item) => item.sk?.S === SHIPMENT_SK.head);
  const storedVersion = stored?.claimVersion;
  if (!live) {
    if (storedVersion === undefined) return 'unchanged';
    // The shipment was dropped after its leftovers were cleared: its link goes too.
    const deleted = await conditional(() =>
      client.send(
        new DeleteItemCommand({
          TableName: table,
          Key: key,
          ConditionExpression: 'claimVersion = :v',
          ExpressionAttributeValues: { ':v': storedVersion },
        }),
      ),
    );
    return deleted ? 'written' : 'unchanged';
  }
  const wanted = linkItem(link);
  const newer = Number(storedVersion?.N ?? '0') > link.claimVersion;
  if (newer || (storedVersion?.N === wanted.claimVersion?.N && stored?.doc?.S === wanted.doc?.S)) {
    return 'unchanged';
  }
  const put = await conditional(() =>
    client.send(
      new PutItemCommand({
        TableName: table,
        Item: wanted,
        // Never over a link made from a newer claim version (a consumer that read the claim later).
        ConditionExpression: 'attribute_not_exists(pk) OR claimVersion <= :v',
        ExpressionAttributeValues: { ':v': { N: String(link.claimVersion) } },
      }),
    ),
  );
  return put ? 'written' : 'unchanged';
}
