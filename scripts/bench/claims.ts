import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { createApp } from '../../src/app';
import type { Claim } from '../../src/domain/claim';
import { claimToItem } from '../../src/storage/dynamodb/items';
import { generateApiKey, hashApiKey } from '../../src/storage/api-keys';
import { createDynamoStorage } from '../../src/storage/dynamodb';
import { filingExample } from '../../src/schemas/examples';
import { clientFor, ensureTable } from '../create-table';
import { startDynamoLocal } from '../dynamodb-local';
import { fmt, median, timed } from './measure';

const FILINGS = 300;
const LISTED = 1000;

/**
 * Filing a claim through the whole API (validation, calculation, one
 * TransactWriteItems of claim + event + idempotency record) against one raw
 * PutItem of the same claim document, on the same DynamoDB Local: the median
 * latency ratio is our overhead (target ≤ 2). Then 1,000 claims listed page by page.
 */
export async function benchClaims(): Promise<string[]> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const db = await startDynamoLocal();
  try {
    const connection = { endpoint: db.endpoint, region: 'eu-central-1', tableName: 'bench' };
    const raw = clientFor(connection);
    await ensureTable(raw, 'bench');
    const storage = createDynamoStorage(connection);
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
    const { keyId, key } = generateApiKey();
    await storage.apiKeys.create({
      keyId,
      secretHash: await hashApiKey(key),
      role: 'shop',
      shopId: 'bench',
      createdAt: '2025-06-01T00:00:00.000Z',
    });
    const file = (i: number) =>
      app.request('/v1/claims', {
        method: 'POST',
        headers: {
          authorization: `Bearer ${key}`,
          'content-type': 'application/json',
          'idempotency-key': `k${i}`,
        },
        body: JSON.stringify({ ...filingExample, waybill: `WB${i}` }),
      });
    const sample = JSON.parse(await (await file(-1)).text()) as Claim;
    for (let i = 0; i < 30; i++) await file(-2 - i); // warm-up
    // Interleaved, one filing then one PutItem, so both see the same machine load.
    const api: number[] = [];
    const put: number[] = [];
    const auth: number[] = [];
    const tx: number[] = [];
    const secretHash = await hashApiKey(key);
    for (let i = 0; i < FILINGS; i++) {
      api.push(
        await timed(async () => {
          const res = await file(i);
          if (res.status !== 201) throw new Error(`filing answered ${res.status}`);
        }),
      );
      // The same claim item the API writes (with its index keys), under another id and shop.
      const item = claimToItem({ ...sample, id: `raw_${i}`, shopId: 'raw' });
      put.push(await timed(() => raw.send(new PutItemCommand({ TableName: 'bench', Item: item }))));
      auth.push(await timed(() => storage.apiKeys.findByHash(secretHash)));
      const id = `tx_${i}`;
      const by = { role: 'shop' as const, id: 'raw' };
      const event = {
        claimId: id,
        seq: 1,
        at: sample.createdAt,
        actor: by,
        type: 'filed' as const,
      };
      const idem = {
        shopId: 'raw',
        key: id,
        fingerprint: 'f',
        response: JSON.stringify(sample),
        expiresAt: 2e9,
      };
      tx.push(
        await timed(() => storage.claims.create({ ...sample, id, shopId: 'raw' }, event, idem)),
      );
    }
    const apiMs = median(api);
    const putMs = median(put);
    for (let i = FILINGS + 31; i < LISTED; i++) await file(i);
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
      '| operation | median ms |',
      '|---|---|',
      `| POST /v1/claims (validate, compute, TransactWriteItems ×3 items) | ${fmt(apiMs)} |`,
      `| raw PutItem of the same claim item (same index keys) | ${fmt(putMs)} |`,
      `| ratio (target ≤ 2) | ${fmt(apiMs / putMs)} |`,
      `| of which: API key lookup (GetItem by hash) | ${fmt(median(auth))} |`,
      `| of which: claim + event + idempotency record (one TransactWriteItems) | ${fmt(median(tx))} |`,
      '',
      `Listing ${listed} claims, 100 a page: ${pages.length} pages, ${fmt(total, 0)} ms in all, ${fmt(total / pages.length, 1)} ms a page.`,
    ];
  } finally {
    await db.stop();
  }
}
