import { GetItemCommand, PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createApp } from '../../src/app';
import type { ShipmentEvent } from '../../src/domain/shipment';
import { parseConfig } from '../../src/env';
import { orderInputExample } from '../../src/schemas/shipment.examples';
import { createShipmentService } from '../../src/services/shipments';
import { generateApiKey, hashApiKey } from '../../src/storage/api-keys';
import { createDynamoStorage, DynamoShipmentRepository } from '../../src/storage/dynamodb';
import { shipmentHeadKey } from '../../src/storage/dynamodb/keys';
import { clientFor, ensureTable } from '../create-table';
import { startDynamoLocal } from '../dynamodb-local';
import { fmt, median, timed } from './measure';
import { benchLateListing } from './shipments-late';
import { meterWriteUnits } from './write-units';

const EVENTS = 300;
/** Shipments of their own per kind of event timed besides the routine one. */
const PER_KIND = 60;
const TODAY = '2025-06-16';
const STATUSES = ['handed_to_delivery', 'in_transit', 'with_courier', 'awaiting_pickup'] as const;
const at = (day: number, n: number) =>
  new Date(Date.UTC(2025, 5, day, 8) + n * 60_000).toISOString();

/** What each kind of event is, on a shipment of the example order (promised 5 June). */
const KINDS: Record<string, (n: number) => ShipmentEvent> = {
  'delivered on time': (n) => ({ eventId: `d-${n}`, status: 'delivered', at: at(4, n) }),
  'delivered late': (n) => ({ eventId: `d-${n}`, status: 'delivered', at: at(9, n) }),
  cancelled: (n) => ({ eventId: `c-${n}`, status: 'cancelled', at: at(3, n) }),
  rescheduled: (n) => ({
    eventId: `r-${n}`,
    status: 'rescheduled',
    at: at(3, n),
    promisedDate: '2025-06-09',
    reason: 'courier_late',
  }),
  'remeasured, 1 package': (n) => ({
    eventId: `m-${n}`,
    status: 'remeasured',
    at: at(3, n),
    packages: [{ lengthCm: '60', widthCm: '40', heightCm: '40', weightKg: '4' }],
    charged: { amount: '780.00', currency: 'RUB' },
  }),
  'remeasured, 100 packages': (n) => ({
    eventId: `M-${n}`,
    status: 'remeasured',
    at: at(3, n),
    packages: Array.from({ length: 100 }, (_, i) => ({
      lengthCm: `${40 + (i % 23)}.${(i * 37 + n) % 100}`,
      widthCm: `${30 + (i % 17)}.${(i * 53) % 100}`,
      heightCm: `${20 + (i % 11)}.${(i * 71) % 100}`,
      weightKg: `${1 + (i % 9)}.${(i * 89 + n) % 1000}`,
    })),
    charged: { amount: '980.00', currency: 'RUB' },
  }),
};

/** A raw PutItem of the head `shipmentId` now has, under a key of its own (same size, same indexes). */
async function rawPutOf(raw: DynamoDBClient, shipmentId: string) {
  const head = await raw.send(
    new GetItemCommand({
      TableName: 'bench',
      Key: shipmentHeadKey('bench', shipmentId),
      ConsistentRead: true,
    }),
  );
  const Item = { ...head.Item!, pk: { S: `RAW#${head.Item!.pk!.S}` } };
  return () => timed(() => raw.send(new PutItemCommand({ TableName: 'bench', Item })));
}

/**
 * Recording a carrier event through the whole API (auth, validation, the rules; storage: one
 * Query of the shipment's partition, one TransactWriteItems of its event item and its head)
 * against one raw PutItem of the head it wrote, on the same DynamoDB Local, in interleaved
 * pairs: the median ratio is our overhead. The same for each other kind of event, on
 * shipments of their own. The write units of each kind (scripts/bench/write-units.ts: each
 * write of the transaction alone, doubled). Then the late listing among 10,000 open.
 */
