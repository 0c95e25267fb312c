/**
 * Issue 10: with DynamoDB frozen, filings that got a 503 were stored once it resumed.
 * A DynamoDB Local of its own is frozen with SIGSTOP: the connection is accepted (by
 * the kernel) and the request goes out, but no answer comes. The API answers 503
 * `storage-outcome-unknown`, not "unavailable": the write lands once the database
 * resumes, and the retry the problem asks for (the same Idempotency-Key) gets that
 * claim back, while a retry without the key is refused as a second claim for the parcel.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { clientFor, ensureTable } from '../../scripts/create-table';
import { startDynamoLocal } from '../../scripts/dynamodb-local';
import { createApp } from '../../src/app';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { idempotencyKey } from '../../src/storage/dynamodb/keys';
import { generateApiKey, hashApiKey } from '../../src/storage/api-keys';
import { createDynamoStorage } from '../../src/storage/dynamodb';

const db = await startDynamoLocal();
const pid = db.pid;
if (pid === undefined) throw new Error('DynamoDB Local has no pid');
const connection = { endpoint: db.endpoint, region: 'eu-central-1', tableName: 'claims' };
const admin = clientFor(connection);
await ensureTable(admin, 'claims');
// Short timeouts, so the frozen write gives up within seconds (2 attempts); the API key
// cached, so the filing's only request to the frozen database is its write.
const storage = createDynamoStorage({
  ...connection,
  requestTimeoutMs: 1500,
  apiKeyCacheMs: 60_000,
});
const app = createApp(
  {
    clock: () => new Date('2025-06-16T09:00:00.000Z'),
    maxBodyBytes: 65_536,
    storage,
    newId: () => `clm_${crypto.randomUUID().replaceAll('-', '')}`,
  },
  { log: () => undefined },
);
const { keyId, key } = generateApiKey();
await storage.apiKeys.create({
  keyId,
  secretHash: await hashApiKey(key),
  role: 'shop',
  shopId: 'shop-frozen',
  createdAt: '2025-06-01T00:00:00.000Z',
});

afterAll(async () => {
  process.kill(pid, 'SIGCONT');
  admin.destroy();
  await db.stop();
});

const filing = {
  type: 'lost',
  carrier: 'cdek',
  waybill: 'WB-FROZEN',
  shippedDate: '2025-06-02',
  shipment: { deliveryCost: { amount: '500.00', currency: 'RUB' } },
  claimant: { name: 'Olga Ivanova', email: 'olga@example.com', phone: '+7 911 222-33-44' },
  description: 'Lost',
  evidence: [{ kind: 'receipt', name: 'receipt.pdf' }],
};
const file = (headers: Record<string, string> = {}) =>
  app.request('/v1/claims', {
    method: 'POST',
    headers: {
      authorization: `Bearer ${key}`,
      'content-type': 'application/json',
      ...headers,
    },
    body: JSON.stringify(filing),
  });
const read = (id: string) =>
  app.request(`/v1/claims/${id}`, { headers: { authorization: `Bearer ${key}` } });

describe('when DynamoDB freezes after a filing was sent', () => {
  it('answers 503 storage-outcome-unknown; the write lands on resume and the keyed retry gets it', async () => {
    expect((await read('clm_00000000000000000000000000000000')).status).toBe(404); // warm, key cached
    process.kill(pid, 'SIGSTOP');
    let answer: Response;
    try {
      answer = await file({ 'idempotency-key': 'frozen-1' });
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    expect(answer.status).toBe(503);
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    const problem = (await answer.json()) as { type: string; detail: string };
    expect(problem.type).toBe('/problems/storage-outcome-unknown');
    expect(problem.detail).toMatch(/same Idempotency-Key/);

    // Resumed, DynamoDB Local carries out the request it had taken in: the key's record and
    // the claim it names are there.
    const keyRecord = () =>
      admin.send(
        new GetItemCommand({ TableName: 'claims', Key: idempotencyKey('shop-frozen', 'frozen-1') }),
      );
    let record = await keyRecord();
    for (let i = 0; i < 50 && record.Item === undefined; i++) {
      await new Promise((done) => setTimeout(done, 100));
      record = await keyRecord();
    }
    const id = record.Item?.claimId?.S ?? '';
    expect((await read(id)).status).toBe(200);

    const retry = await file({ 'idempotency-key': 'frozen-1' });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(((await retry.json()) as { id: string }).id).toBe(id);
    // Without the key, a retry is a second claim for the parcel: refused, naming the first.
    const unkeyed = await file();
    expect(unkeyed.status).toBe(409);
    expect(await unkeyed.json()).toMatchObject({
      type: '/problems/claim-exists',
      existingClaimId: id,
    });
  }, 60_000);
});
