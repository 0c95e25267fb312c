/**
 * The worst case a claim can reach through the service, on DynamoDB Local: every
 * field at its longest (3-byte UTF-8 characters wherever any text is allowed), the
 * most evidence a claim takes with the longest names and URLs, and a long history.
 * No item of its partition comes near DynamoDB's 400 KB item limit: the evidence
 * is items of its own, and nothing else grows with the claim's life.
 */
import { QueryCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { MAX_EVIDENCE, type EvidenceInput } from '../../src/domain/claim';
import type { ClaimFiling } from '../../src/domain/claim/filing';
import { FileClaimSchema } from '../../src/schemas/claim.schema';
import type { Principal } from '../../src/services/actor';
import { createClaimService } from '../../src/services/claims';
import { claimPartition, openClaimKey } from '../../src/storage/dynamodb/items';
import { freshStorage } from './helpers';

const storage = await freshStorage();
const claims = createClaimService({
  storage,
  clock: () => new Date('2025-06-16T09:00:00.000Z'),
  newId: () => 'clm_' + 'f'.repeat(32),
});
const shop: Principal = { keyId: 'k-' + 'k'.repeat(60), role: 'shop', shopId: 's'.repeat(64) };
const clerk: Principal = { keyId: 'k-clerk', role: 'clerk' };

/** `n` characters of three UTF-8 bytes each: the most bytes a length limit lets through. */
const wide = (n: number) => '文'.repeat(n);
const longUrl = (i: number) => `https://files.example/${i}/`.padEnd(2000, 'a');
const evidence = (count: number, from: number): EvidenceInput[] =>
  Array.from({ length: count }, (_, i) => ({
    kind: 'correspondence',
    name: wide(200),
    url: longUrl(from + i),
  }));

const filing = FileClaimSchema.parse({
  type: 'late',
  carrier: 'cdek',
  waybill: wide(64),
  orderId: wide(64),
  shippedDate: '2025-03-01',
  // Three months late: the longest list of late dates the filing window allows here.
  shipment: {
    deliveryCost: { amount: '999999999.99', currency: 'RUB' },
    promisedDate: '2025-03-03',
    deliveredDate: '2025-06-16',
    calendar: 'RU',
  },
  claimant: {
    name: wide(200),
    email: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.ru`,
    phone: '+7 (900) 000-00-00 12-34',
  },
  description: wide(4000),
  evidence: evidence(50, 0),
}) as ClaimFiling;

/** DynamoDB's item size: attribute names and values in UTF-8, numbers by digits, +3/+1 per map and list. */
function attributeBytes(value: AttributeValue): number {
  if (value.S !== undefined) return Buffer.byteLength(value.S);
  if (value.N !== undefined) return Math.ceil(value.N.replace(/[-.]/g, '').length / 2) + 1;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.L !== undefined) return 3 + value.L.reduce((n, v) => n + 1 + attributeBytes(v), 0);
  if (value.M !== undefined) return 3 + itemBytes(value.M) + Object.keys(value.M).length;
  throw new TypeError(`unexpected attribute ${Object.keys(value).join()}`);
}
function itemBytes(item: Record<string, AttributeValue>): number {
  return Object.entries(item).reduce(
    (n, [name, value]) => n + Buffer.byteLength(name) + attributeBytes(value),
    0,
  );
}

describe('the largest claim a shop and a clerk can make', () => {
  it(`keeps every item of its partition far below 400 KB, with ${MAX_EVIDENCE} entries and a long history`, async ({
    annotate,
  }) => {
    const key = '~'.repeat(255);
    const { claim } = await claims.file(shop, filing, { idempotencyKey: key });
    const id = claim.id;
    await claims.move(clerk, id, { type: 'review', note: wide(2000) });
    // Each round: the clerk asks for more, the shop sends 20 entries (back into review).
    let given = 50;
    while (given < MAX_EVIDENCE) {
      await claims.move(clerk, id, { type: 'decide', decision: 'needs_info', reason: wide(2000) });
      const count = Math.min(20, MAX_EVIDENCE - given);
      await claims.move(shop, id, { type: 'addEvidence', evidence: evidence(count, given) });
      given += count;
    }
    await expect(
      claims.move(shop, id, { type: 'addEvidence', evidence: evidence(1, given) }),
    ).rejects.toMatchObject({
      code: 'evidence-limit',
      pointer: '/evidence',
      params: { maximum: MAX_EVIDENCE, current: MAX_EVIDENCE, adding: 1 },
    });
    await claims.move(clerk, id, {
      type: 'decide',
      decision: 'approved',
      reason: wide(2000),
      approvedAmount: { amount: '999999999999.99', currency: 'RUB' },
      overrideReason: wide(2000),
    });
    const paid = await claims.move(clerk, id, {
      type: 'pay',
      amount: { amount: '999999999999.99', currency: 'RUB' },
      paidOn: '2025-06-16',
      reference: wide(100),
    });
    expect(paid.evidence).toHaveLength(MAX_EVIDENCE);
    expect(paid.evidence.map((e) => e.id)).toEqual(
      Array.from({ length: MAX_EVIDENCE }, (_, i) => `ev_${i + 1}`),
    );
    expect(await claims.get(shop, id)).toStrictEqual(paid);
    const history = await claims.history(shop, id);
    expect(history.length).toBeGreaterThan(25);
    // The replay of the key still answers the claim as filed, its 50 entries included.
    const replay = await claims.file(shop, filing, { idempotencyKey: key });
    expect(replay).toEqual({ claim, replayed: true });

    const { Items = [] } = await storage.client.send(
      new QueryCommand({
        TableName: storage.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: claimPartition(id) } },
      }),
    );
    expect(Items).toHaveLength(1 + MAX_EVIDENCE + history.length - 1);
    const sizes = Items.map((item) => ({ sk: item.sk?.S ?? '', bytes: itemBytes(item) }));
    const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    const line = `largest item of ${sizes.length}: ${largest.sk}, ${(largest.bytes / 1024).toFixed(1)} KB (limit 400 KB)`;
    process.stdout.write(`${line}\n`);
    await annotate(line);
    for (const { sk, bytes } of sizes) expect(bytes, sk).toBeLessThan(100 * 1024);
    // Settled (paid): the parcel's guard is released with the payment.
    const guard = await storage.client.send(
      new QueryCommand({
        TableName: storage.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: {
          ':pk': openClaimKey(paid, `waybill:${paid.waybill}`).pk!,
        },
      }),
    );
    expect(guard.Items).toEqual([]);
  }, 120_000);
});
