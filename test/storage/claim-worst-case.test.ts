/**
 * The largest claim the schemas let through, on DynamoDB Local, through the services (the
 * claim-change consumer inline): every text at its length limit, written twice over, once as
 * JSON's worst (control characters: 6 bytes each once escaped, in every item that keeps JSON
 * text) and once as deflate's worst (random 3-byte characters, in the compressed body); 50
 * evidence entries at filing and the rest up to the limit (200) later, the longest names and
 * URLs; the longest ids, keys, late-date list (100), decision, payment, assignee, notes,
 * remedies, and a long history. Every item of the claim's partition and the key's record stay
 * below DynamoDB's 400 KB with a quarter to spare (the largest, the compressed body, is ~267 KB
 * at deflate's worst), every transaction holds at most 25 items (YDB's limit), and the claims
 * read back whole. (Shipments, events and orders: test/storage/shipments*.test.ts.)
 */
import {
  GetItemCommand,
  QueryCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { MAX_EVIDENCE, type Claim, type EvidenceInput } from '../../src/domain/claim';
import type { ClaimFiling } from '../../src/domain/claim/filing';
import { MAX_LATE_DATES } from '../../src/domain/compensation';
import { REMEDY_CLOSED_STATUSES, type Remedy } from '../../src/domain/remedy';
import { AddEvidenceSchema, FileClaimSchema } from '../../src/schemas/claim.schema';
import type { Principal } from '../../src/services/actor';
import { inlineFeed, type ClaimChangeLogLine } from '../../src/services/claim-changes';
import { createClaimService } from '../../src/services/claims';
import { createCaseworkService } from '../../src/services/casework';
import { MAX_DISPLAY_NAME_LENGTH } from '../../src/storage/dynamodb/api-key-repository';
import { claimPartition, idempotencyKey } from '../../src/storage/dynamodb/keys';
import { MAX_TRANSACTION_ITEMS } from '../../src/storage/dynamodb/transact';
import { freshStorage } from './helpers';

const NOW = new Date('2025-06-16T09:00:00.000Z');
const storage = await freshStorage();
const consumerFailures: ClaimChangeLogLine[] = [];
const changes = inlineFeed({
  storage,
  clock: () => NOW,
  log: (line) => consumerFailures.push(line),
});
let ids = 0;
const claims = createClaimService({
  storage,
  clock: () => NOW,
  newId: () => `clm_${(++ids).toString(16).padStart(32, 'f')}`,
  changes,
});
const casework = createCaseworkService({ storage, clock: () => NOW, claims });
const transactions = countTransactionItems(storage.client);

/** DynamoDB's item limit. */
const ITEM_LIMIT = 400 * 1024;

/** A text of `n` UTF-16 units (what the schemas' lengths count), the worst for one measure. */
type Filler = (n: number) => string;
/** JSON's worst: a control character is escaped to `\u0001`, 6 bytes for 1 unit. */
const escaped: Filler = (n) => '\u0001'.repeat(n);
/**
 * Deflate's worst that keys can take: random characters of 3 UTF-8 bytes from the whole Basic
 * Multilingual Plane (16 bits each; deflate leaves ~2.4 bytes of them), without the spaces a
 * schema would trim. (Lone surrogates, escaped to 6 bytes, compress a little worse still, but
 * no key can hold one: see the report.) Seeded: the same every run.
 */
const incompressible: Filler = (() => {
  let seed = 18;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8;
  const excluded = (c: number) =>
    (c >= 0x2000 && c <= 0x206f) || c === 0x3000 || (c >= 0xd800 && c <= 0xdfff) || c >= 0xfeff;
  const char = (): number => {
    const c = 0x0800 + (next() % (0x10000 - 0x0800));
    return excluded(c) ? char() : c;
  };
  return (n) => String.fromCharCode(...Array.from({ length: n }, char));
})();

/** A URL of the longest length whose path is `fill` (the schema takes any characters there). */
const longUrl = (fill: Filler, i: number) => {
  const head = `https://files.example/${i}/`;
  return head + fill(2000 - head.length);
};
const evidence = (fill: Filler, count: number, from: number): EvidenceInput[] =>
  Array.from({ length: count }, (_, i) => ({
    kind: 'correspondence',
    name: fill(200),
    url: longUrl(fill, from + i),
  }));

/** The longest filing: late, with the longest late-date list a filing window allows. */
function filingOf(fill: Filler, shipmentId: string): ClaimFiling {
  const parsed = FileClaimSchema.parse({
    type: 'late',
    carrier: 'road-freight', // the longest policy id: a carrier must name a policy
    waybill: fill(64),
    orderId: fill(64),
    shippedDate: '2025-01-02',
    shipment: {
      deliveryCost: { amount: '999999999999999.99', currency: 'RUB' },
      promisedDate: '2025-01-03',
      deliveredDate: '2025-06-16',
      calendar: 'RU',
    },
    claimant: {
      name: fill(200),
      email: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.ru`,
      phone: `+${'1'.repeat(24)}`,
    },
    description: fill(4000),
    evidence: evidence(fill, 50, 0),
  });
  // A filing from a shipment also names it, and its order's B2B flag.
  return { ...(parsed as ClaimFiling), shipmentId, b2b: true };
}

/** DynamoDB's item size: names and values in UTF-8, binary as bytes, numbers by digits. */
function attributeBytes(value: AttributeValue): number {
  if (value.S !== undefined) return Buffer.byteLength(value.S);
  if (value.B !== undefined) return value.B.byteLength;
  if (value.N !== undefined) return Math.ceil(value.N.replace(/[-.]/g, '').length / 2) + 1;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.L !== undefined) return 3 + value.L.reduce((n, v) => n + 1 + attributeBytes(v), 0);
  if (value.M !== undefined) return 3 + itemBytes(value.M) + Object.keys(value.M).length;
  if (value.SS !== undefined) return value.SS.reduce((n, s) => n + Buffer.byteLength(s), 0);
  throw new TypeError(`unexpected attribute ${Object.keys(value).join()}`);
}
const itemBytes = (item: Record<string, AttributeValue>): number =>
  Object.entries(item).reduce(
    (n, [name, value]) => n + Buffer.byteLength(name) + attributeBytes(value),
    0,
  );

/** Every item of a claim's partition, as stored. */
async function partitionOf(claimId: string): Promise<Record<string, AttributeValue>[]> {
  const items: Record<string, AttributeValue>[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await storage.client.send(
      new QueryCommand({
        TableName: storage.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: claimPartition(claimId) } },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return items;
}

/** The largest item of each kind (the sort key up to its first `#`), in bytes. */
function largestByKind(items: Record<string, AttributeValue>[]): Record<string, number> {
  const largest: Record<string, number> = {};
  for (const item of items) {
    const kind = (item.sk?.S ?? '').split('#')[0]!;
    largest[kind] = Math.max(largest[kind] ?? 0, itemBytes(item));
  }
  return largest;
}

/** The longest TransactWriteItems the client sends, per test. */
function countTransactionItems(client: DynamoDBClient) {
  let most = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'TransactWriteItemsCommand') {
        const { TransactItems = [] } = args.input as { TransactItems?: unknown[] };
        most = Math.max(most, TransactItems.length);
      }
      return next(args);
    },
    { step: 'initialize', name: 'countTransactionItems' },
  );
  return {
    take: () => {
      const taken = most;
      most = 0;
      return taken;
    },
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe('the largest claim a shop and a clerk can make', () => {
  const fillers: [string, Filler][] = [
    ['escaped (JSON’s worst)', escaped],
    ['incompressible (deflate’s worst)', incompressible],
  ];
  it.for(fillers)(
    'keeps every item below 400 KB (a quarter to spare) and every transaction within 25 items: %s',
    { timeout: 180_000 },
    async ([label, fill], { annotate }) => {
      const shop: Principal = {
        keyId: 'a'.repeat(16),
        role: 'shop',
        shopId: incompressible(64),
      };
      const clerkKeyId = label.startsWith('escaped') ? 'c'.repeat(16) : 'd'.repeat(16);
      const clerk: Principal = { keyId: clerkKeyId, role: 'clerk' };
      await storage.apiKeys.create({
        keyId: clerkKeyId,
        secretHash: clerkKeyId.repeat(4),
        role: 'clerk',
        displayName: `ok${fill(MAX_DISPLAY_NAME_LENGTH - 4)}ok`,
        createdAt: NOW.toISOString(),
      });
      const key = '%'.repeat(255); // 765 bytes once encoded into the record's key
      const filing = filingOf(fill, 'S'.repeat(64));
      const { claim } = await claims.file(shop, filing, { idempotencyKey: key });
      expect(transactions.take()).toBeLessThanOrEqual(MAX_TRANSACTION_ITEMS);
      expect(claim.compensation).toMatchObject({ lateDatesTruncated: true });
      expect('lateDates' in claim.compensation && claim.compensation.lateDates).toHaveLength(
        MAX_LATE_DATES,
      );
      const id = claim.id;

      await casework.assign(clerk, id);
      await claims.move(clerk, id, { type: 'review', note: fill(2000) });
      await claims.move(clerk, id, { type: 'changeCause', cause: 'warehouse', note: fill(2000) });
      // Each round: the clerk asks for more, the shop sends the most one request takes (back
      // into review: two events, so head + 2 events + 20 entries = 23 items).
      let given = 50;
      while (given < MAX_EVIDENCE) {
        await claims.move(clerk, id, {
          type: 'decide',
          decision: 'needs_info',
          reason: fill(2000),
        });
        const count = Math.min(20, MAX_EVIDENCE - given);
        await claims.move(shop, id, {
          type: 'addEvidence',
          evidence: evidence(fill, count, given),
        });
        given += count;
      }
      const moves = transactions.take();
      expect(moves).toBe(23);
      await expect(
        claims.move(shop, id, { type: 'addEvidence', evidence: evidence(fill, 1, given) }),
      ).rejects.toMatchObject({ code: 'evidence-limit' });
      await claims.move(clerk, id, {
        type: 'decide',
        decision: 'approved',
        reason: fill(2000),
        approvedAmount: { amount: '999999999999999.99', currency: 'RUB' },
        overrideReason: fill(2000),
      });
      const paid = await claims.move(clerk, id, {
        type: 'pay',
        amount: { amount: '999999999999999.99', currency: 'RUB' },
        paidOn: '2025-06-16',
        reference: fill(100),
      });
      for (let i = 0; i < 3; i++) await casework.addNote(clerk, id, fill(2000));
      await storage.messagesSent.markSent({ claimId: id }, 'ack', NOW.toISOString());
      await storage.messagesSent.markSent({ claimId: id }, 'decision', NOW.toISOString());
      for (const n of [1, 2]) {
        const remedy: Remedy = {
          id: `rm_${n}`,
          claimId: id,
          kind: 'voucher',
          value: { amount: '999999999999999.99', currency: 'RUB' },
          note: fill(500),
          status: 'offered',
          offeredAt: NOW.toISOString(),
          offeredBy: `clerk:${clerkKeyId}`,
        };
        await storage.remedies.create(remedy);
        const answered = {
          ...remedy,
          status: 'accepted' as const,
          answeredAt: NOW.toISOString(),
          answeredBy: shop.shopId!,
        };
        await storage.remedies.answer(answered, REMEDY_CLOSED_STATUSES);
        await changes.claimChanged(id);
      }
      expect(transactions.take()).toBeLessThanOrEqual(MAX_TRANSACTION_ITEMS);
      expect(consumerFailures).toEqual([]);

      // Read back whole: the claim as the last move answered it, its 200 entries in order.
      expect(paid.evidence.map((e) => e.id)).toEqual(
        Array.from({ length: MAX_EVIDENCE }, (_, i) => `ev_${i + 1}`),
      );
      expect(await claims.get(shop, id)).toStrictEqual(paid);
      expect((await claims.history(shop, id)).length).toBeGreaterThan(25);
      expect(await claims.file(shop, filing, { idempotencyKey: key })).toEqual({
        claim,
        replayed: true,
      });

      const items = await partitionOf(id);
      const record = await storage.client.send(
        new GetItemCommand({
          TableName: storage.tableName,
          Key: idempotencyKey(shop.shopId!, key),
        }),
      );
      items.push(record.Item!);
      const sizes = largestByKind(items);
      const line = `${label}: ${items.length} items; largest per kind: ${Object.entries(sizes)
        .map(([kind, bytes]) => `${kind} ${kb(bytes)}`)
        .join(', ')} (limit 400 KB); longest transaction ${moves} items`;
      process.stdout.write(`${line}\n`);
      await annotate(line);
      for (const kind of ['BODY', 'HEAD', 'EVIDENCE', 'LOG', 'MESSAGE', 'NOTE', 'REMEDY', 'IDEM']) {
        expect(sizes[kind], kind).toBeGreaterThan(0);
      }
      // The body is bounded by deflate's ~2 bytes a character of its ~115,000: well inside.
      for (const [kind, bytes] of Object.entries(sizes)) {
        expect(bytes, kind).toBeLessThan(ITEM_LIMIT * 0.75);
      }
    },
  );

  it(`reads back a claim given all ${MAX_EVIDENCE} entries after filing, listed with its count`, async () => {
    const shop: Principal = { keyId: 'b'.repeat(16), role: 'shop', shopId: 'shop-later' };
    const filing = { ...filingOf(escaped, 'S-LATER'), evidence: [] };
    const { claim } = await claims.file(shop, filing);
    let last: Claim = claim;
    for (let given = 0; given < MAX_EVIDENCE; given += 20) {
      last = await claims.move(shop, claim.id, {
        type: 'addEvidence',
        evidence: evidence(escaped, 20, given),
      });
    }
    expect(transactions.take()).toBe(22);
    const read = await claims.get(shop, claim.id);
    expect(read).toStrictEqual(last);
    expect(read.evidence).toHaveLength(MAX_EVIDENCE);
    const page = await claims.list(shop, { limit: 5 });
    expect(page.items.find((c) => c.id === claim.id)).toMatchObject({
      evidenceCount: MAX_EVIDENCE,
    });
  }, 120_000);

  it('takes at most 20 entries a request, so a move stays within 25 items', () => {
    const entries = (n: number) => ({ evidence: evidence(escaped, n, 0) });
    expect(AddEvidenceSchema.safeParse(entries(20)).success).toBe(true);
    expect(AddEvidenceSchema.safeParse(entries(21)).success).toBe(false);
    // The head, two events (needs_info → in_review), the entries; a move that adds evidence
    // never settles the claim, so no guard is released with it.
    expect(1 + 2 + 20).toBeLessThanOrEqual(MAX_TRANSACTION_ITEMS);
  });
});
