/**
 * The one table definition, used by `scripts/create-table.ts`, the tests and
 * (via `scripts/table.cloudformation.json`, kept identical by a test) production.
 *
 * Single-table design. Base keys `pk`/`sk` (strings); a claim's partition sorts
 * CLAIM < EVENT#… < EVIDENCE#…:
 *   CLAIM        pk CLAIM#<id>             sk CLAIM     (doc: the claim's JSON with `evidence: []`, read back
 *                byte-identical once the entries are put back in place; evidenceCount: how many EVIDENCE items
 *                it has (absent on claims stored before: their entries are still inside doc);
 *                plus copies of shopId/status/type/carrier/waybill/answerDueBy/version for conditions and filters;
 *                filedEvent: the history's first event; with an Idempotency-Key, idemKey/idemFingerprint/
 *                idemResponse (the first answer, its entries left out)/idemEvidence (their number)/idemExpiresAt.
 *                Storage writes it under the id it is given; with a key the service derives that id from
 *                (shop, key, generation), so one key can only ever file one claim per window)
 *   EVENT        pk CLAIM#<id>             sk EVENT#<seq, 10 digits>  events after the first → history = Query pk, sk < EVIDENCE#
 *   EVIDENCE     pk CLAIM#<id>             sk EVIDENCE#<n, 6 digits>  doc: one entry (`ev_<n>`), written with the
 *                change that adds it; a claim takes 200 → no item grows with the claim's life (get = Query pk)
 *   REMEDY       pk CLAIM#<id>             sk REMEDY#<n, 6 digits>  doc: one remedy offered to the claim's customer
 *                (`rm_<n>`), status: a copy for the conditions. Sorts after EVIDENCE# and MESSAGE# (the sent
 *                times of customer messages), so `history` and the evidence never read it. Offered once
 *                (attribute_not_exists), answered once (status = offered); `remedies` = Query pk, begins_with REMEDY#
 *   OPEN_CLAIM   pk OPEN#<shop>#<type>#<subject>  sk OPEN  claimId: the one open claim of that shop and type for
 *                the subject (`waybill:<w>`); written with the filing (attribute_not_exists), deleted with the
 *                move that makes the claim final
 *   IDEMPOTENCY  pk IDEM#<shop>#<key>      sk IDEM      (expiresAt: TTL) — written by earlier versions only;
 *                TTL removes what is left of them
 *   APIKEY       pk APIKEY#<keyId>         sk APIKEY
 *   APIKEY_HASH  pk APIKEYHASH#<sha256>    sk APIKEYHASH (a copy of the key record; not a GSI,
 *                because GSIs are eventually consistent and a revoked key must stop at once)
 *   DESKSESSION  pk DESKKEY#<keyId>         sk SESSION#<sessionId>  a clerk's desk session (keyId, sessionId,
 *                createdAt, expiresAt: TTL). One partition per clerk key: "sign out everywhere" is one
 *                Query; a desk request is one GetItem, which also checks expiresAt (TTL deletes lazily)
 *   AGG          pk AGG#shop#<shop>#<yyyy-mm> | AGG#ALL#<yyyy-mm>  sk <yyyy-mm-dd>  analytics counters of a day
 *                (ADD only, written in each claim change's transaction; see dynamodb/aggregates.ts)
 *   ORDER        pk SHOP#<shop>#ORDER#<orderId>       sk ORDER     (doc: the order's JSON; version)
 *   SHIPMENT     pk SHOP#<shop>#SHIPMENT#<shipmentId> sk SHIPMENT  (doc: facts, JSON; events: a list
 *                of the events (JSON each) in arrival order; version; updatedAt; eventIds: a string
 *                set of the event ids, so a resent event fails the write's condition; and what a
 *                status report recorded with no read is conditioned on: onItsWay (true while on
 *                its way), latestStatusMs, deliveryReported, lateFrom (the first late delivery
 *                date), shippedDate. A report is one conditional UpdateItem (append + its effect)
 *                or, when that is refused, one conditional PutItem of the item decided on; items
 *                written before `events` was a list keep them inside doc until their next event.
 *                An order replace writes order + shipments + deletes of the dropped ones in one
 *                transaction)
 *
 * GSIs (sparse: only CLAIM items carry their keys, APIKEY items only `all`'s; EVIDENCE, EVENT
 * and OPEN_CLAIM items none, so a listing carries a claim's evidenceCount, not its entries;
 * projection ALL so a list is one Query and a FilterExpression may use any
 * attribute; GSI reads are eventually consistent, so on AWS a just-filed claim
 * can take a moment to appear in lists — `get` is strongly consistent). Sort key `createdSk`
 * = `<createdAt ISO>#<id>`, read descending → newest first, id as tiebreak.
 * A listing with a shop (every shop key's, a clerk's `shopId=`) reads only indexes partitioned
 * by that shop, so it never evaluates, nor hands a cursor into, another shop's items:
 *   shopUnacknowledged shopAckPk = shop#<shop>#unack, ackSk = <acknowledgeBy>#<createdAt>#<id>: the
 *                 shop's claims whose customer acknowledgement (`ack` message) is not recorded sent;
 *                 filing writes the keys, the transaction recording `ack` sent removes them, so does
 *                 the move that settles the claim (other moves leave them: see dynamodb/unacknowledged.ts);
 *                 `ackSk < :now` reads only those past acknowledgeBy, oldest first
 *   byShopWaybill shopWaybillPk = shop#<shop>#waybill#<waybill>   a shop's claims on one waybill
 *   shopOverdue   shopOpenPk = shop#<shop>#open (only non-final claims), dueSk (below)
 *   byShopStatus  shopStatusPk = <shop>#<status>  a shop's status tab
 *   byShop        shopPk = <shop>                 a shop's claims (type/carrier filters applied on top)
 * Clerk-wide (no shop in the filter):
 *   unacknowledged ackPk = UNACK, ackSk as above: every shop's unacknowledged queue
 *   byWaybill     waybillPk = <waybill>           waybill filter: near-unique, the most selective
 *   overdue       openPk = OPEN (only non-final claims), dueSk = <answerDueBy>#<createdAt>#<id>;
 *                 `dueSk < :asOf` reads overdue claims only; leaves the index when settled
 *   byStatus      statusPk = <status>             clerk work queues (submitted, in_review...)
 *   byCarrier     carrierPk = <carrier>           clerk: claims per carrier (systemic faults)
 *   byType        typePk = <type>                 clerk: claims per type
 *   all           allPk = CLAIM | APIKEY          clerk listing of everything; API keys for the CLI.
 *                 One fixed partition per entity: a hot partition (~1,000 writes/s per
 *                 partition) — fine at our scale; shard it (allPk = CLAIM#<0..n>) if claims
 *                 ever arrive faster. byType/byCarrier/byStatus have few partitions too.
 * Shipments (sparse: only a SHIPMENT item being watched for lateness carries them: not
 * cancelled, and not delivered on time; the derived state is written with each event):
 *   shopLateShipments shipShopLatePk = shop#<shop>#shiplate, promiseSk = <deadline>#<shop>#<id>
 *   lateShipments     shipLatePk = SHIPLATE (clerk-wide), promiseSk as above
 *                 `promiseSk < :today` reads the late ones only (open past their deadline, or
 *                 delivered late); a shipment not yet due sorts after today and is never read.
 * Search (sparse: CLAIM items only, clerk-wide partitions; `begins_with` on the sort
 * key, whose value is normalised by storage/claim-search.ts, then `#<createdAt>#<id>`):
 *   searchName    nameSearchPk = NAME,       nameSk = <customer name: lower case, ё→е, one space>…
 *   searchPhone   phoneSearchPk = PHONE,     phoneSk = <the phone's digits, last first>… (a search
 *                 by the number's ending, whatever prefix it was typed with, is a prefix search)
 *   searchOrder   orderSearchPk = ORDER,     orderSk = <order id upper-cased>… (claims with one)
 *   searchWaybill waybillSearchPk = WAYBILL, waybillSk = <waybill upper-cased>…
 *                 A shop key's search is the same Query with `shopId = :shop` as a filter: it reads
 *                 (and may hand a sealed cursor into) the clerk-wide partition, never answers
 *                 another shop's claims. Each is one hot partition, like `all`.
 * A claim id is no search: it is the claim's own key (GetItem).
 * The list planner (dynamodb/list-plan.ts) picks the first index in that order whose
 * filter is present and applies the remaining filters as a FilterExpression.
 * Cost: every claim write updates up to 16 index entries (projection ALL).
 * Per claim partition: NOTE items, pk CLAIM#<id> sk NOTE#<at ISO>#<n, 3 digits>: a
 *   clerk's internal note (doc: { id, at, author, text }), written once (attribute_not_exists;
 *   n counts up when two notes share the instant), never shown to a shop; they sort after
 *   EVIDENCE#, so neither the history nor a claim's read meets them.
 * STATUS_COUNTS pk COUNTS#ALL or COUNTS#SHOP#<shop>  sk COUNTS : one number
 *   attribute per status, moved with ADD (-1 / +1) in the same transaction as the filing or
 *   move that changes a claim's status (dynamodb/status-counts.ts), so the queue's tabs are one
 *   GetItem, never a count of claims. Claims stored before the counters existed are not in them.
 * Tables made before the shop indexes existed: `npm run migrate` (scripts/migrate-indexes.ts).
 * Composite key parts that users supply (shop id, idempotency key, guard subject) are URI-encoded,
 * so a `#` in them cannot forge another key.
 */
