/**
 * `/ready` reads DynamoDB; `/health` never does. With the database unreachable or frozen,
 * `/ready` is a 503 problem with Retry-After while `/health` stays 200.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { createDynamoStorage } from '../../src/storage/dynamodb';
import type { Storage } from '../../src/storage/repository';
import { storage as liveStorage } from './claims-helpers';
import { call } from './helpers';

const appOn = (storage: Storage) =>
  createApp(
    { clock: () => new Date(), maxBodyBytes: 65_536, storage, newId: () => 'clm_unused' },
    { log: () => undefined },
  );

async function expectNotReady(app: ReturnType<typeof appOn>, reason: RegExp) {
  const res = await app.request('/ready');
  const body = (await res.json()) as Record<string, unknown>;
  expect(res.status, JSON.stringify(body)).toBe(503);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(body).toMatchObject({ type: '/problems/storage-unavailable', status: 503 });
  expect(String(body.detail)).toMatch(reason);
  expect((await app.request('/health')).status).toBe(200);
}

describe('GET /ready', () => {
  it('is 200 when DynamoDB answers', async () => {
    const a = await call('GET', '/ready');
    expect(a.status, a.text).toBe(200);
    expect(a.body).toEqual({ status: 'ready', storage: 'ok' });
    expect(a.headers.get('cache-control')).toBe('no-store');
  });

  it('is 503 with Retry-After when DynamoDB is unreachable; /health is still 200', async () => {
    const unreachable = createDynamoStorage({
      endpoint: 'http://127.0.0.1:9',
      region: 'eu-central-1',
      tableName: 'parcel-claims',
    });
    await expectNotReady(appOn(unreachable), /network/);
  });

  it('is 503 when the table is missing', async () => {
    const { DYNAMODB_ENDPOINT } = (await import('cloudflare:test')).env as {
      DYNAMODB_ENDPOINT: string;
    };
    const noTable = createDynamoStorage({
      endpoint: DYNAMODB_ENDPOINT,
      region: 'eu-central-1',
      tableName: `missing-${crypto.randomUUID()}`,
    });
    await expectNotReady(appOn(noTable), /missing-table/);
  });

  it('is 503 within its timeout when DynamoDB hangs', async () => {
    const frozen: Storage = {
      ...liveStorage,
      apiKeys: { ...liveStorage.apiKeys, get: () => new Promise(() => undefined) },
    };
    const started = Date.now();
    await expectNotReady(appOn(frozen), /no answer within 2000 ms/);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
