import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { createApp } from '../../src/app';
import type { Claim, ClaimEvent } from '../../src/domain/claim';
import { parseConfig } from '../../src/env';
import { filedClaimItem } from '../../src/storage/dynamodb/items';
import { generateApiKey, hashApiKey } from '../../src/storage/api-keys';
import { createDynamoStorage, DynamoApiKeyRepository } from '../../src/storage/dynamodb';
import { filingExample } from '../../src/schemas/examples';
import { clientFor, ensureTable } from '../create-table';
import { startDynamoLocal } from '../dynamodb-local';
import { fmt, median, timed } from './measure';

const FILINGS = 300;
const LISTED = 1000;

/**
 * Filing a claim through the whole API (auth, validation, calculation, one
 * TransactWriteItems of the claim item (claim + filed event + idempotency record),
 * the open-claim guard and the filing's one evidence item) against one raw PutItem
 * of the very claim item the API writes, on the same DynamoDB Local: the median
 * latency ratio is our overhead (target ≤ 2). With and without an Idempotency-Key.
 * Then 1,000 claims listed page by page.
 */
export async function benchClaims(): Promise<string[]> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const db = await startDynamoLocal();
  try {
    const connection = { endpoint: db.endpoint, region: 'eu-central-1', tableName: 'bench' };
    const raw = clientFor(connection);
    await ensureTable(raw, 'bench');
    // As the Worker builds it: the API key cache at its default (API_KEY_CACHE_SECONDS).
    const cacheSeconds = parseConfig({}).API_KEY_CACHE_SECONDS;
    const storage = createDynamoStorage({ ...connection, apiKeyCacheMs: cacheSeconds * 1000 });
    let seq = 0;
    const app = createApp(
      {
        clock: () => new Date('2025-06-16T09:00:00.000Z'),
        maxBodyBytes: 65_536,
        storage,
        newId: () => `clm_${(++seq).toString(16).padStart(32, '0')}`,
      },
      { log: () => undefined },
    );
    // The same app with the key cache off (API_KEY_CACHE_SECONDS=0): every request reads its key.
    const uncachedApp = createApp(
      {
        clock: () => new Date('2025-06-16T09:00:00.000Z'),
        maxBodyBytes: 65_536,
        storage: createDynamoStorage({ ...connection, apiKeyCacheMs: 0 }),
        newId: () => `clm_${(++seq).toString(16).padStart(32, '0')}`,
      },
      { log: () => undefined },
    );
    const { keyId, key } = generateApiKey();
    const secretHash = await hashApiKey(key);
    await storage.apiKeys.create({
      keyId,
      secretHash,
      role: 'shop',
      shopId: 'bench',
      createdAt: '2025-06-01T00:00:00.000Z',
    });
    const file = (i: number, idempotencyKey?: string, via = app) =>
      via.request('/v1/claims', {
        method: 'POST',
        headers: {
          authorization: `Bearer ${key}`,
          'content-type': 'application/json',
          ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        },
        body: JSON.stringify({ ...filingExample, waybill: `WB${i}` }),
      });
    const filed = async (i: number, idempotencyKey?: string, via = app) => {
      const res = await file(i, idempotencyKey, via);
      if (res.status !== 201) throw new Error(`filing answered ${res.status}`);
    };
    const sample = JSON.parse(await (await file(-1, 'k-sample')).text()) as Claim;
    for (let i = 0; i < 30; i++) await filed(-2 - i, `k-warm-${i}`); // warm-up
    // The very claim item the API writes (claim, filed event, idempotency record), under
    // another id. The API writes two more in the same transaction: the guard, the evidence.
    const rawItem = (id: string, withKey: boolean) => {
      const claim = { ...sample, id, shopId: 'raw' };
      const event: ClaimEvent = {
        claimId: id,
        seq: 1,
        at: sample.createdAt,
        actor: { role: 'shop', id: 'raw' },
        type: 'filed',
        to: 'submitted',
      };
      const idem = { key: `k-${id}`, fingerprint: 'f'.repeat(64), expiresAt: 2e9 };
      return filedClaimItem(claim, event, withKey ? idem : undefined);
    };
    const put = (id: string, withKey: boolean) =>
      raw.send(new PutItemCommand({ TableName: 'bench', Item: rawItem(id, withKey) }));
    const uncachedKeys = new DynamoApiKeyRepository({ client: raw, tableName: 'bench' });
    // Interleaved, each filing next to its PutItem, so both see the same machine load.
    const samples = { keyed: [] as number[], keyedPut: [] as number[], plain: [] as number[] };
    const more = { plainPut: [] as number[], keyRead: [] as number[], uncached: [] as number[] };
    for (let i = 0; i < FILINGS; i++) {
      samples.keyed.push(await timed(() => filed(i, `k-${i}`)));
      samples.keyedPut.push(await timed(() => put(`raw_k${i}`, true)));
      samples.plain.push(await timed(() => filed(FILINGS + i)));
      more.plainPut.push(await timed(() => put(`raw_p${i}`, false)));
      more.keyRead.push(await timed(() => uncachedKeys.findByHash(secretHash)));
      // Another parcel: one open claim per waybill and type.
      more.uncached.push(await timed(() => filed(2 * FILINGS + i, `k-uncached-${i}`, uncachedApp)));
    }
    const keyedRatios = samples.keyed.map((ms, k) => ms / (samples.keyedPut[k] ?? NaN));
    const plainRatios = samples.plain.map((ms, k) => ms / (more.plainPut[k] ?? NaN));
    const uncachedRatios = more.uncached.map((ms, k) => ms / (samples.keyedPut[k] ?? NaN));
    for (let i = 3 * FILINGS + 31; i < LISTED; i++) await filed(i);
    const pages: number[] = [];
    let cursor: string | undefined;
    let listed = 0;
    const started = performance.now();
    do {
      const t = performance.now();
      const res = await app.request(
        `/v1/claims?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { headers: { authorization: `Bearer ${key}` } },
      );
      const page = (await res.json()) as { items: unknown[]; nextCursor?: string };
      pages.push(performance.now() - t);
      listed += page.items.length;
      cursor = page.nextCursor;
    } while (cursor);
    const total = performance.now() - started;
    raw.destroy();
    return [
      `${FILINGS} of each, interleaved; API key cache ${cacheSeconds} s (the default).`,
      '',
      '| operation | median ms |',
      '|---|---|',
      `| POST /v1/claims with Idempotency-Key | ${fmt(median(samples.keyed))} |`,
      `| raw PutItem of the same claim item (claim + filed event + key record) | ${fmt(median(samples.keyedPut))} |`,
      `| **ratio with a key** (median of pairs; target ≤ 2) | **${fmt(median(keyedRatios))}** |`,
      `| POST /v1/claims without a key | ${fmt(median(samples.plain))} |`,
      `| raw PutItem of the same claim item (claim + filed event) | ${fmt(median(more.plainPut))} |`,
      `| **ratio without a key** (median of pairs; target ≤ 2) | **${fmt(median(plainRatios))}** |`,
      `| API key read when not cached (first request per key and isolate every ${cacheSeconds} s) | ${fmt(median(more.keyRead))} |`,
      `| POST /v1/claims with a key, key cache off (API_KEY_CACHE_SECONDS=0) | ${fmt(median(more.uncached))} |`,
      `| ratio with a key, key cache off (vs. the keyed PutItem) | ${fmt(median(uncachedRatios))} |`,
      '',
      `Listing ${listed} claims, 100 a page: ${pages.length} pages, ${fmt(total, 0)} ms in all, ${fmt(total / pages.length, 1)} ms a page.`,
    ];
  } finally {
    await db.stop();
  }
}
