/**
 * Claim links in a shipment's partition (issue 21), on DynamoDB Local: read with the
 * shipment by the late listing's one Query; written by the consumer only, never replaced by
 * an older claim version; none kept for a shipment that is gone; cleared with a dropped
 * shipment's leftovers, kept when its id lives again; small at the maxima.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ShipmentClaimRef } from '../../src/domain/shipment';
import { clearLeftovers } from '../../src/storage/dynamodb/shipment-leftovers';
import { linkItem } from '../../src/storage/dynamodb/shipment-claim-links';
import { shipmentPartition } from '../../src/storage/dynamodb/keys';
import { tableContext } from '../../src/storage/dynamodb/table-context';
import type { ShipmentClaimLink } from '../../src/storage/repository';
import { freshStorage, shipment } from './helpers';
import { createOrder, orderOf, shipmentInstance } from './shipment-helpers';

let tableName = '';
beforeAll(async () => {
  tableName = (await freshStorage()).tableName;
});

const ref = (over: Partial<ShipmentClaimRef> = {}): ShipmentClaimRef => ({
  id: 'clm_0123456789abcdef0123456789abcdef',
  type: 'lost',
  status: 'submitted',
  amount: { amount: '3000.00', currency: 'RUB' },
  createdAt: '2025-03-14T09:00:00.000Z',
  ...over,
});
const link = (shopId: string, shipmentId: string, claimVersion: number, over = {}) =>
  ({ shopId, shipmentId, claimVersion, ref: ref(over) }) satisfies ShipmentClaimLink;
const lateClaims = async (shopId: string) => {
  const { repo } = shipmentInstance(tableName);
  const page = await repo.listLate({ shopId, before: '2025-06-20' }, { limit: 10, caller: 'k' });
  return new Map(page.items.map((item) => [item.shipmentId, item.claims]));
};

describe('claim links', () => {
  it('come with the shipment in the late listing, and only the newest claim version stays', async () => {
    const { repo } = shipmentInstance(tableName);
    await createOrder(repo, [shipment('links-a', 'O-1', 'S-1'), shipment('links-a', 'O-1', 'S-2')]);
    expect(await repo.linkClaim(link('links-a', 'S-1', 1))).toBe('written');
    expect(await repo.linkClaim(link('links-a', 'S-1', 1))).toBe('unchanged');
    expect(await repo.linkClaim(link('links-a', 'S-1', 4, { status: 'paid' }))).toBe('written');
    // A consumer that read the claim before its last move writes nothing.
    expect(await repo.linkClaim(link('links-a', 'S-1', 3, { status: 'approved' }))).toBe(
      'unchanged',
    );
    const claims = await lateClaims('links-a');
    expect(claims.get('S-1')).toEqual([ref({ status: 'paid' })]);
    expect(claims.get('S-2')).toEqual([]);
    // A shipment read whole is not torn by its links.
    expect((await repo.getShipment('links-a', 'S-1'))?.version).toBe(1);
  });

  it('at once, in any order: each claim keeps its newest version, none is lost, the shipment untouched', async () => {
    const { repo } = shipmentInstance(tableName);
    await createOrder(repo, [shipment('links-x', 'O-1', 'S-1')]);
    const ids = Array.from({ length: 8 }, (_, i) => `clm_${String(i).padStart(32, '0')}`);
    // Eight claims of one shipment, each announced at versions 1–5, all 40 writes at once,
    // the versions of each claim shuffled: what two consumers racing on one queue would do.
    const writes = ids.flatMap((id) =>
      [3, 1, 5, 2, 4].map((v) =>
        link('links-x', 'S-1', v, { id, status: v === 5 ? 'paid' : 'submitted' }),
      ),
    );
    const outcomes = await Promise.all(writes.map((w) => repo.linkClaim(w)));
    expect(outcomes.filter((o) => o === 'written').length).toBeGreaterThanOrEqual(ids.length);
    const claims = (await lateClaims('links-x')).get('S-1') ?? [];
    expect(claims.map((c) => c.id).sort()).toEqual(ids);
    expect(claims.every((c) => c.status === 'paid')).toBe(true);
    expect((await repo.getShipment('links-x', 'S-1'))?.version).toBe(1);
  });

  it('keeps no link for a shipment that is gone, and clears it with the dropped shipment', async () => {
    const { repo } = shipmentInstance(tableName);
    expect(await repo.linkClaim(link('links-b', 'S-none', 1))).toBe('unchanged');
    await createOrder(repo, [shipment('links-b', 'O-2', 'S-1'), shipment('links-b', 'O-2', 'S-2')]);
    await repo.linkClaim(link('links-b', 'S-2', 1));
    await repo.replaceOrder({
      order: orderOf('links-b', 'O-2', ['S-1'], 2),
      expectedOrderVersion: 1,
      puts: [],
      removes: [{ shipmentId: 'S-2', expectedVersion: 1 }],
    });
    const ctx = tableContext({ client: shipmentInstance(tableName).client, tableName });
    await clearLeftovers(ctx, shipmentPartition('links-b', 'S-2'));
    expect(await repo.linkClaim(link('links-b', 'S-2', 2))).toBe('unchanged');
    await createOrder(repo, [shipment('links-b', 'O-3', 'S-2')]);
    expect((await lateClaims('links-b')).get('S-2')).toEqual([]);
  });

  it('are kept when a dropped shipment’s id lives again before its leftovers go', async () => {
    const { repo } = shipmentInstance(tableName);
    await createOrder(repo, [shipment('links-c', 'O-1', 'S-1')]);
    await repo.linkClaim(link('links-c', 'S-1', 1));
    const ctx = tableContext({ client: shipmentInstance(tableName).client, tableName });
    await clearLeftovers(ctx, shipmentPartition('links-c', 'S-1'));
    expect((await lateClaims('links-c')).get('S-1')).toEqual([ref()]);
  });

  it('are small at the maxima: far below 1 KB', () => {
    const item = linkItem({
      shopId: 'ш'.repeat(64),
      shipmentId: 'x'.repeat(64),
      claimVersion: 1_000_000,
      ref: ref({
        status: 'partially_approved',
        amount: { amount: '99999999999.99', currency: 'RUB' },
        approvedAmount: { amount: '99999999999.99', currency: 'RUB' },
        paidAmount: { amount: '99999999999.99', currency: 'RUB' },
      }),
    });
    const bytes = Object.entries(item).reduce(
      (n, [name, v]) => n + Buffer.byteLength(name) + Buffer.byteLength(v.S ?? v.N ?? ''),
      0,
    );
    expect(bytes).toBeLessThan(1024);
  });
});
