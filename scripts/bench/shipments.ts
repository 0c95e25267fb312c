import {
  BatchWriteItemCommand,
  PutItemCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { createApp } from '../../src/app';
import { parseConfig } from '../../src/env';
import { orderInputExample } from '../../src/schemas/shipment.examples';
import { generateApiKey, hashApiKey } from '../../src/storage/api-keys';
import { createDynamoStorage } from '../../src/storage/dynamodb';
import { localCursorSecret } from '../../src/storage/dynamodb/claim-repository';
import type { Item } from '../../src/storage/dynamodb/codec';
import { shipmentToItem } from '../../src/storage/dynamodb/shipment-items';
import { listLateShipments } from '../../src/storage/dynamodb/shipment-list';
import type { ShipmentRecord } from '../../src/storage/repository';
import { clientFor, ensureTable } from '../create-table';
import { startDynamoLocal } from '../dynamodb-local';
import { fmt, median, timed } from './measure';

const EVENTS = 300;
/** Shipments delivered (one journey-ending event each) on the cold instance. */
const ENDINGS = 120;
/** Shipments re-scheduled or re-measured (one report of facts each) on the cold instance. */
const FACTS = 80;
const OPEN = 10_000;
const LATE = 100;
const TODAY = '2025-06-16';
const STATUSES = ['handed_to_delivery', 'in_transit', 'with_courier', 'awaiting_pickup'] as const;

async function batchWrite(client: DynamoDBClient, table: string, items: Item[]) {
  for (let from = 0; from < items.length; from += 25) {
    let requests = items.slice(from, from + 25).map((Item) => ({ PutRequest: { Item } }));
    while (requests.length > 0) {
      const answer = await client.send(
        new BatchWriteItemCommand({ RequestItems: { [table]: requests } }),
      );
      requests = (answer.UnprocessedItems?.[table] ?? []).flatMap((r) =>
        r.PutRequest?.Item ? [{ PutRequest: { Item: r.PutRequest.Item } }] : [],
      );
    }
  }
}

/**
 * Recording a carrier event through the whole API (auth, validation, the rules, and for a
 * routine report one conditional UpdateItem appending it, no read) against one raw PutItem of
 * the very item the API writes, on the same DynamoDB Local: the median latency ratio is our
 * overhead (target ≤ 2). Next to each, the same through an instance that remembers no
 * shipment: a cold event. Then `delivered` events on the cold instance, on time and late
 * (one UpdateItem; an on-time one leaves the late index by a second after the answer, through
 * the execution context's waitUntil, as in workerd), and reports of facts
 * (`rescheduled`, `remeasured`: one UpdateItem). Then the late listing with 10,000 open shipments of one
 * shop, 100 of them late: the items the Query reads and the capacity it consumes.
 */
export async function benchShipments(): Promise<string[]> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const db = await startDynamoLocal();
  try {
    const connection = { endpoint: db.endpoint, region: 'eu-central-1', tableName: 'bench' };
    const raw = clientFor(connection);
    await ensureTable(raw, 'bench');
    const cacheSeconds = parseConfig({}).API_KEY_CACHE_SECONDS;
    const storage = createDynamoStorage({ ...connection, apiKeyCacheMs: cacheSeconds * 1000 });
    const appOn = (on: typeof storage) =>
      createApp(
        {
          clock: () => new Date(`${TODAY}T09:00:00.000Z`),
          maxBodyBytes: 65_536,
          storage: on,
          newId: () => crypto.randomUUID(),
        },
        { log: () => undefined },
      );
    const app = appOn(storage);
    // Another instance that remembers no shipment: every event it takes is a cold one.
    const coldStorage = createDynamoStorage({
      ...connection,
      apiKeyCacheMs: cacheSeconds * 1000,
      shipmentCacheSize: 0,
    });
    const coldApp = appOn(coldStorage);
    const { keyId, key } = generateApiKey();
    await storage.apiKeys.create({
      keyId,
      secretHash: await hashApiKey(key),
      role: 'shop',
      shopId: 'bench',
      createdAt: '2025-06-01T00:00:00.000Z',
    });
    const auth = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    const [template] = orderInputExample.shipments;
    // One order of 40 shipments each; events go to these shipments in turn.
    const ids = Array.from({ length: 40 }, (_, i) => `S-${i}`);
    const putOrder = async (on: typeof app, orderId: string, shipmentIds: string[]) => {
      const put = await on.request(`/v1/orders/${orderId}`, {
        method: 'PUT',
        headers: auth,
        body: JSON.stringify({
          ...orderInputExample,
          shipments: shipmentIds.map((shipmentId) => ({ ...template, shipmentId })),
        }),
      });
      if (put.status !== 201) throw new Error(`PUT order answered ${put.status}`);
    };
    // The cold instance gets shipments of its own, so the warm one's copies never go stale.
    const coldIds = ids.map((id) => `C${id}`);
    await putOrder(app, 'O-bench', ids);
    await putOrder(coldApp, 'O-cold', coldIds);
    const post = async (on: typeof app, n: number, shipments = ids) => {
      const shipmentId = shipments[Math.abs(n) % shipments.length]!;
      const at = new Date(Date.UTC(2025, 5, 2, 8) + n * 60_000).toISOString();
      const event = { eventId: `e-${n}`, status: STATUSES[Math.abs(n) % STATUSES.length], at };
      const res = await on.request(`/v1/shipments/${shipmentId}/events`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify(event),
      });
      if (res.status !== 200) throw new Error(`event answered ${res.status}`);
      return shipmentId;
    };
    for (let n = 0; n < 40; n++) {
      await post(app, -1 - n); // warm-up
      await post(coldApp, -1 - n, coldIds);
    }
    const ingest: number[] = [];
    const cold: number[] = [];
    const putItem: number[] = [];
    for (let n = 0; n < EVENTS; n++) {
      let shipmentId = '';
      ingest.push(await timed(async () => (shipmentId = await post(app, n))));
      cold.push(await timed(() => post(coldApp, n, coldIds)));
      // The very item the API just wrote, under another key.
      const record = await storage.shipments.getShipment('bench', shipmentId);
      const item = shipmentToItem({ ...record!, shopId: 'raw' });
      putItem.push(
        await timed(() => raw.send(new PutItemCommand({ TableName: 'bench', Item: item }))),
      );
    }
    const ratios = ingest.map((ms, k) => ms / (putItem[k] ?? NaN));
    const coldRatios = cold.map((ms, k) => ms / (putItem[k] ?? NaN));

    // A `delivered` for each of ENDINGS shipments of their own, on the cold instance, each next
    // to a raw PutItem of the item it wrote over that item as it was before: on time and late,
    // alternately. A cold instance cannot tell which: one UpdateItem writes the delivery and
    // leaves the late index as it was; an on-time one is taken out of it after the answer.
    const endIds = Array.from({ length: ENDINGS }, (_, i) => `D-${i}`);
    for (let from = 0; from < ENDINGS; from += 40) {
      await putOrder(coldApp, `O-end-${from}`, endIds.slice(from, from + 40));
    }
    const ending = { onTime: [] as number[], late: [] as number[] };
    // The execution context workerd gives each request: work handed to waitUntil runs after the
    // answer (here: started at once, awaited before the next timing).
    const afterAnswer = {
      pending: [] as Promise<unknown>[],
      waitUntil(work: Promise<unknown>) {
        this.pending.push(work);
      },
      passThroughOnException() {},
      props: {},
    };
    let tidied = 0;
    const endPut = { onTime: [] as number[], late: [] as number[] };
    for (const [n, shipmentId] of endIds.entries()) {
      const kind = n % 2 === 0 ? 'onTime' : 'late';
      // The example promises 5 June: delivered the 4th, or the 9th.
      const day = kind === 'onTime' ? 4 : 9;
      const at = new Date(Date.UTC(2025, 5, day, 8) + n * 60_000).toISOString();
      // The raw side replaces the same item in the same state (its late-index entries too).
      const before = await storage.shipments.getShipment('bench', shipmentId);
      await raw.send(
        new PutItemCommand({
          TableName: 'bench',
          Item: shipmentToItem({ ...before!, shopId: 'raw' }),
        }),
      );
      ending[kind].push(
        await timed(async () => {
          const res = await coldApp.request(
            `/v1/shipments/${shipmentId}/events`,
            {
              method: 'POST',
              headers: auth,
              body: JSON.stringify({ eventId: `end-${n}`, status: 'delivered', at }),
            },
            undefined,
            afterAnswer,
          );
          if (res.status !== 200) throw new Error(`delivered answered ${res.status}`);
        }),
      );
      // What the Worker does after the answer (waitUntil): done before the raw side is timed.
      tidied += afterAnswer.pending.length;
      await Promise.all(afterAnswer.pending.splice(0));
      const record = await storage.shipments.getShipment('bench', shipmentId);
      const item = shipmentToItem({ ...record!, shopId: 'raw' });
      endPut[kind].push(
        await timed(() => raw.send(new PutItemCommand({ TableName: 'bench', Item: item }))),
      );
    }
    // Each on-time delivery, and only those, is put right after its answer.
    if (tidied !== ENDINGS / 2) throw new Error(`${tidied} late-index tidies, not ${ENDINGS / 2}`);
    const endRatio = (kind: 'onTime' | 'late') =>
      median(ending[kind].map((ms, k) => ms / (endPut[kind][k] ?? NaN)));

    // Reports of facts on the cold instance, each on a shipment of its own in turn: a reschedule
    // (the policy keeps the deadline) and a re-measurement, alternately, each next to a raw
    // PutItem of the item it wrote. Recorded with no read: one UpdateItem each.
    const factIds = Array.from({ length: FACTS }, (_, i) => `F-${i}`);
    for (let from = 0; from < FACTS; from += 40) {
      await putOrder(coldApp, `O-facts-${from}`, factIds.slice(from, from + 40));
    }
    const noted = { rescheduled: [] as number[], remeasured: [] as number[] };
    const notedPut = { rescheduled: [] as number[], remeasured: [] as number[] };
    for (const [n, shipmentId] of factIds.entries()) {
      const kind = n % 2 === 0 ? 'rescheduled' : 'remeasured';
      const at = new Date(Date.UTC(2025, 5, 3, 8) + n * 60_000).toISOString();
      const event =
        kind === 'rescheduled'
          ? {
              eventId: `f-${n}`,
              status: kind,
              at,
              promisedDate: '2025-06-09',
              reason: 'courier_late',
            }
          : {
              eventId: `f-${n}`,
              status: kind,
              at,
              packages: [{ lengthCm: '60', widthCm: '40', heightCm: '40', weightKg: '4' }],
              charged: { amount: '780.00', currency: 'RUB' },
            };
      noted[kind].push(
        await timed(async () => {
          const res = await coldApp.request(`/v1/shipments/${shipmentId}/events`, {
            method: 'POST',
            headers: auth,
            body: JSON.stringify(event),
          });
          if (res.status !== 200) throw new Error(`${kind} answered ${res.status}`);
        }),
      );
      const record = await storage.shipments.getShipment('bench', shipmentId);
      const item = shipmentToItem({ ...record!, shopId: 'raw' });
      notedPut[kind].push(
        await timed(() => raw.send(new PutItemCommand({ TableName: 'bench', Item: item }))),
      );
    }
    const notedRatio = (kind: 'rescheduled' | 'remeasured') =>
      median(noted[kind].map((ms, k) => ms / (notedPut[kind][k] ?? NaN)));

    // 10,000 open shipments of one shop; 100 past their deadline, the rest due after today.
    const base = (await storage.shipments.getShipment('bench', 'S-0'))!;
    const records: ShipmentRecord[] = Array.from({ length: OPEN }, (_, i) => {
      const late = i < LATE;
      const day = String(1 + (i % 28)).padStart(2, '0');
      const promisedDate = late
        ? `2025-06-${String(3 + (i % 12)).padStart(2, '0')}`
        : `2025-07-${day}`;
      return {
        ...base,
        shopId: 'late-shop',
        orderId: `OL-${Math.floor(i / 40)}`,
        shipmentId: `L-${i}`,
        facts: { ...base.facts, shipmentId: `L-${i}`, promisedDate },
        events: [],
        version: 1,
        watchDate: promisedDate,
      };
    });
    await batchWrite(raw, 'bench', records.map(shipmentToItem));
    let read = 0;
    let capacity = 0;
    let pages = 0;
    let listed = 0;
    let cursor: string | undefined;
    do {
      const page = await listLateShipments(
        raw,
        'bench',
        localCursorSecret('bench'),
        { shopId: 'late-shop', before: TODAY },
        { limit: 50, caller: 'bench', ...(cursor ? { cursor } : {}) },
      );
      read += page.scannedCount;
      capacity += page.consumedCapacity ?? 0;
      listed += page.items.length;
      pages++;
      cursor = page.nextCursor;
    } while (cursor);
    const lateKey = generateApiKey();
    await storage.apiKeys.create({
      keyId: lateKey.keyId,
      secretHash: await hashApiKey(lateKey.key),
      role: 'shop',
      shopId: 'late-shop',
      createdAt: '2025-06-01T00:00:00.000Z',
    });
    const api = await timed(async () => {
      const res = await app.request('/v1/shipments?late=true&limit=100', {
        headers: { authorization: `Bearer ${lateKey.key}` },
      });
      const body = (await res.json()) as { items: unknown[] };
      if (body.items.length !== LATE) throw new Error(`listed ${body.items.length}`);
    });
    raw.destroy();
    return [
      `${EVENTS} events, each next to a raw PutItem of the item it wrote; API key cache ${cacheSeconds} s (the default).`,
      '',
      '| operation | median ms |',
      '|---|---|',
      `| POST /v1/shipments/{id}/events, routine report, warm instance (one conditional UpdateItem) | ${fmt(median(ingest))} |`,
      `| the same, cold instance (the same UpdateItem: no read) | ${fmt(median(cold))} |`,
      `| raw PutItem of the same shipment item | ${fmt(median(putItem))} |`,
      `| **ratio, warm** (median of pairs; target ≤ 2) | **${fmt(median(ratios))}** |`,
      `| **ratio, cold** (target ≤ 2) | **${fmt(median(coldRatios))}** |`,
      `| \`delivered\` on time, cold instance (one UpdateItem; the late index put right after the answer), ${ENDINGS / 2} shipments | ${fmt(median(ending.onTime))} |`,
      `| raw PutItem of the same item | ${fmt(median(endPut.onTime))} |`,
      `| **ratio, \`delivered\` on time, cold** (target ≤ 2) | **${fmt(endRatio('onTime'))}** |`,
      `| \`delivered\` late, cold instance (one UpdateItem, no read), ${ENDINGS / 2} shipments | ${fmt(median(ending.late))} |`,
      `| raw PutItem of the same item | ${fmt(median(endPut.late))} |`,
      `| **ratio, \`delivered\` late, cold** (target ≤ 2) | **${fmt(endRatio('late'))}** |`,
      `| \`rescheduled\`, cold instance (one UpdateItem, no read), ${FACTS / 2} shipments | ${fmt(median(noted.rescheduled))} |`,
      `| raw PutItem of the same item | ${fmt(median(notedPut.rescheduled))} |`,
      `| **ratio, \`rescheduled\`, cold** (target ≤ 2) | **${fmt(notedRatio('rescheduled'))}** |`,
      `| \`remeasured\`, cold instance (one UpdateItem, no read), ${FACTS / 2} shipments | ${fmt(median(noted.remeasured))} |`,
      `| raw PutItem of the same item | ${fmt(median(notedPut.remeasured))} |`,
      `| **ratio, \`remeasured\`, cold** (target ≤ 2) | **${fmt(notedRatio('remeasured'))}** |`,
      '',
      `Late listing, one shop with ${OPEN} open shipments of which ${LATE} are past their deadline: ${pages} Query pages of 50 listed ${listed}, reading ${read} index items (${fmt(capacity, 1)} capacity units consumed); a scan would read all ${OPEN}. The same ${LATE} through GET /v1/shipments?late=true&limit=100 (one page, each with the late calculator's figures): ${fmt(api, 0)} ms.`,
    ];
  } finally {
    await db.stop();
  }
}
