/**
 * Vitest globalSetup: one in-memory DynamoDB Local on a free port for the
 * whole run, with the table created. Tests read the endpoint with
 * `inject('dynamoEndpoint')` (and the table name with `inject('dynamoTable')`);
 * a test that needs a clean slate creates its own table on the same endpoint.
 */
import type { TestProject } from 'vitest/node';
import { clientFor, ensureTable } from '../../scripts/create-table';
import { startDynamoLocal } from '../../scripts/dynamodb-local';
import { DEFAULT_TABLE_NAME } from '../../src/storage/table';

declare module 'vitest' {
  interface ProvidedContext {
    dynamoEndpoint: string;
    dynamoTable: string;
  }
}

export default async function setup({ provide }: TestProject): Promise<() => Promise<void>> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const db = await startDynamoLocal();
  try {
    const client = clientFor({
      endpoint: db.endpoint,
      region: 'eu-central-1',
      tableName: DEFAULT_TABLE_NAME,
    });
    await ensureTable(client, DEFAULT_TABLE_NAME);
    client.destroy();
  } catch (error) {
    await db.stop();
    throw error;
  }
  provide('dynamoEndpoint', db.endpoint);
  provide('dynamoTable', DEFAULT_TABLE_NAME);
  return () => db.stop();
}
