/**
 * The one table definition, used by `scripts/create-table.ts`, the tests and (via
 * `scripts/table.cloudformation.json`, kept identical by a test) production. The key
 * design, item by item, is in ./dynamodb/keys.ts and the README's Design section.
 *
 * Single table, base keys `pk`/`sk` (strings). Five global secondary indexes, each
 * generic (`gsiNpk`/`gsiNsk`), overloaded by several item types, sparse (only items
 * that carry its keys are in it) and KEYS_ONLY: a listing reads index keys, then the
 * items themselves (BatchGetItem), so no document is ever copied into an index and an
 * item's move rewrites an index entry only when one of its keys changes. (On YDB, whose
 * Document API only projects ALL, `tableDefinition(name, { target: 'ydb' })`.)
 *   gsi1  a shop's views: every partition starts with `SHOP#<shop>#`
 *   gsi2  gsi1's clerk-wide twins, write-sharded (`…#<shard>`), read in parallel and merged
 *   gsi3  a shop's second views
 *   gsi4  gsi3's clerk-wide sharded twins
 *   gsi5  API keys by creation (sharded)
 */
import type { CreateTableCommandInput, GlobalSecondaryIndex } from '@aws-sdk/client-dynamodb';

/** The table name unless DYNAMODB_TABLE says otherwise. */
export const DEFAULT_TABLE_NAME = 'parcel-claims';
/** Epoch seconds; DynamoDB TTL removes an item after it (within ~48 h): idempotency records and desk sessions. */
export const TTL_ATTRIBUTE = 'expiresAt';

/** Index name → its partition and sort key attributes. */
export const INDEXES = {
  gsi1: { pk: 'gsi1pk', sk: 'gsi1sk' },
  gsi2: { pk: 'gsi2pk', sk: 'gsi2sk' },
  gsi3: { pk: 'gsi3pk', sk: 'gsi3sk' },
  gsi4: { pk: 'gsi4pk', sk: 'gsi4sk' },
  gsi5: { pk: 'gsi5pk', sk: 'gsi5sk' },
} as const;
export type IndexName = keyof typeof INDEXES;
export const INDEX_NAMES = Object.keys(INDEXES) as IndexName[];

/** Every attribute that puts an item into an index. */
export const INDEX_KEY_ATTRIBUTES: readonly string[] = INDEX_NAMES.flatMap((name) => [
  INDEXES[name].pk,
  INDEXES[name].sk,
]);

/**
 * Where the table lives: AWS DynamoDB (and DynamoDB Local), or Yandex Managed Service for YDB
 * through its DynamoDB-compatible Document API (`https://docapi.serverless.yandexcloud.net/…`).
 */
export const TABLE_TARGETS = ['dynamodb', 'ydb'] as const;
export type TableTarget = (typeof TABLE_TARGETS)[number];

/**
 * How an index copies items: KEYS_ONLY on DynamoDB; ALL on YDB, whose Document API accepts
 * nothing else ("Currently only the ProjectionType of ALL is supported", CreateTable and
 * UpdateTable reference). The code reads nothing from an index but keys, so it runs on both;
 * only small items carry index keys, so even ALL copies no claim document.
 */
const PROJECTION = { dynamodb: 'KEYS_ONLY', ydb: 'ALL' } as const satisfies Record<
  TableTarget,
  string
>;

/**
 * One index's CreateTable / UpdateTable definition. (On YDB an UpdateTable adds or deletes one
 * index per call.)
 * @example indexDefinition('gsi1').Projection // { ProjectionType: 'KEYS_ONLY' }
 * @example indexDefinition('gsi1', 'ydb').Projection // { ProjectionType: 'ALL' }
 */
export function indexDefinition(
  name: IndexName,
  target: TableTarget = 'dynamodb',
): GlobalSecondaryIndex {
  const index = INDEXES[name];
  return {
    IndexName: name,
    KeySchema: [
      { AttributeName: index.pk, KeyType: 'HASH' },
      { AttributeName: index.sk, KeyType: 'RANGE' },
    ],
    Projection: { ProjectionType: PROJECTION[target] },
  };
}

/**
 * The CreateTable input (on-demand billing; TTL is enabled separately, by UpdateTimeToLive).
 * `target: 'ydb'` gives the same table for YDB's Document API (indexes projecting ALL).
 *
 * @example
 * await client.send(new CreateTableCommand(tableDefinition('parcel-claims')));
 * await ydbClient.send(new CreateTableCommand(tableDefinition('parcel-claims', { target: 'ydb' })));
 */
export function tableDefinition(
  tableName: string = DEFAULT_TABLE_NAME,
  options: { target?: TableTarget } = {},
) {
  const target = options.target ?? 'dynamodb';
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: ['pk', 'sk', ...INDEX_KEY_ATTRIBUTES].map((name) => ({
      AttributeName: name,
      AttributeType: 'S' as const,
    })),
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: INDEX_NAMES.map((name) => indexDefinition(name, target)),
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
