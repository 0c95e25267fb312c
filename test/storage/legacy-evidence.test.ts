/**
 * Claims stored before evidence left the claim item (entries inside `doc`, some
 * without ids, no `evidenceCount`) still read, list and replay; their first move
 * writes the entries out as items and the claim item reads them from there on.
 */
import { GetItemCommand, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { addEvidence } from '../../src/domain/claim';
import { claimKey, claimPartition, filedClaimItem } from '../../src/storage/dynamodb/items';
import { at, freshStorage, newClaim } from './helpers';

const storage = await freshStorage();
const { claims } = storage;

/** A claim item as the earlier layout wrote it, its two entries inline (the first without an id). */
async function storeLegacy(idempotency?: { key: string; fingerprint: string; expiresAt: number }) {
  const { claim, event } = newClaim({
    waybill: 'WB-OLD',
    evidence: [
      { id: 'ev_1', kind: 'receipt', name: 'receipt.pdf', addedAt: at(1) },
      { id: 'ev_2', kind: 'photo', name: 'box.jpg', url: 'https://f.example/b', addedAt: at(1) },
    ],
  });
  const {
    evidenceCount: _count,
    idemEvidence: _entries,
    ...item
  } = filedClaimItem(claim, event, idempotency);
  const { id: _id, ...withoutId } = claim.evidence[0]!;
  const inline = { ...claim, evidence: [withoutId, claim.evidence[1]!] };
  item.doc = { S: JSON.stringify(inline) };
  if (idempotency) item.idemResponse = { S: JSON.stringify(inline) };
  await storage.client.send(new PutItemCommand({ TableName: storage.tableName, Item: item }));
  return claim;
}

describe('a claim stored with its evidence inside the claim item', () => {
  it('reads with every entry, the ones without an id numbered by position', async () => {
    const claim = await storeLegacy();
    expect(await claims.get(claim.id)).toStrictEqual(claim);
    const listed = await claims.list({ waybill: 'WB-OLD' }, { limit: 10, caller: 'k' });
    expect(listed.items.find((c) => c.id === claim.id)?.evidenceCount).toBe(2);
  });

  it('moves its entries out to items of their own on its first move', async () => {
    const claim = await storeLegacy();
    const by = { role: 'shop', id: 'shop-a' } as const;
    const added = addEvidence(
      claim,
      {
        evidence: [{ id: 'ev_3', kind: 'proof_of_value', name: 'invoice.pdf', addedAt: at(9) }],
        missingEvidence: [],
      },
      { at: at(9), by },
    );
    await claims.update(claim, added.claim, added.event);
    expect(await claims.get(claim.id)).toStrictEqual(added.claim);
    const { Items = [] } = await storage.client.send(
      new QueryCommand({
        TableName: storage.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :evidence)',
        ExpressionAttributeValues: {
          ':pk': { S: claimPartition(claim.id) },
          ':evidence': { S: 'EVIDENCE#' },
        },
      }),
    );
    expect(Items.map((item) => JSON.parse(item.doc?.S ?? '{}') as unknown)).toEqual(
      added.claim.evidence,
    );
    const { Item } = await storage.client.send(
      new GetItemCommand({ TableName: storage.tableName, Key: claimKey(claim.id) }),
    );
    expect(Item?.evidenceCount).toEqual({ N: '3' });
    expect(JSON.parse(Item?.doc?.S ?? '{}')).toMatchObject({ evidence: [] });
    expect((await claims.history(claim.id)).map((e) => e.type)).toEqual([
      'filed',
      'evidence_added',
    ]);
  });

  it('replays its key with the answer stored inline', async () => {
    const record = { key: 'k-old', fingerprint: 'fp', expiresAt: 2_000_000_000 };
    const claim = await storeLegacy(record);
    const again = newClaim({ id: claim.id });
    const result = await claims.create(again.claim, again.event, { idempotency: record });
    if (result.created || result.taken !== 'id') throw new Error('expected the id taken');
    const { id: _id, ...first } = claim.evidence[0]!;
    expect(JSON.parse(result.stored.idempotency?.response ?? '{}')).toEqual({
      ...claim,
      evidence: [first, claim.evidence[1]],
    });
  });
});