export async function benchShipments(): Promise<string[]> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const db = await startDynamoLocal();
  try {
    const connection = { endpoint: db.endpoint, region: 'eu-central-1', tableName: 'bench' };
    const raw = clientFor(connection);
    await ensureTable(raw, 'bench');
    await ensureTable(raw, 'bench-shadow');
    const cacheSeconds = parseConfig({}).API_KEY_CACHE_SECONDS;
    const storage = createDynamoStorage({ ...connection, apiKeyCacheMs: cacheSeconds * 1000 });
    const clock = () => new Date(`${TODAY}T09:00:00.000Z`);
    // The webhook announce runs after the answer, as the Worker's waitUntil runs it: handed
    // on here, and done after each timed request, outside its time.
    const after: (() => Promise<void>)[] = [];
    const app = createApp(
      {
        clock,
        maxBodyBytes: 65_536,
        storage,
        newId: () => crypto.randomUUID(),
        defer: () => (work) => void after.push(work),
      },
      { log: () => undefined },
    );
    const drain = async () => {
      for (const work of after.splice(0)) await work();
    };
    const { keyId, key } = generateApiKey();
    await storage.apiKeys.create({
      keyId,
      secretHash: await hashApiKey(key),
      role: 'shop',
      shopId: 'bench',
      createdAt: '2025-06-01T00:00:00.000Z',
    });
    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    const [template] = orderInputExample.shipments;
    const putOrder = async (orderId: string, ids: string[]) => {
      const body = JSON.stringify({
        ...orderInputExample,
        shipments: ids.map((shipmentId) => ({ ...template, shipmentId })),
      });
      const res = await app.request(`/v1/orders/${orderId}`, { method: 'PUT', headers, body });
      if (res.status !== 201) throw new Error(`PUT order answered ${res.status}`);
      await drain();
    };
    const post = async (shipmentId: string, event: ShipmentEvent) => {
      const res = await app.request(`/v1/shipments/${shipmentId}/events`, {
        method: 'POST',
        headers,
        body: JSON.stringify(event),
      });
      if (res.status !== 200) throw new Error(`event answered ${res.status}: ${await res.text()}`);
    };
    /** Median latency of `event(n)` on each of `ids`, and the median ratio to the raw PutItem after it. */
    const pairs = async (ids: string[], event: (n: number) => ShipmentEvent) => {
      const api: number[] = [];
      const put: number[] = [];
      for (const [n, shipmentId] of ids.entries()) {
        api.push(await timed(() => post(shipmentId, event(n))));
        await drain();
        put.push(await (await rawPutOf(raw, shipmentId))());
      }
      return {
        api: median(api),
        put: median(put),
        ratio: median(api.map((ms, k) => ms / put[k]!)),
      };
    };

    const ids = Array.from({ length: 40 }, (_, i) => `S-${i}`);
    await putOrder('O-bench', ids);
    const routine = (n: number): ShipmentEvent => ({
      eventId: `e-${n}`,
      status: STATUSES[Math.abs(n) % 4]!,
      at: at(2, n),
    });
    for (let n = 0; n < 40; n++) await post(ids[n]!, routine(-1 - n)).then(drain); // warm-up
    const rows: string[] = [];
    const ingest = await pairs(
      Array.from({ length: EVENTS }, (_, n) => ids[n % 40]!),
      routine,
    );
    rows.push(
      `| routine report (${EVENTS}) | ${fmt(ingest.api)} | ${fmt(ingest.put)} | **${fmt(ingest.ratio)}** |`,
    );
    for (const [kind, event] of Object.entries(KINDS)) {
      const own = Array.from({ length: PER_KIND }, (_, i) => `${kind.replace(/\W+/g, '-')}-${i}`);
      for (let from = 0; from < own.length; from += 40)
        await putOrder(`O-${own[from]}`, own.slice(from, from + 40));
      const timing = await pairs(own, event);
      rows.push(
        `| ${kind} (${PER_KIND}) | ${fmt(timing.api)} | ${fmt(timing.put)} | **${fmt(timing.ratio)}** |`,
      );
    }

    // Write units: the service on a repository whose transactions are metered, one at a time.
    const metered = clientFor(connection);
    const units = meterWriteUnits(metered, raw, 'bench', 'bench-shadow');
    const repo = new DynamoShipmentRepository({ client: metered, tableName: 'bench' });
    const service = createShipmentService({ storage: { ...storage, shipments: repo }, clock });
    const who = { keyId, role: 'shop' as const, shopId: 'bench' };
    const unitsOf = async (shipmentId: string, record: () => Promise<unknown>) => {
      await service.putOrder(who, `O-u-${shipmentId}`, {
        ...orderInputExample,
        shipments: [{ ...template!, shipmentId }],
      });
      units.transactions.length = 0;
      await record();
      return units.transactions[0]!;
    };
    const wcu: [string, number][] = [];
    wcu.push([
      'routine report',
      await unitsOf('u-routine', () => service.recordEvent(who, 'u-routine', routine(0))),
    ]);
    for (const [kind, event] of Object.entries(KINDS)) {
      const id = `u-${kind.replace(/\W+/g, '-')}`;
      wcu.push([kind, await unitsOf(id, () => service.recordEvent(who, id, event(0)))]);
    }
    // No shipped policy moves the deadline: the write the rules would make under one that does.
    const moved = KINDS.rescheduled!(0);
    wcu.push([
      'rescheduled, deadline moved (no shipped policy does)',
      await unitsOf('u-moved', () =>
        repo.applyEvent('bench', 'u-moved', moved.eventId, (current) => ({
          answer: null,
          next: {
            ...current,
            events: [moved],
            version: current.version + 1,
            lateViewDate: '2025-06-09',
          },
        })),
      ),
    ]);

    const listing = clientFor(connection);
    const base = (await storage.shipments.getShipment('bench', 'S-0'))!;
    const late = await benchLateListing(raw, listing, 'bench', base, TODAY);
    raw.destroy();
    metered.destroy();
    listing.destroy();
    return [
      `Each event next to a raw PutItem of the head it wrote; API key cache ${cacheSeconds} s (the default). An event is one Query of the shipment's partition and one TransactWriteItems (its event item, its head).`,
      '',
      '| event through POST /v1/shipments/{id}/events | median ms | raw PutItem of the head, ms | ratio (median of pairs) |',
      '|---|---|---|---|',
      ...rows,
      '',
      "Write units per event (each write of its transaction alone, `ReturnConsumedCapacity: INDEXES`, doubled as DynamoDB charges a transaction; DynamoDB Local misreports a transaction's own total). Budget: 6.",
      '',
      '| event | write units |',
      '|---|---|',
      ...wcu.map(([kind, n]) => `| ${kind} | ${n} |`),
      '',
      ...late,
    ];
  } finally {
    await db.stop();
  }
}
