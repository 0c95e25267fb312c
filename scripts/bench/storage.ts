/**
 * `npm run bench -- storage`: what the data model costs, the way DynamoDB bills it.
 *   - write units (ReturnConsumedCapacity INDEXES, which DynamoDB Local reports too) of a
 *     filing with an Idempotency-Key and one evidence entry, of each kind of move, of a
 *     shipment event, through the whole API; and what the claim-change consumer spends after
 *     them, off the request path;
 *   - the items two shops' filings write: none in common;
 *   - filing latency against a raw PutItem of the claim's body (the claim item) and against a
 *     raw TransactWriteItems of the very items filing writes, interleaved pairs;
 *   - listing 1,000 claims page by page.
 */
import {
  PutItemCommand,
  TransactWriteItemsCommand,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { createApp } from '../../src/app';
import type { Claim } from '../../src/domain/claim';
import { filingExample } from '../../src/schemas/examples';
import { inlineFeed } from '../../src/services/claim-changes';
import { clerkViews, LOCAL_REFERENCE_SECRET } from '../../src/services/clerk-view';
import { createOutbox } from '../../src/services/webhook-outbox';
import { webhookDepsOf } from '../../src/services/webhook-wiring';
import type { ClaimChangeFeed } from '../../src/services/change-feed';
import { generateApiKey, hashApiKey } from '../../src/storage/api-keys';
import { storageOn } from '../../src/storage/dynamodb';
import { claimBodyItem, claimHeadItem } from '../../src/storage/dynamodb/claim-items';
import { idempotencyKey, openClaimKey } from '../../src/storage/dynamodb/keys';
import { clientFor, ensureTable } from '../create-table';
import { startDynamoLocal } from '../dynamodb-local';
import { keyed } from '../start-child';
import { meterWrites, type WriteUnits } from './capacity';
import { fmt, median, timed } from './measure';

const FILINGS = 300;
const LISTED = 1000;
const SHARDS = 4;
const CLOCK = new Date('2025-06-16T09:00:00.000Z');

/** A feed that remembers the changed claims, to run the consumer after the measurement. */
function deferredFeed() {
  const pending: string[] = [];
  const feed: ClaimChangeFeed = { claimChanged: async (id) => void pending.push(id) };
  return { feed, take: () => pending.splice(0) };
}

const units = (u: WriteUnits) =>
  `${u.total} (table ${u.table}${Object.entries(u.indexes)
    .map(([name, n]) => `, ${name} ${n}`)
    .join('')})`;

export async function benchStorage(): Promise<string[]> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const db = await startDynamoLocal();
  try {
    const connection = { endpoint: db.endpoint, region: 'eu-central-1', tableName: 'bench' };
    const raw = clientFor(connection);
    await ensureTable(raw, 'bench');
    const metered = clientFor(connection);
    const meter = meterWrites(metered);
    const storage = storageOn(metered, {
      tableName: 'bench',
      viewShards: SHARDS,
      apiKeyCacheMs: 60_000,
    });
    const consumerClient = clientFor(connection);
    const consumerMeter = meterWrites(consumerClient);
    const consumerStorage = storageOn(consumerClient, { tableName: 'bench', viewShards: SHARDS });
    // The consumer as the Worker builds it: it also records the claim's webhook events (the
    // shop has no endpoint here, so each event is kept for GET /v1/events and nothing is sent).
    const webhooks = webhookDepsOf({}, { storage: consumerStorage, clock: () => CLOCK }, undefined);
    const consumer = inlineFeed({
      storage: consumerStorage,
      clock: () => CLOCK,
      announcer: { outbox: createOutbox(webhooks), views: clerkViews(LOCAL_REFERENCE_SECRET) },
    });
    const deferred = deferredFeed();
    let seq = 0;
    const appOn = (on: typeof storage) =>
      createApp(
        {
          clock: () => CLOCK,
          maxBodyBytes: 65_536,
          storage: on,
          newId: () => `clm_${(++seq).toString(16).padStart(32, '0')}`,
          changes: deferred.feed,
        },
        { log: () => undefined },
      );
    // The metered app counts write units (its meter sends a transaction's items one by one);
    // the plain one is timed, on a client of its own.
    const meteredApp = appOn(storage);
    const app = appOn(
      storageOn(clientFor(connection), {
        tableName: 'bench',
        viewShards: SHARDS,
        apiKeyCacheMs: 60_000,
      }),
    );
    let via = meteredApp;
    const keyFor = async (role: 'shop' | 'clerk', shopId?: string) => {
      const { keyId, key } = generateApiKey();
      await storage.apiKeys.create({
        keyId,
        secretHash: await hashApiKey(key),
        role,
        ...(shopId ? { shopId } : {}),
        createdAt: '2025-06-01T00:00:00.000Z',
      });
      return key;
    };
    const shopKey = await keyFor('shop', 'bench');
    const clerkKey = await keyFor('clerk');
    const call = async (
      key: string,
      method: string,
      path: string,
      body?: unknown,
      headers = {},
    ) => {
      const res = await via.request(path, keyed(method, key, body, headers));
      if (res.status >= 300)
        throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as Claim;
    };
    const file = (i: number, key = shopKey, idem = true) =>
      call(
        key,
        'POST',
        '/v1/claims',
        { ...filingExample, waybill: `WB${i}` },
        idem ? { 'idempotency-key': `k-${i}` } : {},
      );
    const consume = async () => {
      consumerMeter.take();
      for (const id of deferred.take()) await consumer.claimChanged(id);
      return consumerMeter.take();
    };

    // Write units, one operation at a time.
    const rows: [string, WriteUnits, WriteUnits][] = [];
    const measure = async (name: string, run: () => Promise<unknown>) => {
      meter.take();
      await run();
      rows.push([name, meter.take(), await consume()]);
    };
    let claim: Claim | undefined;
    await measure('filing with an Idempotency-Key and one evidence entry', async () => {
      claim = await file(-1);
    });
    const id = claim!.id;
    const as = (key: string, path: string, body: unknown = {}) =>
      call(key, 'POST', `/v1/claims/${id}/${path}`, body);
    await measure('review (submitted → in_review)', () => as(clerkKey, 'review'));
    await measure('assign to me', () => as(clerkKey, 'assignee'));
    await measure('evidence added (one entry)', () =>
      as(shopKey, 'evidence', { evidence: [{ kind: 'photo', name: 'box.jpg' }] }),
    );
    let decided: Claim | undefined;
    await measure('decide: approved', async () => {
      decided = await as(clerkKey, 'decision', {
        decision: 'approved',
        reason: 'Confirmed by the carrier',
      });
    });
    const approved = decided!.decision?.approvedAmount ?? { amount: '1.00', currency: 'RUB' };
    await measure('pay (settles: guard released, open views left)', () =>
      as(clerkKey, 'payment', { amount: approved, paidOn: '2025-06-16', reference: 'PP-1' }),
    );

    // No item in common between two shops' filings (the request path), 20 filings each.
    const otherKey = await keyFor('shop', 'bench-other');
    const keysOf = async (key: string, from: number) => {
      meter.take();
      for (let i = from; i < from + 20; i++) await file(i, key);
      deferred.take();
      return meter.take().keys;
    };
    const mine = await keysOf(shopKey, 5000);
    const theirs = await keysOf(otherKey, 6000);
    const shared = [...mine].filter((key) => theirs.has(key));

    // Latency: interleaved with the raw writes of the same claim's items.
    via = app;
    const sample = await file(-2);
    const body = await claimBodyItem(
      { ...sample, id: 'raw' },
      {
        claimId: 'raw',
        seq: 1,
        at: sample.createdAt,
        actor: { role: 'shop', id: 'bench' },
        type: 'filed',
        to: 'submitted',
      },
    );
    const rawItems = (i: number): TransactWriteItem[] => {
      const copy = { ...sample, id: `raw_${i}`, shopId: 'raw' };
      return [
        {
          Put: {
            TableName: 'bench',
            Item: claimHeadItem(copy, SHARDS),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        { Put: { TableName: 'bench', Item: { ...body, pk: { S: `CLAIM#raw_${i}` } } } },
        {
          Put: {
            TableName: 'bench',
            Item: { ...openClaimKey(copy, `waybill:raw-${i}`), claimId: { S: copy.id } },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: 'bench',
            Item: {
              ...idempotencyKey('raw', `k-${i}`),
              claimId: { S: copy.id },
              fingerprint: { S: 'f'.repeat(64) },
              expiresAt: { N: '2000000000' },
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ];
    };
    const putBody = (i: number) =>
      raw.send(
        new PutItemCommand({
          TableName: 'bench',
          Item: { ...body, pk: { S: `CLAIM#rawput_${i}` } },
        }),
      );
    const rawTransaction = (i: number) =>
      raw.send(new TransactWriteItemsCommand({ TransactItems: rawItems(i) }));
    for (let i = 0; i < 30; i++) await file(1000 + i); // warm-up
    const ours: number[] = [];
    const puts: number[] = [];
    const transactions: number[] = [];
    for (let i = 0; i < FILINGS; i++) {
      ours.push(await timed(() => file(i)));
      puts.push(await timed(() => putBody(i)));
      transactions.push(await timed(() => rawTransaction(i)));
    }
    deferred.take();
    const toPut = ours.map((ms, k) => ms / puts[k]!);
    const toTransaction = ours.map((ms, k) => ms / transactions[k]!);

    // Listing, page by page (as a clerk: every shard merged).
    for (let i = FILINGS + 2000; i < FILINGS + 2000 + LISTED; i++) await file(i, otherKey, false);
    deferred.take();
    const pages: number[] = [];
    let cursor: string | undefined;
    let listed = 0;
    do {
      const t = performance.now();
      const res = await app.request(
        `/v1/claims?shopId=bench-other&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { headers: { authorization: `Bearer ${clerkKey}` } },
      );
      const page = (await res.json()) as { items: unknown[]; nextCursor?: string };
      pages.push(performance.now() - t);
      listed += page.items.length;
      cursor = page.nextCursor;
    } while (cursor);
    raw.destroy();
    return [
      `Write units as DynamoDB bills them (ReturnConsumedCapacity INDEXES on DynamoDB Local, each item of a transaction sent alone: Local under-reports a transaction of several items), ${SHARDS} view shards.`,
      '',
      '| operation | on the request path | by the consumer, after it |',
      '|---|---|---|',
      ...rows.map(([name, path, after]) => `| ${name} | ${units(path)} | ${units(after)} |`),
      '',
      `Items written by 20 filings of one shop and 20 of another: ${mine.size} and ${theirs.size}, **${shared.length} in common**${shared.length ? ` (${shared.join(', ')})` : ''}.`,
      '',
      `${FILINGS} filings, each next to a raw PutItem of the claim's body and a raw TransactWriteItems of the same four items (head, body, guard, key record), interleaved.`,
      '',
      '| operation | median ms |',
      '|---|---|',
      `| POST /v1/claims with Idempotency-Key | ${fmt(median(ours))} |`,
      `| raw PutItem of the claim's body | ${fmt(median(puts))} |`,
      `| raw TransactWriteItems of head, body, guard, key record | ${fmt(median(transactions))} |`,
      `| **filing ÷ raw PutItem** (median of pairs; target ≤ 1.5) | **${fmt(median(toPut))}** |`,
      `| filing ÷ raw TransactWriteItems of the same items (our overhead) | ${fmt(median(toTransaction))} |`,
      '',
      `Listing ${listed} claims of one shop as a clerk, 100 a page: ${pages.length} pages, ${fmt(median(pages), 1)} ms a page (median).`,
    ];
  } finally {
    await db.stop();
  }
}