import type { CreateTableCommandInput, GlobalSecondaryIndex } from '@aws-sdk/client-dynamodb';

/** The table name unless DYNAMODB_TABLE says otherwise. */
export const DEFAULT_TABLE_NAME = 'parcel-claims';
/** Epoch seconds; DynamoDB TTL removes an item after it (within ~48 h). Claim items never carry it; desk sessions do. */
export const TTL_ATTRIBUTE = 'expiresAt';

/** Index name → its partition and sort key attributes, in planner priority order. */
export const INDEXES = {
  shopUnacknowledged: { pk: 'shopAckPk', sk: 'ackSk' },
  byShopWaybill: { pk: 'shopWaybillPk', sk: 'createdSk' },
  shopOverdue: { pk: 'shopOpenPk', sk: 'dueSk' },
  byShopStatus: { pk: 'shopStatusPk', sk: 'createdSk' },
  byShop: { pk: 'shopPk', sk: 'createdSk' },
  unacknowledged: { pk: 'ackPk', sk: 'ackSk' },
  byWaybill: { pk: 'waybillPk', sk: 'createdSk' },
  overdue: { pk: 'openPk', sk: 'dueSk' },
  byStatus: { pk: 'statusPk', sk: 'createdSk' },
  byCarrier: { pk: 'carrierPk', sk: 'createdSk' },
  byType: { pk: 'typePk', sk: 'createdSk' },
  all: { pk: 'allPk', sk: 'createdSk' },
  shopLateShipments: { pk: 'shipShopLatePk', sk: 'promiseSk' },
  lateShipments: { pk: 'shipLatePk', sk: 'promiseSk' },
  // The queue's search, read with begins_with on the sort key.
  searchName: { pk: 'nameSearchPk', sk: 'nameSk' },
  searchPhone: { pk: 'phoneSearchPk', sk: 'phoneSk' },
  searchOrder: { pk: 'orderSearchPk', sk: 'orderSk' },
  searchWaybill: { pk: 'waybillSearchPk', sk: 'waybillSk' },
} as const;
export type IndexName = keyof typeof INDEXES;

