import { readFileSync } from 'node:fs';
import { DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { CLOUDFORMATION_PATH, ensureTable } from '../../scripts/create-table';
import { cloudFormationTemplate, INDEXES, tableDefinition } from '../../src/storage/table';
import { freshStorage } from './helpers';

describe('the table definition', () => {
  it('is what scripts/table.cloudformation.json deploys (regenerate: tsx scripts/create-table.ts --write-cloudformation)', () => {
    expect(JSON.parse(readFileSync(CLOUDFORMATION_PATH, 'utf8'))).toEqual(cloudFormationTemplate());
  });

  it('defines every key attribute it uses, and nothing else', () => {
    const definition = tableDefinition();
    const used = new Set([
      ...definition.KeySchema.map((k) => k.AttributeName),
      ...definition.GlobalSecondaryIndexes.flatMap((i) => i.KeySchema!.map((k) => k.AttributeName)),
    ]);
    expect(new Set(definition.AttributeDefinitions.map((a) => a.AttributeName))).toEqual(used);
    expect(definition.GlobalSecondaryIndexes.map((i) => i.IndexName)).toEqual(Object.keys(INDEXES));
  });

  it('is created idempotently with TTL on expiresAt', async () => {
    const { client, tableName } = await freshStorage();
    expect(await ensureTable(client, tableName)).toBe('exists');
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    expect(ttl.TimeToLiveDescription).toMatchObject({
      TimeToLiveStatus: 'ENABLED',
      AttributeName: 'expiresAt',
    });
  });
});
