/**
 * The outage drill through the HTTP API: DynamoDB stops mid-run, the API
 * answers 503 problems with Retry-After and writes nothing; once DynamoDB is
 * back, service is normal and nothing filed before is lost. Also checks the
 * access log never carries keys, e-mails or phones.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clientFor, ensureTable } from '../../scripts/create-table';
import { startDynamoLocal, type DynamoLocal } from '../../scripts/dynamodb-local';
import { createApp } from '../../src/app';
import { generateApiKey, hashApiKey } from '../../src/storage/api-keys';
import { createDynamoStorage } from '../../src/storage/dynamodb';

const dbPath = mkdtempSync(join(tmpdir(), 'http-outage-'));
let db: DynamoLocal = await startDynamoLocal({ dbPath });
const connection = { endpoint: db.endpoint, region: 'eu-central-1', tableName: 'claims' };
const admin = clientFor(connection);
await ensureTable(admin, 'claims');
const storage = createDynamoStorage(connection);
const logged: string[] = [];
let ids = 0;
const app = createApp(
  {
    clock: () => new Date('2025-06-16T09:00:00.000Z'),
    maxBodyBytes: 65_536,
    storage,
    newId: () => `clm_${String(++ids).padStart(32, '0')}`,
  },
  { log: (line) => logged.push(JSON.stringify(line)) },
);
const { keyId, key } = generateApiKey();
await storage.apiKeys.create({
  keyId,
  secretHash: await hashApiKey(key),
  role: 'shop',
  shopId: 'shop-outage',
  createdAt: '2025-06-01T00:00:00.000Z',
});

afterAll(async () => {
  await db.stop();
  admin.destroy();
  rmSync(dbPath, { recursive: true, force: true });
});

const claimant = {
  name: 'Olga Ivanova',
  email: 'olga.secret@example.com',
  phone: '+7 911 222-33-44',
};
const filing = (waybill: string) => ({
  type: 'lost',
  carrier: 'cdek',
  waybill,
  shippedDate: '2025-06-02',
  shipment: { deliveryCost: { amount: '500.00', currency: 'RUB' } },
  claimant,
  description: 'Lost',
  evidence: [],
});
const request = (method: string, path: string, body?: unknown) =>
  app.request(path, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });

describe('when DynamoDB stops mid-run', () => {
  it('answers 503 with Retry-After, loses nothing, and recovers', async () => {
    const before = await request('POST', '/v1/claims', filing('WB-BEFORE'));
    expect(before.status, await before.clone().text()).toBe(201);
    const { id } = (await before.json()) as { id: string };
    await db.stop();

    for (const res of [
      await request('POST', '/v1/claims', filing('WB-DURING')),
      await request('GET', `/v1/claims/${id}`),
      await request('GET', '/v1/claims'),
    ]) {
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      // Refused: the requests never reached DynamoDB, so even the filing is safe to retry.
      expect(((await res.json()) as { type: string }).type).toBe('/problems/storage-unavailable');
    }

    db = await startDynamoLocal({ dbPath, port: db.port });
    const read = await request('GET', `/v1/claims/${id}`);
    expect(read.status).toBe(200);
    const list = (await (await request('GET', '/v1/claims')).json()) as {
      items: { waybill: string }[];
    };
    expect(list.items.map((c) => c.waybill)).toEqual(['WB-BEFORE']);
    expect((await request('POST', '/v1/claims', filing('WB-AFTER'))).status).toBe(201);
  }, 90_000);

  it('never writes keys, e-mails or phones to the access log', () => {
    expect(logged.length).toBeGreaterThan(0);
    const all = logged.join('\n');
    for (const secret of [key, claimant.email, claimant.phone, claimant.name]) {
      expect(all).not.toContain(secret);
    }
  });
});
