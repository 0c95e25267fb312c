/**
 * What the API answers when DynamoDB (Local, with failures injected at the client) refuses
 * for a moment or for good (issue 18): a transaction that keeps colliding with others, or
 * throttling, is retried and then a 503 `storage-busy` with Retry-After (never a 409 or a
 * 412 that blames another writer, and nothing written); an item too large to store is a 422
 * `record-too-large`, never a 500. An oversize write to DynamoDB Local itself (no fault
 * injected) is the same 422 error.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { generateApiKey, hashApiKey } from '../../src/storage/api-keys';
import { StorageTooLargeError } from '../../src/storage/errors';
import {
  itemTooLarge,
  itemTooLargeInTransaction,
  throttled,
  transactionConflict,
  transactionThrottled,
  withFaults,
  type FaultOf,
} from '../support/storage-faults';
import { freshStorage } from './helpers';

const storage = await freshStorage();
const faults = withFaults(storage.client);
let ids = 0;
const app = createApp(
  {
    clock: () => new Date('2025-06-16T09:00:00.000Z'),
    maxBodyBytes: 65_536,
    storage,
    newId: () => `clm_${String(++ids).padStart(32, '0')}`,
  },
  { log: () => undefined },
);

async function keyFor(role: 'shop' | 'clerk'): Promise<string> {
  const { keyId, key } = generateApiKey();
  await storage.apiKeys.create({
    keyId,
    secretHash: await hashApiKey(key),
    role,
    ...(role === 'shop' ? { shopId: 'shop-busy' } : {}),
    createdAt: '2025-06-01T00:00:00.000Z',
  });
  return key;
}
const shopKey = await keyFor('shop');
const clerkKey = await keyFor('clerk');

const request = (key: string, method: string, path: string, body?: unknown, headers = {}) =>
  app.request(path, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const filing = (waybill: string) => ({
  type: 'lost',
  carrier: 'cdek',
  waybill,
  shippedDate: '2025-06-02',
  shipment: { deliveryCost: { amount: '500.00', currency: 'RUB' } },
  claimant: { name: 'Olga Ivanova', email: 'olga@example.com', phone: '+7 911 222-33-44' },
  description: 'Lost',
});
async function filed(waybill: string): Promise<string> {
  const res = await request(shopKey, 'POST', '/v1/claims', filing(waybill));
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}
async function problemOf(res: Response) {
  const body = (await res.json()) as { type: string; status: number; detail: string };
  return { status: res.status, type: body.type, retryAfter: res.headers.get('retry-after') };
}
const version = async (id: string) =>
  ((await (await request(shopKey, 'GET', `/v1/claims/${id}`)).json()) as { version: number })
    .version;

describe('storage that stays busy', () => {
  it('answers a move whose transaction keeps colliding 503 storage-busy, not 409 or 412; nothing moved', async () => {
    const id = await filed('W-BUSY-1');
    faults.fail('TransactWriteItemsCommand', Infinity, transactionConflict);
    const res = await request(
      clerkKey,
      'POST',
      `/v1/claims/${id}/review`,
      {},
      {
        'if-match': '"1"',
      },
    );
    faults.clear();
    expect(await problemOf(res)).toEqual({
      status: 503,
      type: '/problems/storage-busy',
      retryAfter: '1',
    });
    expect(await version(id)).toBe(1);
    // Retried after Retry-After, with the same If-Match: it goes through.
    const again = await request(
      clerkKey,
      'POST',
      `/v1/claims/${id}/review`,
      {},
      {
        'if-match': '"1"',
      },
    );
    expect(again.status).toBe(200);
  });

  it('retries a few collisions itself: the move is answered 200', async () => {
    const id = await filed('W-BUSY-2');
    faults.fail('TransactWriteItemsCommand', 3, transactionConflict);
    const res = await request(
      clerkKey,
      'POST',
      `/v1/claims/${id}/review`,
      {},
      {
        'if-match': '"1"',
      },
    );
    expect(res.status).toBe(200);
    expect(await version(id)).toBe(2);
  });

  it('answers a filing that keeps colliding 503 storage-busy; the keyed retry files it once', async () => {
    faults.fail('TransactWriteItemsCommand', Infinity, transactionConflict);
    const headers = { 'idempotency-key': 'busy-filing-1' };
    const res = await request(shopKey, 'POST', '/v1/claims', filing('W-BUSY-3'), headers);
    faults.clear();
    expect(await problemOf(res)).toMatchObject({ status: 503, type: '/problems/storage-busy' });
    const again = await request(shopKey, 'POST', '/v1/claims', filing('W-BUSY-3'), headers);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).not.toBe('true');
  });

  it.each([
    ['a throttled transaction', 'TransactWriteItemsCommand', transactionThrottled, 'review'],
    ['a throttled write', 'TransactWriteItemsCommand', throttled, 'review'],
    ['a throttled read', 'QueryCommand', throttled, 'read'],
  ] as const)('answers %s 503 storage-busy with Retry-After', async (_, command, fault, what) => {
    const id = await filed(`W-THROTTLED-${command}-${what}-${fault === throttled}`);
    faults.fail(command, 1, fault);
    const res =
      what === 'read'
        ? await request(shopKey, 'GET', `/v1/claims/${id}`)
        : await request(clerkKey, 'POST', `/v1/claims/${id}/review`, {});
    faults.clear();
    expect(await problemOf(res)).toEqual({
      status: 503,
      type: '/problems/storage-busy',
      retryAfter: '1',
    });
  });
});

describe('a record too large to store', () => {
  it.each([
    ['refused outright (ValidationException)', itemTooLarge],
    ['a transaction cancelled with a ValidationError', itemTooLargeInTransaction],
  ] as [string, FaultOf][])('answers 422 record-too-large, not 500: %s', async (_, fault) => {
    const id = await filed(`W-LARGE-${fault === itemTooLarge}`);
    faults.fail('TransactWriteItemsCommand', 1, fault);
    const res = await request(shopKey, 'POST', `/v1/claims/${id}/evidence`, {
      evidence: [{ kind: 'photo', name: 'box.jpg' }],
    });
    faults.clear();
    expect(await problemOf(res)).toEqual({
      status: 422,
      type: '/problems/record-too-large',
      retryAfter: null,
    });
    expect(await version(id)).toBe(1);
  });

  it('is what DynamoDB Local’s own refusal of an item over 400 KB becomes', async () => {
    const id = await filed('W-LARGE-REAL');
    const note = { claimId: id, at: '2025-06-16T09:00:00.000Z', author: { id: 'k', name: 'k' } };
    const refused = await storage.notes
      .add({ ...note, text: 'x'.repeat(410 * 1024) })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(StorageTooLargeError);
    expect(refused).toMatchObject({ code: 'record-too-large', what: 'item' });
  });
});
