import { env } from 'cloudflare:test';
import type { ActorRole } from '../../src/domain/claim';
import { generateApiKey, hashApiKey } from '../../src/storage/api-keys';
import { createDynamoStorage } from '../../src/storage/dynamodb';
import { call, rub, type Answer } from './helpers';

const bindings = env as { DYNAMODB_ENDPOINT: string; DYNAMODB_TABLE: string };

/** The same DynamoDB Local the Worker under test uses. */
export const storage = createDynamoStorage({
  endpoint: bindings.DYNAMODB_ENDPOINT,
  tableName: bindings.DYNAMODB_TABLE,
  region: 'eu-central-1',
});

/** Creates an API key straight in storage, as `npm run keys -- create` would. */
export async function seedKey(role: ActorRole, shopId?: string, displayName?: string) {
  const { keyId, key } = generateApiKey();
  await storage.apiKeys.create({
    keyId,
    secretHash: await hashApiKey(key),
    role,
    ...(shopId ? { shopId } : {}),
    ...(displayName ? { displayName } : {}),
    createdAt: '2025-06-01T00:00:00.000Z',
  });
  return { keyId, key, auth: { authorization: `Bearer ${key}` } };
}

/** A test key of `shopId` (`pct_test_…`: its sandbox, `<shopId>~test`), as `npm run keys -- create --test` makes one. */
export async function seedTestKey(shopId: string) {
  const { keyId, key } = generateApiKey({ test: true });
  await storage.apiKeys.create({
    keyId,
    secretHash: await hashApiKey(key),
    role: 'shop',
    shopId,
    test: true,
    createdAt: '2025-06-01T00:00:00.000Z',
  });
  return { keyId, key, auth: { authorization: `Bearer ${key}` } };
}

/** A fresh shop (unique id, so listings in one test file are exact) and its key. */
export async function seedShop() {
  const shopId = `shop-${crypto.randomUUID().slice(0, 8)}`;
  return { shopId, ...(await seedKey('shop', shopId)) };
}

/** A lost-parcel filing, insured, with the value proven: 500 + 8000 = 8500.00 RUB under cdek. */
export const lostFiling = (overrides: Record<string, unknown> = {}) => ({
  type: 'lost',
  carrier: 'cdek',
  waybill: `WB-${crypto.randomUUID().slice(0, 8)}`,
  shippedDate: '2025-06-02',
  shipment: {
    deliveryCost: rub('500.00'),
    insurance: { declaredValue: rub('10000.00'), documentedValue: rub('8000.00') },
  },
  claimant: { name: 'Anna Petrova', email: 'anna@example.com', phone: '+7 900 000-00-00' },
  description: 'Never arrived.',
  evidence: [{ kind: 'receipt', name: 'receipt.pdf' }],
  ...overrides,
});

/** Files a claim and fails loudly (printing the answer) unless it was created. */
export async function fileOk(auth: Record<string, string>, body: unknown = lostFiling()) {
  const a = await call('POST', '/v1/claims', body, auth);
  if (a.status !== 201) throw new Error(`filing failed: ${a.text}`);
  return a.body as { id: string; version: number; status: string } & Record<string, unknown>;
}

/** A move on a claim: POST /v1/claims/{id}/{move}. */
export const move = (
  id: string,
  name: string,
  auth: Record<string, string>,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> => call('POST', `/v1/claims/${id}/${name}`, body, { ...auth, ...headers });