const part = encodeURIComponent;

/**
 * The partition value of each index, from the claim's fields (what an item is written
 * with) or a listing's filter (what a Query reads): one definition for both.
 *
 * @example
 * INDEX_PARTITIONS.byShopWaybill({ shopId: 'shop 1', waybill: 'W#1' }); // 'shop#shop%201#waybill#W%231'
 */
export const INDEX_PARTITIONS = {
  shopUnacknowledged: (f: { shopId: string }) => `shop#${part(f.shopId)}#unack`,
  byShopWaybill: (f: { shopId: string; waybill: string }) =>
    `shop#${part(f.shopId)}#waybill#${part(f.waybill)}`,
  shopOverdue: (f: { shopId: string }) => `shop#${part(f.shopId)}#open`,
  byShopStatus: (f: { shopId: string; status: string }) => `${part(f.shopId)}#${f.status}`,
  byShop: (f: { shopId: string }) => f.shopId,
  unacknowledged: () => 'UNACK',
  byWaybill: (f: { waybill: string }) => f.waybill,
  overdue: () => 'OPEN',
  byStatus: (f: { status: string }) => f.status,
  byCarrier: (f: { carrier: string }) => f.carrier,
  byType: (f: { type: string }) => f.type,
  all: () => 'CLAIM',
  shopLateShipments: (f: { shopId: string }) => `shop#${part(f.shopId)}#shiplate`,
  lateShipments: () => 'SHIPLATE',
  // One clerk-wide partition per searched field (a shop's search filters on shopId).
  searchName: () => 'NAME',
  searchPhone: () => 'PHONE',
  searchOrder: () => 'ORDER',
  searchWaybill: () => 'WAYBILL',
} as const satisfies Record<IndexName, (fields: never) => string>;

/**
 * The CreateTable input (on-demand billing; TTL is enabled separately, by UpdateTimeToLive).
 *
 * @example
 * await client.send(new CreateTableCommand(tableDefinition('parcel-claims')));
 */
export function tableDefinition(tableName: string = DEFAULT_TABLE_NAME) {
  const indexAttributes = Object.values(INDEXES).flatMap((index) => [index.pk, index.sk]);
  const attributes = [...new Set(['pk', 'sk', ...indexAttributes])];
  const indexes: GlobalSecondaryIndex[] = Object.entries(INDEXES).map(([name, index]) => ({
    IndexName: name,
    KeySchema: [
      { AttributeName: index.pk, KeyType: 'HASH' },
      { AttributeName: index.sk, KeyType: 'RANGE' },
    ],
    Projection: { ProjectionType: 'ALL' },
  }));
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: attributes.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: indexes,
  } satisfies CreateTableCommandInput;
}

/**
 * The same table as a CloudFormation template (with TTL and point-in-time
 * recovery), written to `scripts/table.cloudformation.json`.
 *
 * @example
 * // aws cloudformation deploy --template-file scripts/table.cloudformation.json --stack-name parcel-claims
 */
export function cloudFormationTemplate() {
  const { TableName: _name, ...properties } = tableDefinition();
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'Parcel Claims API table (generated from src/storage/table.ts; do not edit)',
    Parameters: { TableName: { Type: 'String', Default: DEFAULT_TABLE_NAME } },
    Resources: {
      ClaimsTable: {
        Type: 'AWS::DynamoDB::Table',
        DeletionPolicy: 'Retain',
        Properties: {
          TableName: { Ref: 'TableName' },
          ...properties,
          TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        },
      },
    },
    Outputs: { TableArn: { Value: { 'Fn::GetAtt': ['ClaimsTable', 'Arn'] } } },
  };
}
