/**
 * `npm run keys` finds the DynamoDB Local `npm start` runs, on whatever port it was given
 * (issue 21: without DYNAMODB_PORT it silently went to 8000): start records it in .data/,
 * keys reads the record unless an endpoint, a port or AWS is named, and says which database
 * it works on.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectionOrigin, locateTable, resolveConnection } from '../../scripts/create-table';
import { databaseLine } from '../../scripts/keys';
import {
  dataDirectory,
  readRecordedDynamo,
  recordDynamo,
  recordFile,
  type RecordedDynamo,
} from '../../scripts/local-state';

const recorded: RecordedDynamo = {
  endpoint: 'http://127.0.0.1:8011',
  table: 'claims-dev',
  startedAt: '2026-12-07T09:00:00.000Z',
};

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pca-state-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the record npm start keeps of its DynamoDB Local', () => {
  it('is written privately to DATA_DIR and read back', () => {
    recordDynamo(dir, recorded);
    expect(readRecordedDynamo(dir)).toEqual(recorded);
    expect(statSync(recordFile(dir)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(join(dir, 'dynamodb-local.json'), 'utf8'))).toEqual(recorded);
    expect(dataDirectory({ DATA_DIR: dir })).toBe(dir);
    expect(dataDirectory({}, '/project')).toBe('/project/.data');
  });

  it.each([
    ['no record', undefined],
    ['not JSON', '{"endpoint":'],
    ['another host', JSON.stringify({ ...recorded, endpoint: 'http://db.example:8000' })],
    ['no table', JSON.stringify({ ...recorded, table: '' })],
  ])('is ignored when there is %s', (_, text) => {
    if (text !== undefined) writeFileSync(recordFile(dir), text);
    expect(readRecordedDynamo(dir)).toBeUndefined();
  });
});

describe('where npm run keys goes without an endpoint', () => {
  it('to the DynamoDB Local npm start recorded, and its table', () => {
    expect(resolveConnection({}, {}, recorded)).toEqual({
      endpoint: 'http://127.0.0.1:8011',
      tableName: 'claims-dev',
      region: 'eu-central-1',
    });
    expect(connectionOrigin({}, {}, recorded)).toBe('recorded by npm start');
  });

  it('to port 8000 when nothing is recorded, and says so', () => {
    expect(resolveConnection({}, {}, undefined).endpoint).toBe('http://127.0.0.1:8000');
    expect(connectionOrigin({}, {}, undefined)).toBe('the default port (npm start recorded none)');
  });

  it.each([
    [{}, { DYNAMODB_PORT: '8123' }, 'http://127.0.0.1:8123', 'DYNAMODB_PORT'],
    [{}, { DYNAMODB_ENDPOINT: 'http://db:9000' }, 'http://db:9000', 'DYNAMODB_ENDPOINT'],
    [{ endpoint: 'http://flag:1' }, {}, 'http://flag:1', '--endpoint'],
    [{}, { AWS_REGION: 'eu-west-1' }, undefined, 'AWS (configured in the environment)'],
  ])('lets an explicit choice win over the record: %j %j', (flags, env, endpoint, origin) => {
    expect(resolveConnection(flags, env, recorded).endpoint).toBe(endpoint);
    expect(connectionOrigin(flags, env, recorded)).toBe(origin);
    // The recorded table goes with the recorded endpoint only.
    expect(resolveConnection(flags, env, recorded).tableName).toBe('parcel-claims');
  });

  it('keeps an explicit table with the recorded endpoint', () => {
    expect(resolveConnection({}, { DYNAMODB_TABLE: 'other' }, recorded)).toMatchObject({
      endpoint: 'http://127.0.0.1:8011',
      tableName: 'other',
    });
  });

  it('prints the database: endpoint, table and why', () => {
    const connection = resolveConnection({}, {}, recorded);
    expect(databaseLine(connection, 'recorded by npm start', '.data/dynamodb-local.json')).toBe(
      'Database: http://127.0.0.1:8011, table claims-dev (recorded by npm start in .data/dynamodb-local.json)',
    );
    const aws = resolveConnection({}, { AWS_REGION: 'eu-west-1' });
    expect(databaseLine(aws, 'AWS (configured in the environment)', '')).toBe(
      'Database: AWS DynamoDB in eu-west-1, table parcel-claims (AWS (configured in the environment))',
    );
  });
});

describe('every script on a table (rebuild-aggregates, migrate, create-table)', () => {
  it('goes to the DynamoDB Local npm start recorded, and says so first', () => {
    recordDynamo(dir, recorded);
    const saved = { ...process.env };
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      for (const name of ['DYNAMODB_ENDPOINT', 'DYNAMODB_PORT', 'DYNAMODB_TABLE']) {
        delete process.env[name];
      }
      process.env.DATA_DIR = dir;
      expect(locateTable({})).toMatchObject({
        endpoint: 'http://127.0.0.1:8011',
        tableName: 'claims-dev',
      });
      expect(String(log.mock.calls[0]?.[0])).toMatch(
        /^Database: http:\/\/127\.0\.0\.1:8011, table claims-dev \(recorded by npm start in .*dynamodb-local\.json\)$/,
      );
      expect(locateTable({ endpoint: 'http://127.0.0.1:9000' })?.endpoint).toBe(
        'http://127.0.0.1:9000',
      );
    } finally {
      log.mockRestore();
      process.env = saved;
    }
  });
});
