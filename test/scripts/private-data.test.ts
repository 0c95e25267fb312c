/**
 * Local data is private: the folders `npm start` keeps under .data/ are 0700 and the files
 * in them 0600, whether they were just written, written by DynamoDB Local, or there before.
 */
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clientFor } from '../../scripts/create-table';
import { startDynamoLocal } from '../../scripts/dynamodb-local';
import { privateDirectory, writePrivateFile } from '../../scripts/private-files';

const modeOf = (path: string) => statSync(path).mode & 0o777;
let root: string;
const scratch = () => (root = mkdtempSync(join(tmpdir(), 'private-data-')));
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Every folder and file below `dir` (itself included), with its mode. */
function modesBelow(dir: string): { path: string; mode: number; folder: boolean }[] {
  const below = readdirSync(dir, { withFileTypes: true, recursive: true }).map((entry) => {
    const path = join(entry.parentPath, entry.name);
    return { path, mode: modeOf(path), folder: entry.isDirectory() };
  });
  return [{ path: dir, mode: modeOf(dir), folder: true }, ...below];
}

describe('the private .data folder', () => {
  it('is created 0700, and data from before is made private (folders 0700, files 0600)', () => {
    const data = join(scratch(), '.data');
    mkdirSync(join(data, 'dynamodb'), { recursive: true, mode: 0o755 });
    writeFileSync(join(data, 'demo-keys.json'), '{}', { mode: 0o644 });
    writeFileSync(join(data, 'dynamodb', 'shared-local-instance.db'), '', { mode: 0o666 });
    chmodSync(data, 0o755);
    privateDirectory(data);
    const modes = modesBelow(data);
    expect(modes).toHaveLength(4);
    for (const { path, mode, folder } of modes) expect(mode, path).toBe(folder ? 0o700 : 0o600);
    const fresh = join(root, 'fresh', 'dynamodb');
    privateDirectory(fresh);
    expect(modeOf(fresh)).toBe(0o700);
  });

  it('writes a key file 0600, also over an existing readable one', () => {
    const file = join(scratch(), 'desk-session-secret');
    writeFileSync(file, 'old', { mode: 0o644 });
    writePrivateFile(file, 'new\n');
    expect(modeOf(file)).toBe(0o600);
  });

  it('has DynamoDB Local write its database files 0600 in a 0700 folder', async () => {
    const dbPath = join(scratch(), 'dynamodb');
    const db = await startDynamoLocal({ dbPath });
    const client = clientFor({ endpoint: db.endpoint, region: 'eu-central-1', tableName: 'modes' });
    try {
      await client.send(
        new CreateTableCommand({
          TableName: 'modes',
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
    } finally {
      client.destroy();
      await db.stop();
    }
    const modes = modesBelow(dbPath);
    expect(modes.filter((m) => !m.folder).length).toBeGreaterThan(0);
    for (const { path, mode, folder } of modes) expect(mode, path).toBe(folder ? 0o700 : 0o600);
  }, 60_000);
});
